// The sample announcement behind `paper-feed daily --sample`: an invented listing (Friday
// 2026-05-29) in the exact shape of arXiv's rss.arxiv.org feed, so Paper Feed can be tried with no
// network. Papers, people and results are made up; it goes through the same parser as the real feed.
// The feed itself is data, kept as it is served in announcement.xml (TeX such as R\'emy and
// $\mathcal{O}$ exactly as arXiv sends it) and bundled as text.
import feed from './announcement.xml';

/** The categories the sample feed was "requested" for. */
export const SAMPLE_CATEGORIES = ['cs.LG', 'cs.CL', 'cs.AI', 'cs.CV', 'stat.ML'];

export const SAMPLE_ANNOUNCEMENT_XML: string = feed;
