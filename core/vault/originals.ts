// When sync leaves two notes for one paper (or one digest), which is the original: the rule every
// host uses to choose the note Paper Feed keeps up to date, and the sentence that tells the person.

/**
 * Name endings sync tools give the copy they keep when two devices changed a note at once:
 * Obsidian Sync, Dropbox and Nextcloud "(conflicted copy …)", Syncthing ".sync-conflict-…",
 * git merge tools "_LOCAL_1234" and the like, iCloud and Finder " 2", Google Drive " (1)", and
 * " 1". A lone note with such a name is still the note: the ending only ranks duplicates.
 */
const CONFLICT_ENDINGS = [
  /\s\([^()]*conflict(?:ed)?[^()]*\)$/i,
  /\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]+)?$/i,
  /_(?:BASE|LOCAL|REMOTE|BACKUP)_\d+$/,
  /\s\(\d+\)$/,
  /\s\d{1,2}$/,
];

/** Whether a note's name ends the way a sync tool names its conflict copies. */
export function isConflictCopy(path: string): boolean {
  const name = (path.split('/').pop() ?? path).replace(/\.md$/i, '');
  return CONFLICT_ENDINGS.some((ending) => ending.test(name));
}

export interface NoteClaim {
  path: string;
  /** A daily note links to it (Paper Feed's own links go to the note it kept up to date). */
  linked?: boolean;
  /** When the file was created (ms), where the host can tell. */
  createdMs?: number;
}

/**
 * Orders claims to one id (or date), the original first: a name without a conflict ending, then
 * the one daily notes link to, then the oldest, then the path (by code unit, so every device and
 * every run agree).
 */
export function byOriginality(a: NoteClaim, b: NoteClaim): number {
  return (
    Number(isConflictCopy(a.path)) - Number(isConflictCopy(b.path)) ||
    Number(!a.linked) - Number(!b.linked) ||
    // Two unknown ages give NaN, which || passes over like a tie.
    (a.createdMs ?? Infinity) - (b.createdMs ?? Infinity) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  );
}

export function originalFirst<T extends NoteClaim>(claims: readonly T[]): T[] {
  return [...claims].sort(byOriginality);
}

/** Notes that claim one paper or one digest, the original first. */
export interface Duplicate {
  /** "arXiv:2606.01018" or "the digest of 2026-06-01". */
  what: string;
  paths: readonly string[];
}

/** "2 notes claim arXiv:ID: A and B; Paper Feed keeps A up to date. Merge or delete B." */
export function duplicateSentence({ what, paths }: Duplicate): string {
  const [kept, ...others] = paths;
  return `${paths.length} notes claim ${what}: ${listed(paths)}; Paper Feed keeps ${kept} up to date. Merge or delete ${listed(others)}.`;
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
