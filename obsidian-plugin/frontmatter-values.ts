// Reading values out of frontmatter as the metadata cache hands it over: YAML may give a number
// where we wrote a string, or a lone string where we wrote a list.
// (arXiv ids, versions, tags and dates have their readers in core/notes/note-facts.ts.)

export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function listOf(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map(textOf).filter((t): t is string => t !== undefined);
}
