// Dates as feeds and servers write them (RFC 822 / HTTP dates, ISO 8601), read strictly: a
// date that names no real day ("Mon, 31 Jun 2026"), an hour past 23, or a weekday that does not
// fit the date is refused rather than rolled over into the next month, as Date.parse would.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const RFC822 = /^(?:([A-Za-z]{3}),\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|UT|Z)?$/;
// A date alone is midnight UTC; a time without a zone is read as UTC, the same on every device.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date as read: the instant it names, or what is wrong with its text, in a few words. */
export type DateRead = { instant: number } | { problem: string };

/** An RFC 822 date ("Thu, 28 Nov 2024 00:00:00 -0500"), the form of RSS and of HTTP headers. */
export function readRfc822(text: string | undefined): DateRead {
  const m = RFC822.exec(text?.trim() ?? '');
  if (!m) return { problem: 'is not a date in the form "Thu, 28 May 2026 00:00:00 -0400"' };
  const [, weekday, day, monthName, year, hour, minute, second, zone] = m;
  const month = MONTHS.indexOf(monthName!.toLowerCase());
  if (month < 0) return { problem: `has no month called "${monthName}"` };
  const calendar = calendarProblem(Number(year), month, Number(day), Number(hour), Number(minute), Number(second ?? 0));
  if (calendar) return { problem: calendar };
  if (weekday !== undefined) {
    const actual = WEEKDAYS[new Date(Date.UTC(Number(year), month, Number(day))).getUTCDay()]!;
    if (actual.slice(0, 3).toLowerCase() !== weekday.toLowerCase()) return { problem: `names the wrong weekday (that day is a ${actual})` };
  }
  const wall = Date.UTC(Number(year), month, Number(day), Number(hour), Number(minute), Number(second ?? 0));
  return { instant: wall - offsetMinutes(zone) * 60_000 };
}

/** An ISO 8601 timestamp ("2026-05-28T20:00:00-04:00", "…Z") or date ("2026-05-28"). */
export function readIsoTimestamp(text: string | undefined): DateRead {
  const m = ISO.exec(text?.trim() ?? '');
  if (!m) return { problem: 'is not a date in the form "2026-05-28T20:00:00Z"' };
  const [, year, month, day, hour, minute, second, zone] = m;
  const [h, min, sec] = [Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0)];
  const calendar = calendarProblem(Number(year), Number(month) - 1, Number(day), h, min, sec);
  if (calendar) return { problem: calendar };
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), h, min, sec);
  const fraction = /\.(\d+)/.exec(text!.trim());
  return { instant: wall + (fraction ? Math.floor(Number(`0.${fraction[1]}`) * 1000) : 0) - offsetMinutes(zone) * 60_000 };
}

/** The instant of an RFC 822 date, or undefined when it is unreadable or impossible. */
export function rfc822Instant(text: string | undefined): number | undefined {
  const read = readRfc822(text);
  return 'instant' in read ? read.instant : undefined;
}

function calendarProblem(year: number, month: number, day: number, hour: number, minute: number, second: number): string | undefined {
  if (month < 0 || month > 11) return 'has no such month';
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (day < 1 || day > days) return `is not a real date (${cap(MONTHS[month]!)} ${year} has ${days} days)`;
  if (hour > 23 || minute > 59 || second > 59) return 'is not a real time of day';
  return undefined;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || !/^[+-]\d{2}:?\d{2}$/.test(zone)) return 0;
  const digits = zone.replace(':', '');
  return (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
