// The reference reading for Paper Feed's YAML reader: js-yaml 3's safe loader, which Paper Feed
// used before. A reading agrees when both give the same value (exactly: -0, NaN, dates, key
// order and a "__proto__" key included), or both refuse the text, or ours refuses it as a part of
// YAML it does not read. Ours reading a value js-yaml refuses, or a different value, disagrees.

import { safeLoad } from 'js-yaml';
import { readYaml, UnsupportedYaml, YamlError } from '../../../core/notes/yaml/read';

type Reading = { value: unknown } | { error: unknown };

function attempt(read: () => unknown): Reading {
  try {
    return { value: read() };
  } catch (error) {
    return { error };
  }
}

/** A value as text that tells apart everything a YAML reader can return. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return `Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return `not plain data: ${String(value)}`;
  const entries = Object.keys(value).map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

export type Agreement = 'same value' | 'both refuse' | 'unsupported';

/** How our reading of `text` compares with js-yaml's; throws (with both readings) when they disagree. */
export function agreement(text: string): Agreement {
  const ours = attempt(() => readYaml(text));
  const theirs = attempt(() => safeLoad(text));
  const show = (r: Reading) => ('value' in r ? canonical(r.value) : `error: ${r.error instanceof Error ? r.error.message : String(r.error)}`);
  const disagree = () => new Error(`readings differ for ${JSON.stringify(text)}:\n  ours:    ${show(ours)}\n  js-yaml: ${show(theirs)}`);
  if ('error' in ours) {
    if (!(ours.error instanceof YamlError)) throw ours.error;
    if (ours.error instanceof UnsupportedYaml) return 'unsupported';
    if ('value' in theirs) throw disagree();
    return 'both refuse';
  }
  if (!('value' in theirs) || canonical(ours.value) !== canonical(theirs.value)) throw disagree();
  return 'same value';
}
