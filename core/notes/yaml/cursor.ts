// Where the YAML reader is in the text, the whitespace, comment and line-break rules every part of
// it shares, and its two errors. The rules follow js-yaml 3 step by step, so that Paper Feed's
// reader and the one it replaced agree on every text both accept.

export interface Cursor {
  /** The YAML, ending in a line break and a "\0" that marks its end. */
  text: string;
  pos: number;
  /** 0-based line of pos. */
  line: number;
  lineStart: number;
  /** Spaces before the first character of the current line. */
  lineIndent: number;
  /** What the last node read was (null: nothing). */
  result: unknown;
}

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

export const fail = (c: Cursor, what: string): never => {
  throw new YamlError(what, c.line);
};

export const unsupported = (c: Cursor, what: string): never => {
  throw new UnsupportedYaml(what, c.line);
};

export const at = (c: Cursor, offset = 0): number => c.text.charCodeAt(c.pos + offset);
/** Moves on one character and gives it. */
export const next = (c: Cursor): number => c.text.charCodeAt(++c.pos);

export const isEol = (ch: number): boolean => ch === 10 || ch === 13;
export const isWhite = (ch: number): boolean => ch === 32 || ch === 9;
export const isWsOrEol = (ch: number): boolean => isWhite(ch) || isEol(ch);
/** , [ ] { } */
export const isFlowIndicator = (ch: number): boolean => ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125;

export function readLineBreak(c: Cursor): void {
  const ch = at(c);
  if (ch === 10) c.pos += 1;
  else if (ch === 13) c.pos += at(c, 1) === 10 ? 2 : 1;
  else fail(c, 'a missing line break');
  c.line += 1;
  c.lineStart = c.pos;
}

/** Skips spaces, tabs, line breaks and (when allowed) comments; returns how many line breaks it passed. */
export function skipSpace(c: Cursor, comments: boolean): number {
  let breaks = 0;
  let ch = at(c);
  while (ch !== 0) {
    while (isWhite(ch)) ch = next(c);
    if (comments && ch === 35) {
      do ch = next(c);
      while (!isEol(ch) && ch !== 0);
    }
    if (!isEol(ch)) break;
    readLineBreak(c);
    breaks += 1;
    c.lineIndent = 0;
    for (ch = at(c); ch === 32; ch = next(c)) c.lineIndent += 1;
  }
  return breaks;
}

/** A "---" or "..." line at the cursor (which is at the start of a line). */
export function atDocumentMarker(c: Cursor): boolean {
  const ch = at(c);
  return (ch === 45 || ch === 46) && at(c, 1) === ch && at(c, 2) === ch && (at(c, 3) === 0 || isWsOrEol(at(c, 3)));
}

/** Line breaks inside a flow scalar: one becomes a space, n become n - 1 newlines. */
export const foldedBreaks = (count: number): string => (count === 1 ? ' ' : '\n'.repeat(Math.max(0, count - 1)));
