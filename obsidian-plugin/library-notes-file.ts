// What the Top picks library remembers of each paper note between sessions, so a restart reads
// only the notes that changed: library-notes.json, plus a journal of the changes since, appended
// line by line, so a run's save grows with what changed rather than with the vault. The file holds
// its notes in columns (paths, mtimes, sizes): read at the start of a session, 50,000 notes parse
// as three lists instead of 50,000 objects under as many keys. A file in the earlier shape (one
// object per path) is still read.
import type { DataAdapter } from 'obsidian';
import { isRecord } from '../core/record';
import { NoteEntries } from './note-entries';
import { NoteStamp, type SavedStamp } from './note-stamp';

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
  /** The keep keys of the last pass over every paper note (NoteEntries.passKeys), when known. */
  keys?: string | null;
  /** The stamp of these rows (note-stamp.ts). */
  stamp?: SavedStamp;
}

/** A journal line that is not a note's: the keep keys of a pass over every paper note. */
interface KeysLine {
  keys: string | null;
}

export class LibraryNotesFile {
  private readonly file: string;
  private readonly journal: string;
  /** Lines in the journal, or null when there is no journal file. */
  private journalLines: number | null = null;
  private saved = false;
  /** The pass keys as the file and journal hold them now. */
  private savedKeys: string | null = null;

  constructor(
    private readonly adapter: DataAdapter,
    /** The plugin's own folder. */
    folder: string,
  ) {
    this.file = `${folder}/${LIBRARY_NOTES_FILE}`;
    this.journal = `${folder}/${LIBRARY_NOTES_JOURNAL}`;
  }

  /**
   * The entries last saved, by note path, with their stamp and pass keys; a damaged file or line
   * costs one read of those notes (and the stamp, so the next pass looks at every note).
   */
  async load(): Promise<NoteEntries> {
    const entries = new NoteEntries();
    try {
      if (await this.adapter.exists(this.file)) {
        const stored = JSON.parse(await this.adapter.read(this.file)) as unknown;
        // The rows are filled without stamping each one: the file saved their stamp, or the stamp
        // is worked out when first asked for.
        entries.adoptStamp(null);
        if (isColumns(stored)) {
          const whole = readColumns(entries, stored);
          const stamp = whole ? NoteStamp.from(stored.stamp) : null;
          entries.adoptStamp(stamp);
          if (stamp && typeof stored.keys === 'string') entries.passKeys = stored.keys;
        } else if (isRecord(stored)) {
          for (const path in stored) {
            const entry = stored[path];
            if (isNoteEntry(entry)) entries.set(path, entry);
          }
        }
        // A file without its stamp (an earlier version's, or damaged) is written whole at the next save, with it.
        this.saved = entries.hasStamp();
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
    this.savedKeys = entries.passKeys;
    return entries;
  }

  /** Saves the entries of `changed` paths (those missing from `entries` were dropped), and new pass keys. */
  async save(entries: SavedEntries, changed: ReadonlySet<string>): Promise<void> {
    const keys = entries instanceof NoteEntries ? entries.passKeys : null;
    if (changed.size === 0 && keys === this.savedKeys) return;
    try {
      const keysLine = keys === this.savedKeys ? 0 : 1;
      const lines = (this.journalLines ?? 0) + changed.size + keysLine;
      if (!this.saved || lines > Math.max(JOURNAL_LINES, entries.size)) {
        const columns = columnsOf(entries);
        if (entries instanceof NoteEntries) {
          columns.keys = keys;
          columns.stamp = entries.stamp().saved();
        }
        await this.adapter.write(this.file, JSON.stringify(columns));
        this.saved = true;
        this.savedKeys = keys;
        if (this.journalLines !== null) await this.adapter.remove(this.journal);
        this.journalLines = null;
        return;
      }
      let text = Array.from(changed, (path) => `${JSON.stringify([path, entries.get(path) ?? null])}\n`).join('');
      if (keysLine) text += `${JSON.stringify({ keys } satisfies KeysLine)}\n`;
      if (this.journalLines === null) await this.adapter.write(this.journal, text);
      else await this.adapter.append(this.journal, text);
      this.journalLines = lines;
      this.savedKeys = keys;
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

/** The rows of a columns file; a row with a damaged field is left out (its note is read again), and the answer is false. */
function readColumns(entries: NoteEntries, columns: NotesColumns): boolean {
  const whole = columns.mtimes.length === columns.paths.length && columns.sizes.length === columns.paths.length;
  // By row: the kept part, or null for a damaged one (that row is left out).
  const kept = new Map<number, Pick<NoteEntry, 't' | 'b' | 'l'> | null>();
  for (const part of columns.kept as unknown[]) {
    if (!Array.isArray(part) || typeof part[0] !== 'number') continue;
    const [row, t, b, l] = part as unknown[];
    if ((t !== null && typeof t !== 'string') || (b !== null && typeof b !== 'string') || (l !== null && typeof l !== 'number')) {
      kept.set(row as number, null);
      continue;
    }
    const held: Pick<NoteEntry, 't' | 'b' | 'l'> = {};
    if (typeof t === 'string') held.t = t;
    if (typeof b === 'string') held.b = b;
    if (typeof l === 'number') held.l = l;
    kept.set(row as number, held);
  }
  return entries.fill(columns.paths, columns.mtimes, columns.sizes, columns.written, kept) && whole;
}

/**
 * One journal line: [path, entry] sets a note's entry, [path, null] drops it, {keys} names the keep
 * keys of a pass over every note. A torn line is skipped.
 */
function applyLine(entries: NoteEntries, line: string): void {
  let change: unknown;
  try {
    change = JSON.parse(line);
  } catch {
    return;
  }
  if (isRecord(change) && 'keys' in change) {
    entries.passKeys = typeof change.keys === 'string' ? change.keys : null;
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
