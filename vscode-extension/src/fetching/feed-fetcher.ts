// Fetches the latest announcement through one shared polite arXiv client (so arXiv's pacing
// covers every fetch of the window), shows progress, and keeps the result in the cache.
// A failure the person asked for is shown once, with "Retry"; an automatic one only in the view.
import * as vscode from 'vscode';
import type { ArxivClient } from '../../../core/arxiv/polite';
import type { Announcement } from '../../../core/arxiv/paper';
import { noAnnouncementMessage } from '../../../core/arxiv/calendar';
import { isPaperFeedError, messageFor } from '../../../core/errors';
import { fetchLatestDigest } from '../../../core/runs/daily-run';
import type { FeedCache } from '../cache/feed-cache';
import type { ExtensionSettings } from '../settings/settings';

export const RETRY = 'Retry';

export type FetchOutcome =
  { status: 'fetched'; date: string; papers: number } | { status: 'empty'; message: string } | { status: 'failed'; message: string } | { status: 'cancelled' };

export interface FetcherDeps {
  cache: FeedCache;
  /** Created on first use, then shared by every fetch. */
  client: () => ArxivClient;
  settings: () => ExtensionSettings;
  now: () => Date;
  /**
   * The work to run in the background once a fetch is kept and its progress has ended
   * (translation and TL;DRs), or undefined when there is none (translation is off).
   */
  afterFetch?: (announcement: Announcement) => AfterFetchWork | undefined;
}

/**
 * Runs in a progress of its own: `report` changes its message; `signal` is the person's cancel
 * there, the next fetch's, or the window closing.
 */
export type AfterFetchWork = (report: (message: string) => void, signal: AbortSignal) => Promise<void>;

/** The background work after a fetch: one at a time, a newer one cancelling the older. */
interface AfterFetchRun {
  abort: AbortController;
  done: Promise<void>;
}

export class FeedFetcher implements vscode.Disposable {
  private running: Promise<FetchOutcome> | undefined;
  private after: AfterFetchRun | undefined;
  private client: ArxivClient | undefined;
  private readonly problemChanged = new vscode.EventEmitter<string | undefined>();
  /** The last automatic fetch's error line, or undefined after a success; for the view's message. */
  readonly onDidChangeProblem = this.problemChanged.event;

  constructor(private readonly deps: FetcherDeps) {}

  /**
   * Fetches now, unless a fetch is already running (then its outcome is shared). When the person
   * asked (`automatic` false), a failure is shown as one error message with "Retry"; choosing it
   * fetches again, and the returned outcome is that of the last attempt.
   */
  async fetch(options: { automatic?: boolean } = {}): Promise<FetchOutcome> {
    for (;;) {
      const outcome = await this.fetchOnce(options.automatic ?? false);
      if (outcome.status !== 'failed') return outcome;
      if (options.automatic) return outcome;
      const choice = await vscode.window.showErrorMessage(outcome.message, RETRY);
      if (choice !== RETRY) return outcome;
    }
  }

  /** True while a fetch runs (translation after it does not count). */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Settles when the work after the last fetch (translation) has ended; at once when there is none. */
  async afterFetchDone(): Promise<void> {
    while (this.after) await this.after.done;
  }

  private fetchOnce(automatic: boolean): Promise<FetchOutcome> {
    this.running ??= this.run(automatic).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(automatic: boolean): Promise<FetchOutcome> {
    let settings: ExtensionSettings;
    try {
      settings = this.deps.settings();
    } catch (error) {
      return this.failure(error, automatic);
    }
    const { categories } = settings.config;
    const title = `Paper Feed: fetching ${categories.join(', ')} from arXiv`;
    const location = automatic ? { viewId: 'paperFeed.feed' } : vscode.ProgressLocation.Notification;
    let kept: Announcement | undefined;
    try {
      const outcome = await vscode.window.withProgress({ location, title, cancellable: !automatic }, async (_progress, token) => {
        const abort = new AbortController();
        const listener = token.onCancellationRequested(() => abort.abort());
        try {
          this.client ??= this.deps.client();
          const latest = await fetchLatestDigest(this.client, { rssBase: settings.rssBase, categories, signal: abort.signal });
          if (latest.kind === 'empty') {
            const message =
              noAnnouncementMessage(this.deps.now()) ??
              `arXiv's ${latest.date} listing has no papers in ${categories.join(', ')}; the feed keeps the papers it had.`;
            if (!automatic) void vscode.window.showInformationMessage(message);
            this.problemChanged.fire(undefined);
            return { status: 'empty', message } as const;
          }
          const { announcement } = latest;
          await this.deps.cache.add(announcement, settings.historyCount);
          kept = announcement;
          this.problemChanged.fire(undefined);
          return { status: 'fetched', date: announcement.date, papers: announcement.papers.length } as const;
        } finally {
          listener.dispose();
          if (token.isCancellationRequested) abort.abort();
        }
      });
      // The feed shows and the fetch's progress has ended: translation must not hold either back.
      if (kept) this.startAfterFetch(kept, automatic);
      return outcome;
    } catch (error) {
      return this.failure(error, automatic);
    }
  }

  /**
   * Starts the work after a fetch in its own non-modal progress: a cancellable notification when
   * the person fetched, the status bar for a fetch they did not ask for. An earlier run still
   * going is cancelled (what it got is kept) and awaited first, so two never share the cache.
   */
  private startAfterFetch(announcement: Announcement, automatic: boolean): void {
    const afterFetch = this.deps.afterFetch?.(announcement);
    if (!afterFetch) return;
    const previous = this.after;
    previous?.abort.abort();
    const abort = new AbortController();
    const location = automatic ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification;
    const work = async () => {
      await previous?.done;
      if (abort.signal.aborted) return;
      await vscode.window.withProgress({ location, title: 'Paper Feed', cancellable: !automatic }, async (progress, token) => {
        const listener = token.onCancellationRequested(() => abort.abort());
        try {
          await afterFetch((message) => progress.report({ message }), abort.signal);
        } finally {
          listener.dispose();
        }
      });
    };
    const run: AfterFetchRun = {
      abort,
      // afterFetch reports its own problems; nothing here may reject unhandled.
      done: work()
        .catch(() => undefined)
        .finally(() => {
          if (this.after === run) this.after = undefined;
        }),
    };
    this.after = run;
  }

  private failure(error: unknown, automatic: boolean): FetchOutcome {
    if (isCancellation(error)) return { status: 'cancelled' };
    const message = messageFor(error);
    if (automatic) this.problemChanged.fire(message);
    return { status: 'failed', message };
  }

  dispose(): void {
    this.after?.abort.abort();
    this.problemChanged.dispose();
  }
}

function isCancellation(error: unknown): boolean {
  if (isPaperFeedError(error)) return error.kind === 'cancelled';
  return error instanceof Error && error.name === 'AbortError';
}
