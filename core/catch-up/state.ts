// What a host keeps between catch-up checks: when the last one ran, where a capped run
// stopped, and the changes the daily notes list under "Published and updated". A change is shown
// in the first daily note written after the check and stays in that note when the same listing is
// written again; a later listing no longer shows it. Read defensively: the file is the host's,
// and a damaged one must cost a list, never a run.

import { metadataText } from '../notes/note-values';
import type { CatchUpReport } from './check';
import { submissionMonth } from './which-notes';
import type { ChangedFact, PaperUpdate } from '../notes/published-and-updated';

export interface ListedUpdate extends PaperUpdate {
  /** The listing date of the daily note that shows it, once one does. */
  listedIn?: string;
}

export interface CatchUpState {
  /** When the last check finished (ISO 8601). */
  lastRun?: string;
  cursor: number;
  /** The newest paper the last check saw: papers submitted after it are checked first next time. */
  newestChecked?: string;
  updates: ListedUpdate[];
}

export const EMPTY_CATCH_UP_STATE: CatchUpState = { cursor: 0, updates: [] };

const FACTS: ReadonlySet<string> = new Set<ChangedFact>(['version', 'updated', 'journal_ref', 'doi', 'comment', 'withdrawn']);

/** The state read from its JSON; anything unreadable in it is dropped, never thrown. */
export function readCatchUpState(json: string | null): CatchUpState {
  if (json === null) return { ...EMPTY_CATCH_UP_STATE, updates: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ...EMPTY_CATCH_UP_STATE, updates: [] };
  }
  const data = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  const state: CatchUpState = {
    cursor: typeof data.cursor === 'number' && Number.isInteger(data.cursor) && data.cursor >= 0 ? data.cursor : 0,
    updates: Array.isArray(data.updates) ? data.updates.flatMap(readUpdate) : [],
  };
  if (typeof data.lastRun === 'string' && !Number.isNaN(Date.parse(data.lastRun))) state.lastRun = data.lastRun;
  if (typeof data.newestChecked === 'string' && submissionMonth(data.newestChecked) !== undefined) state.newestChecked = data.newestChecked;
  return state;
}

function readUpdate(value: unknown): ListedUpdate[] {
  if (!value || typeof value !== 'object') return [];
  const u = value as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const value = u[key];
    return typeof value === 'string' ? value : undefined;
  };
  const id = text('id');
  const path = text('path');
  if (!id || !path || !Array.isArray(u.changed)) return [];
  const update: ListedUpdate = {
    id,
    path,
    title: metadataText(text('title') ?? id),
    changed: u.changed.filter((c): c is ChangedFact => typeof c === 'string' && FACTS.has(c)),
    fromVersion: typeof u.fromVersion === 'number' ? u.fromVersion : 0,
    toVersion: typeof u.toVersion === 'number' ? u.toVersion : 0,
    withdrawn: u.withdrawn === true,
  };
  const journalRef = text('journalRef');
  const doi = text('doi');
  const listedIn = text('listedIn');
  if (journalRef) update.journalRef = journalRef;
  if (doi) update.doi = doi;
  if (listedIn && /^\d{4}-\d{2}-\d{2}$/.test(listedIn)) update.listedIn = listedIn;
  return [update];
}

/**
 * The state after a check: its time, its cursor, and its changes merged with those not yet listed.
 * A cancelled check records its changes but not its time: it did not finish.
 */
export function afterCheck(state: CatchUpState, report: CatchUpReport, finishedAt: Date): CatchUpState {
  const byId = new Map(state.updates.map((u) => [u.id, u]));
  for (const update of report.updates) {
    const earlier = byId.get(update.id);
    // A change not yet listed folds into the new one, so the list says everything since it was last read.
    const merged: ListedUpdate =
      earlier && earlier.listedIn === undefined
        ? { ...update, changed: [...new Set([...earlier.changed, ...update.changed])], fromVersion: earlier.fromVersion }
        : update;
    byId.delete(update.id);
    byId.set(update.id, merged);
  }
  const lastRun = report.cancelled ? state.lastRun : finishedAt.toISOString();
  const newestChecked = report.newestChecked ?? state.newestChecked;
  return { ...(lastRun ? { lastRun } : {}), cursor: report.nextCursor, ...(newestChecked ? { newestChecked } : {}), updates: [...byId.values()] };
}

/** The changes the daily note of `date` lists: those not yet listed, and those it listed before. */
export function updatesForDaily(state: CatchUpState, date: string): ListedUpdate[] {
  return state.updates.filter((u) => u.listedIn === undefined || u.listedIn === date);
}

/** The state once the daily note of `date` is written: what it shows is marked, older listings dropped. */
export function afterDaily(state: CatchUpState, date: string): CatchUpState {
  const updates = state.updates
    .filter((u) => u.listedIn === undefined || u.listedIn >= date)
    .map((u) => (u.listedIn === undefined ? { ...u, listedIn: date } : u));
  return { ...state, updates };
}

/** "today at 09:14", "3 days ago", "never": when the last check ran, for progress and settings. */
export function lastRunWording(lastRun: string | undefined, now: Date): string {
  if (!lastRun) return 'never';
  const at = Date.parse(lastRun);
  const days = Math.floor((now.getTime() - at) / 86_400_000);
  if (days < 1) return 'less than a day ago';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}
