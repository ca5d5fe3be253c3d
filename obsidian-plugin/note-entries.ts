// What the Top picks library remembers of each paper note (library-notes-file.ts), held in columns:
// a vault of 50,000 notes would otherwise keep 50,000 small objects, each with its mtime boxed
// beside it. A note's entry is handed out as a fresh NoteEntry; changing it means setting it again.
import type { NoteEntry } from './library-notes-file';

/** What only kept notes' entries have: their title, abstract and first digest's date. */
type KeptPart = Pick<NoteEntry, 't' | 'b' | 'l'>;

export class NoteEntries implements Iterable<[string, NoteEntry]> {
  /** Each note's row in the columns, in the order the notes came (as a Map keeps them). */
  private readonly rows = new Map<string, number>();
  private mtimes = new Float64Array(16);
  private sizes = new Float64Array(16);
  private written = new Uint8Array(16);
  /** By row, for the few entries of kept notes. */
  private readonly kept = new Map<number, KeptPart>();
  /** Rows given back by deleted notes, used again before the columns grow. */
  private readonly freeRows: number[] = [];

  get size(): number {
    return this.rows.size;
  }

  has(path: string): boolean {
    return this.rows.has(path);
  }

  get(path: string): NoteEntry | undefined {
    const row = this.rows.get(path);
    return row === undefined ? undefined : this.entryAt(row);
  }

  set(path: string, entry: NoteEntry): this {
    let row = this.rows.get(path);
    if (row === undefined) {
      row = this.freeRows.pop() ?? this.newRow();
      this.rows.set(path, row);
    }
    this.mtimes[row] = entry.m;
    this.sizes[row] = entry.s;
    this.written[row] = entry.w ? 1 : 0;
    const part: KeptPart = {};
    if (entry.t !== undefined) part.t = entry.t;
    if (entry.b !== undefined) part.b = entry.b;
    if (entry.l !== undefined) part.l = entry.l;
    if (Object.keys(part).length > 0) this.kept.set(row, part);
    else this.kept.delete(row);
    return this;
  }

  delete(path: string): boolean {
    const row = this.rows.get(path);
    if (row === undefined) return false;
    this.rows.delete(path);
    this.kept.delete(row);
    this.freeRows.push(row);
    return true;
  }

  clear(): void {
    this.rows.clear();
    this.kept.clear();
    this.freeRows.length = 0;
  }

  keys(): IterableIterator<string> {
    return this.rows.keys();
  }

  *entries(): IterableIterator<[string, NoteEntry]> {
    for (const [path, row] of this.rows) yield [path, this.entryAt(row)];
  }

  [Symbol.iterator](): IterableIterator<[string, NoteEntry]> {
    return this.entries();
  }

  private entryAt(row: number): NoteEntry {
    const entry: NoteEntry = { m: this.mtimes[row]!, s: this.sizes[row]!, w: this.written[row] === 1 };
    const part = this.kept.get(row);
    if (part?.t !== undefined) entry.t = part.t;
    if (part?.b !== undefined) entry.b = part.b;
    if (part?.l !== undefined) entry.l = part.l;
    return entry;
  }

  /** The next unused row, the columns doubled when full. */
  private newRow(): number {
    const row = this.rows.size + this.freeRows.length;
    if (row === this.mtimes.length) {
      const grown = (from: Float64Array) => {
        const to = new Float64Array(from.length * 2);
        to.set(from);
        return to;
      };
      this.mtimes = grown(this.mtimes);
      this.sizes = grown(this.sizes);
      const written = new Uint8Array(this.written.length * 2);
      written.set(this.written);
      this.written = written;
    }
    return row;
  }
}
