// What an unquoted (plain) scalar means, by YAML 1.1 as js-yaml 3's safe schema reads it: null,
// booleans, integers (0x, 0b, leading-zero octal, sexagesimal 190:20:30, underscores), floats
// (.inf, .nan, 1e3) and timestamps, tried in that order; anything else is the string itself.

const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const INT = /^[-+]?(?:0|0b[01_]*[01]|0x[\da-fA-F_]*[\da-fA-F]|0[0-7_]*[0-7]|[1-9](?:[\d_]*\d)?|[1-9][\d_]*(?::[0-5]?\d)+)$/;
const FLOAT =
  /^(?:[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const TIMESTAMP = /^(\d{4})-(\d\d?)-(\d\d?)(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?(?:[ \t]*(Z|([-+])(\d\d?)(?::(\d\d))?))?$/;

/** Whether a plain scalar would be read as something other than this very string. */
export function isImplicit(text: string): boolean {
  return text === '<<' || resolvePlain(text) !== text;
}

/**
 * The value of a plain scalar. Timestamps become Dates built as js-yaml builds them (a two-digit
 * year is 19xx, as Date.UTC has it); "<<" (a merge key) is the caller's to refuse.
 */
export function resolvePlain(text: string): unknown {
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (INT.test(text)) return integer(text.replace(/_/g, ''));
  if (FLOAT.test(text) && !text.endsWith('_')) return float(text.replace(/_/g, '').toLowerCase());
  const date = DATE.exec(text) ?? TIMESTAMP.exec(text);
  return date ? timestamp(date) : text;
}

function integer(digits: string): number {
  const sign = digits.startsWith('-') ? -1 : 1;
  const value = /^[-+]/.test(digits) ? digits.slice(1) : digits;
  if (value === '0') return 0;
  if (value.startsWith('0')) {
    if (value[1] === 'b') return sign * parseInt(value.slice(2), 2);
    if (value[1] === 'x') return sign * parseInt(value, 16);
    return sign * parseInt(value, 8);
  }
  return sign * (value.includes(':') ? sexagesimal(value, (part) => parseInt(part, 10)) : parseInt(value, 10));
}

function float(digits: string): number {
  const sign = digits.startsWith('-') ? -1 : 1;
  const value = /^[-+]/.test(digits) ? digits.slice(1) : digits;
  if (value === '.inf') return sign * Infinity;
  if (value === '.nan') return NaN;
  return sign * (value.includes(':') ? sexagesimal(value, parseFloat) : parseFloat(value));
}

/** "190:20:30" is 30 + 20·60 + 190·60², summed from the right as js-yaml sums it (the same rounding). */
function sexagesimal(value: string, parse: (part: string) => number): number {
  let sum = 0;
  let base = 1;
  for (const part of value.split(':').reverse()) {
    sum += parse(part) * base;
    base *= 60;
  }
  return sum;
}

function timestamp(match: RegExpExecArray): Date {
  const [, year, month, day, hour, minute, second, fraction, , sign, zoneHour, zoneMinute] = match;
  if (!hour) return new Date(Date.UTC(+year!, +month! - 1, +day!));
  const millis = fraction ? +fraction.slice(0, 3).padEnd(3, '0') : 0;
  const date = new Date(Date.UTC(+year!, +month! - 1, +day!, +hour, +minute!, +second!, millis));
  if (sign) date.setTime(date.getTime() - (sign === '-' ? -1 : 1) * (+zoneHour! * 60 + +(zoneMinute ?? 0)) * 60000);
  return date;
}
