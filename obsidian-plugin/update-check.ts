// "Paper Feed: Check kept papers for updates", and the same check at most once a week
// in the background on devices that fetch automatically. Kept and recent paper notes are looked
// up on arXiv by id and brought up to date; the next digest lists the changes. One check at a
// time, with a progress notice and a command to cancel it; a background check speaks only when
// it changed something.
import { Notice } from 'obsidian';
import type { ArxivClient } from '../core/arxiv/polite';
import { checkForUpdates, type CatchUpReport } from '../core/catch-up/check';
import { afterCheck, lastRunWording } from '../core/catch-up/state';
import { isPaperFeedError, type PaperFeedError } from '../core/errors';
import type { VaultStore } from '../core/vault/store';
import type { DeviceState } from './device-state';
import { failureMessage, ProgressNotice } from './notices';
import type { PaperFeedSettings } from './settings';

const CANCELLED = 'Paper Feed: the update check was cancelled; notes already brought up to date stay so.';

/** A background check runs when the last one on this device is this old. */
export const WEEK_MS = 7 * 24 * 60 * 60_000;

export interface UpdateCheckHost {
  client: ArxivClient;
  store: VaultStore;
  device: DeviceState;
  settings(): PaperFeedSettings;
  settingsProblem(): PaperFeedError | null;
  now(): Date;
  /** A fetch of today's papers is running: a background check waits for the next tick. */
  fetching(): boolean;
}

export class UpdateCheck {
  private controller: AbortController | null = null;
  private current: Promise<CatchUpReport | null> | null = null;

  constructor(private readonly host: UpdateCheckHost) {}

  get running(): boolean {
    return this.controller !== null;
  }

  cancel(): void {
    this.controller?.abort();
  }

  /** "never", "3 days ago": when this device last checked. */
  lastChecked(): string {
    return lastRunWording(this.host.device.catchUp.lastRun, this.host.now());
  }

  /** Whether a background check is due: automatic fetching is on here and a week has passed. */
  weeklyDue(): boolean {
    if (!this.host.device.autoFetch || this.running || this.host.fetching()) return false;
    const last = this.host.device.catchUp.lastRun;
    return last === undefined || this.host.now().getTime() - Date.parse(last) >= WEEK_MS;
  }

  /** The once-a-minute tick: runs the weekly check when it is due. */
  tick(): Promise<CatchUpReport | null> {
    return this.weeklyDue() ? this.run(false) : Promise.resolve(null);
  }

  /** Runs the check (or joins the one running). `loud`: the person asked, so progress and the outcome are shown. */
  run(loud = true): Promise<CatchUpReport | null> {
    if (this.current) {
      if (loud) new Notice('Paper Feed is already checking your papers for updates; it will say when it is done.');
      return this.current;
    }
    this.current = this.check(loud).finally(() => {
      this.current = null;
      this.controller = null;
    });
    return this.current;
  }

  private async check(loud: boolean): Promise<CatchUpReport | null> {
    const refusal = this.host.settingsProblem();
    if (refusal) {
      if (loud) new Notice(failureMessage(refusal, false), 10_000);
      return null;
    }
    const controller = new AbortController();
    this.controller = controller;
    const state = this.host.device.catchUp;
    const since = `last checked ${lastRunWording(state.lastRun, this.host.now())}`;
    const progress = loud ? new ProgressNotice(`Paper Feed: checking your papers on arXiv for updates (${since})…`) : null;
    const settings = this.host.settings();
    try {
      const report = await checkForUpdates(this.host.store, {
        client: this.host.client,
        apiBase: settings.apiBase,
        now: this.host.now().getTime(),
        keepKeys: settings.config.library.keepKeys,
        cursor: state.cursor,
        ...(state.newestChecked ? { newestChecked: state.newestChecked } : {}),
        signal: controller.signal,
        onProgress: (done, total) =>
          progress?.set(`Paper Feed: checking your papers on arXiv for updates (${done} of ${total}; ${since})… Run "Cancel the update check" to stop.`),
      });
      this.host.device.catchUp = afterCheck(this.host.device.catchUp, report, this.host.now());
      progress?.hide();
      if (report.cancelled) {
        new Notice(CANCELLED, 6000);
        return report;
      }
      if (loud || report.updates.length > 0) new Notice(checkSummary(report), 10_000);
      return report;
    } catch (error) {
      progress?.hide();
      const cancelled = isPaperFeedError(error) && error.kind === 'cancelled';
      if (cancelled) new Notice(CANCELLED, 6000);
      else if (loud) new Notice(failureMessage(error, false), 10_000);
      return null;
    }
  }
}

/** "Paper Feed: 24 papers checked on arXiv · 2 published or updated · 1 not found (0808.05394); the next digest lists them." */
export function checkSummary(report: CatchUpReport): string {
  const parts = [
    `Paper Feed: ${report.checked} ${report.checked === 1 ? 'paper' : 'papers'} checked on arXiv`,
    `${report.updates.length} published or updated`,
  ];
  if (report.missing.length > 0) {
    const shown = report.missing
      .slice(0, 3)
      .map((m) => m.id)
      .join(', ');
    parts.push(`${report.missing.length} not found on arXiv (${shown}${report.missing.length > 3 ? ', …' : ''}), left as they are`);
  }
  const waiting = report.candidates - report.checked;
  if (waiting > 0) parts.push(`${waiting} left for the next check`);
  const tail = report.updates.length > 0 ? '; the next digest lists them.' : '.';
  return `${parts.join(' · ')}${tail}`;
}
