// What this device remembers for this vault and never syncs: whether it fetches automatically, and
// its last run. Kept in the app's per-vault local storage, so two synced devices each decide for
// themselves and a copied vault does not inherit another machine's "already fetched".
import { Platform, type App } from 'obsidian';
import { readCatchUpState, type CatchUpState } from '../core/catch-up/state';

export interface LastRun {
  /** Listing date (YYYY-MM-DD) of the announcement that was written. */
  announcement: string;
  /** When the run finished, epoch milliseconds. */
  at: number;
  /** Papers that matched the person's groups. */
  matched: number;
}

const AUTO_FETCH_KEY = 'paper-feed-auto-fetch';
const LAST_RUN_KEY = 'paper-feed-last-run';
const CATCH_UP_KEY = 'paper-feed-catch-up';

export class DeviceState {
  constructor(private readonly app: App) {}

  /** On by default on desktop; phones and tablets opt in, since they usually sync from a desktop. */
  get autoFetch(): boolean {
    const stored: unknown = this.app.loadLocalStorage(AUTO_FETCH_KEY);
    return typeof stored === 'boolean' ? stored : !Platform.isMobile;
  }

  set autoFetch(on: boolean) {
    this.app.saveLocalStorage(AUTO_FETCH_KEY, on);
  }

  get lastRun(): LastRun | null {
    const stored: unknown = this.app.loadLocalStorage(LAST_RUN_KEY);
    if (!stored || typeof stored !== 'object') return null;
    const { announcement, at, matched } = stored as Partial<LastRun>;
    if (typeof announcement !== 'string' || typeof at !== 'number' || typeof matched !== 'number') return null;
    return { announcement, at, matched };
  }

  set lastRun(run: LastRun | null) {
    this.app.saveLocalStorage(LAST_RUN_KEY, run);
  }

  /** The catch-up check's state on this device: last run, cursor, changes to list. */
  get catchUp(): CatchUpState {
    const stored: unknown = this.app.loadLocalStorage(CATCH_UP_KEY);
    return readCatchUpState(typeof stored === 'string' ? stored : null);
  }

  set catchUp(state: CatchUpState) {
    this.app.saveLocalStorage(CATCH_UP_KEY, JSON.stringify(state));
  }
}
