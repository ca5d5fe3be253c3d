// The .bib reader (core/cite/bib-file.ts): BibTeX's syntax, tolerance of damaged files, and the
// same reading as Better BibTeX's parser (kept as a development dependency to check it against).

import { parse, type Creator } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibNames, readBib } from '../../core/cite/bib-file';
import { libraryFromBib } from '../../core/rank/bibtex-reader';
import { hostileSource, sampleSource, writtenEntries } from './bib-corpus';

describe('readBib', () => {
  it('reads braces, quotes, numbers, @string macros and months, joined with #, in either delimiter', () => {
    const { entries, problems } = readBib(String.raw`
@String(conf = "Proc. ") @STRING{ year = {2024} }
@Article(Smith_2020:a+b, Title = conf # {of {ICML}} # " 2024", year = year, month = jan, pages = 12,
  note = "a {"}quoted{"} word and Schr\"odinger",)
@misc{empty}
@misc{empty2,
}`);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        type: 'article',
        key: 'Smith_2020:a+b',
        line: 3,
        fields: { title: 'Proc. of {ICML} 2024', year: '2024', month: 'January', pages: '12', note: 'a {"}quoted{"} word and Schr\\"odinger' },
      },
      { type: 'misc', key: 'empty', line: 5, fields: {} },
      { type: 'misc', key: 'empty2', line: 6, fields: {} },
    ]);
  });

  it('passes over @comment, @preamble, % lines between fields, and e-mail addresses outside entries', () => {
    const { entries, problems } = readBib(String.raw`mail me@example.org
@comment{jabref-meta: {nested} @misc{not, an = {entry}}}
@preamble{ "\newcommand{\noop}[1]{}" }
@misc{a,
  % title = {not this one},
  title = {This one},
}`);
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.key, e.fields])).toEqual([['a', { title: 'This one' }]]);
  });

  it('reports a damaged entry with its line and goes on with the next', () => {
    const { entries, problems } = readBib(
      [
        '@misc{good1, title = {Fine}}',
        '@misc{nocomma, title = {Unclosed} author = {X}}',
        '@misc{open, title = {Never closed,',
        '@misc{good2, title = {Fine too}}',
        '@misc{noequals, title {X}}',
        '@misc{, title = {No key}}',
        '@misc{good3, title = "Fine" # three}',
        '@misc{last, title = {never ends',
      ].join('\n'),
    );
    expect(entries.map((e) => e.key)).toEqual(['good1', 'good2', 'good3']);
    expect(entries[2]!.fields.title).toBe('Finethree');
    expect(problems).toEqual([
      { line: 2, message: '@misc{nocomma}: a comma is missing after title' },
      { line: 3, message: '@misc{open}: a "{" is never closed' },
      { line: 5, message: '@misc{noequals}: "=" is missing after title' },
      { line: 6, message: '@misc has no citation key' },
      { line: 8, message: '@misc{last}: a "{" is never closed' },
    ]);
  });

  it('keeps the first of two fields with one name, as bibtex does', () => {
    expect(readBib('@misc{a, title = {First}, TITLE = {Second}}').entries[0]!.fields).toEqual({ title: 'First' });
  });

  it('fills what a child leaves out from its crossref parent, the parent title as booktitle', () => {
    const { entries } = readBib(`@inproceedings{child, crossref = {Conf24}, title = {Mine}}
@proceedings{conf24, title = {Proceedings}, year = {2024}, publisher = {ACM}}`);
    expect(entries[0]!.fields).toEqual({ crossref: 'Conf24', title: 'Mine', year: '2024', publisher: 'ACM', booktitle: 'Proceedings' });
  });

  it('splits names at "and" outside braces, in any case', () => {
    expect(bibNames('{Barnes and Noble} AND Ada Lovelace and\n others')).toEqual(['{Barnes and Noble}', 'Ada Lovelace', 'others']);
    expect(bibNames('Anderson, Sandy')).toEqual(['Anderson, Sandy']);
  });

  it('reads a large library in one pass', () => {
    const bib = Array.from({ length: 20_000 }, (_, i) => `@article{k${i},\n  title = {Paper ${i}},\n  author = {A, B and C, D},\n}`).join('\n\n');
    const { entries, problems } = readBib(bib);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(20_000);
    expect(entries[19_999]).toMatchObject({ key: 'k19999', line: 19_999 * 5 + 1 });
  });
});

describe('the reader agrees with Better BibTeX’s parser', () => {
  const written = writtenEntries([sampleSource(), hostileSource()]);
  const bib = written.map((e) => e.entry.replace(/\n\}$/, ',\n  abstract = {Text.}\n}')).join('\n\n') + '\n';

  it('on the keys and the field values of every entry Paper Feed writes', () => {
    const ours = readBib(bib);
    const theirs = parse(bib, { raw: true });
    expect(ours.problems).toEqual([]);
    expect(theirs.errors).toEqual([]);
    expect(ours.entries.map((e) => e.key)).toEqual(theirs.entries.map((e) => e.key));
    // Better BibTeX reads a value that is one {group} as the group; spaces are folded.
    const same = (value: string) =>
      value
        .replace(/^\{([^{}]*)\}$/, '$1')
        .replace(/\s+/g, ' ')
        .trim();
    ours.entries.forEach((entry, i) => {
      const fields = theirs.entries[i]!.fields as Record<string, unknown>;
      for (const [name, value] of Object.entries(entry.fields)) {
        if (name === 'author') expect(bibNames(value)).toHaveLength((fields.author as unknown[]).length);
        else expect([entry.key, name, same(value)]).toEqual([entry.key, name, same(fields[name] as string)]);
      }
    });
  });

  it('on every author name, TeX accents and "Family, Given, Jr." included', async () => {
    const personName = (creator: Creator) =>
      creator.name ??
      [[creator.firstName, creator.prefix, creator.lastName].filter((part) => part).join(' '), creator.suffix].filter((part) => part).join(', ');
    const theirs = parse(bib, { sentenceCase: false, caseProtection: false, unsupported: 'ignore' }).entries.map((entry) =>
      (entry.fields.author ?? [])
        .map(personName)
        .map((name) => name.replace(/\s+/g, ' ').trim().normalize('NFC'))
        .filter((name) => name !== '' && name !== 'others'),
    );
    const ours = (await libraryFromBib(bib)).map((item) => item.authors ?? []);
    expect(ours.length).toBe(written.length);
    expect(ours).toEqual(theirs);
  });
});
