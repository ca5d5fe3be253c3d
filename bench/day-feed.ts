// One announcement per listing day for benchmarks that run day after day: the real feed's bytes
// with every paper under a fresh id of that day's month and the feed dated that day, so each
// day's run writes new notes as an evening's run does.

import type { Paper } from '../core/arxiv/paper';
import { syntheticId } from './inputs';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Monday 6 January 2025: day 0. */
const FIRST_DAY = Date.UTC(2025, 0, 6);
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Listing day `day` (0, 1, …): Monday to Friday, one after another, from `first` (a Monday; 6 January 2025 unless said) (ms, UTC midnight). */
export function listingDay(day: number, first = FIRST_DAY): number {
  const weeks = Math.floor(day / 5);
  return first + (weeks * 7 + (day % 5)) * DAY_MS;
}

/** The first Monday (UTC midnight) at least two days after `now`. */
export function mondayAfter(now: number): number {
  const start = Math.floor(now / DAY_MS) * DAY_MS + 2 * DAY_MS;
  return start + ((8 - new Date(start).getUTCDay()) % 7) * DAY_MS;
}

/** The ids of listing day `day`: month YYMM of that day, numbered from the day of the month. */
export function dayIds(papers: readonly Paper[], day: number, first = FIRST_DAY): Map<string, string> {
  const date = new Date(listingDay(day, first));
  const month = `${String(date.getUTCFullYear()).slice(2)}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  return new Map(papers.map((paper, i) => [paper.id, syntheticId(date.getUTCDate() * 2000 + i, month)]));
}

/** The feed `text` (whose papers are `papers`) as listing day `day` announces it. */
export function feedForDay(text: string, papers: readonly Paper[], day: number, first = FIRST_DAY): string {
  const ids = dayIds(papers, day, first);
  const date = new Date(listingDay(day, first));
  const dated = `${WEEKDAYS[date.getUTCDay()]}, ${String(date.getUTCDate()).padStart(2, '0')} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const original = /<pubDate>(\w{3}, \d{2} \w{3} \d{4})/.exec(text)?.[1];
  const renamed = text.replace(/\d{4}\.\d{4,5}/g, (id) => ids.get(id) ?? id);
  return original ? renamed.split(original).join(dated) : renamed;
}
