// Paper Feed's YAML writer writes each frontmatter key exactly as js-yaml 3's safeDump did (so a
// note written before and after the change looks the same), and what it writes reads back, by
// Paper Feed's reader and by js-yaml, to the value written.

import fc from 'fast-check';
import { safeDump, safeLoad } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { dumpEntry, readFrontmatter, type FrontmatterValue } from '../../../core/notes/frontmatter';
import { readYaml } from '../../../core/notes/yaml/read';
import { writeYamlEntry } from '../../../core/notes/yaml/write';
import { canonical } from './oracle';

const RUNS = Number(process.env.PAPER_FEED_PROPERTY_RUNS ?? 1000);

/** What dumpEntry wrote with js-yaml: safeDump, one flow line for values with a line break. */
function jsYamlEntry(key: string, value: FrontmatterValue): string[] {
  const values = Array.isArray(value) ? value : [value];
  const multiline = values.some((v) => typeof v === 'string' && v.includes('\n'));
  const options = multiline ? { lineWidth: -1, noRefs: true, flowLevel: 1 } : { lineWidth: -1, noRefs: true };
  return safeDump({ [key]: value }, options)
    .replace(/\n$/, '')
    .split('\n');
}

const TRICKY = [
  '',
  ' ',
  'a\nb',
  'line\n',
  '\n',
  ' lead',
  'trail ',
  '\ttab',
  'x\r\ny',
  'null',
  '~',
  'true',
  'yes',
  'on',
  'N',
  '0x1F',
  '1e5',
  '.5',
  '190:20:30',
  '<<',
  '2026-05-29',
  '2026-05-28T20:00:00Z',
  '- item',
  '? q',
  ': c',
  'a: b',
  'a #b',
  'a#b',
  '#tag',
  '[[link]]',
  '{x}',
  "it's",
  'a "q"',
  '\\',
  '%% paper-feed:end %%',
  '@me',
  '`x`',
  '|',
  '>',
  '!x',
  '&x',
  '*x',
  '😀',
  'é',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udc00x',
  '\x7f',
  '\x00',
  '---',
  '...',
  '1_000',
  '-0',
  '+1',
];
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom(...TRICKY));
const scalarValue = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constantFrom(0, -0, 1e21, 5e-324, 1e-7, 0.1, NaN, Infinity, -Infinity));
const value: fc.Arbitrary<FrontmatterValue> = fc.oneof(scalarValue, fc.array(scalarValue, { maxLength: 5 }));
const key = fc.oneof(
  fc.constantFrom('tags', 'title', 'arxiv_id', 'on', 'null', 'a b', 'key: x', "it's", '1', '-', 'é'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

describe('the YAML writer', () => {
  it('writes each key as js-yaml 3 wrote it, byte for byte', () => {
    fc.assert(
      fc.property(key, value, (k, v) => {
        expect(writeYamlEntry(k, v)).toEqual(jsYamlEntry(k, v));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('writes what both readers read back as the value written', () => {
    fc.assert(
      fc.property(key, value, (k, v) => {
        const yaml = dumpEntry(k, v).join('\n');
        const written = canonical({ [k]: v });
        expect(canonical(readYaml(yaml))).toBe(written);
        expect(canonical(safeLoad(yaml))).toBe(written);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('keeps the looks the notes have', () => {
    expect(writeYamlEntry('tags', ['paper', 'cs.LG', 'yes', '2026'])).toEqual(['tags:', '  - paper', '  - cs.LG', "  - 'yes'", "  - '2026'"]);
    expect(writeYamlEntry('abstract', 'Two\nlines: here')).toEqual(['abstract: "Two\\nlines: here"']);
    expect(writeYamlEntry('authors', ['A', 'B\nC'])).toEqual(['authors: [A, "B\\nC"]']);
    expect(writeYamlEntry('keywords', [])).toEqual(['keywords: []']);
    expect(writeYamlEntry('score', 0.193)).toEqual(['score: 0.193']);
    expect(writeYamlEntry('tiny', 1e-7)).toEqual(['tiny: 1.e-7']);
    expect(writeYamlEntry('title', 'Rust # compared: a study')).toEqual(["title: 'Rust # compared: a study'"]);
    expect(writeYamlEntry('emoji', 'Smile 😀')).toEqual(['emoji: "Smile \\U0001F600"']);
    expect(dumpEntry('date', '2026-05-29')).toEqual(['date: 2026-05-29']);
    expect(dumpEntry('date', '2026-02-31')).toEqual(["date: '2026-02-31'"]);
  });

  it('a note’s frontmatter written key by key reads back whole', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (entries, eol) => {
        const note = ['---', ...entries.flatMap(([k, v]) => dumpEntry(k, v)), '---', 'body'].join(eol) + eol;
        expect(canonical(readFrontmatter(note))).toBe(canonical(Object.fromEntries(entries)));
      }),
      { numRuns: RUNS },
    );
  });
});
