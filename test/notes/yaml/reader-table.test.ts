// Hand-picked frontmatters, each read by Paper Feed's YAML reader and by js-yaml 3 (the reader it
// replaced): the same value, or, for the parts of YAML it leaves alone, a clear refusal.

import { describe, expect, it } from 'vitest';
import { readYaml } from '../../../core/notes/yaml/read';
import { agreement, type Agreement } from './oracle';

const SAME: Array<[string, string]> = [
  ['Obsidian properties: list items at the key’s indent', 'title: A Study\ntags:\n- paper\n- ml\naliases:\n  - Study\ncssclasses: []\n'],
  [
    'Obsidian property types: number, checkbox, date, date & time, links, empty',
    'rating: 4.5\ndone: true\ndate: 2024-01-01\ncreated: 2024-01-01T10:00\nlink: "[[Note]]"\nrelated:\n  - "[[A]]"\n  - [[B]]\nstatus:\n',
  ],
  ['quoted keys and values', `"key: with colon": 1\n'single ''q''': "double \\"q\\""\n`],
  ['unicode keys and values', 'título: Ünïcödé — “quotes” 😀\n日本語: テスト\n'],
  ['CRLF line endings', 'a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: |\r\n  line\r\n  two\r\n'],
  ['lone CR line endings', 'a: 1\rb: two\r'],
  ['comments everywhere', '# lead\na: 1 # after\n# between\nb:\n  # inside\n  - x # item\n  - y\n# end\n'],
  ['a # inside a plain scalar and a quoted one', "a: C# and F#\nb: 'x # y'\nc: x#y\n"],
  ['literal block scalars and chomping', 'a: |\n  one\n  two\n\nb: |-\n  strip\n\nc: |+\n  keep\n\n\nd: x\n'],
  ['folded block scalars, more-indented lines', 'a: >\n  folded\n  text\n\n  para\n    indented\n  back\nb: >-\n  x\n'],
  ['block scalar indentation indicator', 'a: |2\n    four spaces kept two\n  base\nb: >1\n  one space\n'],
  ['block scalar with a comment on its header', 'a: | # note\n  text\n'],
  ['flow list over several lines', 'authors: [Ada Lovelace,\n  "Grace Hopper",\n  Alan Turing, ]\n'],
  ['flow mapping over several lines', 'm: {a: 1,\n  b: [x, y], c: {d: e}}\n'],
  ['flow list of pairs and empty entries', 'l: [a: 1, b, , c]\n'],
  ['plain multi-line folding', 'abstract: We study\n  how models\n\n  learn.\n'],
  ['double-quoted escapes', 's: "tab\\t nl\\n bell\\a e\\e nel\\N nbsp\\_ ls\\L ps\\P \\x41 \\u00e9 \\U0001F600 slash\\/ space\\ "\n'],
  ['double-quoted line folding and escaped line break', 's: "one\n  two\n\n  three \\\n  four"\n'],
  ['single-quoted line folding', "s: 'one\n  two\n\n  three'\n"],
  ['YAML 1.1 nulls and booleans', 'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: true\ng: True\nh: TRUE\ni: false\nj: FALSE\nk: yes\nl: no\nm: on\nn: off\ny: y\n'],
  ['keys that YAML 1.1 calls booleans', 'on: 1\nyes: 2\nno: 3\noff: 4\ntrue: 5\n~: 6\n'],
  ['integers', 'a: 0\nb: -0\nc: +12\nd: 0x1F\ne: 0b1010\nf: 017\ng: 0o17\nh: 1_000\ni: 190:20:30\nj: -0b0\nk: 00\nl: 09\nm: 0x_1\nn: 1_\n'],
  ['floats', 'a: 1.5\nb: 1e3\nc: .5\nd: -.5\ne: .inf\nf: -.Inf\ng: .NaN\nh: 1_0.5\ni: 190:20:30.15\nj: 1.\nk: -0.0\nl: 6.02e+23\n'],
  ['numeric keys become strings', '1: a\n1.5: b\n0x10: c\n.inf: d\n'],
  [
    'timestamps',
    'a: 2026-05-29\nb: 2026-05-28T20:00:00-04:00\nc: 2001-12-14 21:59:43.10 -5\nd: 2026-5-9T1:02:03Z\ne: 2026-02-31\nf: 0099-01-01\ng: 2026-13-01\n',
  ],
  ['strings that look like numbers, quoted', "a: '1'\nb: \"0x1F\"\nc: '2026-05-29'\nd: 'true'\n"],
  ['nested mappings and sequences', 'a:\n  b:\n    - 1\n    - c: 2\n      d: [3]\n  e: f\n'],
  ['sequence of mappings at the parent’s indent', 'items:\n- name: a\n  n: 1\n- name: b\n'],
  ['empty values and empty items', 'a:\nb:\n  -\n  - x\nc: ""\nd: \'\'\n'],
  ['a "__proto__" key', '__proto__: x\nb: 1\n'],
  ['explicit document start and end', '---\na: 1\n...\n'],
  ['a BOM and trailing spaces', '\ufeffa: 1   \nb: x  \n'],
  ['colons and dashes inside plain scalars', 'url: https://arxiv.org/abs/2605.10000\nid: 2605.10000v2\nrange: 1-2\nneg: -x\nt: 12:30\n'],
  ['a top-level list', '- a\n- [b, c]\n- {d: e}\n'],
  ['a top-level string', 'just text\n  over two lines\n'],
  ['only comments', '# nothing here\n'],
  ['blank lines with tabs', 'a: 1\n\t\nb: 2\n'],
  ['tabs inside values and after the colon', 'a:\tx\tand\ty\nb: "t\tq"\n'],
  ['non-ASCII line separators are content', 'a: x\u2028y\u0085z\n'],
  ['tabs inside block scalar content (pasted code)', 'code: |\n  def f():\n  \treturn 1\n  \t\n  end\nf: >\n  a\n  \tb\n  c\n'],
  ['tabs starting the continuation lines of quoted scalars', 'q: "a\n\tb"\ns: \'x\n  \ty\'\n'],
];

