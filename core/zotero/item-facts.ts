// What Paper Feed reads from one Zotero item (web-API/local-API JSON `data`): the arXiv paper it
// is, its citation key, and the library entry Top picks ranks against.

import { tryParseArxivId } from '../arxiv/ids';
import type { LibraryItem } from '../rank/library';

/** The parts of an item's `data` Paper Feed reads; everything else is left alone. */
export interface ZoteroItemData {
  key?: unknown;
  version?: unknown;
  itemType?: unknown;
  title?: unknown;
  abstractNote?: unknown;
  creators?: unknown;
  date?: unknown;
  dateAdded?: unknown;
  url?: unknown;
  DOI?: unknown;
  archiveID?: unknown;
  /** A report or preprint number; some BBT fixtures hold "arXiv:2005.14165" here. */
  number?: unknown;
  extra?: unknown;
  citationKey?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const ARXIV_DOI = /^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\.(.+)$/i;
const EXTRA_ARXIV = /^arxiv:\s*(\S+)/i;
const EXTRA_CITEKEY = /^citation key:\s*(\S+)\s*$/i;

/**
 * The arXiv id (no version) an item is for, checked in the order PROTOCOL.md §4 gives: archiveID,
 * arXiv's DOI, an `arXiv:` line in extra (old translators wrote "arXiv: 1404.7828"), an `arXiv:`
 * number, then an arxiv.org abs/pdf URL.
 */
export function arxivIdOfItem(data: ZoteroItemData): string | undefined {
  const archive = text(data.archiveID);
  if (/^arxiv:/i.test(archive)) {
    const id = tryParseArxivId(archive)?.id;
    if (id) return id;
  }
  const doi = ARXIV_DOI.exec(text(data.DOI));
  if (doi) {
    const id = tryParseArxivId(doi[1]!)?.id;
    if (id) return id;
  }
  for (const line of text(data.extra).split(/\r?\n/)) {
    const match = EXTRA_ARXIV.exec(line.trim());
    const id = match ? tryParseArxivId(match[1]!)?.id : undefined;
    if (id) return id;
  }
  const number = text(data.number);
  if (/^arxiv:/i.test(number)) {
    const id = tryParseArxivId(number)?.id;
    if (id) return id;
  }
  return tryParseArxivId(text(data.url))?.id ?? undefined;
}

/** The citation key people cite the item with: Zotero 8's own field, else BBT's pinned `Citation Key:` line. */
export function citekeyOfItem(data: ZoteroItemData): string | undefined {
  const native = text(data.citationKey);
  if (native !== '') return native;
  for (const line of text(data.extra).split(/\r?\n/)) {
    const match = EXTRA_CITEKEY.exec(line.trim());
    if (match) return match[1];
  }
  return undefined;
}

function creatorName(creator: unknown): string {
  if (typeof creator !== 'object' || creator === null) return '';
  const { name, firstName, lastName } = creator as { name?: unknown; firstName?: unknown; lastName?: unknown };
  return text(name) || [text(firstName), text(lastName)].filter((part) => part !== '').join(' ');
}

/** One item as the cache keeps it: only what ranking, look-ups and citations use. */
export interface ZoteroEntry {
  key: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  /** dateAdded in ms since the epoch. */
  addedAt?: number;
  arxivId?: string;
  citekey?: string;
}

export function entryOfItem(data: ZoteroItemData): ZoteroEntry | undefined {
  const key = text(data.key);
  if (key === '') return undefined;
  const added = Date.parse(text(data.dateAdded));
  const arxivId = arxivIdOfItem(data);
  const citekey = citekeyOfItem(data);
  const authors = (Array.isArray(data.creators) ? (data.creators as unknown[]) : []).map(creatorName).filter((name) => name !== '');
  return {
    key,
    version: typeof data.version === 'number' ? data.version : 0,
    title: text(data.title).replace(/\s+/g, ' '),
    abstract: text(data.abstractNote).replace(/\s+/g, ' '),
    authors,
    ...(Number.isNaN(added) ? {} : { addedAt: added }),
    ...(arxivId ? { arxivId } : {}),
    ...(citekey ? { citekey } : {}),
  };
}

/**
 * The entry as a Top picks library paper, or undefined without a title and an abstract (as for
 * export files). An arXiv paper is known by its arXiv id, so it is never ranked as close to itself.
 */
export function libraryItemOfEntry(entry: ZoteroEntry): LibraryItem | undefined {
  if (entry.title === '' || entry.abstract === '') return undefined;
  return {
    id: entry.arxivId ?? `zotero:${entry.key}`,
    title: entry.title,
    abstract: entry.abstract,
    ...(entry.authors.length > 0 ? { authors: entry.authors } : {}),
    ...(entry.addedAt !== undefined ? { addedAt: entry.addedAt } : {}),
  };
}
