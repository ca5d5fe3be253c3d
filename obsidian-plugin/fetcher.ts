// The runs in Obsidian: today's announcement (or a range of listing dates) fetched and written by
// the core's runs (core/runs/), one run at a time through the RunQueue, with a progress notice and
// one clear notice at the end; translation after, with the queue free. A failure leaves no
// half-written note: the core writes each note whole. Cancel stops the running fetch wherever it
// waits: the arXiv request, the matching, or between two notes.
import { Notice, type App } from 'obsidian';
import { latestAnnouncement } from '../core/arxiv/calendar';
import type { ArxivClient } from '../core/arxiv/polite';
import { isPaperFeedError, type PaperFeedError } from '../core/errors';
import type { PaperFeedConfig } from '../core/config';
import type { LibraryCache, ZoteroLibrarySource } from '../core/notes/library-source';
import type { WriteReport } from '../core/notes/write';
import { fetchLatestDigest, writeDigest, type CatchUpKeeper } from '../core/runs/daily-run';
import { fetchRange, noListingsMessage, planRange, rangeTotals, type RangePlan } from '../core/runs/range-run';
import { duplicateSentence } from '../core/vault/originals';
import type { DeviceState } from './device-state';
import { outcomeOf, type Enrichment, type EnrichmentRun } from './enrichment-host';
import { linkFromDailyNote } from './daily-notes';
import { cancelledMessage, closingMessage, emptyAnnouncementMessage, failureMessage, ProgressNotice, summaryOf } from './notices';
import { RunQueue } from './run-queue';
import type { PaperFeedSettings } from './settings';
import type { ObsidianStore } from './vault-store';

export type Trigger = 'command' | 'ribbon' | 'link' | 'automatic' | 'retry';

export type RunOutcome =
  | { kind: 'written'; report: WriteReport }
  | { kind: 'empty'; date: string }
  | { kind: 'joined' }
  /** An automatic run found the latest digest already in the vault, written by another device. */
  | { kind: 'synced'; date: string }
  | { kind: 'failed'; error: unknown }
  /** The person cancelled it; what was written stays, each note whole. */
  | { kind: 'cancelled' };

export interface FetcherHost {
  app: App;
  client: ArxivClient;
  store: ObsidianStore;
  device: DeviceState;
  /** Translation and TL;DRs, when turned on. */
  enrichment: Enrichment;
  /** Where the "Top picks" library index is kept between runs. */
  library: LibraryCache;
  /** The running Zotero's library, when the settings choose it and this is the desktop app. */
  zotero?: (config: PaperFeedConfig) => ZoteroLibrarySource | undefined;
  settings(): PaperFeedSettings;
  /** Why the saved config was set aside, or null; runs refuse while it stands. */
  settingsProblem(): PaperFeedError | null;
  now(): Date;
  /** A run started or finished (the status bar shows it). */
  ran(): void;
}

export class Fetcher {
  private readonly queue = new RunQueue();
  /** Aborts the run now fetching or writing; null between runs. */
  private running: AbortController | null = null;
  /** The translation after the last fetch of today's papers, while it runs. */
  private translation: Promise<void> | null = null;
  private writes = 0;
  /** When arXiv asked us to come back (rate limit); the scheduler retries then. */
  retryAt: number | null = null;

  constructor(private readonly host: FetcherHost) {}

  /**
   * True while a run, or the translation after one, may write notes: the automatic fetch and the
   * update check wait. A person's fetch does not: it stops the translation (fetchToday).
   */
  get busy(): boolean {
    return !this.queue.idle || this.translation !== null;
  }

  /** True while a run fetches from arXiv, writes notes or translates them: Cancel has something to stop. */
  get cancellable(): boolean {
    return this.running !== null || this.host.enrichment.running;
  }

  /**
   * Stops the running fetch: the arXiv request is dropped, matching stops within 50 ms, and writing
   * stops before the next note (each note is written whole). While translating, stops that. A run
   * queued behind it still runs. False when nothing was running.
   */
  cancel(): boolean {
    if (!this.cancellable) return false;
    this.running?.abort();
    this.host.enrichment.cancel();
    return true;
  }

  /** Fetches and writes the latest announcement. Automatic runs fail quietly unless `loud`. */
  async fetchToday(trigger: Trigger, loud = trigger !== 'automatic'): Promise<RunOutcome> {
    // Queued at once when nothing translates, so two quick asks join one run.
    if (this.translation) await this.stopTranslation();
    const { result, started } = this.queue.run('today', () => this.today(loud, trigger === 'automatic'));
    if (started) return result;
    if (loud) new Notice("Paper Feed is already fetching today's papers; it will say when it is done.");
    await result.catch(() => undefined);
    return { kind: 'joined' };
  }

