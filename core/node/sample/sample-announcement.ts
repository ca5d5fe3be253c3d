// The sample announcement as the CLI uses it: parsed like a real feed, and narrowed to the
// categories asked for, as rss.arxiv.org would do for a narrower request.

import { parseRss } from '../../arxiv/rss';
import type { Announcement } from '../../arxiv/paper';
import { SAMPLE_ANNOUNCEMENT_XML, SAMPLE_CATEGORIES } from './announcement';

export function sampleAnnouncement(categories: readonly string[]): Announcement {
  const full = parseRss(SAMPLE_ANNOUNCEMENT_XML, SAMPLE_CATEGORIES);
  const wanted = (category: string) => categories.some((asked) => category === asked || category.split('.')[0] === asked);
  return {
    ...full,
    categories: [...categories],
    papers: full.papers.filter((paper) => paper.categories.some(wanted)),
  };
}
