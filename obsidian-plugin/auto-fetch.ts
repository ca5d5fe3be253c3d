// When the automatic fetch runs: on a once-a-minute tick, at most once per announcement, no earlier
// than half an hour after arXiv announces (20:00 US Eastern) and, when the person set a time, no
// earlier than that local time. A rate-limited run is retried at the time arXiv gave, even when
// the automatic fetch is off, because the person asked for that run.
import { latestAnnouncement, nextAnnouncement } from '../core/arxiv/calendar';
import { isPaperFeedError } from '../core/errors';
import type { LastRun } from './device-state';
import type { RunOutcome, Trigger } from './fetcher';
import { moment } from './moment';

export const TICK_MS = 60_000;
/** arXiv rebuilds its feeds in the half hour after the announcement. */
const SETTLE_MS = 30 * 60_000;
/** The feed still showed the previous announcement: look again after this. */
const STALE_RETRY_MS = 20 * 60_000;
/** Unreachable, timed out, server trouble: look again after this. */
const FAILURE_RETRY_MS = 30 * 60_000;

export interface AutoFetchHost {
  now(): Date;
  /** The "fetch automatically on this device" toggle. */
  enabled(): boolean;
  /** "" or HH:MM, local time. */
  fetchAfter(): string;
  lastRun(): LastRun | null;
  /** When arXiv asked to be asked again (rate limit), or null. */
  retryAt(): number | null;
  busy(): boolean;
  fetch(trigger: Trigger, loud: boolean): Promise<RunOutcome>;
}

export class AutoFetch {
  private notBefore = 0;
  /** The announcement whose automatic failure was already shown; later failures stay quiet. */
  private failureShownFor: string | null = null;
  private ticking: Promise<void> | null = null;

  constructor(private readonly host: AutoFetchHost) {}

  /** The settings changed: decide afresh on the next tick. */
  reset(): void {
    this.notBefore = 0;
  }

  /** Resolves once the tick in progress (if any) has finished its run. */
  settled(): Promise<void> {
    return this.ticking ?? Promise.resolve();
  }

  /** When the automatic fetch of the latest announcement may run; null when it is not needed. */
  dueAt(now: Date): number | null {
    const latest = latestAnnouncement(now);
    const last = this.host.lastRun();
    if (last && last.announcement >= latest.date) return null;
    return Math.max(earliestFetch(Date.parse(latest.announcedAt), this.host.fetchAfter()), this.notBefore);
  }

  tick(): Promise<void> {
    if (this.ticking || this.host.busy()) return this.settled();
    const trigger = this.triggerNow(this.host.now());
    if (!trigger) return Promise.resolve();
    this.ticking = this.run(trigger).finally(() => (this.ticking = null));
    return this.ticking;
  }

  private triggerNow(now: Date): Trigger | null {
    const at = now.getTime();
    const retry = this.host.retryAt();
    if (retry !== null) return at >= retry ? 'retry' : null;
    if (!this.host.enabled()) return null;
    const due = this.dueAt(now);
    return due !== null && at >= due ? 'automatic' : null;
  }

  private async run(trigger: Trigger): Promise<void> {
    const now = this.host.now();
    const latest = latestAnnouncement(now).date;
    const loud = trigger === 'retry' || this.failureShownFor !== latest;
    const outcome = await this.host.fetch(trigger, loud);
    const at = now.getTime();
    if (outcome.kind === 'written' && outcome.report.date < latest) this.notBefore = at + STALE_RETRY_MS;
    if (outcome.kind === 'empty') {
      // Nothing listed: an old feed is looked at again soon; a current one waits for the next announcement.
      this.notBefore = outcome.date < latest ? at + STALE_RETRY_MS : Date.parse(nextAnnouncement(now).announcedAt);
    }
    // The person stopped it: the next automatic fetch is for the next announcement.
    if (outcome.kind === 'cancelled') this.notBefore = Date.parse(nextAnnouncement(now).announcedAt);
    if (outcome.kind === 'failed') {
      if (loud) this.failureShownFor = latest;
      const { error } = outcome;
      // A wrong setting will not fix itself; wait for the person to change it (reset()).
      this.notBefore = isPaperFeedError(error) && error.kind === 'bad-config' ? Infinity : at + FAILURE_RETRY_MS;
    }
  }
}

/** The first moment after `announced` (epoch ms) that is past the settle time and `fetchAfter`. */
export function earliestFetch(announced: number, fetchAfter: string): number {
  const settled = announced + SETTLE_MS;
  const time = /^(\d{2}):(\d{2})$/.exec(fetchAfter);
  if (!time) return settled;
  const local = moment(announced).hour(Number(time[1])).minute(Number(time[2])).second(0).millisecond(0);
  if (local.valueOf() < announced) local.add(1, 'day');
  return Math.max(settled, local.valueOf());
}
