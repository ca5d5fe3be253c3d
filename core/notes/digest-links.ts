// The `digests` links from a paper note back to the daily notes that listed it. A bare
// `[[2026-05-29]]` names the note only by its file name, which the core Daily notes plugin also
// gives that day's journal note; Obsidian then resolves the link to whichever of the two has the
// shorter path (usually the journal). A link by the digest's vault path resolves to it whatever
// else shares the name, and shows the date as its text.

import { mergeBy, type Item } from './note-values';

/** A bare link by a daily note's name, as earlier versions wrote it: `[[2026-05-29]]`, `[[2026-05-29 arXiv 2]]`. */
const BARE_DIGEST = /^\[\[\s*(\d{4}-\d{2}-\d{2}(?: arXiv(?: \d+)?)?)\s*\]\]$/;

/** The wikilink to the daily note at `path` (a vault path, ".md" optional): `[[arXiv/Daily/2026-05-29|2026-05-29]]`. */
export function digestLink(path: string): string {
  const target = path.replace(/\.md$/i, '');
  const name = target.split('/').pop() ?? target;
  // A folder with a character a wikilink cannot hold (a vault synced from elsewhere) keeps the
  // bare name: it still resolves where no other note has it.
  if (target === name || /[#^|[\]]/.test(target)) return `[[${name}]]`;
  return `[[${target}|${name}]]`;
}

/**
 * The note's `digests` with each bare link by a daily note's name rewritten to its path, and the
 * links to `dailyPaths` it lacks appended; null when nothing changes (the person's formatting
 * then stays). Two links to daily notes of one name count as one entry, so the old and the new
 * form of a date never both stay. `pathOfName` says where the daily note of a bare link's name is.
 */
export function mergeDigests(existing: unknown, dailyPaths: readonly string[], pathOfName: (name: string) => string): Item[] | null {
  const current: unknown[] = existing === undefined || existing === null ? [] : Array.isArray(existing) ? existing : [existing];
  const items = current.map((item) => {
    const bare = typeof item === 'string' ? BARE_DIGEST.exec(item.trim()) : null;
    return bare ? { item: digestLink(pathOfName(bare[1]!)), rewritten: true } : { item, rewritten: false };
  });
  const rewritten = items.some((entry) => entry.rewritten);
  // A note holding both forms of one date keeps the first of them.
  const kept = items
    .filter((entry, i) => !items.some((other, j) => j < i && other.item === entry.item && (other.rewritten || entry.rewritten)))
    .map((entry) => entry.item);
  const merged = mergeBy(rewritten ? kept : existing, dailyPaths.map(digestLink), digestKey);
  if (merged) return merged;
  return rewritten && kept.every(isPlain) ? kept : null;
}

/** What a digest link points at, by note name: "[[arXiv/Daily/2026-05-29|2026-05-29]]" → "2026-05-29". */
export function digestKey(link: string): string {
  const inner = link.replace(/^\s*!?\[\[/, '').replace(/\]\]\s*$/, '');
  const target = inner.split('|')[0]!.split('#')[0]!.replace(/\.md$/i, '');
  return (target.split('/').pop() ?? target).trim().toLowerCase();
}

function isPlain(value: unknown): value is Item {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
