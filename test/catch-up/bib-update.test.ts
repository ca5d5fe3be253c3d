import { describe, expect, it } from 'vitest';
import { parseApiFeed } from '../../core/arxiv/api';
import type { Paper } from '../../core/arxiv/paper';
import { bibtexEntry } from '../../core/cite/bibtex-writer';
import { arxivIdsIn, bibEntrySpans, planBibUpdate, writtenByPaperFeed } from '../../core/cite/bib-update';
import { feedOf, recordedEntries } from './api-entries';

const recorded = recordedEntries();
const paperOf = (id: string): Paper => parseApiFeed(feedOf([recorded.get(id)!])).papers[0]!;
const published = paperOf('2206.06921');
const { journalRef: _j, doi: _d, ...preprint } = { ...published, version: 1 };
const other = paperOf('1605.08386');

const OURS = bibtexEntry(preprint, 'fraser2022attainable');
const THEIRS = '@article{hand2016,\n  author = {Somebody Else},\n  title = {My own {way}},\n  eprint = {1605.08386},\n  year = 2016\n}';
const BOOK = '@book{knuth1984,\n  title = {The {\\TeX}book},\n  author = {Knuth, Donald},\n  year = {1984}\n}';
const FILE = `% my references\r\n${OURS.replace(/\n/g, '\r\n')}\r\n\r\n${THEIRS.replace(/\n/g, '\r\n')}\r\n\r\n@string{jams = "J. Amer. Math. Soc."}\r\n${BOOK.replace(/\n/g, '\r\n')}\r\n`;
const papers = new Map([
  [published.id, published],
  [other.id, other],
]);

describe('updating arXiv entries in a .bib', () => {
  it('finds the entries, their arXiv ids, and which ones Paper Feed wrote', () => {
    expect(bibEntrySpans(FILE).map((s) => [s.key, s.type, s.arxivId])).toEqual([
      ['fraser2022attainable', 'misc', '2206.06921'],
      ['hand2016', 'article', '1605.08386'],
      ['knuth1984', 'book', undefined],
    ]);
    expect(arxivIdsIn(FILE)).toEqual(['2206.06921', '1605.08386']);
    expect(writtenByPaperFeed(OURS)).toBe(true);
    expect(writtenByPaperFeed(THEIRS)).toBe(false);
  });

  it('turns Paper Feed’s entry into the published @article, keeps its key and every other byte', () => {
    const plan = planBibUpdate(FILE, papers);
    expect(plan.changes.map((c) => [c.key, c.summary, c.ours])).toEqual([
      ['fraser2022attainable', '@misc → @article; journal, volume, pages, year, doi', true],
    ]);
    expect(plan.notOurs).toEqual(['hand2016']);
    expect(plan.unsafe).toEqual([]);
    const after = bibtexEntry(published, 'fraser2022attainable').replace(/\n/g, '\r\n');
    expect(plan.text).toBe(FILE.replace(OURS.replace(/\n/g, '\r\n'), after));
    expect(after).toContain('@article{fraser2022attainable,');
    expect(after).toContain(
      'journal       = {Indiana Univ. Math. J.},\r\n  volume        = {73},\r\n  pages         = {1331--1356},\r\n  year          = {2024},',
    );
    expect(after).toContain('doi           = {10.1512/iumj.2024.73.9928}');
    expect(after).toContain('eprint        = {2206.06921}');
    // Done once, there is nothing left to do.
    expect(planBibUpdate(plan.text, papers).changes).toEqual([]);
  });

  it('updates the person’s own arXiv entry only when asked, and still keeps its key', () => {
    const plan = planBibUpdate(FILE, papers, { includeOthers: true });
    expect(plan.changes.map((c) => [c.key, c.ours])).toEqual([
      ['fraser2022attainable', true],
      ['hand2016', false],
    ]);
    expect(plan.text).toContain('@misc{hand2016,');
    expect(plan.text).toContain(BOOK.replace(/\n/g, '\r\n'));
    expect(bibEntrySpans(plan.text).map((s) => s.key)).toEqual(['fraser2022attainable', 'hand2016', 'knuth1984']);
  });
});
