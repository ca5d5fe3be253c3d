// Generated YAML read by Paper Feed's reader and by js-yaml 3: texts built from a grammar of
// frontmatter (every scalar style, block and flow collections, comments, odd indentation), texts
// of YAML's special characters strung together at random, and values written by js-yaml's own
// dumper with its options. Ours must give js-yaml's value, or refuse when js-yaml refuses, or
// refuse a part of YAML it does not read; never a different value.

import fc from 'fast-check';
import { safeDump, type DumpOptions } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { agreement, type Agreement } from './oracle';

const RUNS = Number(process.env.PAPER_FEED_PROPERTY_RUNS ?? 1000);

/** Plain words YAML types in different ways, and words with YAML's punctuation inside. */
const WORDS = [
  'paper',
  'Ada Lovelace',
  'x',
  '0',
  '-0',
  '12',
  '+7',
  '0x1F',
  '0b101',
  '017',
  '09',
  '1_000',
  '190:20:30',
  '1.5',
  '1e3',
  '.5',
  '-.inf',
  '.NaN',
  '1_',
  '0o17',
  '2026-05-29',
  '2026-05-28T20:00:00-04:00',
  '2001-12-14 21:59:43.10 -5',
  '2026-02-31',
  'null',
  '~',
  'Null',
  'true',
  'False',
  'yes',
  'on',
  'y',
  '<<',
  'C#',
  'a#b',
  'a: b',
  'a -b',
  'http://x.org/a?b=c',
  'é',
  '日本',
  '😀',
  'a\u2028b',
  "it's",
  'a"b',
  'a\\b',
  '- x',
  '-x',
  '?x',
  ':x',
  'x:',
  '%x',
  '@x',
  '`x',
];
const plain = fc.constantFrom(...WORDS.filter((w) => !/^[-?:%@`#&*!|>'"[\]{},]|: | #|:$|^\s|\s$/.test(w) && w !== '<<'));
const anyWord = fc.constantFrom(...WORDS);
const single = anyWord.map((w) => `'${w.replace(/'/g, "''")}'`);
const ESCAPES = ['\\t', '\\n', '\\"', '\\\\', '\\x41', '\\u00e9', '\\U0001F600', '\\0', '\\e', '\\N', '\\_', '\\L', '\\P', '\\/', '\\ ', '\\a'];
const double = fc
  .array(
    fc.oneof(
      anyWord.map((w) => w.replace(/["\\]/g, '')),
      fc.constantFrom(...ESCAPES),
    ),
    { minLength: 0, maxLength: 4 },
  )
  .map((parts) => `"${parts.join('')}"`);
const flowScalar = fc.oneof(plain, single, double);

/** Spaces, a comment, or a line break with some indent, between tokens of a flow collection. */
const gap = (indent: number) => fc.constantFrom('', ' ', '  ', ' # c\n' + ' '.repeat(indent + 1), '\n' + ' '.repeat(indent + 1), '\n' + ' '.repeat(indent));

const flowCollection = (indent: number): fc.Arbitrary<string> =>
  fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      flowScalar,
      fc
        .tuple(fc.array(fc.tuple(gap(indent), tie('node'), gap(indent)), { maxLength: 4 }), fc.boolean())
        .map(([items, comma]) => `[${items.map((p) => p.join('')).join(',')}${comma ? ',' : ''}]`),
      fc
        .array(fc.tuple(gap(indent), plain, fc.constantFrom(': ', ':', ' : '), tie('node'), gap(indent)), { maxLength: 3 })
        .map((pairs) => `{${pairs.map((p) => p.join('')).join(',')}}`),
    ),
  })).node;

const blockScalar = (indent: number) =>
  fc
    .tuple(
      fc.constantFrom('|', '>'),
      fc.constantFrom('', '-', '+', '2', '1-', '+1'),
      fc.constantFrom('', ' # c'),
      fc.array(fc.tuple(fc.nat(3), fc.constantFrom('text', 'more words', '', ' ', '# not a comment', 'a: b', '  deeper')), { minLength: 0, maxLength: 5 }),
      fc.constantFrom('', '\n', '\n\n'),
    )
    .map(
      ([style, header, comment, lines, after]) =>
        `${style}${header}${comment}\n${lines.map(([extra, t]) => (t === '' ? '' : ' '.repeat(indent + 2 + extra) + t)).join('\n')}${after}`,
    );

const plainOverLines = (indent: number) =>
  fc
    .array(plain, { minLength: 2, maxLength: 3 })
    .map((ws) => ws.join(`\n${' '.repeat(indent + 2)}`) + (ws.length > 2 ? '' : `\n\n${' '.repeat(indent + 2)}more`));

const key = fc.oneof(plain, single, double, fc.constantFrom('on', 'yes', '1', 'null', '__proto__', 'key with spaces', 'a', 'b', 'tags'));
const comment = fc.constantFrom('', '', ' # note', ' #', '  # a: b');

