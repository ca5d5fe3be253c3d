// A fast, narrow frontmatter reader for the vault index: it pulls only the few keys that identify
// Paper Feed notes (arxiv_id, version, citekey, date, tags; a daily note's tally) from the leading `---` block, without
// a YAML parser, so scanning thousands of notes stays cheap. It reads the YAML forms Paper Feed
// writes (plain, single- and double-quoted scalars, block and flow lists) the way YAML does.

import { FOLLOWED_KEY, MATCHES_KEY } from '../notes/digest-tally';
import { factsOfFrontmatter, type NoteFacts } from '../notes/note-facts';

/** A value as YAML would type it, for the keys we read: a plain number stays a number. */
type YamlValue = string | number | YamlValue[];

const WANTED = new Set(['arxiv_id', 'version', 'citekey', 'date', 'tags', MATCHES_KEY, FOLLOWED_KEY]);
const KEY_LINE = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"\-?:][^:]*?|-[^\s:][^:]*?))[ \t]*:(?:[ \t]+(.*))?$/;
const LIST_ITEM = /^[ \t]*-(?:[ \t]+(.*))?$/;
const YAML_NUMBER = /^[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?$/;

/**
 * Where the frontmatter block ends in `text` (the index of the newline before the closing
 * line), or -1 when there is none. As gray-matter reads it, the first line starting with "---"
 * closes the block; if that line holds more than "---", the block is malformed (-1).
 */
export function frontmatterEnd(text: string): number {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  if (!/^---[ \t]*\r?\n/.test(text.slice(start, start + 8))) return -1;
  const closing = /\r?\n---[^\r\n]*(?:\r?\n|$)/g;
  closing.lastIndex = text.indexOf('\n', start);
  const found = closing.exec(text);
  if (!found || !/^\r?\n---[ \t]*(?:\r?\n)?$/.test(found[0])) return -1;
  return found.index;
}

/** The identifying facts of a note, as core/notes/note-facts.ts reads them ({} when none). */
export function frontmatterFacts(text: string): NoteFacts {
  const end = frontmatterEnd(text);
  if (end < 0) return {};
  const lines = text.slice(text.indexOf('\n') + 1, end).split(/\r?\n/);
  const values = new Map<string, YamlValue>();
  let listKey: string | null = null;
  for (const line of lines) {
    if (listKey !== null) {
      const item = LIST_ITEM.exec(line);
      if (item) {
        const value = scalar(item[1] ?? '');
        if (value !== null) (values.get(listKey) as YamlValue[]).push(value);
        continue;
      }
      if (/^[ \t]*(#.*)?$/.test(line)) continue;
      listKey = null;
    }
    const match = KEY_LINE.exec(line);
    if (!match) continue;
    const key = match[1] !== undefined ? unescapeDouble(match[1]) : match[2] !== undefined ? match[2].replace(/''/g, "'") : (match[3] ?? '');
    if (!WANTED.has(key)) continue;
    const raw = stripComment(match[4] ?? '');
    if (raw === '') {
      values.set(key, []);
      listKey = key;
    } else if (raw.startsWith('[')) {
      values.set(key, flowList(raw));
    } else {
      const value = scalar(raw);
      if (value === null) values.delete(key);
      else values.set(key, value);
    }
  }
  return factsOfFrontmatter(Object.fromEntries(values));
}

/** A scalar's value; null for YAML's null forms and for block scalars (never our keys' form). */
function scalar(raw: string): YamlValue | null {
  const value = stripComment(raw);
  if (value.startsWith('"')) {
    const close = findClosingDouble(value);
    return unescapeDouble(value.slice(1, close < 0 ? undefined : close));
  }
  if (value.startsWith("'")) {
    const body = /^'((?:[^']|'')*)'?/.exec(value)?.[1] ?? '';
    return body.replace(/''/g, "'");
  }
  if (value === '' || value === '~' || /^null$/i.test(value)) return null;
  if (/^[|>][-+0-9]*$/.test(value)) return null;
  return YAML_NUMBER.test(value) ? Number(value.replace(/_/g, '')) : value;
}

function flowList(raw: string): YamlValue[] {
  const inner = raw.replace(/^\[/, '').replace(/\][ \t]*$/, '');
  const items: YamlValue[] = [];
  for (const match of inner.matchAll(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+/g)) {
    const value = scalar(match[0].trim());
    if (value !== null && value !== '') items.push(value);
  }
  return items;
}

/** Drops a trailing ` # comment` outside quotes; YAML needs the space before `#`. */
function stripComment(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"') || value.startsWith("'")) return value;
  const hash = value.search(/[ \t]#/);
  return (hash < 0 ? value : value.slice(0, hash)).trim();
}

function findClosingDouble(value: string): number {
  for (let i = 1; i < value.length; i += 1) {
    if (value[i] === '\\') i += 1;
    else if (value[i] === '"') return i;
  }
  return -1;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

function unescapeDouble(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (whole, code: string) => {
    if (code.length > 1) return String.fromCodePoint(parseInt(code.slice(1), 16));
    return SIMPLE_ESCAPES[code] ?? whole;
  });
}
