// What the Top picks library remembers of each paper note between sessions, so a restart reads
// only the notes that changed: library-notes.json, plus a journal of the changes since, appended
// line by line, so a run's save grows with what changed rather than with the vault. The file holds
// its notes in columns (paths, mtimes, sizes): read at the start of a session, 50,000 notes parse
// as three lists instead of 50,000 objects under as many keys. A file in the earlier shape (one
// object per path) is still read.
import type { DataAdapter } from 'obsidian';
import { isRecord } from '../core/record';
import { NoteEntries } from './note-entries';

export const LIBRARY_NOTES_FILE = 'library-notes.json';
export const LIBRARY_NOTES_JOURNAL = 'library-notes.log';

/** The journal is folded into the file once it holds more lines than this or than the file has notes. */
const JOURNAL_LINES = 1000;

/** What a note's text said, by its mtime and size. Title and abstract only for notes that were kept. */
export interface NoteEntry {
  m: number;
  s: number;
  /** The person wrote outside the generated block. */
  w: boolean;
  t?: string;
  b?: string;
  /** Its first digest's date (ms). */
  l?: number;
}

/** The entries as save reads them (NoteEntries, or a Map). */
type SavedEntries = Pick<ReadonlyMap<string, NoteEntry>, 'size' | 'get'> & Iterable<[string, NoteEntry]>;

/** library-notes.json: row i is the note at paths[i]; `written` and `kept` name rows. */
interface NotesColumns {
  paths: string[];
  mtimes: number[];
  sizes: number[];
  /** The rows of notes the person wrote in. */
  written: number[];
  /** [row, title, abstract, first digest's date or null] of the notes that were kept. */
  kept: Array<[number, string | null, string | null, number | null]>;
}

export class LibraryNotesFile {
  private readonly file: string;
  private readonly journal: string;
  /** Lines in the journal, or null when there is no journal file. */
  private journalLines: number | null = null;
  private saved = false;

  constructor(
    private readonly adapter: DataAdapter,
    /** The plugin's own folder. */
    folder: string,
  ) {
    this.file = `${folder}/${LIBRARY_NOTES_FILE}`;
    this.journal = `${folder}/${LIBRARY_NOTES_JOURNAL}`;
  }

  /** The entries last saved, by note path; a damaged file or line costs one read of those notes. */
  async load(): Promise<NoteEntries> {
    const entries = new NoteEntries();
    try {
      if (await this.adapter.exists(this.file)) {
        const stored = JSON.parse(await this.adapter.read(this.file)) as unknown;
        if (isColumns(stored)) readColumns(entries, stored);
        else if (isRecord(stored)) {
          for (const path in stored) {
            const entry = stored[path];
            if (isNoteEntry(entry)) entries.set(path, entry);
          }
        }
        this.saved = true;
      }
    } catch {
      entries.clear();
    }
    try {
      if (await this.adapter.exists(this.journal)) {
        const lines = (await this.adapter.read(this.journal)).split('\n').filter((line) => line !== '');
        for (const line of lines) applyLine(entries, line);
        this.journalLines = lines.length;
      }
    } catch {
      // The file alone is still right about every note it names (mtime and size are checked).
    }
    return entries;
  }

  /** Saves the entries of `changed` paths (those missing from `entries` were dropped). */
  async save(entries: SavedEntries, changed: ReadonlySet<string>): Promise<void> {
    if (changed.size === 0) return;
    try {
      const lines = (this.journalLines ?? 0) + changed.size;
      if (!this.saved || lines > Math.max(JOURNAL_LINES, entries.size)) {
        await this.adapter.write(this.file, JSON.stringify(columnsOf(entries)));
        this.saved = true;
        if (this.journalLines !== null) await this.adapter.remove(this.journal);
        this.journalLines = null;
        return;
      }
      const text = Array.from(changed, (path) => `${JSON.stringify([path, entries.get(path) ?? null])}\n`).join('');
      if (this.journalLines === null) await this.adapter.write(this.journal, text);
      else await this.adapter.append(this.journal, text);
      this.journalLines = lines;
    } catch {
      // Only saves reading time; the next session reads those notes again.
    }
  }
}

function columnsOf(entries: SavedEntries): NotesColumns {
  const columns: NotesColumns = { paths: [], mtimes: [], sizes: [], written: [], kept: [] };
  for (const [path, entry] of entries) {
    const row = columns.paths.push(path) - 1;
    columns.mtimes.push(entry.m);
    columns.sizes.push(entry.s);
    if (entry.w) columns.written.push(row);
    if (entry.t !== undefined || entry.b !== undefined || entry.l !== undefined) columns.kept.push([row, entry.t ?? null, entry.b ?? null, entry.l ?? null]);
  }
  return columns;
}

function isColumns(value: unknown): value is NotesColumns {
  return (
    isRecord(value) &&
    Array.isArray(value.paths) &&
    Array.isArray(value.mtimes) &&
    Array.isArray(value.sizes) &&
    Array.isArray(value.written) &&
    Array.isArray(value.kept)
  );
}

/** The rows of a columns file; a row with a damaged field is left out (its note is read again). */
function readColumns(entries: NoteEntries, columns: NotesColumns): void {
  const written = new Set(columns.written);
  const kept = new Map<number, unknown[]>();
  for (const part of columns.kept as unknown[]) if (Array.isArray(part) && typeof part[0] === 'number') kept.set(part[0], part);
  columns.paths.forEach((path: unknown, row) => {
    const entry: Record<string, unknown> = { m: columns.mtimes[row], s: columns.sizes[row], w: written.has(row) };
    const part = kept.get(row);
    if (part) {
      const [, t, b, l] = part;
      if (t !== null) entry.t = t;
      if (b !== null) entry.b = b;
      if (l !== null) entry.l = l;
    }
    if (typeof path === 'string' && isNoteEntry(entry)) entries.set(path, entry);
  });
}

/** One journal line: [path, entry] sets a note's entry, [path, null] drops it. A torn line is skipped. */
function applyLine(entries: NoteEntries, line: string): void {
  let change: unknown;
  try {
    change = JSON.parse(line);
  } catch {
    return;
  }
  if (!Array.isArray(change) || change.length !== 2 || typeof change[0] !== 'string') return;
  const [path, entry] = change as [string, unknown];
  if (entry === null) entries.delete(path);
  else if (isNoteEntry(entry)) entries.set(path, entry);
}

function isNoteEntry(value: unknown): value is NoteEntry {
  if (!isRecord(value) || typeof value.m !== 'number' || typeof value.s !== 'number' || typeof value.w !== 'boolean') return false;
  return (
    (value.t === undefined || typeof value.t === 'string') &&
    (value.b === undefined || typeof value.b === 'string') &&
    (value.l === undefined || typeof value.l === 'number')
  );
}
