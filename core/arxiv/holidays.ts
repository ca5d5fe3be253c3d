// arXiv's announced holidays, as data. Source: "2026 Holidays" on arXiv's availability page
// (../shared/arxiv-samples/docs/arxiv-docs_availability.md). Add each year's list when arXiv
// publishes it; until then only the weekly rhythm (no Friday or Saturday evenings) applies.
//
// How the dates are read: a listed date is a US Eastern day on whose evening (20:00) arXiv
// makes no announcement; its submissions roll into the next announcement. The listing dated
// the listed day itself (announced the evening before) still appears. Evidence: Thanksgiving
// 2024 (Thursday 2024-11-28) was an arXiv holiday, yet the real RSS capture of that morning
// (rss2-2024/aioarxiv_rss_all-archives_2024-11-28.xml) carries 1,504 items dated 28 Nov.
// Friday entries change nothing in this model, because Friday evenings never carry one.

export const ARXIV_HOLIDAYS: readonly string[] = [
  '2026-01-01', // Thursday
  '2026-01-19', // Monday
  '2026-06-19', // Friday
  '2026-07-03', // Friday
  '2026-09-07', // Monday
  '2026-11-26', // Thursday
  '2026-12-25', // Friday
  '2026-12-29', // Tuesday
  '2026-12-31', // Thursday
];

const HOLIDAYS = new Set(ARXIV_HOLIDAYS);

/** True when arXiv has announced `day` (YYYY-MM-DD, US Eastern) as a holiday. */
export function isArxivHoliday(day: string): boolean {
  return HOLIDAYS.has(day);
}
