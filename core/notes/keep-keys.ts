// The settings that mark a paper note as kept for the library: "rating" (the property
// has a value), "status: read" (the property is that value) or "tag: paper/keep" (the note has that
// tag). One reading of them for every host, and one check against a note's properties and tags.

import { tagList } from './note-facts';

export type KeepRule = { kind: 'has'; key: string } | { kind: 'is'; key: string; value: string } | { kind: 'tag'; tag: string };

/**
 * Keys on every note Paper Feed writes: "has a value" would keep them all. (Comparing one with a
 * value, as in "keywords: Diffusion", is allowed.)
 */
const ALWAYS_THERE = new Set([
  'title',
  'authors',
  'arxiv_id',
  'version',
  'primary_category',
  'categories',
  'published',
  'updated',
  'url',
  'pdf',
  'citekey',
  'keywords',
  'digests',
  'tags',
  'tag',
]);

/** One keep key read as a rule, or a problem (the rest of a sentence) when it cannot be one. */
export function parseKeepKey(text: string): KeepRule | { problem: string } {
  const colon = text.indexOf(':');
  const key = (colon < 0 ? text : text.slice(0, colon)).trim();
  const value = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (key === '') return { problem: 'names no property; write "rating", "status: read" or "tag: paper/keep".' };
  if (colon >= 0 && value === '') return { problem: `has nothing after the colon; write "${key}" to keep notes where it has any value, or "${key}: value".` };
  if ((key.toLowerCase() === 'tag' || key.toLowerCase() === 'tags') && colon >= 0) {
    const tag = value.replace(/^#/, '');
    if (!/^[\p{L}\p{N}_\-/]+$/u.test(tag) || /^\d+$/.test(tag)) return { problem: 'names no tag; a tag is one word without spaces, such as paper/keep.' };
    return { kind: 'tag', tag: tag.toLowerCase() };
  }
  if (colon < 0) {
    if (ALWAYS_THERE.has(key))
      return { problem: 'is on every paper note Paper Feed writes, so it would keep them all; name a property of your own, such as "rating".' };
    return { kind: 'has', key };
  }
  return { kind: 'is', key, value: value.toLowerCase() };
}

/** The rules of checked keep keys (config validation has already refused the bad ones). */
export function keepRules(keepKeys: readonly string[]): KeepRule[] {
  return keepKeys.flatMap((text) => {
    const rule = parseKeepKey(text);
    return 'problem' in rule ? [] : [rule];
  });
}

/**
 * True when a rule keeps the note. `properties` is its frontmatter; `tags` are all its tags
 * (frontmatter and inline, without "#").
 */
export function keptByRules(rules: readonly KeepRule[], properties: Readonly<Record<string, unknown>>, tags: readonly string[]): boolean {
  const lowerTags = tags.map((t) => t.toLowerCase());
  return rules.some((rule) => {
    switch (rule.kind) {
      case 'has':
        return hasValue(properties[rule.key]);
      case 'is':
        return valuesOf(properties[rule.key]).some((v) => v === rule.value);
      case 'tag':
        return lowerTags.some((t) => t === rule.tag || t.startsWith(`${rule.tag}/`));
    }
  });
}

/** Frontmatter tags (`tags`, or Obsidian's older `tag`) as a list without "#". */
export function propertyTags(properties: Readonly<Record<string, unknown>>): string[] {
  return [...tagList(properties.tags), ...tagList(properties.tag)];
}

/** Anything but nothing: an empty text or list, null and false do not count; 0 does (a rating). */
function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasValue);
  return true;
}

function valuesOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) =>
    typeof item === 'string' ? [item.trim().toLowerCase()] : typeof item === 'number' || typeof item === 'boolean' ? [String(item)] : [],
  );
}
