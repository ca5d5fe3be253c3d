// Reading just enough of a .bib file to never repeat an entry (its keys, and the arXiv id an
// entry is for), and appending an entry without touching a byte of what is already there.

export interface BibEntryRef {
  key: string;
  /** The `eprint` field, when the entry has one (the arXiv id, maybe with a version). */
  eprint?: string;
}

// "@misc{key," or "@article(key,"; @string, @preamble and @comment have no key.
const ENTRY_START = /@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]+)\s*,/g;
const NOT_ENTRIES = new Set(['string', 'preamble', 'comment']);
const EPRINT = /\beprint\s*=\s*(?:\{\s*([^{}]*?)\s*\}|"\s*([^"]*?)\s*"|([^,\s}]+))/i;

export function bibEntries(text: string): BibEntryRef[] {
  const starts = [...text.matchAll(ENTRY_START)].filter((m) => !NOT_ENTRIES.has(m[1]!.toLowerCase()));
  return starts.map((match, i) => {
    const body = text.slice(match.index + match[0].length, starts[i + 1]?.index ?? text.length);
    const eprint = EPRINT.exec(body);
    const value = eprint?.[1] ?? eprint?.[2] ?? eprint?.[3];
    return { key: match[2]!, ...(value ? { eprint: value } : {}) };
  });
}

/** BibTeX treats keys that differ only in case as the same entry, so the check does too. */
export function hasKey(entries: readonly BibEntryRef[], key: string): boolean {
  const wanted = key.toLowerCase();
  return entries.some((e) => e.key.toLowerCase() === wanted);
}

/**
 * `text` with `entry` appended after a blank line, in the file's own line endings; the existing
 * text is kept exactly as it was.
 */
export function appendEntry(text: string, entry: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = entry.replace(/\r?\n/g, eol) + eol;
  if (text.trim() === '') return text + body;
  const separator = text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : eol + eol;
  return text + separator + body;
}
