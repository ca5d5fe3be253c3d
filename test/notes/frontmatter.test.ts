import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrontmatterError, readFrontmatter, writeFrontmatterKeys, type FrontmatterValue } from '../../core/notes/frontmatter';
import { hostileText } from './hostile';

describe('readFrontmatter', () => {
  it('gives dates back as the YYYY-MM-DD strings people wrote', () => {
    expect(readFrontmatter('---\npublished: 2026-05-29\nat: 2026-05-28T20:00:00Z\n---\n')).toEqual({
      published: '2026-05-29',
      at: '2026-05-28T20:00:00.000Z',
    });
  });

  it('gives {} for a note without frontmatter', () => {
    expect(readFrontmatter('# Just a note\n---\n')).toEqual({});
  });

  it('reports broken YAML as a FrontmatterError', () => {
    expect(() => readFrontmatter('---\na: [\n---\n')).toThrow(FrontmatterError);
    expect(() => readFrontmatter('---\na: 1\n')).toThrow(/not closed/);
    expect(() => readFrontmatter('---\ntitle: x\ntitle: y\n---\n')).toThrow(
      new FrontmatterError('its frontmatter is not valid YAML (the key "title" twice on line 3)'),
    );
  });

  it('names the part of YAML it does not read, and the line, rather than guess', () => {
    const refusal = (yaml: string) => {
      try {
        readFrontmatter(`---\n${yaml}\n---\nbody\n`);
      } catch (e) {
        return e instanceof FrontmatterError ? e.message : `not a FrontmatterError: ${String(e)}`;
      }
      return 'read';
    };
    expect(refusal('title: x\nbase: &b 1')).toBe('its frontmatter uses a YAML anchor (&) on line 3, which Paper Feed does not read');
    expect(refusal('title: *b')).toBe('its frontmatter uses a YAML alias (*) on line 2, which Paper Feed does not read');
    expect(refusal('n: !!int 1')).toBe('its frontmatter uses a YAML tag (!) on line 2, which Paper Feed does not read');
    expect(refusal('a:\n  <<: {b: 1}')).toBe('its frontmatter uses a YAML merge key (<<) on line 3, which Paper Feed does not read');
    expect(refusal('tags:\n\t- x')).toBe('its frontmatter uses a tab for indentation on line 3, which Paper Feed does not read');
    expect(refusal(`a: ${'['.repeat(100_000)}`)).toBe('its frontmatter nests lists or mappings too deeply to read');
  });
});

describe('writeFrontmatterKeys', () => {
  const person = [
    '---',
    'aliases: [My alias]   # the person likes flow lists',
    "title: 'Old title'",
    '# a comment the person wrote',
    'tags:',
    '- paper',
    '- to-read',
    '',
    'rating: 5',
    'nested:',
    '  deep: {a: 1}',
    '---',
    'Body stays.',
    '',
  ].join('\n');

  it('replaces only the owned keys that changed, adds new ones after the last key before them, and leaves every other line byte for byte', () => {
    const out = writeFrontmatterKeys(person, [
      ['title', 'New: title'],
      ['tags', ['paper', 'to-read']],
      ['version', 2],
    ]);
    expect(out).toBe(
      [
        '---',
        'aliases: [My alias]   # the person likes flow lists',
        "title: 'New: title'",
        '# a comment the person wrote',
        'tags:',
        '- paper',
        '- to-read',
        'version: 2',
        '',
        'rating: 5',
        'nested:',
        '  deep: {a: 1}',
        '---',
        'Body stays.',
        '',
      ].join('\n'),
    );
  });

  it('adds a missing key after the key written before it', () => {
    const out = writeFrontmatterKeys('---\ntitle: T\nurl: u\nmine: 1\n---\n', [
      ['title', 'T'],
      ['url', 'u'],
      ['doi', '10.1/x'],
      ['citekey', 'k'],
    ]);
    expect(out).toBe('---\ntitle: T\nurl: u\ndoi: 10.1/x\ncitekey: k\nmine: 1\n---\n');
  });

  it('writes real dates bare and impossible ones quoted, so both read back as written', () => {
    const text = writeFrontmatterKeys('', [
      ['published', '2026-05-29'],
      ['updated', '2026-02-31'],
    ]);
    expect(text).toBe("---\npublished: 2026-05-29\nupdated: '2026-02-31'\n---\n");
    expect(readFrontmatter(text)).toEqual({ published: '2026-05-29', updated: '2026-02-31' });
  });

  it('returns the very same text when nothing changed', () => {
    const text = '---\ntitle:    "T"\nlist: [a, b]\n---\nx';
    expect(
      writeFrontmatterKeys(text, [
        ['title', 'T'],
        ['list', ['a', 'b']],
      ]),
    ).toBe(text);
  });

  it('keeps Windows line endings and a byte-order mark', () => {
    const out = writeFrontmatterKeys('\ufeff---\r\nmine: 1\r\ntitle: a\r\n---\r\nbody\r\n', [['title', 'b']]);
    expect(out).toBe('\ufeff---\r\nmine: 1\r\ntitle: b\r\n---\r\nbody\r\n');
  });

  it('gives a note without frontmatter a new one above its text', () => {
    expect(
      writeFrontmatterKeys('# Hello\n', [
        ['date', '2026-05-29'],
        ['digests', ['[[2026-05-29]]']],
      ]),
    ).toBe("---\ndate: 2026-05-29\ndigests:\n  - '[[2026-05-29]]'\n---\n# Hello\n");
  });

  it('writes values that parse back exactly, whatever they hold (property)', () => {
    const value: fc.Arbitrary<FrontmatterValue> = fc.oneof(hostileText(), fc.array(hostileText(), { maxLength: 4 }), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('title', 'authors', 'comment', 'published', 'keywords'), value), (data) => {
        const entries = Object.entries(data);
        const created = writeFrontmatterKeys('', entries);
        expect(readFrontmatter(created)).toEqual(data);
        const edited = writeFrontmatterKeys(`---\nmine: "kept"\ntitle: x\n---\nbody\n`, entries);
        expect(readFrontmatter(edited)).toEqual({ title: 'x', mine: 'kept', ...data });
        expect(edited.startsWith('---\nmine: "kept"\n')).toBe(true);
        expect(edited.endsWith('\n---\nbody\n')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
