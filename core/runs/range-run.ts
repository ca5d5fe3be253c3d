// A range run, the same in every host: one daily note per arXiv listing date from `from` to `to`,
// each rebuilt from the API by its submission window (core/arxiv/past-listing.ts) and written as
// soon as it is fetched, so an interrupted range can simply be run again. The hosts bring the
// transport, the store and the progress; translation is left to them, after every day is written.

import { latestAnnouncement, listingDatesBetween } from '../arxiv/calendar';
import { fetchPastListing } from '../arxiv/past-listing';
import type { ArxivClient } from '../arxiv/polite';
import type { PaperFeedConfig } from '../config';
import type { EnrichSession } from '../enrich/session';
import { PaperFeedError } from '../errors';
import type { WriteOptions, WriteReport } from '../notes/write';
import { writeThenEnrich } from '../notes/write-then-enrich';
import type { VaultStore } from '../vault/store';

export interface RangePlan {
  from: string;
  to: string;
  /** The listing dates in the range, oldest first; none when it holds only weekends and holidays. */
  dates: string[];
}

/**
 * Why the range cannot be fetched, or null. A range that ends after the latest listing is
 * refused: arXiv has not announced those days yet, and an empty digest written for one would
 * look like a day without papers. YYYY-MM-DD is each host's own check (its own fields' names).
 */
export function rangeProblem(from: string, to: string, now: Date): string | null {
  if (from > to) return `The start date ${from} is after the end date ${to}; swap the two dates.`;
  const latest = latestAnnouncement(now).date;
  if (to > latest) return `The end date ${to} is after the latest arXiv listing (${latest}); pick an earlier end date.`;
  return null;
}

/** The listing dates to fetch, or a `bad-config` error: a date that is not YYYY-MM-DD, or rangeProblem's sentence. */
export function planRange(from: string, to: string, now: Date): RangePlan {
  // First, so a date that is not YYYY-MM-DD is named as such.
  const dates = listingDatesBetween(from, to);
  const problem = rangeProblem(from, to, now);
  if (problem) throw new PaperFeedError('bad-config', problem);
  return { from, to, dates };
}

/**
 * Why nothing will be written, when the range holds only weekends and holidays; null when it has
 * listing dates. Not a failure: nothing was asked for that arXiv has, so a scheduled run exits 0
 * and a person reads the same sentence in every host.
 */
export function noListingsMessage(plan: RangePlan): string | null {
  if (plan.dates.length > 0) return null;
  return `arXiv has no listings from ${plan.from} to ${plan.to} (weekends and holidays only); nothing was written.`;
}

/** What the run tells its host while it works; `day` counts from 0 of `days`. */
export interface RangeProgress {
  asking?(date: string, day: number, days: number): void;
  reading?(date: string, day: number, days: number, fetched: number, total: number): void;
  writing?(date: string, day: number, days: number, written: number, total: number): void;
  /** The day's digest is written. */
  written?(date: string, report: WriteReport, day: number, days: number): void;
}

export interface RangeOptions {
  client: ArxivClient;
  /** Defaults to https://export.arxiv.org/api/query. */
  apiBase?: string;
  /** Stops the arXiv requests. */
  signal?: AbortSignal;
  /** How each day is written (the write's own signal, library, Zotero, writes at once). */
  write: Omit<WriteOptions, 'enrich' | 'overview' | 'onProgress' | 'catchUp'>;
  session?: EnrichSession;
  progress?: RangeProgress;
}

export interface RangeRun {
  reports: WriteReport[];
  /** Ask for the translations, day by day; the host runs them once every day is written. */
  fills: Array<() => Promise<void>>;
}

export async function fetchRange(plan: RangePlan, config: PaperFeedConfig, store: VaultStore, options: RangeOptions): Promise<RangeRun> {
  const { dates } = plan;
  const { progress, signal } = options;
  const reports: WriteReport[] = [];
  const fills: Array<() => Promise<void>> = [];
  for (const [day, date] of dates.entries()) {
    progress?.asking?.(date, day, dates.length);
    const announcement = await fetchPastListing(options.client, {
      date,
      categories: config.categories,
      ...(options.apiBase ? { apiBase: options.apiBase } : {}),
      ...(signal ? { signal } : {}),
      onPage: (fetched, total) => progress?.reading?.(date, day, dates.length, fetched, total),
    });
    const { report, fill } = await writeThenEnrich(
      announcement,
      config,
      store,
      { ...options.write, onProgress: (written, total) => progress?.writing?.(date, day, dates.length, written, total) },
      options.session,
    );
    reports.push(report);
    fills.push(fill);
    progress?.written?.(date, report, day, dates.length);
  }
  return { reports, fills };
}

/** A range's totals for its closing line. */
export function rangeTotals(reports: readonly WriteReport[]): { days: number; matched: number; created: number; updated: number } {
  return {
    days: reports.length,
    matched: reports.reduce((n, r) => n + r.matched, 0),
    created: reports.reduce((n, r) => n + r.created.length, 0),
    updated: reports.reduce((n, r) => n + r.updated.length, 0),
  };
}
