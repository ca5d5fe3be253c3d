// Reads a note's frontmatter (Paper Feed's YAML reader, ./yaml) and rewrites only the top-level keys Paper Feed owns,
// each as a block produced by the YAML writer, leaving every other byte of the person's
// frontmatter as it was, their comments inside our keys included (./frontmatter-comments.ts).
// Every write is checked by parsing it back.

import { withPersonsComments } from './frontmatter-comments';
import { readYaml, UnsupportedYaml, YamlError } from './yaml/read';
import { writeYamlEntry } from './yaml/write';

export type FrontmatterValue = string | number | boolean | Array<string | number | boolean>;
export type FrontmatterData = Record<string, unknown>;

/** The note's frontmatter could not be read or changed safely; the note is left alone. */
export class FrontmatterError extends Error {
  override readonly name = 'FrontmatterError';
}

/** Keys whose YYYY-MM-DD values are written unquoted, the way Obsidian writes date properties. */
const DATE_KEYS = new Set(['date', 'published', 'updated']);
const DATE_ONLY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The parsed frontmatter ({} when the note has none); YAML dates come back as YYYY-MM-DD. */
export function readFrontmatter(text: string): FrontmatterData {
  const split = splitFrontmatter(text);
  if (split === 'malformed') throw new FrontmatterError('its frontmatter is not closed by a "---" line');
  if (split === null) return {};
  // The YAML of the note: the text after the opening "---" up to the newline before the closing
  // line, as gray-matter took it; a block of only blank and comment lines is {}.
  const block = text.slice(split.bom.length + 3, text.length - split.close.length - 1);
  if (block.replace(/^\s*#[^\n]+/gm, '').trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = readYaml(block);
  } catch (e) {
    // Lists nested tens of thousands deep ([[[…) run out of stack, in js-yaml as here.
    if (e instanceof RangeError) throw new FrontmatterError('its frontmatter nests lists or mappings too deeply to read');
    if (!(e instanceof YamlError)) throw e;
    // The note's line: the YAML text starts just after the opening "---", on the note's first line.
    const where = `on line ${e.line + 1}`;
    if (e instanceof UnsupportedYaml) throw new FrontmatterError(`its frontmatter uses ${e.message} ${where}, which Paper Feed does not read`);
    throw new FrontmatterError(`its frontmatter is not valid YAML (${e.message} ${where})`);
  }
  const data = normalizeYaml(parsed);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  return data as FrontmatterData;
}

/**
 * `text` with each `[key, value]` written as a top-level frontmatter key: an existing key whose
 * value differs is replaced in place, a missing key is appended, an equal one is left exactly as
 * the person (or an earlier run) formatted it. A note without frontmatter gets one.
 */
export function writeFrontmatterKeys(
  text: string,
  entries: ReadonlyArray<readonly [string, FrontmatterValue]>,
  /** What readFrontmatter(text) returned, when the caller has just read it (saves a second parse). */
  read?: FrontmatterData,
): string {
  const before = read ?? readFrontmatter(text);
  const split = splitFrontmatter(text) as Split | null;
  const eol = split?.eol ?? (text.includes('\r\n') ? '\r\n' : '\n');
  const lines: Line[] = split ? [...split.lines] : [];
  // Typed wide: TypeScript does not see the callback below set it.
  let changed = false as boolean;
  entries.forEach(([key, value], k) => {
    if (sameValue(before[key], value)) return;
    changed = true;
    const block = dumpEntry(key, value).map((t): Line => ({ text: t, eol }));
    const range = findKeyBlock(lines, key);
    if (range) lines.splice(range.start, range.end - range.start, ...withPersonsComments(lines.slice(range.start, range.end), block, readYaml));
    else
      lines.splice(
        insertionPoint(
          lines,
          entries.slice(0, k).map(([name]) => name),
        ),
        0,
        ...block,
      );
  });
  if (!changed) return text;
  const body = lines.map((l) => l.text + l.eol).join('');
  const result = split ? split.bom + split.open + body + split.close : `---${eol}${body}---${eol}${text}`;
  verify(result, before, entries);
  return result;
}

/** Where the body starts: just after the closing "---" line (0 when there is no frontmatter). */
export function bodyOffset(text: string): number {
  const split = splitFrontmatter(text);
  if (split === null || split === 'malformed') return 0;
  const closingLine = /^[^\n]*(\n|$)/.exec(split.close)![0];
  return text.length - split.close.length + closingLine.length;
}

/** The frontmatter's lines (without their line endings), or null when the note has none or it is not closed. */
export function frontmatterLines(text: string): string[] | null {
  const split = splitFrontmatter(text);
  return split === null || split === 'malformed' ? null : split.lines.map((line) => line.text);
}

/** A value as YAML lines for one top-level key, e.g. ["tags:", "  - paper"]. */
export function dumpEntry(key: string, value: FrontmatterValue): string[] {
  // A bare date reads back as a timestamp, which readFrontmatter turns back into the same day.
  if (DATE_KEYS.has(key) && typeof value === 'string' && isCalendarDate(value)) return [`${key}: ${value}`];
  return writeYamlEntry(key, value);
}

/** YYYY-MM-DD naming a real day (YAML would read "2026-02-31" as 3 March). */
function isCalendarDate(value: string): boolean {
  return DATE_ONLY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

interface Line {
  text: string;
  eol: string;
}

interface Split {
  bom: string;
  /** The opening "---" line with its line ending. */
  open: string;
  lines: Line[];
  /** The closing "---" line and everything after it. */
  close: string;
  eol: string;
}

/**
 * Where the frontmatter is. The closing line is the first that starts with "---", as gray-matter
 * reads it; if that line is anything but "---", the note is 'malformed' and is not touched.
 */
function splitFrontmatter(text: string): Split | null | 'malformed' {
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const opening = /^---[ \t]*(\r?\n)/.exec(text.slice(bom.length));
  if (!opening) return null;
  const lines: Line[] = [];
  let pos = bom.length + opening[0].length;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    const raw = text.slice(pos, end);
    const content = raw.replace(/\r?\n$/, '');
    if (content.startsWith('---')) {
      if (!/^---[ \t]*$/.test(content)) return 'malformed';
      return { bom, open: opening[0], lines, close: text.slice(pos), eol: opening[1]! };
    }
    if (nl < 0) break;
    lines.push({ text: content, eol: raw.slice(content.length) });
    pos = end;
  }
  return 'malformed';
}

// Paper Feed owns a score of keys; their line patterns are built once, not once per note.
const keyLines = new Map<string, RegExp>();

function keyLineOf(key: string): RegExp {
  let keyLine = keyLines.get(key);
  if (!keyLine) {
    const quoted = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    keyLine = new RegExp(`^(?:${quoted}|"${quoted}"|'${quoted}')[ \\t]*:(?:[ \\t]|$)`);
    if (keyLines.size < 256) keyLines.set(key, keyLine);
  }
  return keyLine;
}

function findKeyBlock(lines: readonly Line[], key: string): { start: number; end: number } | null {
  const keyLine = keyLineOf(key);
  const start = lines.findIndex((l) => keyLine.test(l.text));
  if (start < 0) return null;
  let end = start + 1;
  // The block goes on through indented lines, "- item" lines, and blank and comment lines inside
  // it. Blank lines and comments at the left margin after its last item lead to what follows
  // and stay outside it; an indented comment there belongs to the item above it.
  while (end < lines.length && /^([ \t]|-([ \t]|$)|#|$)/.test(lines[end]!.text)) end += 1;
  while (end > start + 1 && /^(#.*|\s*)$/.test(lines[end - 1]!.text)) end -= 1;
  return { start, end };
}

/** A new key goes after the nearest key written before it in `entries`, else at the end. */
function insertionPoint(lines: readonly Line[], earlierKeys: readonly string[]): number {
  for (let k = earlierKeys.length - 1; k >= 0; k -= 1) {
    const range = findKeyBlock(lines, earlierKeys[k]!);
    if (range) return range.end;
  }
  for (let i = lines.length - 1; i >= 0; i -= 1) if (lines[i]!.text.trim() !== '') return i + 1;
  return 0;
}

function verify(result: string, before: FrontmatterData, entries: ReadonlyArray<readonly [string, FrontmatterValue]>): void {
  const after = readFrontmatter(result);
  const written = new Map(entries);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const expected = written.has(key) ? written.get(key) : before[key];
    if (!sameValue(after[key], expected)) {
      throw new FrontmatterError(`its frontmatter could not be updated without changing "${key}"`);
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The YAML reader turns unquoted dates into Date objects; notes keep them as the strings people wrote. */
function normalizeYaml(value: unknown): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return String(value);
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(normalizeYaml);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeYaml(v)]));
  }
  return value;
}
