import { describe, expect, it } from 'vitest';
import { addDays, easternInstant, easternTime, formatEasternIso, isCalendarDay, weekdayOf } from '../../core/arxiv/eastern-time';

describe('easternTime', () => {
  it('reads summer instants with the EDT offset and winter ones with EST', () => {
    expect(easternTime(Date.parse('2026-07-01T00:30:00Z'))).toEqual({ day: '2026-06-30', hour: 20, minute: 30, offsetMinutes: -240 });
    expect(easternTime(Date.parse('2026-01-15T05:00:00Z'))).toEqual({ day: '2026-01-15', hour: 0, minute: 0, offsetMinutes: -300 });
  });

  it('changes offset at the 2026 daylight saving switches', () => {
    expect(easternTime(Date.parse('2026-03-08T06:59:00Z')).offsetMinutes).toBe(-300); // 01:59 EST
    expect(easternTime(Date.parse('2026-03-08T07:00:00Z'))).toMatchObject({ hour: 3, offsetMinutes: -240 }); // 03:00 EDT
    expect(easternTime(Date.parse('2026-11-01T05:59:00Z')).offsetMinutes).toBe(-240); // 01:59 EDT
    expect(easternTime(Date.parse('2026-11-01T06:00:00Z'))).toMatchObject({ hour: 1, offsetMinutes: -300 }); // 01:00 EST
  });
});

describe('easternTime against the time-zone data (Intl) as the oracle', () => {
  const intl = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const asIntlHasIt = (ms: number) => {
    const p = Object.fromEntries(intl.formatToParts(ms).map((part) => [part.type, part.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };
  const asOursHasIt = (ms: number) => {
    const t = easternTime(ms);
    return `${t.day} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  };

  it('reads every hour of the switching months and noon of every other day, 1987 to 2040, as Intl does', () => {
    const differences: string[] = [];
    let summerDays = 0;
    for (let day = Date.UTC(1987, 0, 1); day < Date.UTC(2041, 0, 1); day += 86_400_000) {
      // Every switch under both rules falls in March, April, October or November.
      const hours = [2, 3, 9, 10].includes(new Date(day).getUTCMonth()) ? 24 : 1;
      for (let hour = 0; hour < hours; hour += 1) {
        const ms = day + (hours === 1 ? 12 : hour) * 3_600_000;
        const ours = asOursHasIt(ms);
        if (ours !== asIntlHasIt(ms)) differences.push(`${new Date(ms).toISOString()}: ours ${ours}, Intl ${asIntlHasIt(ms)}`);
      }
      if (easternTime(day + 12 * 3_600_000).offsetMinutes === -240) summerDays += 1;
    }
    expect(differences.slice(0, 5)).toEqual([]);
    // 54 years; daylight time lasted about 7 months a year before 2007 and about 8 since.
    expect(summerDays).toBeGreaterThan(54 * 200);
  });

  it('reads the minutes on both sides of each switch in 2006, 2007 and 2040 as Intl does', () => {
    const switches = [
      '2006-04-02T07:00:00Z',
      '2006-10-29T06:00:00Z',
      '2007-03-11T07:00:00Z',
      '2007-11-04T06:00:00Z',
      '2040-03-11T07:00:00Z',
      '2040-11-04T06:00:00Z',
    ];
    for (const at of switches) {
      for (let minutes = -61; minutes <= 61; minutes += 1) {
        const ms = Date.parse(at) + minutes * 60_000;
        expect(asOursHasIt(ms), new Date(ms).toISOString()).toBe(asIntlHasIt(ms));
      }
    }
  });

  it('asks Intl before 1987, under the rules of the time', () => {
    // 1974: the energy-crisis year, daylight time from 6 January.
    expect(easternTime(Date.parse('1974-02-01T12:00:00Z'))).toEqual({ day: '1974-02-01', hour: 8, minute: 0, offsetMinutes: -240 });
    expect(easternTime(Date.parse('1986-04-27T06:59:00Z')).offsetMinutes).toBe(-300);
    expect(easternTime(Date.parse('1986-04-27T07:00:00Z')).offsetMinutes).toBe(-240);
  });
});

describe('easternInstant', () => {
  it('finds the instant for an Eastern wall time on either side of a switch', () => {
    expect(new Date(easternInstant('2026-03-07', 20)).toISOString()).toBe('2026-03-08T01:00:00.000Z');
    expect(new Date(easternInstant('2026-03-08', 20)).toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(new Date(easternInstant('2026-11-01', 14)).toISOString()).toBe('2026-11-01T19:00:00.000Z');
    expect(new Date(easternInstant('2026-10-31', 14, 30)).toISOString()).toBe('2026-10-31T18:30:00.000Z');
  });
});

describe('formatEasternIso', () => {
  it('writes ISO 8601 with the Eastern offset', () => {
    expect(formatEasternIso(Date.parse('2024-11-28T01:00:00Z'))).toBe('2024-11-27T20:00:00-05:00');
    expect(formatEasternIso(new Date('2026-05-29T00:00:00Z'))).toBe('2026-05-28T20:00:00-04:00');
  });
});

describe('calendar day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
  });

  it('knows the weekday', () => {
    expect(weekdayOf('2026-05-29')).toBe(5); // Friday
    expect(weekdayOf('2026-05-31')).toBe(0); // Sunday
  });

  it('accepts only real YYYY-MM-DD days', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-5-1')).toBe(false);
    expect(isCalendarDay('2026-05-01T00:00')).toBe(false);
  });
});
