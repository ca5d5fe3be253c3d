// Past listing dates from the arXiv API, one digest per listing date in the range, each written
// like a daily announcement (core/arxiv/past-listing.ts rebuilds them). A cancel stops it at the
// next request or the next note; the days already written stay.
import { listingDatesBetween } from '../core/arxiv/calendar';
import { fetchPastListing } from '../core/arxiv/past-listing';
import type { ArxivClient } from '../core/arxiv/polite';
import { PaperFeedError } from '../core/errors';
import type { LibraryCache, ZoteroLibrarySource } from '../core/notes/library-source';
import type { WriteReport } from '../core/notes/write';
import { writeThenEnrich } from '../core/notes/write-then-enrich';
import type { VaultStore } from '../core/vault/store';
import type { EnrichmentRun } from './enrichment-host';
import type { PaperFeedSettings } from './settings';

export async function fetchRange(
  client: ArxivClient,
  settings: PaperFeedSettings,
  store: VaultStore,
  range: { from: string; to: string; signal?: AbortSignal },
  progress: (message: string) => void,
  enrichment?: EnrichmentRun,
  library?: LibraryCache,
  zotero?: ZoteroLibrarySource,
  /** After each day's digest is written. */
  onDay?: (done: number, total: number) => void,
): Promise<WriteReport[]> {
  const { config } = settings;
  const { from, to, signal } = range;
  const dates = listingDatesBetween(from, to);
  if (dates.length === 0) {
    throw new PaperFeedError('no-announcement', `arXiv has no listing dates from ${from} to ${to} (weekends and holidays have none); pick a longer range.`);
  }
  const reports: WriteReport[] = [];
  const fills: Array<() => Promise<void>> = [];
  for (const [i, date] of dates.entries()) {
    progress(`fetching ${date} (${i + 1} of ${dates.length})…`);
    const announcement = await fetchPastListing(client, {
      date,
      categories: config.categories,
      apiBase: settings.apiBase,
      ...(signal ? { signal } : {}),
      onPage: (fetched, total) => progress(`fetching ${date} (${i + 1} of ${dates.length}): ${fetched} of ${total} papers…`),
    });
    progress(`writing notes for ${date} (${i + 1} of ${dates.length})…`);
    const { report, fill } = await writeThenEnrich(announcement, config, store, { ...(library ? { library } : {}), ...(signal ? { signal } : {}), ...withZotero(zotero) }, enrichment?.session);
    reports.push(report);
    fills.push(fill);
    onDay?.(reports.length, dates.length);
  }
  // Every day's digest is written before any translation is asked for.
  await enrichment?.fill(fills);
  return reports;
}

/** `{ zotero }` for writeAnnouncement's options, or nothing. */
export function withZotero(zotero: ZoteroLibrarySource | undefined): { zotero?: ZoteroLibrarySource } {
  return zotero ? { zotero } : {};
}
