// The catch-up check's glance at a note: up to date only when each fact arXiv has stands on a line
// of its own exactly as Paper Feed writes it. Whatever it calls up to date, the full comparison
// (refreshPaperNote) must leave unchanged; everything else it leaves to that comparison.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseApiFeed } from '../../core/arxiv/api';
import type { Paper } from '../../core/arxiv/paper';
import { refreshPaperNote } from '../../core/catch-up/refresh-note';
import { factsKey, paperFactsKey, plainlyUpToDate } from '../../core/catch-up/up-to-date';
import { renderPaperNote } from '../../core/notes/paper-note';
import { feedOf, recordedEntries, withdrawnEntry } from './api-entries';

const recorded = recordedEntries();
const paperOf = (entry: string): Paper => parseApiFeed(feedOf([entry])).papers[0]!;
const published = paperOf(recorded.get('2206.06921')!);
const oldStyle = paperOf(recorded.get('astro-ph/0601001')!);
const withdrawn = paperOf(withdrawnEntry(recorded.get('2206.06921')!));

/** The note as a check leaves it: brought up to `paper` from an RSS-era v1 note. */
function refreshed(paper: Paper): string {
  const { journalRef: _j, doi: _d, comment: _c, updated: _u, ...rest } = paper;
  const rss = renderPaperNote({ ...rest, version: 1 }, { citekey: 'mine2022Key', keywords: ['Analysis'], digests: ['arXiv/Daily/2022-06-15.md'] });
  const after = refreshPaperNote(`${rss.replace('---\n', '---\nrating: 5\n')}My reading.\n`, paper);
  expect(after.changed.length).toBeGreaterThan(0);
  return after.text;
}

const unchanged = (text: string, paper: Paper) => refreshPaperNote(text, paper).changed.length === 0;

describe('a glance at whether a note says what arXiv says', () => {
  it('sees a note a check brought up to date as up to date, for a published, an old-style and a withdrawn paper', () => {
    for (const paper of [published, oldStyle, withdrawn]) {
      const text = refreshed(paper);
      expect([plainlyUpToDate(text, paper), unchanged(text, paper)]).toEqual([true, true]);
      // The key an index keeps for the note is the key of arXiv's facts.
      expect(factsKey(text)).toBe(paperFactsKey(paper));
    }
    expect(factsKey(refreshed(published))).not.toBe(paperFactsKey(withdrawn));
    expect(factsKey(refreshed(published).replace(/^doi:/m, '"doi":'))).toBeUndefined();
  });

  it('leaves a note whose facts differ, or are written any other way, to the full comparison', () => {
    const text = refreshed(published);
    const variants: Array<[string, string]> = [
      ['a newer version on arXiv', text],
      ['no frontmatter', text.replace(/^---\n/, '')],
      ['the comment changed', text.replace(/^comment: .*$/m, 'comment: 26 pages')],
      ['the DOI removed', text.replace(/^doi: .*\n/m, '')],
      ['the comment continued on the next line', text.replace(/^(comment: .*)$/m, '$1\n  and more')],
      ['the comment twice', text.replace(/^(comment: .*)$/m, '$1\n$1')],
      ['a quoted key', text.replace(/^doi:/m, '"doi":')],
      ['a comment after the value', text.replace(/^(doi: .*)$/m, '$1 # checked')],
      ['a merge key', text.replace('rating: 5\n', 'rating: 5\n<<: {doi: x}\n')],
      ['withdrawn where arXiv says not', text.replace('rating: 5\n', 'rating: 5\nwithdrawn: true\n')],
    ];
    for (const [what, variant] of variants) {
      const paper = what === 'a newer version on arXiv' ? { ...published, version: published.version + 1 } : published;
      expect([what, plainlyUpToDate(variant, paper)]).toEqual([what, false]);
    }
    // Line endings are not the facts: a note saved with CRLF is up to date too.
    expect(plainlyUpToDate(text.replace(/\n/g, '\r\n'), published)).toBe(true);
    // What the full comparison finds unchanged anyway is still unchanged (a kept `withdrawn: false`, say).
    expect(plainlyUpToDate(text.replace('rating: 5\n', 'rating: 5\nwithdrawn: false\n'), published)).toBe(true);
    expect(unchanged(text.replace('rating: 5\n', 'rating: 5\nwithdrawn: false\n'), published)).toBe(true);
  });

  // A frontmatter the full reader refuses is left as it is by it too; only the report differs (the
  // check says nothing of a note it had nothing to change in).
  it('never calls a note up to date that the full comparison would change, whatever line is put in or taken out', () => {
    const base = refreshed(published);
    const lines = base.split('\n');
    const end = lines.indexOf('---', 1);
    const extra = fc.constantFrom(
      'comment: other',
      'updated: 2030-01-01',
      'version: 9',
      'journal_ref: x',
      'doi: "10.1/x"',
      'withdrawn: true',
      'withdrawn: false',
      '  continued',
      '# a remark',
      '',
      "'doi': 10.1/x",
      'doi:',
      '- item',
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: end }), extra, fc.boolean(), (at, line, remove) => {
        const changed = [...lines];
        if (remove && at < end) changed.splice(at, 1);
        else changed.splice(at, 0, line);
        const text = changed.join('\n');
        let leftAsItIs: boolean;
        try {
          leftAsItIs = unchanged(text, published);
        } catch {
          leftAsItIs = true; // a frontmatter the full reader refuses, so it changes nothing either
        }
        if (plainlyUpToDate(text, published)) expect(leftAsItIs).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