/** A block node at `indent`, as a mapping's value or a list item's. */
const blockNode = (indent: number, depth: number): fc.Arbitrary<string> => {
  const inline = fc.oneof(flowScalar, flowCollection(indent), blockScalar(indent), plainOverLines(indent), fc.constant(''));
  if (depth === 0) return inline;
  return fc.oneof(inline, blockMapping(indent, depth - 1), blockSequence(indent, depth - 1));
};

const blockMapping = (indent: number, depth: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.nat(3), fc.array(fc.tuple(key, fc.constantFrom(':', ' :'), comment, fc.boolean(), fc.nat(2)), { minLength: 1, maxLength: 4 }))
    .chain(([extra, entries]) => {
      const inner = indent + 1 + extra;
      return fc.tuple(...entries.map(() => blockNode(inner, depth))).map((values) => {
        const pad = ' '.repeat(inner);
        return (
          '\n' +
          entries
            .map(([k, colon, note, nested, blank], i) => {
              const v = values[i]!;
              const body = v.startsWith('\n') ? `${note}${v}` : nested && v !== '' ? ` ${v}` : v === '' ? note : ` ${v}${v.includes('\n') ? '' : note}`;
              return `${pad}${k}${colon}${body}${'\n'.repeat(blank)}`;
            })
            .join('\n')
        );
      });
    });

const blockSequence = (indent: number, depth: number): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(0, 1, 2), fc.array(fc.constant(null), { minLength: 1, maxLength: 4 })).chain(([extra, items]) => {
    // 0 extra spaces: "- " items at the parent key's indent, as Obsidian writes them.
    const inner = Math.max(0, indent + extra);
    return fc
      .tuple(...items.map(() => blockNode(inner + 1, depth)))
      .map((values) => '\n' + values.map((v) => `${' '.repeat(inner)}-${v.startsWith('\n') ? v : v === '' ? '' : ` ${v}`}`).join('\n'));
  });

const frontmatter = blockMapping(-1, 2).map((text) => text.slice(1) + '\n');

/** YAML's special characters and tokens, strung together at random. */
const soup = fc
  .array(
    fc.constantFrom(
      'a',
      'b',
      '1',
      '0',
      ' ',
      '  ',
      '\n',
      '\r\n',
      '\r',
      '- ',
      '-',
      ':',
      ': ',
      '#',
      ' #',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ', ',
      ',',
      '|',
      '>',
      '+',
      '2',
      '\\',
      '\\n',
      '\\x4',
      '.',
      'e',
      '~',
      '?',
      '? ',
      '&',
      '*',
      '!',
      '%',
      '<<',
      '\t',
      '2026-05-29',
      'null',
      'true',
      'é',
      '\u2028',
      '---',
      '...',
      'x: y\n',
      '  - z\n',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const VALUE_WORDS = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(...WORDS, '', ' ', 'a\nb', 'line\n', '\n\nx', ' lead', 'trail ', '\ttab', 'x\r\ny'),
);
const dumpedValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    VALUE_WORDS,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(VALUE_WORDS, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const dumpOptions: fc.Arbitrary<DumpOptions> = fc.record(
  {
    indent: fc.integer({ min: 1, max: 4 }),
    flowLevel: fc.integer({ min: -1, max: 2 }),
    lineWidth: fc.constantFrom(-1, 20, 80),
    noCompatMode: fc.boolean(),
    condenseFlow: fc.boolean(),
    sortKeys: fc.boolean(),
    noArrayIndent: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('Paper Feed’s YAML reader against js-yaml 3 on generated YAML', () => {
  const tally = () => new Map<Agreement, number>();
  const count = (seen: Map<Agreement, number>, a: Agreement) => seen.set(a, (seen.get(a) ?? 0) + 1);

  it('frontmatter from a grammar of the YAML people write', () => {
    const seen = tally();
    fc.assert(
      fc.property(frontmatter, (text) => {
        count(seen, agreement(text));
      }),
      { numRuns: RUNS * 3 },
    );
    // The grammar mostly writes YAML both read; a run where almost nothing was read proves little.
    expect(seen.get('same value') ?? 0).toBeGreaterThan(RUNS * 1.5);
  });

  it('YAML’s special characters strung together at random', () => {
    const seen = tally();
    fc.assert(
      fc.property(soup, (text) => {
        count(seen, agreement(text));
      }),
      { numRuns: RUNS * 5 },
    );
    expect(seen.get('same value') ?? 0).toBeGreaterThan(RUNS);
    expect(seen.get('both refuse') ?? 0).toBeGreaterThan(RUNS / 2);
  });

  it('values written by js-yaml’s dumper, with its options', () => {
    const seen = tally();
    fc.assert(
      fc.property(dumpedValue, dumpOptions, (value, options) => {
        // With condenseFlow js-yaml sometimes writes what it cannot read back itself ({"\0":''}).
        const found = agreement(safeDump(value, options));
        count(seen, found);
        expect(['same value', 'both refuse']).toContain(found);
      }),
      { numRuns: RUNS * 2 },
    );
    expect(seen.get('same value') ?? 0).toBeGreaterThan(RUNS * 1.8);
  });
});
