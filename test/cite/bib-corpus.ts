// The BibTeX Paper Feed writes for every paper it can be given: the sample announcement, every
// recorded arXiv response in ../shared/arxiv-samples (RSS, API, OAI-PMH, read in place), and
// hostile titles and authors from a seeded generator. The parser oracle (bibtex-oracle.test.ts)
// and the real-tool check (scripts/test-bib.mjs) both read it.

import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parseApiFeed } from '../../core/arxiv/api';
import type { Paper } from '../../core/arxiv/paper';
import { parseRss } from '../../core/arxiv/rss';
import { cleanName } from '../../core/arxiv/tex';
import { bibtexEntry } from '../../core/cite/bibtex-writer';
import { makeCitekey } from '../../core/cite/citekey';
import { sampleAnnouncement } from '../../core/node/sample/sample-announcement';
import { SAMPLE_CATEGORIES } from '../../core/node/sample/announcement';
import { SAMPLES_DIR, sample, samplesPresent } from '../arxiv/fixtures';
import { readOaiHarvest } from '../rank/oai-sample';
import { makePaper } from '../support/papers';

export interface BibSource {
  /** Where the papers came from: "sample", a file under arxiv-samples, or "hostile". */
  name: string;
  papers: Paper[];
}

export interface WrittenEntry {
  source: string;
  key: string;
  paper: Paper;
  entry: string;
}

function xmlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? xmlFilesUnder(full) : name.endsWith('.xml') ? [relative(SAMPLES_DIR, full)] : [];
  });
}

/** Papers from every recorded response a reader accepts (error responses have none). */
export function recordedSources(): BibSource[] {
  if (!samplesPresent) return [];
  const sources: BibSource[] = [];
  for (const file of xmlFilesUnder(join(SAMPLES_DIR, 'rss'))) {
    try {
      sources.push({ name: file, papers: parseRss(sample(file), ['all']).papers });
    } catch {
      // An error feed: there is nothing to cite.
    }
  }
  for (const file of xmlFilesUnder(join(SAMPLES_DIR, 'api'))) {
    try {
      sources.push({ name: file, papers: parseApiFeed(sample(file)).papers });
    } catch {
      // An API error page.
    }
  }
  for (const file of xmlFilesUnder(join(SAMPLES_DIR, 'oai-pmh'))) {
    let papers: Paper[] | undefined;
    try {
      papers = readOaiHarvest(join(SAMPLES_DIR, file));
    } catch {
      papers = undefined; // another metadata format (oai_dc, arXivRaw, Identify)
    }
    // OAI-PMH names carry TeX as arXiv's other formats do; Paper Feed's readers resolve it.
    if (papers?.length) sources.push({ name: file, papers: papers.map((p) => ({ ...p, authors: p.authors.map((a) => ({ ...a, name: cleanName(a.name) })) })) });
  }
  return sources.filter((s) => s.papers.length > 0);
}

// Journal references in the shapes core/cite/journal-ref.ts splits into parts (and some it keeps
// whole), with LaTeX's special characters where real ones have them (&).
const JOURNAL_REFS = [
  'Phys. Rev. D 108, 034512 (2023)',
  'JHEP 05 (2024) 123',
  'Nature 612, 45-50 (2022)',
  'Astrophys. J. 950:12, 2023',
  'Proceedings of ICML 2024',
  'J. Chem. Phys. 147(11), 114113 (2017)',
  'Astrophys. J. Lett. 900, L12 (2020)',
  'Applied and Computational Harmonic Analysis, Volume 36, Issue 1, January 2014, Pages 79-107',
  'ActaAstron.56:1-50,2006',
  'Proc. 2023 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW), pp. 66-69',
  'Software Testing, Verification & Reliability 2021',
  'Phys.Lett.B573:94-100,2003',
  'Physical Review B 82, 060515(R) (2010)',
  'Journal of Research & Practice 12 (2019) 1-20',
];

/** Published papers: each journal reference above with a journal DOI (so @article or @inproceedings). */
export function publishedSource(): BibSource {
  const papers = JOURNAL_REFS.map((journalRef, i) =>
    makePaper({ id: `2605.${String(40000 + i)}`, title: `Published Result Number ${i + 1}`, published: '2023-05-02', journalRef, doi: `10.1000/pf.${i + 1}` }),
  );
  return { name: 'published', papers };
}