  /** Writes one daily note per listing date from `from` to `to`, from the arXiv API. */
  async fetchRange(from: string, to: string): Promise<void> {
    // Queued at once when nothing translates, so two quick asks join one run.
    if (this.translation) await this.stopTranslation();
    const waiting = this.busy;
    const { result, started } = this.queue.run(`range ${from} ${to}`, () => this.range(from, to));
    if (!started) new Notice(`Paper Feed is already fetching ${from} to ${to}.`);
    else if (waiting) new Notice('Paper Feed will fetch the range when the current fetch is done.');
    return result;
  }

  /** Settles when the translation after the last fetch has ended; at once when none runs. */
  async translated(): Promise<void> {
    while (this.translation) await this.translation;
  }

  /**
   * Stops the translation an earlier fetch left running (what arrived stays in the notes) and
   * waits for its last writes, so a new run's notes and cache never race an older run's.
   */
  private async stopTranslation(): Promise<void> {
    if (!this.translation) return;
    this.host.enrichment.cancel();
    await this.translated();
  }

  /** A note write after the digest: queued like a run, so it never overlaps a fetch's writes. */
  private queuedWrite = (write: () => Promise<void>): Promise<void> => this.queue.run(`translation ${++this.writes}`, write).result;

  /**
   * Translates after the fetch has finished and freed the queue: the progress notice goes on
   * with "Translating 3/10…", the notes fill in as answers arrive, and a notice closes it.
   */
  private translateLater(what: string, enrichment: EnrichmentRun, fills: Array<() => Promise<void>>, progress: ProgressNotice | null, loud: boolean): void {
    const run = (async () => {
      try {
        await enrichment.fill(fills);
      } finally {
        progress?.hide();
      }
      // Said when the endpoint was asked (or could not be): a run the cache answered adds nothing to say.
      const outcome = outcomeOf(enrichment);
      const asked = enrichment.session.summary().requests > 0;
      if ((loud && asked) || outcome.stopped)
        new Notice(closingMessage(`Paper Feed: ${what} · ${outcome.done}`, undefined, outcome.stopped ?? null), loud ? 8000 : 5000);
    })()
      .catch((error: unknown) => {
        new Notice(failureMessage(error, false), 10_000);
      })
      .finally(() => {
        if (this.translation === run) this.translation = null;
      });
    this.translation = run;
  }

  private async today(loud: boolean, automatic: boolean): Promise<RunOutcome> {
    const { client, store, device } = this.host;
    const settings = this.host.settings();
    const refusal = this.host.settingsProblem();
    if (refusal) return this.failed(refusal, loud);
    if (automatic) {
      // Several devices may fetch automatically; the first one writes, and sync brings its notes
      // to the others, which then leave the vault alone (README: "Sync and several devices").
      const synced = await this.syncedDigest();
      if (synced) return synced;
    }
    const progress = loud ? new ProgressNotice("Paper Feed: fetching today's papers from arXiv…") : null;
    const { signal } = this.start();
    let written = { done: 0, total: 0 };
    try {
      const latest = await fetchLatestDigest(client, { rssBase: settings.rssBase, categories: settings.config.categories, signal });
      this.retryAt = null;
      // An empty feed (a weekend, a holiday) is not a run: the status bar keeps the last real one.
      if (latest.kind === 'empty') {
        progress?.hide();
        if (loud) new Notice(emptyAnnouncementMessage(latest.date, this.host.now()), 10_000);
        return { kind: 'empty', date: latest.date };
      }
      const { announcement } = latest;
      progress?.set(`Paper Feed: writing notes for ${announcement.date}…`);
      const enrichment = this.host.enrichment.forRun((text) => progress?.set(`Paper Feed: ${announcement.date} written · ${text}`));
      const { report, fill } = await writeDigest(
        announcement,
        settings.config,
        store,
        {
          onProgress: (done, total) => {
            written = { done, total };
            progress?.set(`Paper Feed: writing notes for ${announcement.date} (${done} of ${total})…`);
          },
          signal,
          library: this.host.library,
          zotero: this.host.zotero?.(settings.config),
        },
        this.catchUpKeeper,
        enrichment?.session,
        this.queuedWrite,
      );
      const linkProblem = settings.linkFromDailyNote ? await this.linkDigest(report, settings.dailyNoteHeading) : null;
      const problems = [linkProblem, ...report.duplicates.map(duplicateSentence)].filter((line): line is string => line !== null);
      device.lastRun = { announcement: report.date, at: this.host.now().getTime(), matched: report.matched };
      this.host.ran();
      new Notice(closingMessage(summaryOf(report), undefined, problems.length > 0 ? problems.join(' ') : null), loud ? 8000 : 5000);
      // The digest is in the vault and the fetch is done; translations fill it in from here.
      if (enrichment) this.translateLater(announcement.date, enrichment, [fill], progress, loud);
      else progress?.hide();
      return { kind: 'written', report };
    } catch (error) {
      progress?.hide();
      if (!cancelled(error, signal)) return this.failed(error, loud);
      new Notice(cancelledMessage(written.done, written.total, 'notes'), 8000);
      return { kind: 'cancelled' };
    } finally {
      this.finish();
    }
  }

