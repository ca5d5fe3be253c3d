// The person's Zotero library read through Zotero 7+'s local API, kept current incrementally:
// each refresh asks only for items changed since the version the cache holds (`since`,
// `If-Modified-Since-Version`), in pages of `limit`, then for the list of keys so deletions go too.

import type { HttpResponse } from '../arxiv/http';
import type { LibraryCache } from '../notes/library-source';
import type { LibraryItem } from '../rank/library';
import { citationKeysFromBbt } from './bbt';
import { jsonBody, zoteroError, type ZoteroEndpoint } from './endpoint';
import { entryOfItem, libraryItemOfEntry, type ZoteroEntry, type ZoteroItemData } from './item-facts';

const PAGE = 100;
/** A bound against a server whose paging never ends: 2,000 pages of 100. */
const MAX_PAGES = 2_000;
// Top-level items that are papers: standalone notes and attachments are not.
const PAPERS_ONLY = 'itemType=-attachment&itemType=-note';
const ITEMS = '/api/users/0/items/top';

interface CacheJson {
  format: 'paper-feed-zotero';
  layout: 1;
  port: number;
  version: number;
  entries: ZoteroEntry[];
}

export interface ZoteroRefresh {
  /** Items fetched because they changed (0 when Zotero answered 304). */
  changed: number;
  removed: number;
  /** Requests made. */
  requests: number;
}

export class ZoteroLibrary {
  private version = 0;
  private entries = new Map<string, ZoteroEntry>();
  private loaded = false;
  /** The citation keys, built once per change of the library (citations ask on every keystroke). */
  private keys: Map<string, string> | undefined;
  private itemKeysMemo: Map<string, string> | undefined;

  constructor(
    private readonly endpoint: ZoteroEndpoint,
    private readonly cache: LibraryCache,
  ) {}

  /** Brings the library up to date with Zotero; throws a 'zotero' PaperFeedError when it cannot. */
  async refresh(): Promise<ZoteroRefresh> {
    await this.restore();
    const since = this.version;
    const first = await this.page(since, 0);
    if (first.status === 304) return { changed: 0, removed: 0, requests: 1 };
    const libraryVersion = Number(first.headers['last-modified-version']);
    const changed: ZoteroEntry[] = [];
    let requests = 1;
    let response = first;
    for (let start = 0, pages = 0; pages < MAX_PAGES; pages += 1) {
      const items = itemsOf(response);
      for (const item of items) {
        const entry = entryOfItem(item);
        if (entry) changed.push(entry);
      }
      start += items.length;
      const total = Number(response.headers['total-results']);
      const more = (response.headers.link ?? '').includes('rel="next"') || (Number.isFinite(total) && start < total);
      if (items.length === 0 || !more) break;
      response = await this.page(since, start);
      requests += 1;
    }
    await this.fillCitekeys(changed);
    for (const entry of changed) this.entries.set(entry.key, entry);
    this.keys = undefined;
    this.itemKeysMemo = undefined;
    let removed = 0;
    if (since > 0) {
      // `since` lists changed items only; an item deleted or moved to the trash is simply absent.
      const keys = await this.endpoint.send({ path: `${ITEMS}?format=keys&${PAPERS_ONLY}`, part: 'api' });
      requests += 1;
      if (keys.status !== 200) throw unexpected(keys);
      const present = new Set(keys.body.split(/\s+/).filter((key) => key !== ''));
      for (const key of [...this.entries.keys()]) {
        if (!present.has(key)) {
          this.entries.delete(key);
          this.keys = undefined;
          this.itemKeysMemo = undefined;
          removed += 1;
        }
      }
    }
    if (Number.isInteger(libraryVersion) && libraryVersion > 0) this.version = libraryVersion;
    await this.cache.save(this.toJSON()).catch(() => undefined);
    return { changed: changed.length, removed, requests };
  }

  /** Library papers for Top picks (those with a title and an abstract). */
  async items(): Promise<LibraryItem[]> {
    await this.restore();
    return [...this.entries.values()].flatMap((entry) => libraryItemOfEntry(entry) ?? []);
  }