const UNSUPPORTED: Array<[string, string]> = [
  ['an anchor', 'a: &x 1\nb: 2\n'],
  ['an alias', 'b: *x\n'],
  ['a tag', 'a: !!str 1\n'],
  ['a local tag', 'a: !mine x\n'],
  ['a merge key', 'base: {a: 1}\nother:\n  <<: {b: 2}\n'],
  ['a complex key', '? a\n: b\n'],
  ['a complex key in a flow mapping', '{? a: b}\n'],
  ['a directive', '%YAML 1.2\n---\na: 1\n'],
  ['a second document', 'a: 1\n---\nb: 2\n'],
  ['a tab for indentation', 'a:\n\tb: 1\n'],
  ['a list used as a key', '[a, b]: c\n'],
  // js-yaml 3 reads these as two keys; YAML allows one key per line.
  ['a second key after a flow mapping', 'a: {}x: y\n'],
  ['a second key after a flow list and a space', 'a: [1] x: y\n'],
  ['a second key after a quoted value', 'a: "b"x: y\n'],
  ['a second key after a single-quoted value', "a: 'b' x:\n"],
];

const BOTH_REFUSE: Array<[string, string]> = [
  ['a duplicated key', 'a: 1\na: 2\n'],
  ['null and ~ as the same key', 'null: 1\n~: 2\n'],
  ['a duplicated key in a flow mapping', '{a: 1, a: 2}\n'],
  ['an unclosed flow list', 'a: [x, y\n'],
  ['an unclosed quote', 'a: "x\n'],
  ['an unknown escape', 'a: "\\q"\n'],
  ['a bad hex escape', 'a: "\\x4G"\n'],
  ['bad indentation', 'a:\n  - x\n - y\n'],
  ['a key without a colon', 'a: 1\nb\n'],
  ['a missing space after the colon', 'a: 1\nb:2\nc:\n  d\n  e: f\n'],
  ['a control character', 'a: x\u0001y\n'],
  ['a null byte', 'a: x\u0000\n'],
  ['a chomping indicator twice', 'a: |++\n  x\n'],
  ['an indentation indicator of 0', 'a: |0\n  x\n'],
];

describe('Paper Feed’s YAML reader agrees with js-yaml 3', () => {
  const expectAll = (cases: Array<[string, string]>, expected: Agreement) => {
    for (const [name, text] of cases) expect({ name, agreement: agreement(text) }).toEqual({ name, agreement: expected });
  };

  it('reads every supported construct to exactly js-yaml’s value', () => expectAll(SAME, 'same value'));
  it('refuses anchors, aliases, tags, merge and complex keys, directives, several documents and tab indentation', () => expectAll(UNSUPPORTED, 'unsupported'));
  it('refuses what js-yaml refuses', () => expectAll(BOTH_REFUSE, 'both refuse'));

  it('reads the values people meant', () => {
    expect(readYaml('tags:\n- paper\n- ml\nn: 0x1F\nt: 190:20:30\ns: "\\U0001F600"\nb: |-\n  x\n  y\n')).toEqual({
      tags: ['paper', 'ml'],
      n: 31,
      t: 685230,
      s: '😀',
      b: 'x\ny',
    });
    expect(readYaml('d: 2026-05-29')).toEqual({ d: new Date(Date.UTC(2026, 4, 29)) });
    expect(readYaml('')).toBeUndefined();
    expect(readYaml('# only a comment')).toBeNull();
  });

  it('names what it refuses and where', () => {
    expect(() => readYaml('a: 1\nb: &x 2\n')).toThrow(expect.objectContaining({ message: 'a YAML anchor (&)', line: 1 }));
    expect(() => readYaml('a: 1\n\na: 2\n')).toThrow(expect.objectContaining({ message: 'the key "a" twice', line: 2 }));
    expect(() => readYaml('a: 1\r\rb:\r\t- x\r')).toThrow(expect.objectContaining({ message: 'a tab for indentation', line: 3 }));
  });
});
