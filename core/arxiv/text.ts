// Whitespace clean-up shared by the readers: the legacy API hard-wraps titles and abstracts at
// about 80 columns, and feeds carry stray indentation.

/** A whitespace run that is not exactly one " ": a space followed by more, or any other kind. */
const LONGER_THAN_ONE_SPACE = / \s+|[^\S ]\s*/g;

/** One line: every run of whitespace becomes one space, ends trimmed. */
export function collapseWhitespace(text: string): string {
  // Same as replacing every /\s+/ run with one space, but a lone space (most of them) is left
  // where it is instead of being matched and copied: abstracts are thousands of words a day.
  return text.replace(LONGER_THAN_ONE_SPACE, ' ').trim();
}

/** Like collapseWhitespace inside each paragraph; blank lines between paragraphs stay "\n\n". */
export function collapseParagraphs(text: string): string {
  // Without a line break there is one paragraph at most (most RSS abstracts).
  if (!text.includes('\n')) return collapseWhitespace(text);
  return text
    .split(/\n[ \t\r]*\n/)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}
