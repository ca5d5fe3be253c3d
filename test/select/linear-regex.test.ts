// The linear-time engine behind regex rules (core/select/linear-regex.ts) against JavaScript's own
// engine: on short texts, where backtracking is harmless, both must agree on every pattern.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRegex, nestsRepetition, parseRegex } from '../../core/select/linear-regex';

const linear = (pattern: string, flags = '') => compileRegex(parseRegex(pattern, flags), flags);

// Patterns built from the pieces rules use, nested a few deep; texts over a small alphabet so they match often.
const atom = fc.constantFrom('a', 'b', 'A', ' ', '.', '\\d', '\\w', '\\W', '\\s', '\\S', '[ab]', '[^a]', '[a-c1]', '[^]', '\\x61', '\\u0062', 'é', '\\.', '-');
const anchor = fc.constantFrom('^', '$', '\\b', '\\B');
const quantifier = fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '{0,}', '*?', '+?', '{2,}?');
const { pattern } = fc.letrec<{ pattern: string; term: string }>((tie) => ({
  term: fc.oneof(
    { weight: 5, arbitrary: fc.tuple(atom, quantifier).map(([a, q]) => a + q) },
    { weight: 1, arbitrary: anchor },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('(', '(?:', '(?<n>'), tie('pattern'), fc.constantFrom(')', ')*', ')?', '){2}')).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('(?<=', '(?<!'), tie('pattern')).map(([open, body]) => `${open}${body})`) },
  ),
  pattern: fc.oneof(
    { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
    fc.array(tie('term'), { minLength: 1, maxLength: 4 }).map((terms) => terms.join('')),
    fc.tuple(tie('term'), tie('term')).map(([a, b]) => `${a}|${b}`),
  ),
}));
const text = fc.array(fc.constantFrom('a', 'b', 'A', 'B', ' ', '1', '\n', '.', 'é', 'É', '-'), { maxLength: 12 }).map((chars) => chars.join(''));
const flags = fc.subarray(['i', 'm', 's', 'u']).map((f) => f.join(''));

describe('the linear engine agrees with JavaScript', () => {
  it('on generated patterns, flags and texts', () => {
    fc.assert(
      fc.property(pattern, flags, fc.array(text, { minLength: 1, maxLength: 6 }), (source, flag, texts) => {
        let native: RegExp;
        try {
          native = new RegExp(source, flag);
        } catch {
          return; // not a pattern JavaScript accepts (a quantified anchor, say): never a rule
        }
        const ours = linear(source, flag);
        for (const t of texts) expect([source, flag, t, ours.test(t)]).toEqual([source, flag, t, native.test(t)]);
      }),
      { numRuns: 3000, seed: 1515 },
    );
  });

  it('on Unicode: properties, astral characters, escapes and case folding', () => {
    const cases: Array<[string, string, string]> = [
      ['^\\p{L}+$', 'u', 'Schrödinger'],
      ['^\\p{L}+$', 'u', 'Schrödinger 2'],
      ['^.$', 'u', '😀'],
      ['^.$', '', '😀'],
      ['^..$', '', '😀'],
      ['^\\u{1F600}$', 'u', '😀'],
      ['^\\uD83D\\uDE00$', 'u', '😀'],
      ['^[😀-😂]$', 'u', '😁'],
      ['σ', 'iu', 'Σ'],
      ['ſ', 'iu', 'S'],
      ['\\u00e9t\\u00e9', 'i', 'ÉTÉ'],
      ['(?<=ü)ber', 'iu', 'Über ÜBER'],
      ['\\bstraße\\b', 'i', 'die Straße hier'],
      ['a{', '', 'a{'],
      ['\\1', 'u', 'x'],
    ];
    for (const [source, flag, t] of cases) {
      let expected: boolean | string;
      try {
        expected = new RegExp(source, flag).test(t);
      } catch {
        continue; // \1 with u is a syntax error: such a rule is refused before the engine
      }
      expect([source, flag, t, linear(source, flag).test(t)]).toEqual([source, flag, t, expected]);
    }
  });
});

describe('the linear engine', () => {
  it('reads a long text once, whatever the pattern', () => {
    const long = `${'a'.repeat(100_000)}!`;
    expect(linear('^(a|a)*$').test(long)).toBe(false);
    expect(linear('(a|aa)*b').test(long)).toBe(false);
    expect(linear('(?<=(a|a)*)!$').test(long)).toBe(true);
    expect(linear('(?<!(a|aa)*b)!').test(long)).toBe(true);
  });

  it('refuses what it cannot run in linear time, naming the construct', () => {
    for (const [source, construct] of [
      ['diffusion(?= model)', 'lookahead'],
      ['(?<=(?!x)a)b', 'lookahead'],
      ['(model) \\1', 'back-reference'],
      ['(?<m>model) \\k<m>', 'back-reference'],
      ['a{30000}', 'size'],
    ] as const) {
      expect(() => linear(source)).toThrow(construct);
    }
  });

  it('finds repetition inside repetition, through groups, alternatives and lookbehinds', () => {
    const nests = (source: string) => nestsRepetition(parseRegex(source, ''));
    expect(['(a+)+', '(\\w+\\s?)+$', '(?:x+y*)+z', '(?<=q)(a+)+', '((ab)*c)?', '(a|b{2})*', '(?<=(a*)+)b'].filter((s) => !nests(s))).toEqual([]);
    expect(['(a|a)*$', '\\s*\\s*\\s*$', 'a+b+(c|d)*', '[a-z+]+', '\\(a+\\)+', 'a{2}b?'].filter(nests)).toEqual([]);
  });
});
