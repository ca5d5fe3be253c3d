// The paper and announcement model every reader produces and every writer consumes.

export type AnnounceType = 'new' | 'cross' | 'replace' | 'replace-cross';

export interface Author {
  /** Display name in Unicode ("Rémy Martin"), TeX accents already resolved. */
  name: string;
  /** Affiliations kept apart from the name; empty when arXiv gives none. */
  affiliations: string[];
}

export interface Paper {
  /** Normalised identifier without version: "2605.28828", "hep-th/9901001". */
  id: string;
  /** Version number (v3 → 3). 1 when the source gives none. */
  version: number;
  /** Single line, whitespace collapsed, TeX kept as arXiv sent it. */
  title: string;
  authors: Author[];
  /** Whitespace collapsed (paragraph breaks kept as "\n\n" where the source has them). */
  abstract: string;
  /** arXiv categories, primary first, no duplicates. */
  categories: string[];
  primaryCategory: string;
  /** Known for announcement feeds; absent for API search results. */
  announceType?: AnnounceType;
  /** v1 submission date, YYYY-MM-DD (UTC), when known. */
  published?: string;
  /** Date of this version, YYYY-MM-DD (UTC), when known. */
  updated?: string;
  comment?: string;
  journalRef?: string;
  /** Journal DOI when arXiv has one (not arXiv's own 10.48550 DOI). */
  doi?: string;
  /** License URL. */
  license?: string;
  /** https://arxiv.org/abs/ID (no version). */
  absUrl: string;
  /** https://arxiv.org/pdf/IDvN. */
  pdfUrl: string;
}

/** An item a reader could not turn into a Paper; reported by id, never silently dropped. */
export interface SkippedItem {
  /** The id when one could be read, else a short locator such as "item 17". */
  ref: string;
  reason: string;
}

export interface Announcement {
  /** arXiv's listing date, YYYY-MM-DD (the RSS channel pubDate, US Eastern). */
  date: string;
  /** When it was announced: 20:00 US Eastern on the evening before `date`, ISO 8601 with offset. */
  announcedAt: string;
  /** The categories asked for, as given. */
  categories: string[];
  papers: Paper[];
  skipped: SkippedItem[];
}
