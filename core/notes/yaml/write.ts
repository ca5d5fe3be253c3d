// Paper Feed's YAML writer for one top-level frontmatter key: the text js-yaml 3's safeDump gives
// for { key: value } with lineWidth -1 (test/notes/yaml checks it byte for byte), so notes keep the
// look they had. Strings are plain when YAML would read them back unchanged, else quoted.

import { isImplicit } from './resolve';

export type YamlScalar = string | number | boolean;

/** Words YAML 1.1 readers (not js-yaml 3) take for booleans; written quoted for them. */
const OLD_BOOLEANS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
/** Characters js-yaml writes only escaped, in double quotes: controls, C1, surrogates, U+2028/9, BOM, U+FFFE/F. */
const NOT_PRINTABLE = /[^\x20-\x7e\xa1-\ud7ff\ue000-\ufffd]|[\u2028\u2029\ufeff]/;
/** What an escape replaces: a surrogate pair (one \U escape), a character above, a quote or backslash. */
const TO_ESCAPE = /[\ud800-\udbff][\udc00-\udfff]|[^\x20-\x7e\xa1-\ud7ff\ue000-\ufffd]|[\u2028\u2029\ufeff"\\]/g;
/**
 * Plain style, for a string of printable characters: none of - ? : , [ ] { } # & * ! | = > ' " % @ `
 * or a space first, no flow indicator or ":" inside, "#" only right after a non-space, no space last.
 */
const PLAIN = /^[^-?:,[\]{}#&*!|=>'"%@` ](?:[^,[\]{}:#]|(?<! )#)*(?<! )$/;
const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\x85': '\\N',
  '\xa0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

/**
 * `key: value` as YAML lines, e.g. ["tags:", "  - paper"]. A list with a line break in one of its
 * strings is written on one line, as [a, "b\nc"] (js-yaml's flowLevel 1): a block scalar's meaning
 * would depend on the blank lines after it.
 */
export function writeYamlEntry(key: string, value: YamlScalar | readonly YamlScalar[]): string[] {
  const name = scalar(key);
  if (typeof value !== 'object') return [`${name}: ${scalar(value)}`];
  if (value.length === 0 || value.some((v) => typeof v === 'string' && v.includes('\n'))) return [`${name}: [${value.map(scalar).join(', ')}]`];
  return [`${name}:`, ...value.map((item) => `  - ${scalar(item)}`)];
}

function scalar(value: YamlScalar): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return number(value);
  if (value === '') return "''";
  if (OLD_BOOLEANS.has(value)) return `'${value}'`;
  if (NOT_PRINTABLE.test(value)) return `"${value.replace(TO_ESCAPE, (ch) => ESCAPES[ch] ?? hex(ch.codePointAt(0)!))}"`;
  return PLAIN.test(value) && !isImplicit(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

function number(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  // YAML 1.1 wants a dot before the exponent (5.e-100).
  return value % 1 !== 0 && /^[-+]?\d+e/.test(text) ? text.replace('e', '.e') : text;
}

function hex(point: number): string {
  const [letter, width] = point <= 0xff ? ['x', 2] : point <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${letter}${point.toString(16).toUpperCase().padStart(width, '0')}`;
}
