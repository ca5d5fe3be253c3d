// The index's fast frontmatter reader must agree with the YAML reader (core/notes/note-facts.ts)
// on every value Paper Feed writes, and on the common ways people edit those keys by hand.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frontmatterFacts } from '../../core/node/frontmatter-facts';
import { dumpEntry, type FrontmatterValue } from '../../core/notes/frontmatter';
import { noteFacts } from '../../core/notes/note-facts';

const RUNS = Number(process.env.PAPER_FEED_PROPERTY_RUNS ?? 1000);

function note(entries: Array<[string, FrontmatterValue]>, eol = '\n'): string {
  const lines = entries.flatMap(([key, value]) => dumpEntry(key, value));
  return ['---', ...lines, '---', 'body'].join(eol) + eol;
}

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '2605.10000',
    '2605.21412v3',
    'arXiv:2605.21412',
    'hep-th/9901001',
    ' spaced ',
    "it's",
    'a "quote"',
    '#tag',
    'x: y',
    '- item',
    '[[link]]',
    '---',
    '...',
    'null',
    '~',
    'true',
    '0x1F',
    '1e5',
    '.5',
    '12',
    'v2',
    '%% paper-feed:end %%',
    'paper-feed/daily',
  ),
);

describe('frontmatterFacts', () => {
  it('agrees with the YAML reader on notes written by Paper Feed (hostile values)', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: hostile,
          arxiv_id: hostile,
          version: fc.oneof(fc.integer({ min: -2, max: 500 }), hostile),
          citekey: hostile,
          date: fc.oneof(fc.constantFrom('2026-05-29', '2026-13-01', '2026-5-29'), hostile),
          tags: fc.array(fc.oneof(fc.constantFrom('paper', 'paper-feed/daily', '#paper-feed/daily'), hostile), { maxLength: 4 }),
        }),
        fc.boolean(),
        (values, crlf) => {
          const text = note(Object.entries(values), crlf ? '\r\n' : '\n');
          expect(frontmatterFacts(text)).toEqual(noteFacts(text));
        },
      ),
      { numRuns: RUNS },
    );
  });

  const handWritten: Array<[string, string]> = [
    ['plain new-style id (a YAML number)', 'arxiv_id: 2605.10000\nversion: 2'],
    ['plain id with version and prefix', 'arxiv_id: arXiv:2605.21412v3\nversion: "3"'],
    ['double-quoted escapes', 'arxiv_id: "2605.2141\\u0032"\ncitekey: "k\\"ey"'],
    ['single-quoted with doubled quote', "citekey: 'o''brien2026x'\narxiv_id: '2605.00001'"],
    ['trailing comments', 'arxiv_id: 2605.00001 # the paper\nversion: 2 # bumped\ntags: [paper] # t'],
    ['flow list tags and a daily date', 'date: 2026-05-29\ntags: [journal, "paper-feed/daily"]'],
    ['tags as one string', 'date: 2026-05-29\ntags: paper-feed/daily, journal'],
    ['tags with #', 'date: 2026-05-29\ntags:\n- "#paper-feed/daily"'],
    ['unindented block list', 'date: 2026-05-29\ntags:\n- journal\n- paper-feed/daily\nother: 1'],
    ['block scalar in between', 'abstract: |\n  arxiv_id: 9999.99999\n  text\narxiv_id: 2605.00002'],
    ['quoted key', "\"arxiv_id\": '2605.00003'\n'version': 7"],
    ['null values', 'arxiv_id: ~\nversion: null\ncitekey:'],
    ['nested keys do not count', 'meta:\n  arxiv_id: 2605.00004\n  version: 3'],
  ];
  for (const [what, yaml] of handWritten) {
    it(`agrees with the YAML reader on ${what}`, () => {
      const text = `---\n${yaml}\n---\nbody\n`;
      expect(frontmatterFacts(text)).toEqual(noteFacts(text));
    });
  }

  it('reads nothing from a note whose frontmatter is missing or not closed', () => {
    expect(frontmatterFacts('arxiv_id: 2605.00001\n')).toEqual({});
    expect(frontmatterFacts('---\narxiv_id: 2605.00001\n')).toEqual({});
    expect(frontmatterFacts('---\narxiv_id: 2605.00001\n---- not a closer\n')).toEqual({});
    expect(frontmatterFacts('\uFEFF---\r\narxiv_id: 2605.00001\r\n---\r\n')).toEqual({ arxivId: '2605.00001' });
  });
});
