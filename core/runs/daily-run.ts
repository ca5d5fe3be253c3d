// One night's run, the same in every host: ask arXiv for the latest announcement, decide whether
// it holds papers, is an empty day, or could not be read at all, then write the digest with the
// "Published and updated" bookkeeping. The hosts bring the transport, the store and the progress.

import { fetchAnnouncement, type AnnouncementRequest } from '../arxiv/feed';
import type { Announcement } from '../arxiv/paper';
import type { ArxivClient } from '../arxiv/polite';
import { afterDaily, updatesForDaily, type CatchUpState } from '../catch-up/state';
import type { PaperFeedConfig } from '../config';
import type { EnrichSession } from '../enrich/session';
import { PaperFeedError } from '../errors';
import type { WriteOptions } from '../notes/write';
import { writeThenEnrich, type WrittenAnnouncement } from '../notes/write-then-enrich';
import type { VaultStore } from '../vault/store';

/** What the latest announcement gives a run: papers to write, or an empty day (a weekend, a holiday). */
export type LatestDigest = { kind: 'papers'; announcement: Announcement } | { kind: 'empty'; date: string };

/**
 * An announcement without papers is an empty day only when arXiv's feed held no items. When it
 * held items and none could be read, "no announcement" would hide the papers a person follows,
 * so the run stops with `bad-feed` and says to try again (every host, not only the CLI).
 */
export function papersOrEmpty(announcement: Announcement): LatestDigest {
  if (announcement.papers.length > 0) return { kind: 'papers', announcement };
  const [first] = announcement.skipped;
  if (first) {
    throw new PaperFeedError(
      'bad-feed',
      `None of the ${announcement.skipped.length} items in arXiv's feed could be read (first: ${first.ref}, ${first.reason.replace(/\.$/, '')}); try again later.`,
    );
  }
  return { kind: 'empty', date: announcement.date };
}

/** Asks arXiv's feed for the latest announcement (one request) and decides what it gives the run. */
export async function fetchLatestDigest(client: ArxivClient, request: AnnouncementRequest): Promise<LatestDigest> {
  return papersOrEmpty(await fetchAnnouncement(client, request));
}

/** Where a host keeps the catch-up check's findings until a digest lists them. */
export interface CatchUpKeeper {
  load(): Promise<CatchUpState>;
  save(state: CatchUpState): Promise<void>;
}

export interface WrittenDigest extends WrittenAnnouncement {
  /** How many papers the digest lists under "Published and updated". */
  listed: number;
}

/**
 * Writes the digest (translations after, through `fill`) with what the update check found since
 * the last digest. Once listed, they are kept for this date only: a later digest no longer lists
 * them, a rewrite of this one lists them again.
 */
export async function writeDigest(
  announcement: Announcement,
  config: PaperFeedConfig,
  store: VaultStore,
  options: Omit<WriteOptions, 'enrich' | 'overview' | 'catchUp'>,
  catchUp: CatchUpKeeper,
  session?: EnrichSession,
  writeLater?: (write: () => Promise<void>) => Promise<void>,
): Promise<WrittenDigest> {
  const state = await catchUp.load();
  const listed = updatesForDaily(state, announcement.date);
  const written = await writeThenEnrich(announcement, config, store, { ...options, ...(listed.length > 0 ? { catchUp: listed } : {}) }, session, writeLater);
  if (listed.length > 0) await catchUp.save(afterDaily(state, announcement.date));
  return { ...written, listed: listed.length };
}
