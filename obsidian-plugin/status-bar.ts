// The desktop status bar item: how many papers the last fetch on this device found, and when it
// ran ("Papers: 66 · 20:05"). Mobile has no status bar, so the plugin only creates it on desktop.
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

export function renderStatus(el: HTMLElement, run: LastRun | null, now: Date): void {
  el.setText(statusText(run, now));
  el.setAttr('aria-label', statusTooltip(run));
}
