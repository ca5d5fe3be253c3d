// The three scalar styles read from rows: plain (folded over the rows that continue it), quoted
// ('single' and "double" with escapes, folded the same way) and block (| and >, with chomping and
// an indentation indicator).

import {
  char,
  checkPrintable,
  fail,
  FLOW_MARKS,
  indentOf,
  isGap,
  isSpace,
  refuseUnread,
  restIsBlank,
  TAB_INDENT,
  unsupported,
  whiteOf,
  type Place,
} from './rows';

/** Refuses what cannot start a plain scalar, naming the parts of YAML this reader leaves alone. */
export function checkPlainStart(p: Place, inFlow: boolean): void {
  const c = char(p);
  const next = char(p, 1);
  const ends = isGap(next) || (inFlow && FLOW_MARKS.includes(next));
  refuseUnread(p, inFlow);
  if ('#,[]{}|>%@`'.includes(c) || ('-:'.includes(c) && ends)) fail(p, `"${c}" where a value starts`);
}

/** The text of a plain scalar on the current row, up to ": ", " #" (and in a flow collection "," and brackets). */
function plainOnRow(p: Place, inFlow: boolean): string {
  const row = p.rows[p.row]!;
  const start = p.col;
  let end = start;
  for (let i = start; i < row.length; i++) {
    const c = row[i]!;
    if (
      c === ':' ? isGap(row[i + 1] ?? '') || (inFlow && FLOW_MARKS.includes(row[i + 1]!)) : c === '#' ? isSpace(row[i - 1]) : inFlow && FLOW_MARKS.includes(c)
    )
      break;
    if (!isSpace(c)) end = i + 1;
  }
  p.col = end;
  return checkPrintable(p, row.slice(start, end));
}

/** The first row after p's with more than spaces and tabs (rows.length: none). */
function rowWithText(p: Place): number {
  let next = p.row + 1;
  while (next < p.rows.length && whiteOf(p.rows[next]!) === p.rows[next]!.length) next++;
  return next;
}

/** Moves p past the line end and blank rows to the text of row `next`: one line end reads as a space, and each blank row as a line end. */
function foldTo(p: Place, next: number): string {
  const fold = next - p.row > 1 ? '\n'.repeat(next - p.row - 1) : ' ';
  p.row = next;
  p.col = whiteOf(p.rows[next]!);
  return fold;
}

/**
 * A plain scalar: its first row, then each following row indented deeper than `parent` (the
 * block node it is in), a single line end folding to a space and n blank rows to n line ends.
 */
export function readPlain(p: Place, parent: number, inFlow: boolean): string {
  let text = plainOnRow(p, inFlow);
  for (;;) {
    if (!restIsBlank(p) || char(p) === '#') return text;
    const next = rowWithText(p);
    const row = p.rows[next];
    const indent = row === undefined ? -1 : indentOf(row);
    const first = row?.[whiteOf(row)] ?? '#';
    if (indent <= parent || first === '#' || (inFlow && (FLOW_MARKS.includes(first) || (first === ':' && isGap(row![whiteOf(row!) + 1] ?? ''))))) return text;
    if (!inFlow && row![indent] === '\t') unsupported(p, TAB_INDENT, next);
    text += foldTo(p, next) + plainOnRow(p, inFlow);
  }
}

/** Each escape letter of a double-quoted scalar followed by the character it stands for. */
const ESCAPES = '0\0a\x07b\bt\t\t\tn\nv\vf\fr\re\x1b  ""//\\\\N\x85_\xa0L\u2028P\u2029';

function escaped(letter: string): string | undefined {
  for (let i = 0; i < ESCAPES.length; i += 2) if (ESCAPES[i] === letter) return ESCAPES[i + 1];
}

/**
 * A 'single' or "double" quoted scalar, which may run over rows: a line end folds as in a plain
 * scalar, and the next row's leading spaces and tabs are dropped (js-yaml keeps those before it).
 */
