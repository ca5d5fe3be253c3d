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
