// Whether a paper note already says what arXiv says now, seen without parsing its YAML: each fact
// a catch-up check compares (see ./refresh-note.ts) stands on a line of its own exactly as Paper
// Feed writes it, or is absent where arXiv has nothing. Most notes a weekly check looks up have not
// changed since the last check, and reading their YAML was most of the check's work. Anything
// less plain (a quoted key, a value running on to the next line, a key twice, CRLF endings) says
// "not plainly", and the note is compared the full way; so this never calls a note up to date
// that the full comparison would change. (A top-level line can only be part of another value in
// YAML that the spec does not allow: flow and quoted values continue on indented lines.)

import type { Paper } from '../arxiv/paper';
import { dumpEntry, frontmatterLines, type FrontmatterValue } from '../notes/frontmatter';
import { metadataText } from '../notes/note-values';
import { isWithdrawn } from './withdrawn';

/** A top-level key written plain, with its colon: the only form of top-level line this looks through. */
const PLAIN_KEY_LINE = /^([A-Za-z0-9_][^:#]*?)[ \t]*:(?:[ \t]|$)/;

/** Each compared key → the lines it may have: [] means it must be absent, two choices mean either. */
function expected(paper: Paper): Map<string, Array<string | null>> {
  const line = (key: string, value: FrontmatterValue) => dumpEntry(key, value).join('\n');
  const text = (key: string, value: string | undefined) => (value ? [line(key, value)] : [null]);
  return new Map<string, Array<string | null>>([
    ['version', [line('version', paper.version)]],
    ['updated', text('updated', paper.updated)],
    ['journal_ref', text('journal_ref', paper.journalRef && metadataText(paper.journalRef))],
    ['doi', text('doi', paper.doi)],
    ['comment', text('comment', paper.comment && metadataText(paper.comment))],
    ['withdrawn', isWithdrawn(paper) ? [line('withdrawn', true)] : [null, line('withdrawn', false)]],
  ]);
}

/** True only when the note's frontmatter plainly holds arXiv's facts of `paper` (false: compare the full way). */
export function plainlyUpToDate(text: string, paper: Paper): boolean {
  const lines = frontmatterLines(text);
  if (lines === null) return false;
  const wanted = expected(paper);
  const seen = new Map<string, string>();
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    // Indented lines, list items and comments belong to the key above; any other line must be a plain key.
    if (line === '' || /^[ \t#]|^- |^-$/.test(line)) continue;
    const key = PLAIN_KEY_LINE.exec(line)?.[1];
    if (key === undefined) return false;
    if (!wanted.has(key)) continue;
    // A compared key twice, or a value the next line could continue, is left to the full reading.
    const next = lines[i + 1];
    if (seen.has(key) || (next !== undefined && !PLAIN_KEY_LINE.test(next))) return false;
    seen.set(key, line);
  }
  for (const [key, choices] of wanted) if (!choices.includes(seen.get(key) ?? null)) return false;
  return true;
}
