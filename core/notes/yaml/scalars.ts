// The four ways YAML writes a string: plain, 'single-quoted', "double-quoted" (with escapes) and
// block scalars (| and >). Each reader leaves the string in c.result and returns whether it found
// one; line folding, chomping and indentation follow js-yaml 3 exactly.

import { at, atDocumentMarker, next, fail, foldedBreaks, isEol, isFlowIndicator, isWhite, isWsOrEol, readLineBreak, skipSpace, type Cursor } from './cursor';

const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/** Characters that cannot start a plain scalar: space, line breaks, , [ ] { } # & * ! | > ' " % @ ` */
const NOT_PLAIN_START = /[ \t\r\n,[\]{}#&*!|>'"%@`]/;
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1B',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xA0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** text[start, end) of the scalar; quoted scalars refuse only control characters. */
function capture(c: Cursor, start: number, end: number, quoted: boolean): string {
  const part = c.text.slice(start, end);
  if ((quoted ? /[^\t\x20-\uFFFF]/ : NON_PRINTABLE).test(part)) fail(c, 'a control character');
  return part;
}

export function readPlainScalar(c: Cursor, indent: number, inFlow: boolean): boolean {
  let ch = at(c);
  if (NOT_PLAIN_START.test(c.text[c.pos]!)) return false;
  if ((ch === 63 || ch === 45) && (isWsOrEol(at(c, 1)) || (inFlow && isFlowIndicator(at(c, 1))))) return false;
  let out = '';
  let start = c.pos;
  let end = c.pos;
  let pending = false;
  let line = c.line;
  while (ch !== 0) {
    if (ch === 58) {
      const next = at(c, 1);
      if (isWsOrEol(next) || (inFlow && isFlowIndicator(next))) break;
    } else if (ch === 35) {
      if (isWsOrEol(at(c, -1))) break;
    } else if ((c.pos === c.lineStart && atDocumentMarker(c)) || (inFlow && isFlowIndicator(ch))) {
      break;
    } else if (isEol(ch)) {
      const saved = { line: c.line, lineStart: c.lineStart, lineIndent: c.lineIndent };
      line = c.line;
      skipSpace(c, false);
      if (c.lineIndent >= indent) {
        pending = true;
        ch = at(c);
        continue;
      }
      Object.assign(c, saved);
      c.pos = end;
      break;
    }
    if (pending) {
      out += capture(c, start, end, false);
      out += foldedBreaks(c.line - line);
      start = end = c.pos;
      pending = false;
    }
    if (!isWhite(ch)) end = c.pos + 1;
    ch = next(c);
  }
  out += capture(c, start, end, false);
  c.result = out || null;
  return out !== '';
}

export function readQuotedScalar(c: Cursor): boolean {
  const quote = at(c);
  if (quote !== 39 && quote !== 34) return false;
  const double = quote === 34;
  let out = '';
  let start = ++c.pos;
  let end = start;
  for (let ch = at(c); ch !== 0; ch = at(c)) {
    if (ch === quote) {
      out += capture(c, start, c.pos, true);
      c.pos += 1;
      // '' inside single quotes is one quote.
      if (double || at(c) !== 39) {
        c.result = out;
        return true;
      }
      start = c.pos;
      end = ++c.pos;
    } else if (double && ch === 92) {
      out += capture(c, start, c.pos, true);
      const code = c.text[++c.pos]!;
      const digits = HEX_DIGITS[code];
      if (isEol(at(c))) skipSpace(c, false);
      else if (Object.hasOwn(ESCAPES, code)) {
        out += ESCAPES[code]!;
        c.pos += 1;
      } else if (digits) {
        const hex = c.text.slice(c.pos + 1, c.pos + 1 + digits);
        c.pos += hex.length;
        if (!/^[\da-fA-F]*$/.test(hex) || hex.length < digits) fail(c, 'a bad \\x, \\u or \\U escape');
        // In 32-bit arithmetic, as js-yaml builds the code point: \U beyond 7FFFFFFF wraps.
        let point = 0;
        for (const digit of hex) point = (point << 4) + parseInt(digit, 16);
        out += point <= 0xffff ? String.fromCharCode(point) : String.fromCharCode(((point - 0x10000) >> 10) + 0xd800, ((point - 0x10000) & 0x3ff) + 0xdc00);
        c.pos += 1;
      } else fail(c, 'an unknown \\ escape');
      start = end = c.pos;
    } else if (isEol(ch)) {
      out += capture(c, start, end, true);
      out += foldedBreaks(skipSpace(c, false));
      start = end = c.pos;
    } else if (c.pos === c.lineStart && atDocumentMarker(c)) {
      fail(c, 'an unclosed quote');
    } else end = ++c.pos;
  }
  return fail(c, 'an unclosed quote');
}

export function readBlockScalar(c: Cursor, indent: number): boolean {
  let ch = at(c);
  if (ch !== 124 && ch !== 62) return false;
  const folded = ch === 62;
  // clip: one final line break; strip (-): none; keep (+): all.
  let chomping = '';
  let detected = false;
  let textIndent = indent;
  let out = '';
  for (;;) {
    ch = next(c);
    if (ch === 43 || ch === 45) {
      if (chomping) fail(c, 'two chomping indicators');
      chomping = ch === 43 ? '+' : '-';
    } else if (ch >= 48 && ch <= 57) {
      if (ch === 48) fail(c, 'a block scalar indented by 0');
      if (detected) fail(c, 'two indentation indicators');
      textIndent = indent + ch - 49;
      detected = true;
    } else break;
  }
  if (isWhite(ch)) {
    do ch = next(c);
    while (isWhite(ch));
    if (ch === 35)
      do ch = next(c);
      while (!isEol(ch) && ch !== 0);
  }
  let read = false;
  let empty = 0;
  let moreIndented = false;
  while (ch !== 0) {
    readLineBreak(c);
    c.lineIndent = 0;
    for (ch = at(c); (!detected || c.lineIndent < textIndent) && ch === 32; ch = next(c)) c.lineIndent += 1;
    if (!detected && c.lineIndent > textIndent) textIndent = c.lineIndent;
    if (isEol(ch)) {
      empty += 1;
      continue;
    }
    if (c.lineIndent < textIndent) {
      if (chomping === '+') out += '\n'.repeat(read ? 1 + empty : empty);
      else if (!chomping && read) out += '\n';
      break;
    }
    const breaks = '\n'.repeat(read ? 1 + empty : empty);
    if (!folded) out += breaks;
    else if (isWhite(ch)) {
      // More-indented lines are not folded.
      moreIndented = true;
      out += breaks;
    } else if (moreIndented) {
      moreIndented = false;
      out += '\n'.repeat(empty + 1);
    } else if (empty === 0) out += read ? ' ' : '';
    else out += '\n'.repeat(empty);
    read = detected = true;
    empty = 0;
    const start = c.pos;
    while (!isEol(ch) && ch !== 0) ch = next(c);
    out += capture(c, start, c.pos, false);
  }
  c.result = out;
  return true;
}
