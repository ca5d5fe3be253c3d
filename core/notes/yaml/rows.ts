// The frontmatter as a list of rows with a reading place in them, the tests on spaces and comments
// that every part of the reader shares, and the reader's two errors.

/** The text is not valid YAML. */
export class YamlError extends Error {
  constructor(
    what: string,
    /** 0-based line in the YAML text. */
    readonly line: number,
  ) {
    super(what);
  }
}

/** The text uses a part of YAML this reader leaves alone (anchors, tags, …); `message` names it. */
export class UnsupportedYaml extends YamlError {}

/** Where the reader is: row `row` of `rows` (the text split at its line ends), column `col`. */
export interface Place {
  rows: string[];
  row: number;
  col: number;
  /** The row endRow last moved to: a block collection ends there, at the start of the row after it. */
  reached?: number;
}

export const fail = (p: Place, what: string, row = p.row): never => {
  throw new YamlError(what, row);
};

export const unsupported = (p: Place, what: string, row = p.row): never => {
  throw new UnsupportedYaml(what, row);
};

/** The character `ahead` places after p ("" past the row's end). */
export const char = (p: Place, ahead = 0): string => (p.rows[p.row] ?? '').charAt(p.col + ahead);

export const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Whether c ends a token: a space, a tab or the row's end. */
export const isGap = (c: string): boolean => c === '' || isSpace(c);

export const FLOW_MARKS = ',[]{}';

export const TAB_INDENT = 'a tab for indentation';

/** Moves past spaces and tabs; then whether nothing but a comment is left on the row. */
export function restIsBlank(p: Place): boolean {
  while (isSpace(char(p))) p.col++;
  return char(p) === '' || char(p) === '#';
}

export function isBlankRow(row: string): boolean {
  const i = whiteOf(row);
  return i === row.length || row[i] === '#';
}

/** Spaces and tabs at the start of a row. */
export function whiteOf(row: string): number {
  let i = 0;
  while (isSpace(row[i])) i++;
  return i;
}

/** Leading spaces (a tab is not indentation). */
export function indentOf(row: string): number {
  let i = 0;
  while (row[i] === ' ') i++;
  return i;
}

/** The first row at or after `from` that holds more than spaces and a comment (rows.length: none). */
export function contentRow(p: Place, from: number): number {
  while (from < p.rows.length && isBlankRow(p.rows[from]!)) from++;
  return from;
}

/** Moves to the first character of `row`; a tab before it would be indentation, which YAML forbids and this reader leaves alone. */
export function toRow(p: Place, row: number): void {
  p.row = row;
  p.col = indentOf(p.rows[row] ?? '');
  if (char(p) === '\t') unsupported(p, TAB_INDENT);
}

/** What YAML does not allow in a value's text: control characters, lone surrogates, U+FFFE and U+FFFF (comments may hold them). */
const NOT_PRINTABLE = /[^\t\n\r -~\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** Refuses a value's raw text that holds a character YAML does not allow. */
export function checkPrintable(p: Place, text: string, row = p.row): string {
  if (NOT_PRINTABLE.test(text)) fail(p, 'a control character', row);
  return text;
}

/** Whether p is at a ": " (or ":" at the row's end) after a key. */
export const atColon = (p: Place): boolean => !restIsBlank(p) && char(p) === ':' && isGap(char(p, 1));

/** Ends a row after a value (only a comment may follow) and moves to the next row with content. */
export function endRow(p: Place): void {
  if (p.row >= p.rows.length || (p.reached === p.row && p.col === indentOf(p.rows[p.row]!))) return;
  if (!restIsBlank(p)) {
    refuseUnread(p, false);
    // js-yaml 3 reads `a: "b" c: d` or `a: {}c: d` as two keys; YAML allows one per line.
    if (/:(?:[ \t]|$)/.test(p.rows[p.row]!.slice(p.col))) unsupported(p, 'a second key on the line of a value');
    fail(p, `"${char(p)}" after a value`);
  }
  toRow(p, contentRow(p, p.row + 1));
  p.reached = p.row;
}

/** Refuses, by name, the parts of YAML this reader leaves alone that may start at p. */
export function refuseUnread(p: Place, inFlow: boolean): void {
  const c = char(p);
  const next = char(p, 1);
  if (c === '&') unsupported(p, 'a YAML anchor (&)');
  if (c === '*') unsupported(p, 'a YAML alias (*)');
  if (c === '!') unsupported(p, 'a YAML tag (!)');
  if (c === '?' && (isGap(next) || (inFlow && FLOW_MARKS.includes(next)))) unsupported(p, 'a complex mapping key (?)');
}