  /** The item for an arXiv id, as the last refresh saw it. */
  async byArxivId(id: string): Promise<ZoteroEntry | undefined> {
    await this.restore();
    for (const entry of this.entries.values()) if (entry.arxivId === id) return entry;
    return undefined;
  }

  /** arXiv id → citation key, for every arXiv paper in the library that has one; the same map until the library changes. */
  async citekeys(): Promise<Map<string, string>> {
    await this.restore();
    if (this.keys) return this.keys;
    const keys = new Map<string, string>();
    for (const entry of this.entries.values()) if (entry.arxivId && entry.citekey && !keys.has(entry.arxivId)) keys.set(entry.arxivId, entry.citekey);
    this.keys = keys;
    return keys;
  }

  /** arXiv id → Zotero item key, for every arXiv paper in the library; the same map until the library changes. */
  async itemKeys(): Promise<Map<string, string>> {
    await this.restore();
    if (this.itemKeysMemo) return this.itemKeysMemo;
    const keys = new Map<string, string>();
    for (const entry of this.entries.values()) if (entry.arxivId && !keys.has(entry.arxivId)) keys.set(entry.arxivId, entry.key);
    this.itemKeysMemo = keys;
    return keys;
  }

  private async page(since: number, start: number): Promise<HttpResponse> {
    const response = await this.endpoint.send({
      path: `${ITEMS}?since=${since}&limit=${PAGE}&start=${start}&${PAPERS_ONLY}`,
      part: 'api',
      ...(since > 0 && start === 0 ? { headers: { 'If-Modified-Since-Version': String(since) } } : {}),
    });
    if (response.status !== 200 && response.status !== 304) throw unexpected(response);
    return response;
  }

  /** Zotero 7 keeps BBT's unpinned keys outside the item; BBT tells them, when it is there. */
  private async fillCitekeys(entries: ZoteroEntry[]): Promise<void> {
    const wanting = entries.filter((entry) => entry.citekey === undefined && entry.arxivId !== undefined);
    if (wanting.length === 0) return;
    const keys = await citationKeysFromBbt(
      this.endpoint,
      wanting.map((entry) => entry.key),
    ).catch(() => undefined);
    if (!keys) return;
    for (const entry of wanting) {
      const key = keys.get(entry.key);
      if (key) entry.citekey = key;
    }
  }

  private async restore(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    let json: unknown;
    try {
      json = await this.cache.load();
    } catch {
      json = undefined; // an unreadable cache costs one full read of the library
    }
    const data = json as Partial<CacheJson> | undefined;
    if (data?.format !== 'paper-feed-zotero' || data.layout !== 1 || data.port !== this.endpoint.port || !Array.isArray(data.entries)) return;
    this.version = typeof data.version === 'number' ? data.version : 0;
    this.entries = new Map(data.entries.filter((entry: ZoteroEntry | null) => typeof entry?.key === 'string').map((entry) => [entry.key, entry] as const));
  }

  private toJSON(): CacheJson {
    return { format: 'paper-feed-zotero', layout: 1, port: this.endpoint.port, version: this.version, entries: [...this.entries.values()] };
  }
}

function itemsOf(response: HttpResponse): ZoteroItemData[] {
  const body = jsonBody(response, 'the library request');
  if (!Array.isArray(body))
    throw zoteroError('Zotero answered the library request with something other than a list of items; update Zotero and try again.', response.status);
  return body.flatMap((item: unknown) => {
    const data = typeof item === 'object' && item !== null ? (item as { data?: unknown }).data : undefined;
    return typeof data === 'object' && data !== null ? [data] : [];
  });
}

/** Search results of the local API as item data (used by the look-up before a save). */
export function itemDataOf(response: HttpResponse): ZoteroItemData[] {
  return itemsOf(response);
}

export function unexpected(response: HttpResponse): Error {
  if (response.status === 404 && /No endpoint found/i.test(response.body)) {
    return zoteroError(
      'This Zotero has no local API (it came with Zotero 7); update Zotero, or export your library to a file and name it in the settings.',
      404,
    );
  }
  const said = response.body.trim().split('\n')[0]?.slice(0, 120) ?? '';
  return zoteroError(`Zotero answered HTTP ${response.status}${said ? ` ("${said}")` : ''}; update Zotero and try again.`, response.status);
}
