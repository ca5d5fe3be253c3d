// Past listing dates from the arXiv API: for each listing date in the range, the submissions of
// its window (arXiv's 14:00 US Eastern cutoffs, weekends and holidays), written like a daily
// announcement. Papers whose primary category is not followed came in as cross-lists.
import { searchAll } from '../core/arxiv/search';
import { buildSearchQuery } from '../core/arxiv/api-query';
import { announcementFor, listingDatesBetween, submissionWindow } from '../core/arxiv/calendar';
import type { Announcement, Paper } from '../core/arxiv/paper';
import type { ArxivClient } from '../core/arxiv/polite';
import { PaperFeedError } from '../core/errors';
import type { LibraryCache } from '../core/notes/library-source';
import { writeAnnouncement, type WriteReport } from '../core/notes/write';
import { inCategories } from '../core/select/categories';
import type { VaultStore } from '../core/vault/store';
import type { EnrichmentRun } from './enrichment';
import type { PaperFeedSettings } from './settings';

export async function fetchRange(
  client: ArxivClient,
  settings: PaperFeedSettings,
  store: VaultStore,
  from: string,
  to: string,
  progress: (message: string) => void,
  enrichment?: EnrichmentRun,
  library?: LibraryCache,
): Promise<WriteReport[]> {
  const { config } = settings;
  const dates = listingDatesBetween(from, to);
  if (dates.length === 0) {
    throw new PaperFeedError('no-announcement', `arXiv has no listing dates from ${from} to ${to} (weekends and holidays have none); pick a longer range.`);
  }
  const reports: WriteReport[] = [];
  for (const [i, date] of dates.entries()) {
    progress(`fetching ${date} (${i + 1} of ${dates.length})…`);
    const window = submissionWindow(date);
    const query = buildSearchQuery({ categories: config.categories, submittedFrom: window.from, submittedTo: window.to });
    const found = await searchAll(client, settings.apiBase, query, {
      onPage: (fetched, total) => progress(`fetching ${date} (${i + 1} of ${dates.length}): ${fetched} of ${total} papers…`),
    });
    const announcement: Announcement = {
      ...announcementFor(date),
      categories: [...config.categories],
      papers: found.papers.map((paper): Paper => ({ ...paper, announceType: inCategories([paper.primaryCategory], config.categories) ? 'new' : 'cross' })),
      skipped: found.skipped,
    };
    progress(`writing notes for ${date} (${i + 1} of ${dates.length})…`);
    reports.push(
      await writeAnnouncement(announcement, config, store, {
        ...(enrichment ? { enrich: (papers) => enrichment.enrich(papers) } : {}),
        ...(library ? { library } : {}),
      }),
    );
  }
  return reports;
}
