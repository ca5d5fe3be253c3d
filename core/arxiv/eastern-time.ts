// US Eastern wall-clock time, where arXiv's schedule lives. Intl knows the daylight-saving
// rules on every host we run on (Node, Obsidian desktop and mobile, VS Code for the web), so
// no timezone library is needed. Calendar days are plain "YYYY-MM-DD" strings.

const EASTERN = 'America/New_York';
const DAY_MS = 86_400_000;

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: EASTERN,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

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
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return {
    day: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`,
    hour,
    minute,
    offsetMinutes: Math.round((wallAsUtc - ms) / 60_000),
  };
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
