// The digest first, translations after: the notes are written at once with what the cache
// already holds (the rest marked pending), then `fill` asks the endpoint and writes each
// answer into the same notes through the same write path, which keeps the person's text.
// A slow or silent model never holds the digest back.

import type { Announcement, Paper } from '../arxiv/paper';
import type { PaperFeedConfig } from '../config';
import type { PaperEnrichment } from '../enrich/enrich';
import type { EnrichSession } from '../enrich/session';
import type { VaultStore } from '../vault/store';
import { writeAnnouncement, type WriteOptions, type WriteReport } from './write';

export interface WrittenAnnouncement {
  /** What the first write did; notes the fill changes later are added to `updated`. */
  report: WriteReport;
  /** Asks the endpoint for what is missing and updates the notes as answers arrive. */
  fill: () => Promise<void>;
}

export async function writeThenEnrich(
  announcement: Announcement,
  config: PaperFeedConfig,
  store: VaultStore,
  options: Omit<WriteOptions, 'enrich'>,
  session: EnrichSession | undefined,
): Promise<WrittenAnnouncement> {
  if (!session) return { report: await writeAnnouncement(announcement, config, store, options), fill: () => Promise.resolve() };
  let papers: Paper[] = [];
  const report = await writeAnnouncement(announcement, config, store, {
    ...options,
    enrich: (asked) => {
      papers = asked;
      return session.known(asked);
    },
  });
  // The updates are whole runs over the same announcement: a run that finds nothing new writes
  // nothing, and a note the person edited meanwhile is changed on their text.
  const { onProgress: _shownOnce, signal: _firstWriteOnly, ...again } = options;
  const update = async (results: ReadonlyMap<string, PaperEnrichment>) => {
    const filled = await writeAnnouncement(announcement, config, store, { ...again, enrich: () => Promise.resolve(results) });
    for (const path of filled.updated) {
      if (report.created.includes(path) || report.updated.includes(path)) continue;
      report.updated.push(path);
      report.unchanged = Math.max(0, report.unchanged - 1);
    }
    if (filled.dailyNoteChange === 'updated' && report.dailyNoteChange === 'unchanged') report.dailyNoteChange = 'updated';
  };
  return { report, fill: () => (papers.length === 0 ? Promise.resolve() : session.fill(papers, update)) };
}
