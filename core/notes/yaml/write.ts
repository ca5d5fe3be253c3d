// Paper Feed's YAML writer for one top-level frontmatter key: the text js-yaml 3's safeDump gives
// for { key: value } with lineWidth -1 (test/notes/yaml checks it byte for byte), so notes keep the
// look they had. Strings are plain when YAML would read them back unchanged, else quoted.

import { isImplicit } from './resolve';

export type YamlScalar = string | number | boolean;

/** Words YAML 1.1 readers (not js-yaml 3) take for booleans; written quoted for them. */
const OLD_BOOLEANS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const ESCAPES: Record<number, string> = {
  0: '\\0',
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
  27: '\\e',
  34: '\\"',
  92: '\\\\',
  0x85: '\\N',
  0xa0: '\\_',
  0x2028: '\\L',
  0x2029: '\\P',
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
  let plain = isPlainFirst(value.charCodeAt(0)) && !isWhite(value.charCodeAt(value.length - 1));
  for (let i = 0; i < value.length; i += 1) {
    const ch = value.charCodeAt(i);
    if (!isPrintable(ch)) return `"${escaped(value)}"`;
    plain &&= isPlainNext(ch, i > 0 ? value.charCodeAt(i - 1) : 0);
  }
  return plain && !isImplicit(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

function number(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  // YAML 1.1 wants a dot before the exponent (5.e-100).
  return value % 1 !== 0 && /^[-+]?\d+e/.test(text) ? text.replace('e', '.e') : text;
}

function escaped(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const ch = value.charCodeAt(i);
    const low = value.charCodeAt(i + 1);
    if (ch >= 0xd800 && ch <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      out += hex((ch - 0xd800) * 0x400 + low - 0xdc00 + 0x10000);
      i += 1;
    } else out += ESCAPES[ch] ?? (isPrintable(ch) ? value[i]! : hex(ch));
  }
  return out;
}

function hex(point: number): string {
  const [letter, width] = point <= 0xff ? ['x', 2] : point <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${letter}${point.toString(16).toUpperCase().padStart(width, '0')}`;
}

const isWhite = (ch: number): boolean => ch === 32 || ch === 9;

function isPrintable(ch: number): boolean {
  return (ch >= 0x20 && ch <= 0x7e) || (ch >= 0xa1 && ch <= 0xd7ff && ch !== 0x2028 && ch !== 0x2029) || (ch >= 0xe000 && ch <= 0xfffd && ch !== 0xfeff);
}

/** Not a character YAML gives a meaning at the start of a plain scalar: - ? : , [ ] { } # & * ! | = > ' " % @ ` */
function isPlainFirst(ch: number): boolean {
  return isPrintable(ch) && !isWhite(ch) && !'-?:,[]{}#&*!|=>\'"%@`'.includes(String.fromCharCode(ch));
}

/** Inside a plain scalar: no flow indicator, no ":", and "#" only right after a non-space. */
function isPlainNext(ch: number, previous: number): boolean {
  return isPrintable(ch) && !',[]{}:'.includes(String.fromCharCode(ch)) && (ch !== 35 || (previous !== 0 && isPrintable(previous) && !isWhite(previous)));
}