  private async range(from: string, to: string): Promise<void> {
    const { client, store } = this.host;
    const settings = this.host.settings();
    const refusal = this.host.settingsProblem();
    if (refusal) return void this.failed(refusal, true, false);
    let plan: RangePlan;
    try {
      plan = planRange(from, to, this.host.now());
    } catch (error) {
      return void this.failed(error, true, false);
    }
    const nothing = noListingsMessage(plan);
    if (nothing !== null) {
      new Notice(nothing, 10_000);
      return;
    }
    const progress = new ProgressNotice(`Paper Feed: fetching ${from} to ${to} from arXiv…`);
    const say = (text: string) => progress.set(`Paper Feed: ${text}`);
    const { signal } = this.start();
    const days = { done: 0, total: plan.dates.length };
    try {
      const enrichment = this.host.enrichment.forRun(say);
      const { reports, fills } = await fetchRange(plan, settings.config, store, {
        client,
        apiBase: settings.apiBase,
        signal,
        write: { signal, library: this.host.library, zotero: this.host.zotero?.(settings.config) },
        ...(enrichment ? { session: enrichment.session } : {}),
        progress: {
          asking: (date, day, total) => say(`fetching ${date} (${day + 1} of ${total})…`),
          reading: (date, day, total, fetched, papers) => say(`fetching ${date} (${day + 1} of ${total}): ${fetched} of ${papers} papers…`),
          writing: (date, day, total) => say(`writing notes for ${date} (${day + 1} of ${total})…`),
          written: (_date, _report, day) => (days.done = day + 1),
        },
      });
      const totals = rangeTotals(reports);
      new Notice(`Paper Feed: ${totals.days} daily notes from ${from} to ${to} · ${totals.matched} papers · ${totals.created} new notes`, 8000);
      // Every day is in the vault and the fetch is done; translations fill the days in from here.
      if (enrichment) this.translateLater(`${from} to ${to}`, enrichment, fills, progress, true);
      else progress.hide();
    } catch (error) {
      progress.hide();
      if (!cancelled(error, signal)) return void this.failed(error, true, false);
      new Notice(cancelledMessage(days.done, days.total, 'days'), 8000);
    } finally {
      this.finish();
    }
  }

  private start(): AbortController {
    this.running = new AbortController();
    this.host.ran();
    return this.running;
  }

  private finish(): void {
    this.running = null;
    this.host.ran();
  }

  /** The latest announcement's digest when the vault has it already (sync brought it), as a finished run. */
  /** The update check's findings wait on this device until a digest lists them. */
  private readonly catchUpKeeper: CatchUpKeeper = {
    load: () => Promise.resolve(this.host.device.catchUp),
    save: (state) => {
      this.host.device.catchUp = state;
      return Promise.resolve();
    },
  };

  private async syncedDigest(): Promise<RunOutcome | null> {
    const date = latestAnnouncement(this.host.now()).date;
    const path = (await this.host.store.index()).dailies.get(date);
    if (path === undefined) return null;
    const papers: unknown = this.host.app.metadataCache.getCache(path)?.frontmatter?.papers;
    this.host.device.lastRun = { announcement: date, at: this.host.now().getTime(), matched: typeof papers === 'number' ? papers : 0 };
    this.host.ran();
    return { kind: 'synced', date };
  }

  private async linkDigest(report: WriteReport, heading: string): Promise<string | null> {
    const { app } = this.host;
    const digest = app.vault.getFileByPath(report.dailyNote);
    if (!digest) return null;
    try {
      await linkFromDailyNote(app, digest, heading, this.host.now());
      return null;
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
      return `The link in today's daily note could not be added (${reason}); check the Daily notes settings.`;
    }
  }

  /** Shows the failure (when loud); a rate-limited fetch of today's papers is retried when arXiv said. */
  private failed(error: unknown, loud: boolean, today = true): RunOutcome {
    if (today) {
      const rateLimited = isPaperFeedError(error) && error.kind === 'rate-limited';
      this.retryAt = rateLimited ? (error.detail.retryAt ?? null) : null;
    }
    if (loud) new Notice(failureMessage(error, today), 10_000);
    return { kind: 'failed', error };
  }
}

/** The run stopped because the person cancelled it (the core says 'cancelled'; a host error may not). */
function cancelled(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (isPaperFeedError(error) && error.kind === 'cancelled');
}
