// Reading values out of frontmatter as the metadata cache hands it over: YAML may give a number
// where we wrote a string, a lone string where we wrote a list, or a Date for a bare date.
// (arXiv ids, versions and tags have their readers in core/notes/note-facts.ts.)

export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function listOf(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map(textOf).filter((t): t is string => t !== undefined);
}

/** YYYY-MM-DD, or undefined. */
export function dayOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const text = textOf(value);
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
}
