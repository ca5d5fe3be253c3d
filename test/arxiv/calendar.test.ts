import { describe, expect, it } from 'vitest';
import {
  announcementFor,
  isAnnouncementEvening,
  isListingDate,
  latestAnnouncement,
  listingDatesBetween,
  nextAnnouncement,
  noAnnouncementMessage,
  submissionWindow,
} from '../../core/arxiv/calendar';
import { ARXIV_HOLIDAYS } from '../../core/arxiv/holidays';
import { PaperFeedError } from '../../core/errors';
import { sample, samplesPresent } from './fixtures';

// Instants are written in UTC; comments give the US Eastern wall time.
const at = (iso: string) => new Date(iso);

describe('announcement evenings', () => {
  it('are Sunday to Thursday, never Friday or Saturday', () => {
    // 2026-05-24 is a Sunday.
    const week = ['2026-05-24', '2026-05-25', '2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29', '2026-05-30'];
    expect(week.map(isAnnouncementEvening)).toEqual([true, true, true, true, true, false, false]);
  });

  it('skip the listed holidays', () => {
    expect(isAnnouncementEvening('2026-11-26')).toBe(false); // Thanksgiving, a Thursday
    expect(isAnnouncementEvening('2026-01-19')).toBe(false); // a Monday
    expect(isAnnouncementEvening('2026-11-25')).toBe(true);
  });

  it('give listings Monday to Friday, minus the day after a holiday evening', () => {
    expect(isListingDate('2026-06-01')).toBe(true); // Monday, from Sunday evening
    expect(isListingDate('2026-05-30')).toBe(false); // Saturday
    expect(isListingDate('2026-11-26')).toBe(true); // Thanksgiving's own listing exists
    expect(isListingDate('2026-11-27')).toBe(false); // nothing announced Thanksgiving evening
  });
});

describe('latestAnnouncement and nextAnnouncement', () => {
  it('on Friday night point back to Thursday and ahead to Sunday', () => {
    const fridayNight = at('2026-05-30T01:00:00Z'); // Friday 29 May, 21:00 EDT
    expect(latestAnnouncement(fridayNight)).toEqual({ date: '2026-05-29', announcedAt: '2026-05-28T20:00:00-04:00' });
    expect(nextAnnouncement(fridayNight)).toEqual({ date: '2026-06-01', announcedAt: '2026-05-31T20:00:00-04:00' });
  });

  it('switch over exactly at 20:00 Eastern', () => {
    const justBefore = at('2026-05-28T23:59:59Z'); // Thursday 19:59:59 EDT
    const onTheDot = at('2026-05-29T00:00:00Z'); // Thursday 20:00 EDT
    expect(latestAnnouncement(justBefore).date).toBe('2026-05-28');
    expect(nextAnnouncement(justBefore).date).toBe('2026-05-29');
    expect(latestAnnouncement(onTheDot).date).toBe('2026-05-29');
    expect(nextAnnouncement(onTheDot).date).toBe('2026-06-01');
  });

  it('use the winter offset and follow daylight saving changes', () => {
    const sundayAfterSpringForward = at('2026-03-09T12:00:00Z'); // Monday 08:00 EDT
    expect(latestAnnouncement(sundayAfterSpringForward)).toEqual({ date: '2026-03-09', announcedAt: '2026-03-08T20:00:00-04:00' });
    const thursdayBefore = at('2026-03-06T12:00:00Z'); // Friday 07:00 EST
    expect(latestAnnouncement(thursdayBefore)).toEqual({ date: '2026-03-06', announcedAt: '2026-03-05T20:00:00-05:00' });
    const fallBack = at('2026-11-02T03:00:00Z'); // Sunday 1 Nov 22:00 EST, the day clocks went back
    expect(latestAnnouncement(fallBack)).toEqual({ date: '2026-11-02', announcedAt: '2026-11-01T20:00:00-05:00' });
  });

  it('skip a holiday evening', () => {
    const thanksgivingNight = at('2026-11-27T02:00:00Z'); // Thursday 26 Nov, 21:00 EST
    expect(latestAnnouncement(thanksgivingNight)).toEqual({ date: '2026-11-26', announcedAt: '2026-11-25T20:00:00-05:00' });
    expect(nextAnnouncement(thanksgivingNight)).toEqual({ date: '2026-11-30', announcedAt: '2026-11-29T20:00:00-05:00' });
  });

  it('cross into a year with no published holiday list', () => {
    const newYearsEve = at('2027-01-01T02:00:00Z'); // Thursday 31 Dec 2026, 21:00 EST: a holiday
    expect(latestAnnouncement(newYearsEve).date).toBe('2026-12-31');
    expect(nextAnnouncement(newYearsEve)).toEqual({ date: '2027-01-04', announcedAt: '2027-01-03T20:00:00-05:00' });
  });
});

