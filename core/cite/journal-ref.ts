// arXiv's `journal_ref` read into the parts a BibTeX entry has (journal, volume, number, pages,
// year), for the common shapes that can be read only one way: "Phys. Rev. D 108, 034512 (2023)",
// "JHEP 05 (2024) 123", "Astrophys. J. 950:12, 2023", "Title, Volume 36, Issue 1, January 2014,
// Pages 79-107", "Proceedings of ICML 2024". Anything else (a series letter glued to the volume,
// a comma inside the title, a second number whose role is unclear) is not read at all, and the
// entry keeps the whole reference as arXiv gave it: a part is never guessed.

export type PublishedIn =
  | { kind: 'journal'; journal: string; volume: string; number?: string; pages?: string; year: string }
  | { kind: 'proceedings'; booktitle: string; pages?: string; year: string };

// A journal's name: letters, dots, spaces, hyphens, apostrophes and "&"; no digits, commas or
// brackets, which would make the volume or the pages ambiguous.
const TITLE = String.raw`([A-Za-z][A-Za-z.&'’ -]*?[A-Za-z.])`;
const VOLUME = String.raw`(\d{1,5})`;
const YEAR = String.raw`((?:19|20)\d{2})`;
// One page ("034512", "e1914", "L12") or a range of them ("45-50", "1331–1356", "333--341").
const PAGES = String.raw`([A-Za-z]?\d+(?:\s*(?:-{1,2}|–)\s*[A-Za-z]?\d+)?)`;
const MONTH = String.raw`(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? )?`;

/** Each readable shape, with which group holds which part. */
const JOURNAL_SHAPES: Array<{ pattern: RegExp; parts: { journal: number; volume: number; number?: number; pages?: number; year: number } }> = [
  // Phys. Rev. D 108, 034512 (2023) · Nature 612, 45-50 (2022) · Int. J. Mod. Phys. B, 26, 1244002 (2012) · J. Chem. Phys. 147(11), 114113 (2017)
  {
    pattern: new RegExp(`^${TITLE},? ${VOLUME}(?: ?\\((\\d{1,4})\\))?, ${PAGES} \\(${YEAR}\\)$`),
    parts: { journal: 1, volume: 2, number: 3, pages: 4, year: 5 },
  },
  // JHEP 05 (2024) 123 · Indiana Univ. Math. J. 73 (2024), 1331-1356 · J. Differ. Equ. 261 (2016) pp. 1203-1236 · Astrophys. Space Sci. 305(2006)289-296
  { pattern: new RegExp(`^${TITLE} ${VOLUME} ?\\(${YEAR}\\),? ?(?:pp?\\. ?)?${PAGES}$`), parts: { journal: 1, volume: 2, year: 3, pages: 4 } },
  // Astrophys. J. 950:12, 2023 · ActaAstron.56:1-50,2006 · Lect.Notes Phys.562:195-212,2001
  // (A volume glued to the name only after a dot: in "Phys.Lett.B573" the B could be either's.)
  { pattern: new RegExp(`^${TITLE}(?: |(?<=\\.))${VOLUME}:${PAGES}, ?${YEAR}$`), parts: { journal: 1, volume: 2, pages: 3, year: 4 } },
  // Applied and Computational Harmonic Analysis, Volume 36, Issue 1, January 2014, Pages 79-107
  {
    pattern: new RegExp(`^${TITLE}, (?:Volume|Vol\\.) ?${VOLUME}, (?:Issue|No\\.) ?(\\d{1,4}), ${MONTH}${YEAR}, (?:Pages|pp\\.) ?${PAGES}$`),
    parts: { journal: 1, volume: 2, number: 3, year: 4, pages: 5 },
  },
];

// "Proceedings of ICML 2024", "Proc. 2023 IEEE International Conference on …, pp. 66-69".
const PROCEEDINGS = /^(?:In )?((?:Proceedings of|Proc\.) [^]+?)(?:,? (?:pp\.|pages) ?([A-Za-z]?\d+(?:\s*(?:-{1,2}|–)\s*[A-Za-z]?\d+)?))?$/;

/** The parts of a journal reference (plain text, one line), or undefined when it cannot be read safely. */
export function readJournalRef(ref: string): PublishedIn | undefined {
  const text = ref.trim().replace(/\.$/, '');
  for (const { pattern, parts } of JOURNAL_SHAPES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const pages = parts.pages !== undefined && m[parts.pages] ? pageRange(m[parts.pages]!) : undefined;
    if (pages === null) return undefined;
    const journal = m[parts.journal]!.trim();
    // A title that is only initials or one letter ("J.", "B") is a fragment, not a journal.
    if (!/[A-Za-z]{2}/.test(journal)) return undefined;
    const number = parts.number !== undefined ? m[parts.number] : undefined;
    return { kind: 'journal', journal, volume: m[parts.volume]!, ...(number ? { number } : {}), ...(pages ? { pages } : {}), year: m[parts.year]! };
  }
  const m = PROCEEDINGS.exec(text);
  if (!m) return undefined;
  const booktitle = m[1]!.trim().replace(/,$/, '');
  // The year must be the only number in the name, so nothing else in it can be a volume or a page.
  const [year, ...others] = booktitle.match(/\d+/g) ?? [];
  if (year === undefined || others.length > 0 || !/^(?:19|20)\d{2}$/.test(year)) return undefined;
  const pages = m[2] ? pageRange(m[2]) : undefined;
  if (pages === null) return undefined;
  return { kind: 'proceedings', booktitle, ...(pages ? { pages } : {}), year };
}

/** "45-50" → "45--50" (BibTeX's range dash); null when a range runs backwards (not a range at all). */
function pageRange(pages: string): string | null {
  const [first, last] = pages.split(/\s*(?:-{1,2}|–)\s*/);
  if (last === undefined) return first!;
  const a = /^\d+$/.test(first!) ? Number(first) : undefined;
  const b = /^\d+$/.test(last) ? Number(last) : undefined;
  if (a !== undefined && b !== undefined && b < a) return null;
  return `${first}--${last}`;
}
