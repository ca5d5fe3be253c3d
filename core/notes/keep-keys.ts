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
 * (frontmatter and inline, without "#"). Builds nothing: the Obsidian library asks this of every
 * paper note at the start of a session.
 */
export function keptByRules(rules: readonly KeepRule[], properties: Readonly<Record<string, unknown>>, tags: readonly string[]): boolean {
  for (const rule of rules) {
    if (rule.kind === 'has' ? hasValue(properties[rule.key]) : rule.kind === 'is' ? isValue(properties[rule.key], rule.value) : hasTag(tags, rule.tag))
      return true;
  }
  return false;
}

/** Frontmatter tags (`tags`, or Obsidian's older `tag`) as a list without "#". */
export function propertyTags(properties: Readonly<Record<string, unknown>>): string[] {
  const tags = tagList(properties.tags);
  if (properties.tag !== undefined) tags.push(...tagList(properties.tag));
  return tags;
}

/** Anything but nothing: an empty text or list, null and false do not count; 0 does (a rating). */
function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasValue);
  return true;
}

/** The property, or one item of its list, is `wanted` (lower case): text in any case, a number or true/false as written. */
function isValue(value: unknown, wanted: string): boolean {
  return Array.isArray(value) ? value.some((item) => sameValue(item, wanted)) : sameValue(value, wanted);
}

function sameValue(item: unknown, wanted: string): boolean {
  if (typeof item === 'string') return item.trim().toLowerCase() === wanted;
  return (typeof item === 'number' || typeof item === 'boolean') && String(item) === wanted;
}

/** `tag` (lower case) or one of its children ("paper/keep/later" for "paper/keep") is among `tags`, in any case. */
function hasTag(tags: readonly string[], tag: string): boolean {
  for (const written of tags) {
    const lower = written.toLowerCase();
    if (lower.startsWith(tag) && (lower.length === tag.length || lower.charCodeAt(tag.length) === SLASH)) return true;
  }
  return false;
}

const SLASH = 0x2f;