describe('noAnnouncementMessage', () => {
  it('tells a person on Friday night that the next is Sunday', () => {
    expect(noAnnouncementMessage(at('2026-05-30T01:00:00Z'))).toBe('No arXiv announcement tonight (Friday); the next is Sunday 20:00 ET.');
  });

  it('says the same all Saturday', () => {
    expect(noAnnouncementMessage(at('2026-05-30T14:00:00Z'))).toBe('No arXiv announcement tonight (Saturday); the next is Sunday 20:00 ET.');
  });

  it('names a holiday', () => {
    expect(noAnnouncementMessage(at('2026-11-27T02:00:00Z'))).toBe('No arXiv announcement tonight (Thursday, an arXiv holiday); the next is Sunday 20:00 ET.');
    expect(noAnnouncementMessage(at('2026-01-19T15:00:00Z'))).toBe('No arXiv announcement tonight (Monday, an arXiv holiday); the next is Tuesday 20:00 ET.');
  });

  it('is null on an announcement day, before and after 20:00', () => {
    expect(noAnnouncementMessage(at('2026-05-28T15:00:00Z'))).toBeNull();
    expect(noAnnouncementMessage(at('2026-05-29T01:00:00Z'))).toBeNull();
    expect(noAnnouncementMessage(at('2026-05-31T23:00:00Z'))).toBeNull(); // Sunday
  });
});

describe('announcementFor', () => {
  it('puts the announcement at 20:00 Eastern the evening before the listing', () => {
    expect(announcementFor('2024-11-28')).toEqual({ date: '2024-11-28', announcedAt: '2024-11-27T20:00:00-05:00' });
    expect(announcementFor('2026-06-01')).toEqual({ date: '2026-06-01', announcedAt: '2026-05-31T20:00:00-04:00' });
  });
});

describe('submissionWindow', () => {
  it('covers the previous 14:00 Eastern cutoff to this one, in GMT', () => {
    // Wednesday's listing (Tuesday evening): Monday 14:00 to Tuesday 14:00 EDT.
    expect(submissionWindow('2026-05-27')).toEqual({ from: '202605251800', to: '202605261800' });
  });

  it("gives Monday's listing Thursday 14:00 to Friday 14:00", () => {
    expect(submissionWindow('2026-06-01')).toEqual({ from: '202605281800', to: '202605291800' });
  });

  it("gives Tuesday's listing Friday 14:00 to Monday 14:00", () => {
    expect(submissionWindow('2026-06-02')).toEqual({ from: '202605291800', to: '202606011800' });
  });

  it('widens the window after a holiday evening', () => {
    // Thanksgiving evening is skipped: Sunday's announcement takes Wednesday 14:00 to Friday 14:00 EST.
    expect(submissionWindow('2026-11-30')).toEqual({ from: '202611251900', to: '202611271900' });
    // Martin Luther King Day (Monday) is skipped: Tuesday evening takes Friday 14:00 to Tuesday 14:00.
    expect(submissionWindow('2026-01-21')).toEqual({ from: '202601161900', to: '202601201900' });
  });

  it('converts each end with its own offset across a daylight saving change', () => {
    expect(submissionWindow('2026-03-10')).toEqual({ from: '202603061900', to: '202603091800' });
  });

  it('refuses a date without a listing, saying why', () => {
    const saturday = (() => {
      try {
        submissionWindow('2026-05-30');
      } catch (error) {
        return error as PaperFeedError;
      }
    })();
    expect(saturday?.kind).toBe('no-announcement');
    expect(saturday?.message).toBe('arXiv has no listing dated 2026-05-30 (a Saturday): arXiv lists papers Monday to Friday only; pick another date.');
    expect(() => submissionWindow('2026-11-27')).toThrow(
      'arXiv has no listing dated 2026-11-27 (a Friday): the evening before (Thursday 2026-11-26) was an arXiv holiday; pick another date.',
    );
  });

  it('refuses text that is not a date', () => {
    expect(() => submissionWindow('2026-02-30')).toThrow('"2026-02-30" is not a date; write dates as YYYY-MM-DD, e.g. 2026-05-29.');
  });
});

describe('listingDatesBetween', () => {
  it('lists every listing date in the range, both ends included', () => {
    expect(listingDatesBetween('2026-11-23', '2026-12-01')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-30', '2026-12-01']);
  });

  it('skips the days after holiday evenings across the new year', () => {
    expect(listingDatesBetween('2026-12-28', '2027-01-05')).toEqual(['2026-12-28', '2026-12-29', '2026-12-31', '2027-01-04', '2027-01-05']);
  });

  it('is empty for a reversed or listing-free range and refuses non-dates', () => {
    expect(listingDatesBetween('2026-06-05', '2026-06-01')).toEqual([]);
    expect(listingDatesBetween('2026-05-30', '2026-05-31')).toEqual([]);
    expect(() => listingDatesBetween('yesterday', '2026-06-01')).toThrow(PaperFeedError);
  });
});

describe.skipIf(!samplesPresent)("the shipped holidays match arXiv's availability page", () => {
  it('lists exactly the 2026 dates on the page', () => {
    const page = sample('docs/arxiv-docs_availability.md');
    const section = page.slice(page.indexOf('### 2026 Holidays'));
    const dates = [...section.matchAll(/^- \w+ (\d{4}-\d{2}-\d{2})$/gm)].map((m) => m[1]);
    expect(dates).toHaveLength(9);
    expect(ARXIV_HOLIDAYS).toEqual(dates);
  });
});
if (!samplesPresent) console.warn('arXiv samples not found next to the repository: skipping the holiday-list check.');
