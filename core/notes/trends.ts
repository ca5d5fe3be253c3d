// The daily note's "Trends": matches per keyword group today, over the last 7 and the last 30
// announcements, and what is new lately (a group or a followed author with matches in the last
// 7 and none in the rest of the 30). Read from the tallies the vault index keeps for earlier
// digests, asked one date at a time, so a vault without earlier digests costs 29 lookups.

import { isListingDate } from '../arxiv/calendar';
import { addDays } from '../arxiv/eastern-time';
import type { DigestTally } from '../vault/store';
import { escapeMarkdownText } from '../text/markdown';

export const SHORT_WINDOW = 7;
export const LONG_WINDOW = 30;

export interface TrendsView {
  rows: Array<{ group: string; today: number; short: number; long: number }>;
  /** Announcements in each window with a digest in the vault, today's included. */
  shortCovered: number;
  longCovered: number;
  /** Groups, then followed authors, with matches in the short window and none before it. */
  newGroups: string[];
  newAuthors: string[];
  /** Earlier announcements of the long window, outside the short one, with a digest. */
  before: number;
}

/**
 * The trends for the announcement of `date`, or undefined when no earlier announcement of the
 * last 30 has a digest (nothing to compare with). `groups` are the configured group names, in order.
 */
export function trendsOf(
  date: string,
  today: DigestTally,
  groups: readonly string[],
  tallies: ReadonlyMap<string, DigestTally> | undefined,
): TrendsView | undefined {
  if (!tallies) return undefined;
  const earlier = earlierListingDates(date, LONG_WINDOW - 1).map((day) => tallies.get(day));
  if (earlier.every((tally) => tally === undefined)) return undefined;
  const recent = [today, ...earlier.slice(0, SHORT_WINDOW - 1)].filter((t): t is DigestTally => t !== undefined);
  const older = earlier.slice(SHORT_WINDOW - 1).filter((t): t is DigestTally => t !== undefined);
  const all = [...recent, ...older];
  const sum = (list: readonly DigestTally[], group: string) => list.reduce((n, tally) => n + (tally.groups.get(group) ?? 0), 0);
  const rows = groups.map((group) => ({ group, today: today.groups.get(group) ?? 0, short: sum(recent, group), long: sum(all, group) }));
  const seenBefore = (has: (tally: DigestTally) => boolean) => older.some(has);
  const newGroups =
    older.length === 0 ? [] : groups.filter((g) => recent.some((t) => (t.groups.get(g) ?? 0) > 0) && !seenBefore((t) => (t.groups.get(g) ?? 0) > 0));
  const authors = [...new Set(recent.flatMap((t) => t.authors))];
  const newAuthors = older.length === 0 ? [] : authors.filter((a) => !seenBefore((t) => t.authors.includes(a)));
  return { rows, shortCovered: recent.length, longCovered: all.length, newGroups, newAuthors, before: older.length };
}

/** The section's lines, heading first. */
export function trendsLines(view: TrendsView): string[] {
  const lines = ['## Trends', '', `| Group | Today | Last ${SHORT_WINDOW} | Last ${LONG_WINDOW} |`, '| --- | ---: | ---: | ---: |'];
  for (const row of view.rows) lines.push(`| ${escapeMarkdownText(row.group)} | ${row.today} | ${row.short} | ${row.long} |`);
  lines.push('', coverage(view));
  const news = [...view.newGroups.map(escapeMarkdownText), ...view.newAuthors.map((a) => `${escapeMarkdownText(a)} (followed)`)];
  if (news.length > 0) {
    lines.push('', `**New this week:** ${news.join(', ')}: matches in the last ${SHORT_WINDOW} announcements, none in the ${view.before} before.`);
  }
  return lines;
}

/** What the counts cover: announcements, today's included, that have a digest in the vault. */
function coverage(view: TrendsView): string {
  if (view.shortCovered === SHORT_WINDOW && view.longCovered === LONG_WINDOW) {
    return `Matches over the last ${SHORT_WINDOW} and ${LONG_WINDOW} announcements, today's included.`;
  }
  return `Matches over the announcements with a digest in this vault: ${view.shortCovered} of the last ${SHORT_WINDOW}, ${view.longCovered} of the last ${LONG_WINDOW}, today's included.`;
}

/** The `count` listing dates before `date`, latest first. */
function earlierListingDates(date: string, count: number): string[] {
  const days: string[] = [];
  for (let day = addDays(date, -1); days.length < count; day = addDays(day, -1)) {
    if (isListingDate(day)) days.push(day);
  }
  return days;
}
