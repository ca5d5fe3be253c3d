// Human wording for arXiv's dates ("Thursday 28 May 2026"), computed from the date strings
// themselves so it never depends on the device's time zone or locale.

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Friday 29 May 2026" for "2026-05-29"; the input unchanged when it is not a date. */
export function longDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const monthName = MONTHS[month - 1];
  if (monthName === undefined || WEEKDAYS[weekday] === undefined) return date;
  return `${WEEKDAYS[weekday]} ${day} ${monthName} ${year}`;
}

/**
 * "20:00 ET on Thursday 28 May 2026" for "2026-05-28T20:00:00-04:00": the wall-clock time and
 * date as written in the ISO string, which arXiv's readers give in US Eastern time.
 */
export function announcedWording(announcedAt: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(announcedAt);
  if (!m) return announcedAt;
  const offset = /([+-]\d{2}:?\d{2}|Z)$/.exec(announcedAt)?.[1];
  const zone = offset === '-04:00' || offset === '-05:00' ? 'ET' : offset === 'Z' ? 'UTC' : `UTC${offset ?? ''}`;
  return `${m[2]} ${zone} on ${longDate(m[1]!)}`;
}
