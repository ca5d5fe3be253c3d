// Which paper notes a catch-up check looks up, in what order. Kept notes first: they
// are the papers a person cites, so a journal reference or a withdrawal matters most there. Then
// papers submitted in the last 12 months, newest first: most preprints that get published do so
// within a year, and arXiv's metadata of older papers rarely changes. The arXiv id alone gives
// the submission month (2605.… is May 2026, hep-th/9901001 January 1999), so choosing costs no
// note reads, however big the vault.

/** Months back from now whose papers are checked even when not kept. */
export const RECENT_MONTHS = 12;

/** The ids to check, kept ones first, then recent ones newest first; each once. */
export function notesToCheck(allIds: Iterable<string>, keptIds: Iterable<string>, now: number): string[] {
  const known = new Set(allIds);
  const kept = [...new Set(keptIds)].filter((id) => known.has(id));
  const keptSet = new Set(kept);
  const nowMonth = monthIndex(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() + 1);
  const recent = [...known]
    .map((id) => ({ id, month: submissionMonth(id) }))
    .filter((e) => !keptSet.has(e.id) && e.month !== undefined && nowMonth - e.month <= RECENT_MONTHS)
    .sort((a, b) => b.month! - a.month! || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((e) => e.id);
  return [...kept, ...recent];
}

/** Months since year 0 of the id's submission month, or undefined for an id of no known form. */
export function submissionMonth(id: string): number | undefined {
  const m = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id) ?? /^[a-z-]+(?:\.[A-Z]{2})?\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!m) return undefined;
  const yy = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  // Old-style ids began in 1991 and ended in March 2007.
  const year = id.includes('/') && yy >= 91 ? 1900 + yy : 2000 + yy;
  return monthIndex(year, month);
}

function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** Whether paper `a` was submitted after paper `b` (by the month in its id, then its number). */
export function submittedAfter(a: string, b: string): boolean {
  const ma = submissionMonth(a);
  const mb = submissionMonth(b);
  if (ma === undefined || mb === undefined) return false;
  return ma > mb || (ma === mb && a.length === b.length && a > b);
}

/** The id submitted last, of those with a known submission month. */
export function newestOf(ids: Iterable<string>): string | undefined {
  let newest: string | undefined;
  for (const id of ids) {
    if (submissionMonth(id) === undefined) continue;
    if (newest === undefined || submittedAfter(id, newest)) newest = id;
  }
  return newest;
}

/**
 * This run's share of the candidates under a cap. Papers submitted after the newest one the last
 * check saw (the ones the daily runs added since) come first: the first look-up of a note
 * brings in what arXiv's API has and the feed lacked (the comment, the date of the last version),
 * so taking each week's papers the week after they came keeps that work even, rather than
 * leaving it to pile up until the rotation below comes round to them. The rest of the cap goes
 * round the others from where the last capped run stopped.
 */
export function shareWithNewFirst(
  ids: readonly string[],
  cursor: number,
  cap: number,
  newestChecked: string | undefined,
): { ids: string[]; nextCursor: number; newestChecked: string | undefined } {
  const newest = newestOf(ids) ?? newestChecked;
  // The first check of all has nothing to compare with: it goes round from the cursor as before.
  const fresh = newestChecked === undefined ? [] : ids.filter((id) => submittedAfter(id, newestChecked)).slice(0, cap);
  if (fresh.length === 0) return { ...thisRunsShare(ids, cursor, cap), newestChecked: newest };
  const taken = new Set(fresh);
  const rest = ids.filter((id) => !taken.has(id));
  const rotation = cap > fresh.length && rest.length > 0 ? thisRunsShare(rest, cursor, cap - fresh.length) : { ids: [], nextCursor: cursor };
  return { ids: [...fresh, ...rotation.ids], nextCursor: rotation.nextCursor, newestChecked: newest };
}

/**
 * This run's share of `ids` under a cap, starting where the last capped run stopped, so a big
 * vault is covered over several runs rather than its first ids every time.
 */
export function thisRunsShare(ids: readonly string[], cursor: number, cap: number): { ids: string[]; nextCursor: number } {
  if (ids.length <= cap) return { ids: [...ids], nextCursor: 0 };
  const from = cursor >= 0 && cursor < ids.length ? cursor : 0;
  const share = [...ids.slice(from, from + cap), ...ids.slice(0, Math.max(0, from + cap - ids.length))];
  return { ids: share, nextCursor: (from + cap) % ids.length };
}
