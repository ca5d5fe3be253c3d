// Whether a paper note already says what arXiv says now, seen without parsing its YAML: each fact
// a catch-up check compares (see ./refresh-note.ts) stands on a line of its own exactly as Paper
// Feed writes it, or is absent where arXiv has nothing. Most notes a weekly check looks up have not
// changed since the last check, and reading their YAML was most of the check's work. Anything
// less plain (a quoted key, a value running on to the next line, a key twice) gives no
// signature, and the note is compared the full way; so a note is never called up to date that the
// full comparison would change. (A top-level line can only be part of another value in YAML that
// the spec does not allow: flow and quoted values continue on indented lines.)
//
// A vault index may keep each note's key (a hash of its signature), so a check need not even read
// a note whose key is arXiv's.

import type { Paper } from '../arxiv/paper';
import { dumpEntry, frontmatterLines, type FrontmatterValue } from '../notes/frontmatter';
import { metadataText } from '../notes/note-values';
import { hash64 } from '../text/hash64';
import { isWithdrawn } from './withdrawn';

/** The compared keys, in the signature's order. */
const COMPARED = ['version', 'updated', 'journal_ref', 'doi', 'comment', 'withdrawn'] as const;
/** A top-level key written plain, with its colon: the only form of top-level line this looks through. */
const PLAIN_KEY_LINE = /^([A-Za-z0-9_][^:#]*?)[ \t]*:(?:[ \t]|$)/;
/** `withdrawn: false` says what an absent key says. */
const NOT_WITHDRAWN = dumpEntry('withdrawn', false).join('\n');

/** The compared keys' lines of a note (one per key, '' for an absent one), or undefined when its frontmatter is not plain enough to tell. */
export function factsSignature(text: string): string | undefined {
  const lines = frontmatterLines(text);
  if (lines === null) return undefined;
  const seen = new Map<string, string>();
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    // Indented lines, list items and comments belong to the key above; any other line must be a plain key.
    if (line === '' || /^[ \t#]|^- |^-$/.test(line)) continue;
    const key = PLAIN_KEY_LINE.exec(line)?.[1];
    if (key === undefined) return undefined;
    if (!(COMPARED as readonly string[]).includes(key)) continue;
    // A compared key twice, or a value the next line could continue, is left to the full reading.
    const next = lines[i + 1];
    if (seen.has(key) || (next !== undefined && !PLAIN_KEY_LINE.test(next))) return undefined;
    seen.set(key, line === NOT_WITHDRAWN ? '' : line);
  }
  return COMPARED.map((key) => seen.get(key) ?? '').join('\n');
}

/** The signature of a note that states arXiv's facts of `paper` as Paper Feed writes them. */
export function paperSignature(paper: Paper): string {
  const line = (key: string, value: FrontmatterValue | undefined) => (value ? dumpEntry(key, value).join('\n') : '');
  return [
    line('version', paper.version),
    line('updated', paper.updated),
    line('journal_ref', paper.journalRef && metadataText(paper.journalRef)),
    line('doi', paper.doi),
    line('comment', paper.comment && metadataText(paper.comment)),
    isWithdrawn(paper) ? line('withdrawn', true) : '',
  ].join('\n');
}

/** True only when the note's frontmatter plainly holds arXiv's facts of `paper` (false: compare the full way). */
export function plainlyUpToDate(text: string, paper: Paper): boolean {
  return factsSignature(text) === paperSignature(paper);
}

/** A note's signature as a short key, for an index to keep; undefined when it has none. */
export function factsKey(text: string): string | undefined {
  const signature = factsSignature(text);
  return signature === undefined ? undefined : hash64(signature);
}

/** The key of a note that states arXiv's facts of `paper`. */
export function paperFactsKey(paper: Paper): string {
  return hash64(paperSignature(paper));
}
