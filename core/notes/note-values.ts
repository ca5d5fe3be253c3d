// Small value rules shared by the paper and daily notes: how metadata text is cleaned for
// frontmatter, and how lists that "only grow" are merged.

import { toWellFormed } from './sanitize';
import { texToPlain } from '../text/tex-tokens';

export type Item = string | number | boolean;

/** One line of plain Unicode text: TeX resolved (when `tex`), control characters gone. */
export function metadataText(text: string, tex = true): string {
  const plain = tex ? texToPlain(text) : text;
  return toWellFormed(plain)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `existing` with the items of `add` it lacks appended, or null when it lacks none (so the
 * person's own formatting stays). A single string counts as a one-item list; for tags, a
 * "a, b" string is split the way Obsidian reads it. Lists holding anything but plain values
 * are the person's business and are never rewritten.
 */
export function mergeList(existing: unknown, add: readonly string[], options: { tags?: boolean } = {}): Item[] | null {
  return mergeBy(existing, add, options.tags ? (t) => t.replace(/^#/, '').toLowerCase() : (t) => t, options.tags);
}

/** `existing` with the items of `add` it lacks (compared by `key`) appended, or null when it lacks none. */
export function mergeBy(existing: unknown, add: readonly string[], key: (item: string) => string, split?: boolean): Item[] | null {
  let current: Item[];
  if (existing === undefined || existing === null) current = [];
  else if (typeof existing === 'string') current = split ? existing.split(/[\s,]+/).filter(Boolean) : [existing];
  else if (Array.isArray(existing) && existing.every(isItem)) current = existing;
  else if (isItem(existing)) current = [existing];
  else return null;
  const have = new Set(current.map((c) => key(String(c))));
  const missing = add.filter((a) => !have.has(key(a)));
  if (missing.length === 0) return null;
  return [...current, ...missing.filter((a, i) => missing.findIndex((b) => key(b) === key(a)) === i)];
}

function isItem(value: unknown): value is Item {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
