// A CSL-JSON file (Zotero's or Better BibTeX's "CSL JSON" export) → library items: every item
// with a title and an abstract.

import { PaperFeedError } from '../errors';
import type { LibraryItem } from './library';

interface CslName {
  family?: unknown;
  given?: unknown;
  literal?: unknown;
}

interface CslItem {
  id?: unknown;
  title?: unknown;
  abstract?: unknown;
  author?: unknown;
  issued?: { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
}

const text = (value: unknown): string =>
  typeof value === 'string'
    ? value
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : typeof value === 'number'
      ? String(value)
      : '';

function nameOf(name: CslName): string {
  const literal = text(name.literal);
  if (literal !== '') return literal;
  return [text(name.given), text(name.family)].filter((part) => part !== '').join(' ');
}

/** The issued date as ms (UTC midnight); missing month and day count as January and the 1st. */
function issuedAt(issued: CslItem['issued']): number | undefined {
  const parts = issued?.['date-parts'];
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? (parts[0] as unknown[]).map(Number) : undefined;
  if (first?.[0] !== undefined && Number.isInteger(first[0])) {
    return Date.UTC(first[0], (first[1] || 1) - 1, first[2] || 1);
  }
  const raw = /(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(text(issued?.raw) || text(issued?.literal));
  return raw ? Date.UTC(Number(raw[1]), Number(raw[2] ?? 1) - 1, Number(raw[3] ?? 1)) : undefined;
}

/**
 * Library items from CSL-JSON text, in file order, id = the item's id. `issued` stands in for
 * the date added, which CSL does not carry. Throws a PaperFeedError when the text is not a
 * CSL-JSON array.
 */
export function libraryFromCslJson(json: string): LibraryItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) {
    throw new PaperFeedError('bad-config', 'The library file is not CSL-JSON (a JSON list of items): export it again as "CSL JSON" from Zotero.');
  }
  return (parsed as unknown[]).flatMap((entry, i) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const item = entry as CslItem;
    const title = text(item.title);
    const abstract = text(item.abstract);
    if (title === '' || abstract === '') return [];
    const authors = (Array.isArray(item.author) ? (item.author as unknown[]) : [])
      .map((name) => (typeof name === 'object' && name !== null ? nameOf(name as CslName) : ''))
      .filter((name) => name !== '');
    const addedAt = issuedAt(item.issued);
    return [
      {
        id: text(item.id) || `item ${i + 1}`,
        title,
        abstract,
        ...(authors.length > 0 ? { authors } : {}),
        ...(addedAt !== undefined ? { addedAt } : {}),
      },
    ];
  });
}
