// What the person reads while and after Paper Feed works: one progress notice that changes its text,
// then one summary, or one sentence saying what went wrong and what to do.
import { Notice } from 'obsidian';
import { nextAnnouncement, noAnnouncementMessage } from '../core/arxiv/calendar';
import { isPaperFeedError, messageFor } from '../core/errors';
import type { WriteReport } from '../core/notes/write';
import type { EnrichOutcome } from './enrichment-host';
import { moment } from './moment';

/** A notice that stays up while a run works and changes its text as it goes. */
export class ProgressNotice {
  private readonly notice: Notice;
  constructor(message: string) {
    this.notice = new Notice(message, 0);
  }
  set(message: string): void {
    this.notice.setMessage(message);
  }
  hide(): void {
    this.notice.hide();
  }
}

/** "Paper Feed: 66 papers for 2026-05-29 · 60 new notes · 2 updated · 10 top picks" */
export function summaryOf(report: WriteReport): string {
  const papers = report.matched === 1 ? '1 paper' : `${report.matched} papers`;
  const parts = [`Paper Feed: ${papers} for ${report.date}`, `${report.created.length} new notes`, `${report.updated.length} updated`];
  if (report.updatedPapers.length) parts.push(`${report.updatedPapers.length} new versions`);
  if (report.topPicks && report.topPicks.picks.length > 0) parts.push(`${report.topPicks.picks.length} top picks`);
  if (report.skipped.length) parts.push(`${report.skipped.length} skipped: ${skippedRefs(report.skipped)}`);
  return parts.join(' · ');
}

/** Names the skipped items so the person can look them up: "item 4, 2605.99002 and 3 more". */
function skippedRefs(skipped: WriteReport['skipped']): string {
  const shown = skipped.slice(0, 5).map((item) => item.ref);
  const rest = skipped.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** The summary with what translation did, then why it stopped and any other problem, each once. */
export function closingMessage(summary: string, enriched: EnrichOutcome | undefined, problem: string | null): string {
  const text = enriched ? `${summary} · ${enriched.done}` : summary;
  const extra = [enriched?.stopped, problem].filter((line): line is string => Boolean(line));
  return extra.length ? `${text}. ${extra.join(' ')}` : text;
}

/** The one sentence for a failed run; `retried` when Paper Feed itself tries again after a rate limit. */
export function failureMessage(error: unknown, retried: boolean): string {
  if (retried && isPaperFeedError(error) && error.kind === 'rate-limited' && error.detail.retryAt !== undefined) {
    return `arXiv is rate-limiting requests; Paper Feed will try again at ${clock(error.detail.retryAt)}.`;
  }
  return messageFor(error);
}

/**
 * For a cancelled run. Before anything is written the vault is as it was; after, every note
 * written is whole and a second run writes the rest (what it finds done it leaves alone).
 */
export function cancelledMessage(done: number, total: number, unit: 'notes' | 'days'): string {
  if (done === 0) return 'Fetch cancelled.';
  const what = unit === 'notes' ? `${done} of ${total} notes` : `${done} of ${total} daily notes`;
  return `Fetch cancelled after ${what}; each is written whole. Fetch again to write the rest.`;
}

/** For an announcement with no papers: why (a night without one) and when the next one comes. */
export function emptyAnnouncementMessage(date: string, now: Date): string {
  const none = noAnnouncementMessage(now);
  const next = Date.parse(nextAnnouncement(now).announcedAt);
  if (none) return `${none.replace(/\.$/, '')} (${moment(next).format('ddd HH:mm')} your time).`;
  return `arXiv's feed for ${date} lists no papers in your categories yet; Paper Feed will look again after the next announcement at ${moment(next).format('ddd HH:mm')}.`;
}

export function clock(epochMs: number): string {
  return moment(epochMs).format('HH:mm');
}
