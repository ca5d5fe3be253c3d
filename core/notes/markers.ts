// The visible markers around the part of a note Paper Feed writes. Text outside them belongs to
// the person; when the person deletes a marker, the whole body is theirs.

export const BLOCK_START = '%% paper-feed:start %%';
export const BLOCK_END = '%% paper-feed:end %%';

/** `inner` wrapped in the two marker lines. */
export function markedBlock(inner: string): string {
  return `${BLOCK_START}\n${inner.replace(/\n+$/, '')}\n${BLOCK_END}`;
}

/**
 * `text` with the lines between the first start marker and the first end marker after it
 * replaced by `inner`, or null when the note no longer has both markers. Markers count only as
 * whole lines, so generated text (which escapes `%%`) can never end the block early.
 */
export function replaceMarkedBlock(text: string, inner: string, from = 0): string | null {
  const range = findMarkedBlock(text, from);
  if (!range) return null;
  const eol = range.eol;
  const body = inner.replace(/\n+$/, '').split('\n').join(eol) + eol;
  return text.slice(0, range.start) + body + text.slice(range.end);
}

/** Bounds of the text between the marker lines (start of the line after the start marker up to
 *  the start of the end-marker line), searched from `from`. */
export function findMarkedBlock(text: string, from = 0): { start: number; end: number; eol: string } | null {
  let pos = from;
  let start = -1;
  let eol = '\n';
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '').trimEnd();
    const next = nl < 0 ? text.length : nl + 1;
    if (start < 0 && line === BLOCK_START) {
      start = next;
      eol = text[lineEnd - 1] === '\r' ? '\r\n' : '\n';
    } else if (start >= 0 && line === BLOCK_END) {
      return { start, end: pos, eol };
    }
    pos = next;
  }
  return null;
}
