// US Eastern wall-clock time, where arXiv's schedule lives. Calendar days are plain
// "YYYY-MM-DD" strings.
//
// The offset comes from the US daylight-saving rule itself rather than from Intl: any
// Intl.DateTimeFormat makes the engine load ICU's date data, which costs a short CLI run about
// 8 MB of memory (measured: 42 MB for an empty Node script, 50 MB once one formatter exists).
// The rule has been the same since 2007 and the one before it held from 1987, so instants from
// 1987 on are worked out here; earlier ones (before arXiv existed) still ask Intl. A test checks
// 1987 to 2040 against Intl, so a change in the law shows up as a failing test as soon as the
// time-zone data the tests run on knows about it.

const EASTERN = 'America/New_York';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const EST_MINUTES = -300;
const EDT_MINUTES = -240;
/** The first year the rules below cover. */
const FIRST_RULE_YEAR = 1987;

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export interface EasternTime {
  /** Calendar day in US Eastern, YYYY-MM-DD. */
  day: string;
  hour: number;
  minute: number;
  /** Minutes east of UTC: -300 in winter (EST), -240 in summer (EDT). */
  offsetMinutes: number;
}

/** The US Eastern wall-clock reading of an instant. */
export function easternTime(instant: Date | number): EasternTime {
  const ms = Math.floor(new Date(instant).getTime() / 1000) * 1000;
  const offsetMinutes = easternOffsetMinutes(ms);
  const wall = new Date(ms + offsetMinutes * 60_000);
  return {
    day: `${String(wall.getUTCFullYear()).padStart(4, '0')}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    offsetMinutes,
  };
}

/**
 * Minutes east of UTC on the US Eastern clock at an instant. Daylight time runs from 2:00 local
 * standard time (07:00 UTC) on its first day to 2:00 local daylight time (06:00 UTC) on its last:
 * since 2007 from the second Sunday of March to the first Sunday of November; from 1987 to 2006
 * from the first Sunday of April to the last Sunday of October.
 */
function easternOffsetMinutes(ms: number): number {
  // The switches are in spring and autumn, so the UTC year is the Eastern year at both.
  const year = new Date(ms).getUTCFullYear();
  if (year < FIRST_RULE_YEAR) return intlOffsetMinutes(ms);
  const start = year >= 2007 ? sundayOf(year, 2, 2) : sundayOf(year, 3, 1);
  const end = year >= 2007 ? sundayOf(year, 10, 1) : lastSundayOf(year, 9);
  return ms >= start + 7 * HOUR_MS && ms < end + 6 * HOUR_MS ? EDT_MINUTES : EST_MINUTES;
}

/** Midnight UTC of the nth Sunday of a month (month 0 = January). */
function sundayOf(year: number, month: number, nth: number): number {
  const first = Date.UTC(year, month, 1);
  const weekday = new Date(first).getUTCDay();
  return first + (((7 - weekday) % 7) + 7 * (nth - 1)) * DAY_MS;
}

/** Midnight UTC of the last Sunday of a month (month 0 = January). */
function lastSundayOf(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY_MS;
}

let wallClock: Intl.DateTimeFormat | undefined;

/** The offset as the host's time-zone data has it, for instants before the rules above. */
function intlOffsetMinutes(ms: number): number {
  wallClock ??= new Intl.DateTimeFormat('en-US', {
    timeZone: EASTERN,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - ms) / 60_000);
}

/** The instant (ms since epoch) at which the US Eastern clock shows `day` `hour`:`minute`. */
export function easternInstant(day: string, hour: number, minute = 0): number {
  const wallAsUtc = dayStartUtc(day) + (hour * 60 + minute) * 60_000;
  // Guess with the offset at that moment, then correct once if the guess crossed a DST change.
  const guess = wallAsUtc - easternTime(wallAsUtc + 5 * 3_600_000).offsetMinutes * 60_000;
  return wallAsUtc - easternTime(guess).offsetMinutes * 60_000;
}

/** ISO 8601 with the US Eastern offset of that instant: "2024-11-27T20:00:00-05:00". */
export function formatEasternIso(instant: Date | number): string {
  const t = easternTime(instant);
  const sign = t.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(t.offsetMinutes);
  const seconds = new Date(instant).getUTCSeconds();
  return `${t.day}T${pad(t.hour)}:${pad(t.minute)}:${pad(seconds)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** 0 = Sunday … 6 = Saturday, for a calendar day. */
export function weekdayOf(day: string): number {
  return new Date(dayStartUtc(day)).getUTCDay();
}

export function addDays(day: string, days: number): string {
  return new Date(dayStartUtc(day) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

function dayStartUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