export function sampleSource(): BibSource {
  return { name: 'sample', papers: sampleAnnouncement(SAMPLE_CATEGORIES).papers };
}

// Pieces hostile metadata is made of: every character LaTeX treats specially, braces that do not
// pair, math with \left\{, capitals styles would lower, stacked accents, CJK, quotes.
const TITLE_PIECES = [
  'Learning',
  'Set-Builder',
  'Q-Learning',
  'x-Ray',
  'k-Means',
  'C#',
  'C++',
  'I',
  'A',
  'LLMs',
  'iPhone',
  'GPT-4o',
  'Who Am I?',
  "How's",
  'it',
  'going?',
  '&',
  '%',
  '#',
  '_',
  '$',
  '~',
  '^',
  '\\',
  '{',
  '}',
  '\\{',
  '\\}',
  '{x',
  'y}',
  '\\&',
  '50\\%',
  '$x^2$',
  '$\\left\\{ x : f(x) > 0 \\right.$',
  '$\\mathcal{O}(n^{1/2})$',
  '$a % b$',
  '$x^{2$',
  '$$\\sum_i a_i$$',
  'Nguy\\~{\\^e}n',
  'Schr\\"odinger',
  "Andr\\'{e}",
  'Erd\\H{o}s',
  '\\textbf{Bold}',
  '\\emph{it}',
  '深度学习',
  'Дифференциальные',
  "``quoted''",
  '--',
  '---',
  '@',
  '"',
  ',',
  ':',
  ';',
  '(a)',
  '[b]',
  '\\cite{x}',
  '\\url{https://x.org/a_b%20c}',
  'and',
  'AND',
];

const AUTHOR_PIECES = fc.constantFrom(
  'Ada Lovelace',
  'Martin Luther King Jr.',
  'Robert Downey, Jr.',
  'John Smith III',
  'Harish V',
  'Ludwig van Beethoven',
  'Jean de la Fontaine',
  'Johannes Diderik van der Waals',
  'ATLAS Collaboration',
  'The LIGO Scientific Collaboration',
  'Event Horizon Telescope Collaboration',
  'Fermi-LAT Collaboration',
  'Barnes and Noble',
  'Smith & Sons',
  'Nguyễn Văn An',
  'Nguy\\~{\\^e}n V\\u{a}n B\\`{\\i}nh',
  '张伟',
  '山田 太郎',
  'Иван Петров',
  'Γιώργος Παπαδόπουλος',
  'Bob {Smith',
  'Carol} Jones',
  "A. B. C. D'Angelo",
  'María-José García-Pérez',
  "O'Neil, Cathy",
  'Jr., Sam',
  'Ana_Ruiz 100%',
  'Ng~Wei',
  'Tom #1 Fan',
  'Wei Feng (MIT)',
  'K. Ø. Ørsted',
  'a\\b',
  "Zoë d'Arc",
  'x^y ~z',
  '$\\alpha$ Team',
);

const hostileTitle = fc
  .array(fc.oneof(fc.constantFrom(...TITLE_PIECES), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 })
  .map((pieces) => pieces.join(' ').replace(/\s+/g, ' ').trim())
  .filter((title) => title !== '');

/** Hostile papers from a fixed seed, so every run (and every tool) sees the same entries. */
export function hostileSource(count = 300, seed = 1605): BibSource {
  const papers = fc
    .sample(fc.record({ title: hostileTitle, authors: fc.array(AUTHOR_PIECES, { minLength: 1, maxLength: 5 }) }), { numRuns: count, seed })
    .map(({ title, authors }, i) => makePaper({ id: `2605.${String(20000 + i)}`, title, authors: authors.map(cleanName), published: '2026-05-27' }));
  return { name: 'hostile', papers };
}

export { hostileTitle, AUTHOR_PIECES };

/** Every source's papers as Paper Feed writes them: one citekey each, unique across the corpus. */
export function writtenEntries(sources: readonly BibSource[]): WrittenEntry[] {
  const taken = new Set<string>();
  const seen = new Set<string>();
  const entries: WrittenEntry[] = [];
  for (const source of sources) {
    for (const paper of source.papers) {
      if (seen.has(paper.id)) continue;
      seen.add(paper.id);
      const key = makeCitekey(paper, taken);
      taken.add(key.toLowerCase());
      entries.push({ source: source.name, key, paper, entry: bibtexEntry(paper, key) });
    }
  }
  return entries;
}
