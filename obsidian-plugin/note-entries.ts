// What the Top picks library remembers of each paper note (library-notes-file.ts), held in columns:
// a vault of 50,000 notes would otherwise keep 50,000 small objects, each with its mtime boxed
// beside it. A note's entry is handed out as a fresh NoteEntry; changing it means setting it again.
import type { NoteEntry } from './library-notes-file';
import { NoteStamp } from './note-stamp';

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
  /** By row, the note's path (undefined for a row given back). */
  private readonly paths: Array<string | undefined> = [];
  /**
   * The stamp of the entries (note-stamp.ts), kept current by set() and delete(); null while
   * unknown (a file saved without one), until stamp() works it out.
   */
  private stampNow: NoteStamp | null = new NoteStamp();
  /**
   * The keep keys (as the library writes them) of the last pass over every paper note, when the
   * entries have followed every change since: null when no such pass is known.
   */
  passKeys: string | null = null;

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
      this.paths[row] = path;
    } else {
      this.stampNow?.remove(path, this.mtimes[row]!, this.sizes[row]!);
    }
    this.stampNow?.add(path, entry.m, entry.s);
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
    this.stampNow?.remove(path, this.mtimes[row]!, this.sizes[row]!);
    this.rows.delete(path);
    this.paths[row] = undefined;
    this.kept.delete(row);
    this.freeRows.push(row);
    return true;
  }

  clear(): void {
    this.rows.clear();
    this.kept.clear();
    this.freeRows.length = 0;
    this.paths.length = 0;
    this.stampNow = new NoteStamp();
    this.passKeys = null;
  }

  /**
   * Fills the entries, empty till now, from a saved file's columns (library-notes-file.ts) with no
   * entry built per row: row i is paths[i], written rows are named in `written`, kept parts come by
   * row (null for a damaged one). A row with a damaged field is left out, and the answer is then false. The stamp is left
   * unknown until adoptStamp() gives the file's.
   */
  fill(
    paths: readonly unknown[],
    mtimes: readonly unknown[],
    sizes: readonly unknown[],
    written: readonly unknown[],
    kept: ReadonlyMap<number, KeptPart | null>,
  ): boolean {
    this.stampNow = null;
    const writtenRows = new Set(written);
    /** Whether row i of the file is whole (a damaged one is left out); checked with no object built. */
    const whole = (i: number) => typeof paths[i] === 'string' && typeof mtimes[i] === 'number' && typeof sizes[i] === 'number' && kept.get(i) !== null;
    this.reserve(paths.length);
    let allWhole = true;
    let row = 0;
    for (let i = 0; i < paths.length; i += 1) {
      if (!whole(i)) {
        allWhole = false;
        continue;
      }
      const path = paths[i] as string;
      this.rows.set(path, row);
      this.paths[row] = path;
      this.mtimes[row] = mtimes[i] as number;
      this.sizes[row] = sizes[i] as number;
      this.written[row] = writtenRows.has(i) ? 1 : 0;
      const part = kept.get(i);
      if (part) this.kept.set(row, part);
      row += 1;
    }
    if (this.rows.size === row) return allWhole;
    // A path named twice (a file edited by hand): the rows again, one at a time, the later one standing.
    this.clear();
    this.stampNow = null;
    for (let i = 0; i < paths.length; i += 1) {
      if (whole(i)) this.set(paths[i] as string, { m: mtimes[i] as number, s: sizes[i] as number, w: writtenRows.has(i), ...kept.get(i) });
    }
    return false;
  }

  /** Whether the entries' stamp is known without working it out. */
  hasStamp(): boolean {
    return this.stampNow !== null;
  }

  /** The stamp of the entries' paths, mtimes and sizes (note-stamp.ts); worked out once when unknown. */
  stamp(): NoteStamp {
    if (!this.stampNow) {
      const stamp = new NoteStamp();
      for (const [path, row] of this.rows) stamp.add(path, this.mtimes[row]!, this.sizes[row]!);
      this.stampNow = stamp;
    }
    return this.stampNow;
  }

  /**
   * Takes `stamp` as the entries' own (the file saved it with them), or forgets it (null) until
   * stamp() works it out: set() and delete() then stop keeping it current, which saves a file's
   * load a hash of every path.
   */
  adoptStamp(stamp: NoteStamp | null): void {
    this.stampNow = stamp;
  }

  /** The paths of the entries that may put their note in the library: written in, or with a kept part. */
  candidates(): string[] {
    const found: string[] = [];
    for (const row of this.kept.keys()) found.push(this.paths[row]!);
    const end = this.rows.size + this.freeRows.length;
    for (let row = 0; row < end; row += 1) {
      if (this.written[row] === 1 && !this.kept.has(row) && this.paths[row] !== undefined) found.push(this.paths[row]!);
    }
    return found;
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
    if (row === this.mtimes.length) this.reserve(row * 2);
    return row;
  }

  /** Columns with room for `rows` rows. */
  private reserve(rows: number): void {
    if (rows <= this.mtimes.length) return;
    const grown = <T extends Float64Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.mtimes = grown(this.mtimes, new Float64Array(rows));
    this.sizes = grown(this.sizes, new Float64Array(rows));
    this.written = grown(this.written, new Uint8Array(rows));
    this.touched = grown(this.touched, new Uint8Array(rows));
  }
}