export function readQuoted(p: Place): string {
  const quote = char(p);
  const first = p.row;
  let text = '';
  let joined = false;
  p.col++;
  for (;;) {
    const row = p.rows[p.row]!;
    if (p.col >= row.length) {
      const next = rowWithText(p);
      if (next >= p.rows.length) fail(p, `an unclosed ${quote}`, first);
      const fold = foldTo(p, next);
      if (!joined) text += fold;
      joined = false;
      continue;
    }
    const c = row[p.col++]!;
    // A quoted scalar holds any character but a control character other than the tab, as in JSON.
    if (c < ' ' && c !== '\t') checkPrintable(p, c);
    if (c === quote) {
      if (quote === '"' || row[p.col] !== "'") return text;
      p.col++;
      text += "'";
    } else if (c === '\\' && quote === '"') {
      const e = row[p.col++];
      if (e === undefined) {
        // An escaped line end: the rows join with nothing between them.
        joined = true;
        continue;
      }
      // \x, \u and \U take 2, 4 and 8 hex digits.
      const digits = 2 << 'xuU'.indexOf(e);
      if (digits) {
        const hex = row.slice(p.col, (p.col += digits));
        if (hex.length < digits || !/^[\da-f]*$/i.test(hex)) fail(p, `the escape \\${e}`);
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) unsupported(p, 'an escape past Unicode');
        text += String.fromCodePoint(code);
      } else text += escaped(e) ?? fail(p, `the escape \\${e}`);
    } else text += c;
  }
}

/**
 * A | (literal) or > (folded) block scalar: the header's indicators, then the rows indented deeper
 * than `parent` (by the indicator's count, or as deep as the first row with text).
 */
export function readBlockScalar(p: Place, parent: number): string {
  const row = p.rows[p.row]!;
  const folded = row[p.col] === '>';
  const header = /^[^ \t]*/.exec(row.slice(p.col + 1))![0];
  p.col += 1 + header.length;
  const parts = (restIsBlank(p) ? /^(?:([1-9])([-+]?)|([-+])([1-9]?))?$/.exec(header) : null) ?? fail(p, 'a bad block scalar header');
  const chomp = parts[2] || parts[3];
  const given = parts[1] || parts[4];
  let indent = given ? parent + +given : -1;
  const lines: string[] = [];
  let blankIndent = 0;
  let r = p.row + 1;
  for (; r < p.rows.length; r++) {
    const line = p.rows[r]!;
    const spaces = indentOf(line);
    if (spaces === line.length && (indent < 0 || spaces <= indent)) {
      blankIndent = Math.max(blankIndent, spaces);
      lines.push('');
      continue;
    }
    // As in js-yaml, blank rows before the first text can set the indentation deeper than that text.
    if (indent < 0) indent = Math.max(spaces, blankIndent);
    if (spaces < indent) {
      if (line[spaces] === '\t') unsupported(p, TAB_INDENT, r);
      break;
    }
    if (indent <= parent) break;
    lines.push(checkPrintable(p, line.slice(indent), r));
  }
  // js-yaml's chomping and folding of a whole document's block scalar at the left margin, or empty, differ from YAML's.
  if (parent < 0 && (indent === 0 || (indent < 0 && chomp !== '+'))) unsupported(p, 'a block scalar at column 0');
  // The place moves to the last row that belongs (blank rows count); the caller goes on from there.
  p.row = r - 1;
  p.col = p.rows[p.row]!.length;
  let last = lines.length;
  while (last > 0 && lines[last - 1] === '') last--;
  const trailing = lines.length - last;
  const body = lines.slice(0, last);
  let text = folded ? '' : body.join('\n');
  // Folding: a line end between two lines of text reads as a space; next to a line that starts
  // with a space or tab (more indented), or with blank lines between, line ends stay.
  let previous: string | undefined;
  let blanks = 0;
  for (const line of folded ? body : []) {
    if (line === '') blanks++;
    else {
      const kept = blanks + +(isSpace(line[0]) || isSpace(previous?.[0]));
      text += (previous === undefined ? '\n'.repeat(blanks) : kept ? '\n'.repeat(kept) : ' ') + line;
      previous = line;
      blanks = 0;
    }
  }
  if (chomp === '-') return text;
  if (chomp === '+') return text + (last ? '\n' : '') + '\n'.repeat(trailing);
  return last ? text + '\n' : '';
}
