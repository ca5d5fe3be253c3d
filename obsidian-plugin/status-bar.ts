// The desktop status bar item: how many papers the last fetch on this device found, and when it
// ran ("Papers: 66 · 20:05"). While a fetch runs it says so, and a click cancels it (the command
// "Cancel the running fetch" does the same, and is there on mobile, which has no status bar).
import type { LastRun } from './device-state';
import { moment } from './moment';

export function statusText(run: LastRun | null, now: Date): string {
  if (!run) return 'Papers: not fetched yet';
  const at = moment(run.at);
  const sameDay = at.isSame(moment(now), 'day');
  return `Papers: ${run.matched} · ${at.format(sameDay ? 'HH:mm' : 'ddd HH:mm')}`;
}

export function statusTooltip(run: LastRun | null): string {
  if (!run) return 'Paper Feed has not fetched on this device yet.';
  const papers = run.matched === 1 ? '1 paper' : `${run.matched} papers`;
  return `Paper Feed: ${papers} matched in the ${run.announcement} announcement, fetched ${moment(run.at).format('ddd D MMM HH:mm')}.`;
}

export const FETCHING_TEXT = 'Papers: fetching…';
export const FETCHING_TOOLTIP = 'Paper Feed is fetching papers; click to cancel.';

export function renderStatus(el: HTMLElement, run: LastRun | null, now: Date, fetching: boolean): void {
  el.setText(fetching ? FETCHING_TEXT : statusText(run, now));
  el.setAttr('aria-label', fetching ? FETCHING_TOOLTIP : statusTooltip(run));
  // Obsidian's own class for a status bar item that does something when clicked.
  el.toggleClass('mod-clickable', fetching);
}
