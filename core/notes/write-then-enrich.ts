// The digest first, translations after: the notes are written at once with what the cache
// already holds (the rest marked pending), then `fill` asks the endpoint and writes each
// answer into the same notes through the same write path, which keeps the person's text.
// A slow or silent model never holds the digest back. The day's overview (when on) is asked
// for first, as one request, and goes into the daily note the same way.

import type { Announcement, Paper } from '../arxiv/paper';
import type { PaperFeedConfig } from '../config';
import type { DailyOverview } from '../enrich/overview';
import type { EnrichResults, EnrichSession } from '../enrich/session';
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
  options: Omit<WriteOptions, 'enrich' | 'overview'>,
  session: EnrichSession | undefined,
  /** Runs each later write (a host serializes them with its other runs, so none overlaps a fetch). */
  writeLater: (write: () => Promise<void>) => Promise<void> = (write) => write(),
): Promise<WrittenAnnouncement> {
  if (!session) return { report: await writeAnnouncement(announcement, config, store, options), fill: () => Promise.resolve() };
  let papers: Paper[] = [];
  let matched: Paper[] = [];
  let results: EnrichResults | undefined;
  let overview: DailyOverview | undefined;
  const report = await writeAnnouncement(announcement, config, store, {
    ...options,
    enrich: async (asked) => {
      papers = asked;
      results = await session.known(asked);
      return results;
    },
    overview: async (day) => {
      matched = day;
      overview = await session.knownOverview(announcement.date, day);
      return overview;
    },
  });
  // The updates are whole runs over the same announcement: a run that finds nothing new writes
  // nothing, and a note the person edited meanwhile is changed on their text.
  const { onProgress: _shownOnce, signal: _firstWriteOnly, ...again } = options;
  const update = () =>
    writeLater(async () => {
      const filled = await writeAnnouncement(announcement, config, store, {
        ...again,
        ...(results ? { enrich: () => Promise.resolve(results!) } : {}),
        overview: () => Promise.resolve(overview),
      });
      for (const path of filled.updated) {
        if (report.created.includes(path) || report.updated.includes(path)) continue;
        report.updated.push(path);
        report.unchanged = Math.max(0, report.unchanged - 1);
      }
      if (filled.dailyNoteChange === 'updated' && report.dailyNoteChange === 'unchanged') report.dailyNoteChange = 'updated';
    });
  const fill = async () => {
    if (!overview && matched.length > 0) {
      overview = await session.fillOverview(announcement.date, matched);
      if (overview) await session.guard(update);
    }
    if (papers.length === 0) return;
    await session.fill(papers, async (now) => {
      results = now;
      await update();
    });
  };
  return { report, fill };
}
