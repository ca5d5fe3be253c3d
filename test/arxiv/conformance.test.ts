// Conformance: every real arXiv response in ../shared/arxiv-samples (RSS 2.0, legacy RSS 1.0,
// current and legacy API Atom), read in place. Values asserted here were looked up in the files.

import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseApiFeed } from '../../core/arxiv/api';
import { tryParseArxivId } from '../../core/arxiv/ids';
import type { Paper } from '../../core/arxiv/paper';
import { parseRss } from '../../core/arxiv/rss';
import { SAMPLES_DIR, sample, samplesPresent } from './fixtures';
import { failureOf } from '../support/failures';

if (!samplesPresent) console.warn(`arXiv samples not found at ${SAMPLES_DIR}: skipping the conformance suite.`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : name.endsWith('.xml') ? [relative(SAMPLES_DIR, full)] : [];
  });
}

function byId(papers: Paper[], id: string): Paper {
  const paper = papers.find((p) => p.id === id);
  if (!paper) throw new Error(`no paper ${id}`);
  return paper;
}

/** What every paper from every reader must satisfy. */
function expectWellFormed(paper: Paper): void {
  expect(tryParseArxivId(paper.id)).toEqual({ id: paper.id });
  expect(paper.version).toBeGreaterThanOrEqual(1);
  expect(paper.title).toMatch(/^\S(.*\S)?$/);
  expect(paper.title).not.toMatch(/\s{2}|\n/);
  expect(paper.abstract).not.toMatch(/^\s|\s$/);
  expect(paper.categories[0]).toBe(paper.primaryCategory);
  expect(new Set(paper.categories).size).toBe(paper.categories.length);
  expect(paper.absUrl).toBe(`https://arxiv.org/abs/${paper.id}`);
  expect(paper.pdfUrl).toBe(`https://arxiv.org/pdf/${paper.id}v${paper.version}`);
  for (const author of paper.authors) expect(author.name).toMatch(/^[^\s\\{}]([^\\{}]*\S)?$/);
}

