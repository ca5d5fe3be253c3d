// Every entry Paper Feed writes parses back, with Better BibTeX's parser, to the fields written:
// the sample announcement, every recorded arXiv response, and hostile generated metadata.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtexEntry } from '../../core/cite/bibtex-writer';
import { cleanName } from '../../core/arxiv/tex';
import { makePaper } from '../support/papers';
import { AUTHOR_PIECES, hostileSource, hostileTitle, publishedSource, recordedSources, sampleSource, writtenEntries } from './bib-corpus';
import { oracleProblems } from './bibtex-oracle';
import { samplesPresent } from '../arxiv/fixtures';

const bibOf = (entries: ReadonlyArray<{ entry: string }>) => entries.map((e) => e.entry).join('\n\n') + '\n';

describe('BibTeX read back by Better BibTeX’s parser', () => {
  it('the sample announcement', () => {
    const entries = writtenEntries([sampleSource()]);
    expect(entries.length).toBeGreaterThanOrEqual(19);
    expect(oracleProblems(bibOf(entries), entries)).toEqual([]);
  });

  it.skipIf(!samplesPresent)(
    'every recorded arXiv response (RSS, API, OAI-PMH)',
    () => {
      const sources = recordedSources();
      expect(sources.some((s) => s.name.startsWith('rss/'))).toBe(true);
      expect(sources.some((s) => s.name.startsWith('api/'))).toBe(true);
      expect(sources.some((s) => s.name.startsWith('oai-pmh/'))).toBe(true);
      const entries = writtenEntries(sources);
      expect(entries.length).toBeGreaterThan(2000);
      expect(oracleProblems(bibOf(entries), entries)).toEqual([]);
    },
    120_000,
  ); // about 2,700 entries parsed twice: 10–20 s on a shared machine

  it('published papers, their journal references split into parts or kept whole', () => {
    const entries = writtenEntries([publishedSource()]);
    expect(entries.map((e) => /^@(\w+)/.exec(e.entry)![1])).toEqual([
      'article',
      'article',
      'article',
      'article',
      'inproceedings',
      'article',
      'article',
      'article',
      'article',
      'inproceedings',
      'article',
      'article',
      'article',
      'article',
    ]);
    expect(entries.filter((e) => e.entry.includes('  volume '))).toHaveLength(9);
    expect(oracleProblems(bibOf(entries), entries)).toEqual([]);
  });

  it('the seeded hostile corpus the real-tool check uses', () => {
    const entries = writtenEntries([hostileSource()]);
    expect(entries).toHaveLength(300);
    expect(oracleProblems(bibOf(entries), entries)).toEqual([]);
  });

  it('any hostile title and authors (property)', () => {
    fc.assert(
      fc.property(hostileTitle, fc.array(AUTHOR_PIECES, { minLength: 1, maxLength: 4 }), (title, authors) => {
        const paper = makePaper({ title, authors: authors.map(cleanName), published: '2026-05-27' });
        const written = [{ key: 'k2026', paper, entry: bibtexEntry(paper, 'k2026') }];
        expect(oracleProblems(bibOf(written), written)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('characters TeX fonts would join', () => {
  // arXiv's TeX keeps these pairs apart with \@ or {}; written side by side, LaTeX and every
  // BibTeX reader would print one glyph (an en dash, a curly quote, ¡ or ¿) instead of two.
  it.each([
    ["'\\@'\\@' marks", "'{}'{}' marks"],
    ["''\\@'' is two curly quotes", '”” is two curly quotes'],
    ['-{}- and ---{}', '-{}- and —'],
    ['`\\@` quotes', '`{}` quotes'],
    ['Why?\\@` and !\\@`', 'Why?{}` and !{}`'],
    ['a,\\@, b', 'a,{}, b'],
  ])('%s is written so it reads back as written', (title, written) => {
    const paper = makePaper({ title, authors: ['Ada Lovelace'], published: '2026-05-27' });
    const entry = bibtexEntry(paper, 'k2026');
    expect(entry).toContain(`title         = {${written}}`);
    const entries = [{ key: 'k2026', paper, entry }];
    expect(oracleProblems(bibOf(entries), entries)).toEqual([]);
  });
});
