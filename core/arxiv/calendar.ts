// arXiv's announcement calendar: announcements Sunday to Thursday at 20:00 US Eastern, none on
// Friday or Saturday evenings or on listed holidays (./holidays.ts). Each announcement is a
// listing dated the next day, holding what was submitted between the previous cutoff and its
// own (14:00 US Eastern; Sunday's cutoff is Friday 14:00).

import { PaperFeedError } from '../errors';
import { WEEKDAY_NAMES, addDays, easternInstant, easternTime, formatEasternIso, isCalendarDay, weekdayOf } from './eastern-time';
import { isArxivHoliday } from './holidays';

export interface AnnouncementTime {
  /** The listing date, YYYY-MM-DD: the day after the announcement evening. */
  date: string;
  /** The announcement, 20:00 US Eastern on the evening before `date`, ISO 8601 with offset. */
  announcedAt: string;
}

const ANNOUNCE_HOUR = 20;
const CUTOFF_HOUR = 14;
// Weekends plus the longest holiday run stay far below this; it only bounds the search loops.
const SEARCH_DAYS = 30;

/** True when arXiv announces on the evening of `day` (YYYY-MM-DD, US Eastern). */
export function isAnnouncementEvening(day: string): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 5 && weekday !== 6 && !isArxivHoliday(day);
}

/** True when arXiv publishes a listing dated `day`. */
export function isListingDate(day: string): boolean {
  return isAnnouncementEvening(addDays(day, -1));
}

/** The most recent announcement made at or before `now`. */
export function latestAnnouncement(now: Date): AnnouncementTime {
  const at = now.getTime();
  let evening = easternTime(at).day;
  for (let i = 0; i < SEARCH_DAYS; i++, evening = addDays(evening, -1)) {
    if (isAnnouncementEvening(evening) && easternInstant(evening, ANNOUNCE_HOUR) <= at) return timeOf(evening);
  }
  throw new Error(`no arXiv announcement found in the ${SEARCH_DAYS} days before ${now.toISOString()}`);
}

/** The first announcement after `now`. */
export function nextAnnouncement(now: Date): AnnouncementTime {
  const at = now.getTime();
  let evening = easternTime(at).day;
  for (let i = 0; i < SEARCH_DAYS; i++, evening = addDays(evening, 1)) {
    if (isAnnouncementEvening(evening) && easternInstant(evening, ANNOUNCE_HOUR) > at) return timeOf(evening);
  }
  throw new Error(`no arXiv announcement found in the ${SEARCH_DAYS} days after ${now.toISOString()}`);
}

/** The announcement behind a listing: 20:00 US Eastern on the evening before `listingDate`. */
export function announcementFor(listingDate: string): AnnouncementTime {
  return timeOf(addDays(listingDate, -1));
}

/**
 * When the evening of `now`'s US Eastern day has no announcement (Friday, Saturday, a
 * holiday), the sentence to show instead of an empty note; null on announcement days.
 */
export function noAnnouncementMessage(now: Date): string | null {
  const today = easternTime(now).day;
  if (isAnnouncementEvening(today)) return null;
  const weekday = WEEKDAY_NAMES[weekdayOf(today)];
  const why = isArxivHoliday(today) ? `${weekday}, an arXiv holiday` : weekday;
  const nextEvening = addDays(nextAnnouncement(now).date, -1);
  return `No arXiv announcement tonight (${why}); the next is ${WEEKDAY_NAMES[weekdayOf(nextEvening)]} 20:00 ET.`;
}

/**
 * The API `submittedDate` range (YYYYMMDDHHMM, GMT, both ends inclusive as arXiv reads them)
 * of the submissions in the listing dated `listingDate`.
 */
export function submissionWindow(listingDate: string): { from: string; to: string } {
  const evening = announcementEveningOf(listingDate);
  let previous = addDays(evening, -1);
  while (!isAnnouncementEvening(previous)) previous = addDays(previous, -1);
  return { from: apiTimestamp(cutoffOf(previous)), to: apiTimestamp(cutoffOf(evening)) };
}

/** Every listing date from `from` to `to` (YYYY-MM-DD, both included), oldest first. */
export function listingDatesBetween(from: string, to: string): string[] {
  requireDay(from);
  requireDay(to);
  const dates: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (isListingDate(day)) dates.push(day);
  return dates;
}

function announcementEveningOf(listingDate: string): string {
  requireDay(listingDate);
  const evening = addDays(listingDate, -1);
  if (isAnnouncementEvening(evening)) return evening;
  const reason = isArxivHoliday(evening)
    ? `the evening before (${WEEKDAY_NAMES[weekdayOf(evening)]} ${evening}) was an arXiv holiday`
    : 'arXiv lists papers Monday to Friday only';
  throw new PaperFeedError(
    'no-announcement',
    `arXiv has no listing dated ${listingDate} (a ${WEEKDAY_NAMES[weekdayOf(listingDate)]}): ${reason}; pick another date.`,
  );
}

// The submission deadline an announcement evening closes: 14:00 that day, or Friday 14:00
// for Sunday's announcement.
function cutoffOf(evening: string): number {
  const day = weekdayOf(evening) === 0 ? addDays(evening, -2) : evening;
  return easternInstant(day, CUTOFF_HOUR);
}

function timeOf(evening: string): AnnouncementTime {
  return { date: addDays(evening, 1), announcedAt: formatEasternIso(easternInstant(evening, ANNOUNCE_HOUR)) };
}

function apiTimestamp(instant: number): string {
  return new Date(instant).toISOString().slice(0, 16).replace(/[-T:]/g, '');
}

function requireDay(day: string): void {
  if (!isCalendarDay(day)) {
    throw new PaperFeedError('bad-config', `"${day}" is not a date; write dates as YYYY-MM-DD, e.g. 2026-05-29.`);
  }
}