describe.skipIf(!samplesPresent)('conformance: RSS', () => {
  const rssFiles = samplesPresent ? filesUnder(join(SAMPLES_DIR, 'rss')) : [];

  it('finds the recorded RSS files', () => {
    expect(rssFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(rssFiles.filter((f) => !f.includes('error')))('%s parses with nothing skipped', (file) => {
    const announcement = parseRss(sample(file), ['all']);
    expect(announcement.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(announcement.skipped).toEqual([]);
    announcement.papers.forEach(expectWellFormed);
  });

  it('the 1,504-item feed gives 926 new, 9 cross and 569 replace', () => {
    const announcement = parseRss(sample('rss/rss2-2024/aioarxiv_rss_all-archives_2024-11-28.xml'), ['astro-ph', 'cs']);
    const count = (type: string) => announcement.papers.filter((p) => p.announceType === type).length;
    expect(announcement.papers).toHaveLength(1504);
    expect([count('new'), count('cross'), count('replace'), count('replace-cross')]).toEqual([926, 9, 569, 0]);
    expect(announcement.date).toBe('2024-11-28');
    expect(announcement.announcedAt).toBe('2024-11-27T20:00:00-05:00');
    expect(announcement.papers.filter((p) => p.doi).length).toBe(111);
    expect(announcement.papers.filter((p) => p.journalRef).length).toBe(97);
    expect(announcement.papers.filter((p) => p.authors.some((a) => a.affiliations.length > 0)).length).toBe(32);
  });

  it('reads DOI, journal reference, license and affiliations where the feed has them', () => {
    const { papers } = parseRss(sample('rss/rss2-2024/aioarxiv_rss_all-archives_2024-11-28.xml'), ['all']);
    const published = byId(papers, '2411.17758');
    expect(published.doi).toBe('10.1016/j.segan.2024.101477');
    expect(published.journalRef).toBe('Sustainable Energy, Grids and Networks, Volume 39, 2024, 101477, ISSN 2352-4677');
    const affiliated = byId(papers, '2411.17748');
    expect(affiliated.authors.slice(3, 5)).toEqual([
      { name: 'Nicolas Blet', affiliations: ['LEMTA'] },
      { name: 'Benjamin Rémy', affiliations: ['LEMTA'] },
    ]);
    expect(affiliated.categories).toEqual(['eess.SP', 'cs.LG', 'stat.ML']);
    expect(affiliated.license).toBe('http://arxiv.org/licenses/nonexclusive-distrib/1.0/');
    expect(byId(papers, '2411.17817').authors[0]).toEqual({
      name: 'Tianliang Yan',
      affiliations: ['University of Birmingham, School of Physics and Astronomy, Birmingham, United Kingdom'],
    });
    expect(byId(papers, '2411.18567').authors.map((a) => a.name)).toContain('Guðmundur K. Stefánsson');
    const cross = byId(papers, '2202.06515');
    expect([cross.version, cross.announceType, cross.doi]).toEqual([3, 'cross', '10.1063/5.0236964']);
  });

  it('the derived excerpt keeps its 13 items: 5 new, 3 cross, 5 replace', () => {
    const { papers } = parseRss(sample('rss/rss2-2024/DERIVED_excerpt_aioarxiv_rss_all-archives_2024-11-28.xml'), ['all']);
    expect(papers.map((p) => p.announceType)).toEqual([
      'new',
      'new',
      'new',
      'new',
      'new',
      'cross',
      'cross',
      'cross',
      'replace',
      'replace',
      'replace',
      'replace',
      'replace',
    ]);
  });

  it('the empty feed is an announcement with no papers', () => {
    const announcement = parseRss(sample('rss/rss2-2024/aioarxiv_rss_empty_test-archive_2024-11-28.xml'), ['test']);
    expect(announcement).toEqual({ date: '2024-11-28', announcedAt: '2024-11-27T20:00:00-05:00', categories: ['test'], papers: [], skipped: [] });
  });

  it("the error feed is 'arxiv-rejected' with arXiv's message", () => {
    const error = failureOf(() => parseRss(sample('rss/rss2-2024/aioarxiv_rss_error_bad-archive-astroph_2024-11-28.xml'), ['astroph']));
    expect(error.kind).toBe('arxiv-rejected');
    expect(error.detail.arxivMessage).toBe(
      "Bad archive 'astroph'. Valid archive names are: astro-ph, cond-mat, cs, econ, eess, gr-qc, hep-ex, hep-lat, hep-ph, hep-th, math, math-ph, nlin, nucl-ex, nucl-th, physics, q-bio, q-fin, quant-ph, stat, test.",
    );
    expect(error.message).toMatch(/^arXiv rejected the category list: Bad archive 'astroph'\. .* Check the categories in your settings\.$/);
  });

  it('the legacy RSS 1.0 feeds give their three items each with types from the title', () => {
    const old = parseRss(sample('rss/rss1-legacy/physbiblio_rss1_hep-ex_2018-05-23_excerpt.xml'), ['hep-ex']);
    expect(old.date).toBe('2018-05-24');
    expect(old.papers.map((p) => [p.id, p.version, p.announceType, p.primaryCategory])).toEqual([
      ['1805.08875', 1, 'new', 'hep-ex'],
      ['1805.09166', 1, 'cross', 'hep-ex'],
      ['1805.06430', 2, 'replace', 'nucl-th'],
    ]);
    expect(old.papers[0]?.authors).toEqual([{ name: 'Christopher Dilks', affiliations: ['STAR Collaboration'] }]);
    expect(old.papers[0]?.abstract).toContain('range of $2.6<\\eta<4$. Within');
    const edited = parseRss(sample('rss/rss1-legacy/physbiblio_rss1_hep-ex_2021-07-08_excerpt_EDITED.xml'), ['hep-ex']);
    expect(edited.papers[0]?.authors.map((a) => a.name)).toEqual(['LHCb collaboration', 'R. Aaij']);
  });
});

describe.skipIf(!samplesPresent)('conformance: API', () => {
  const apiFiles = samplesPresent ? filesUnder(join(SAMPLES_DIR, 'api')) : [];
  const page = (file: string) => parseApiFeed(sample(file));

  it('finds the recorded API files', () => {
    expect(apiFiles.length).toBeGreaterThanOrEqual(28);
  });

  it.each(apiFiles.filter((f) => !f.includes('error')))('%s parses with nothing skipped', (file) => {
    const result = page(file);
    expect(result.skipped).toEqual([]);
    expect(result.papers.length).toBeLessThanOrEqual(Math.max(result.totalResults, 0));
    result.papers.forEach(expectWellFormed);
  });

  it("the error file is 'arxiv-rejected' with arXiv's message", () => {
    const error = failureOf(() => page('api/current/arxivpy_error_incorrect_id_format_abc_http400.xml'));
    expect(error.kind).toBe('arxiv-rejected');
    expect(error.detail.arxivMessage).toBe('incorrect id format for abc');
  });

  it.each([
    ['api/current/arxivpy_empty_id_0000.0000.xml', 0],
    ['api/current/arxivpy_empty_id_0808.05394.xml', 0],
    ['api/current/rsxiv_idlist_nonexistent_1201.56789.xml', 0],
    ['api/legacy/rsxiv_idlist_nonexistent_1201.56789.xml', 1], // the legacy API still counted it
  ])('the empty result %s gives no papers', (file, total) => {
    expect(page(file)).toMatchObject({ totalResults: total, papers: [], skipped: [] });
  });

  it('keeps old-style ids, with and without a requested version', () => {
    expect(page('api/current/arxivpy_id_quant-ph_0201082v1_oldstyle_versioned.xml').papers.map((p) => [p.id, p.version])).toEqual([['quant-ph/0201082', 1]]);
    const [old] = page('api/legacy/arxivpy2016_search_au-del_maestro_AND_ti-checkerboard.xml').papers;
    expect([old?.id, old?.version, old?.primaryCategory, old?.categories]).toEqual([
      'cond-mat/0603029',
      1,
      'cond-mat.str-el',
      ['cond-mat.str-el', 'cond-mat.supr-con'],
    ]);
    expect([old?.doi, old?.journalRef, old?.comment]).toEqual([
      '10.1103/PhysRevB.74.024520',
      'Phys. Rev. B 74, 024520 (2006)',
      '10 pages, 11 figures; added reference',
    ]);
  });

  it('reads affiliations and the journal reference of the old-style astro-ph paper', () => {
    const [paper] = page('api/current/arxivpy_id_astro-ph_0601001_oldstyle_affiliations_jref.xml').papers;
    expect(paper?.id).toBe('astro-ph/0601001');
    expect(paper?.journalRef).toBe('ActaAstron.56:1-50,2006');
    expect(paper?.authors).toEqual([
      { name: 'Andrew Gould', affiliations: ['Ohio State'] },
      { name: 'Susan Dorsher', affiliations: ['Ohio State'] },
      { name: 'B. Scott Gaudi', affiliations: ['CfA'] },
      { name: 'Andrzej Udalski', affiliations: ['Warsaw University Observatory'] },
    ]);
    expect(paper?.published).toBe('2006-01-02');
    expect(page('api/current/arxivpy_id_hep-ex_0406020v1.xml').papers[0]?.authors).toEqual([
      { name: 'Alessia Tricomi', affiliations: ['for the ATLAS and CMS Collaborations'] },
    ]);
  });

  it('reads the same paper alike from the current and the legacy API, MSC codes dropped', () => {
    const current = page('api/current/rsxiv_id_2206.06921.xml').papers[0]!;
    const legacy = page('api/legacy/rsxiv_id_2206.06921.xml').papers[0]!;
    for (const paper of [current, legacy]) {
      expect([paper.id, paper.version, paper.doi, paper.journalRef]).toEqual([
        '2206.06921',
        3,
        '10.1512/iumj.2024.73.9928',
        'Indiana Univ. Math. J. 73 (2024), 1331-1356',
      ]);
      expect(paper.categories).toEqual(['math.CA', 'math.DS', 'math.MG']);
      expect(paper.published).toBe('2022-06-14');
      expect(paper.title).toBe('Attainable forms of Assouad spectra');
    }
    expect(current.comment).toBe(legacy.comment);
  });

  it('takes the version from the id and keeps published and updated apart', () => {
    const [paper] = page('api/legacy/arxivpy2016_id_1111.2011v2.xml').papers;
    expect([paper?.id, paper?.version, paper?.published, paper?.updated, paper?.journalRef]).toEqual([
      '1111.2011',
      2,
      '2011-11-08',
      '2012-04-02',
      'Phys. Rev. B 85, 115117 (2012)',
    ]);
  });

  it('skips the legacy empty entries for unknown ids', () => {
    const result = page('api/legacy/rsxiv_idlist_4ids_3missing.xml');
    expect(result.totalResults).toBe(4);
    expect(result.papers.map((p) => [p.id, p.categories])).toEqual([['2201.13452', ['math.AP']]]);
  });

  it('reads links without rel or title (the November 2025 capture)', () => {
    const result = page('api/current/rsxiv_search_all-electron_AND_all-proton.xml');
    expect(result.totalResults).toBe(7432);
    expect(result.papers).toHaveLength(10);
    expect(result.papers.filter((p) => p.doi).length).toBe(7);
    expect(byId(result.papers, 'nucl-ex/0408020').categories).toEqual(['nucl-ex', 'hep-ph']);
  });

  it('counts DOIs, journal references and pages in the 100-entry search', () => {
    const result = page('api/current/arxivpy_search_all-testing_start0_max100.xml');
    expect([result.totalResults, result.startIndex, result.papers.length]).toEqual([214881, 0, 100]);
    expect(result.papers.filter((p) => p.doi).length).toBe(32);
    expect(result.papers.filter((p) => p.journalRef).length).toBe(18);
    expect(page('api/current/arxivpy_search_all-testing_start10_max10.xml').startIndex).toBe(10);
  });
});
