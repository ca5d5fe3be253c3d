// What the Top picks library remembers of each paper note (library-notes-file.ts), held in columns:
// a vault of 50,000 notes would otherwise keep 50,000 small objects, each with its mtime boxed
// beside it. A note's entry is handed out as a fresh NoteEntry; changing it means setting it again.
import type { NoteEntry } from './library-notes-file';

/** What only kept notes' entries have: their title, abstract and first digest's date. */
type KeptPart = Pick<NoteEntry, 't' | 'b' | 'l'>;

/** What current() answers for a note whose entry is missing or older than its file. */
export const STALE = -1;
/** Bits of what current() answers for an entry that is up to date. */
export const WRITTEN = 1;
export const HAS_ABSTRACT = 2;

export class NoteEntries implements Iterable<[string, NoteEntry]> {
  /** Each note's row in the columns, in the order the notes came (as a Map keeps them). */
  private readonly rows = new Map<string, number>();
  private mtimes = new Float64Array(16);
  private sizes = new Float64Array(16);
  private written = new Uint8Array(16);
  /** By row: 1 once current() or set() touched the entry since the last startPass(). */
  private touched = new Uint8Array(16);
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

  /**
   * Whether the entry of `path` was made from the note as it is now (same mtime and size), and
   * then what it says, without building it (a pass over 50,000 notes builds none): STALE, or
   * WRITTEN and HAS_ABSTRACT bits.
   */
  current(path: string, mtime: number, size: number): number {
    const row = this.rows.get(path);
    if (row === undefined) return STALE;
    this.touched[row] = 1;
    if (this.mtimes[row] !== mtime || this.sizes[row] !== size) return STALE;
    return (this.written[row] === 1 ? WRITTEN : 0) | (this.kept.get(row)?.b !== undefined ? HAS_ABSTRACT : 0);
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
    this.touched[row] = 1;
    if (entry.t === undefined && entry.b === undefined && entry.l === undefined) {
      // Nearly every note: nothing kept, nothing to build.
      if (this.kept.size > 0) this.kept.delete(row);
      return this;
    }
    const part: KeptPart = {};
    if (entry.t !== undefined) part.t = entry.t;
    if (entry.b !== undefined) part.b = entry.b;
    if (entry.l !== undefined) part.l = entry.l;
    this.kept.set(row, part);
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

  /** From now on, untouched() tells which entries neither current() nor set() has touched. */
  startPass(): void {
    this.touched.fill(0);
  }

  /** The paths of the entries untouched since startPass(), in the order the notes came. */
  untouched(): string[] {
    const paths: string[] = [];
    for (const [path, row] of this.rows) if (this.touched[row] === 0) paths.push(path);
    return paths;
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
      const bytes = (from: Uint8Array) => {
        const to = new Uint8Array(from.length * 2);
        to.set(from);
        return to;
      };
      this.written = bytes(this.written);
      this.touched = bytes(this.touched);
    }
    return row;
  }
}
