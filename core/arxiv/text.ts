// Whitespace clean-up shared by the readers: the legacy API hard-wraps titles and abstracts at
// about 80 columns, and feeds carry stray indentation.

/** One line: every run of whitespace becomes one space, ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Like collapseWhitespace inside each paragraph; blank lines between paragraphs stay "\n\n". */
export function collapseParagraphs(text: string): string {
  return text
    .split(/\n[ \t\r]*\n/)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}
