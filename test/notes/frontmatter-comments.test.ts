// The person's comments inside Paper Feed's own frontmatter keys survive every
// update: a comment after a value, and comment and blank lines among a list's items.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFrontmatter, writeFrontmatterKeys, type FrontmatterValue } from '../../core/notes/frontmatter';
import { renderPaperNote, updatePaperNote } from '../../core/notes/paper-note';
import { makePaper } from '../support/papers';

const RUNS = Number(process.env.PAPER_FEED_PROPERTY_RUNS ?? 500);

describe('comments inside Paper Feed’s frontmatter keys', () => {
  it('keep a comment after the value: "version: 1  # read v1 on the train" becomes "version: 2  # read v1 on the train"', () => {
    const note = '---\narxiv_id: 2605.01234\nversion: 1  # read v1 on the train\n---\nMy notes.\n';
    expect(writeFrontmatterKeys(note, [['version', 2]])).toBe('---\narxiv_id: 2605.01234\nversion: 2  # read v1 on the train\n---\nMy notes.\n');
  });

  it('keep a comment line inside a list, after the item it followed', () => {
    const note = [
      '---',
      'digests:',
      "  - '[[2026-05-01]]'",
      '  # TODO: compare with the v1 digest',
      "  - '[[2026-05-02]]'  # v2 came out here",
      'rating: 5',
      '---',
      '',
    ].join('\n');
    expect(writeFrontmatterKeys(note, [['digests', ['[[2026-05-01]]', '[[2026-05-02]]', '[[2026-05-03]]']]])).toBe(
      [
        '---',
        'digests:',
        "  - '[[2026-05-01]]'",
        '  # TODO: compare with the v1 digest',
        "  - '[[2026-05-02]]'  # v2 came out here",
        "  - '[[2026-05-03]]'",
        'rating: 5',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('keep the comment of an item that is no longer in the list, where the item was', () => {
    const note = '---\ntags:  # my tags\n  - paper  # always\n  - old-tag  # from 2024\n  - arxiv\n---\n';
    expect(writeFrontmatterKeys(note, [['tags', ['paper', 'arxiv']]])).toBe('---\ntags:  # my tags\n  - paper  # always\n  # from 2024\n  - arxiv\n---\n');
  });

  it('never take a "#" that belongs to the value for a comment', () => {
    const note = "---\ntitle: 'C# and F# # compared'  # mine\nabstract: |\n  # not a comment: a line of the value\n  more\n---\n";
    const written = writeFrontmatterKeys(note, [
      ['title', 'Rust # compared'],
      ['abstract', 'new'],
    ]);
    expect(written).toBe("---\ntitle: 'Rust # compared'  # mine\nabstract: new\n---\n");
    expect(readFrontmatter(written)).toEqual({ title: 'Rust # compared', abstract: 'new' });
  });

  it('keep comments at the left margin between items of an unindented list', () => {
    const note = '---\ntags:\n- paper\n# the ones I added\n- mine\n# next: my own keys\nrating: 4\n---\n';
    expect(writeFrontmatterKeys(note, [['tags', ['paper', 'mine', 'arxiv']]])).toBe(
      '---\ntags:\n  - paper\n# the ones I added\n  - mine\n  - arxiv\n# next: my own keys\nrating: 4\n---\n',
    );
  });

  it('survive a paper note’s update to a new version, with a new digest', () => {
    const v1 = makePaper({ id: '2605.10001', title: 'A Study', authors: ['Ada Lovelace'], abstract: 'v1.', published: '2026-05-27', updated: '2026-05-27' });
    const facts = { citekey: 'lovelace2026study', keywords: ['Diffusion'], digests: ['2026-05-29'] };
    const written = renderPaperNote(v1, facts)
      .replace('\nversion: 1\n', '\nversion: 1  # read v1 on the train\n')
      .replace(/\ndigests:\n(.*)\n/, '\ndigests:\n$1\n  # TODO: compare with the v1 digest\n');
    expect(written).toContain('# TODO: compare with the v1 digest');
    const v2 = { ...v1, version: 2, updated: '2026-06-03', abstract: 'v2.' };
    const updated = updatePaperNote(written, v2, { ...facts, digests: ['2026-06-04'] });
    expect(updated).toContain('\nversion: 2  # read v1 on the train\n');
    expect(updated).toMatch(/\ndigests:\n {2}- .*2026-05-29.*\n {2}# TODO: compare with the v1 digest\n {2}- .*2026-06-04.*\n/);
  });

  it('keep every byte the person wrote through any number of updates (property)', () => {
    fc.assert(
      fc.property(personsFrontmatter(), fc.array(update(), { minLength: 1, maxLength: 6 }), ({ text, comments, ownLines }, updates) => {
        let note = text;
        const expected: Record<string, unknown> = readFrontmatter(note);
        for (const entries of updates) {
          note = writeFrontmatterKeys(note, entries);
          for (const [key, value] of entries) expected[key] = value;
        }
        expect(readFrontmatter(note)).toEqual(expected);
        for (const comment of comments) expect(note.split(comment).length - 1, comment).toBe(1);
        for (const line of ownLines) expect(note).toContain(`\n${line}\n`);
        expect(note.endsWith('\n---\nThe body, mine.\n')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

const OUR_KEYS = ['version', 'digests', 'tags', 'title'] as const;
type OurKey = (typeof OUR_KEYS)[number];

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const commentText = fc.string({ unit: fc.constantFrom(...'ab #:-"\'[]{}&*!|>%@`é中😀\t'.split('')), maxLength: 16 });

function valueOf(key: OurKey): fc.Arbitrary<FrontmatterValue> {
  switch (key) {
    case 'version':
      return fc.integer({ min: 1, max: 30 });
    case 'digests':
      return fc.array(
        fc.integer({ min: 1, max: 28 }).map((d) => `[[2026-05-${String(d).padStart(2, '0')}]]`),
        { maxLength: 5 },
      );
    case 'tags':
      return fc.array(word, { maxLength: 5 });
    case 'title':
      return fc.string({ unit: fc.constantFrom(...'Ab #:\'"-'.split('')), minLength: 1, maxLength: 20 });
  }
}

function update(): fc.Arbitrary<Array<[string, FrontmatterValue]>> {
  return fc
    .subarray([...OUR_KEYS], { minLength: 1 })
    .chain((keys) => fc.tuple(...keys.map((key) => valueOf(key).map((value): [string, FrontmatterValue] => [key, value]))));
}

/** Frontmatter as a person keeps it: our keys with comments in and around them, and their own keys. */
function personsFrontmatter(): fc.Arbitrary<{ text: string; comments: string[]; ownLines: string[] }> {
  const piece = fc.oneof(
    fc.constantFrom(...OUR_KEYS).chain((key) => fc.record({ kind: fc.constant('ours' as const), key: fc.constant(key), value: valueOf(key) })),
    fc.record({ kind: fc.constant('own' as const), value: word }),
    fc.constant({ kind: 'comment' as const }),
    fc.constant({ kind: 'blank' as const }),
  );
  const decoration = fc.record({ trailing: fc.boolean(), lineAfter: fc.constantFrom('none', 'comment', 'blank', 'margin'), text: commentText });
  return fc
    .record({
      pieces: fc.array(piece, { maxLength: 8 }),
      decorations: fc.array(decoration, { minLength: 40, maxLength: 40 }),
      indent: fc.constantFrom('', '  ', '    '),
    })
    .map(({ pieces, decorations, indent }) => {
      const lines: string[] = [];
      const comments: string[] = [];
      const ownLines: string[] = [];
      let d = 0;
      const comment = () => {
        const text = `# c${comments.length}~${decorations[d % decorations.length]!.text}`;
        comments.push(text);
        return text;
      };
      const seen = new Set<string>();
      pieces.forEach((piece, p) => {
        if (piece.kind === 'comment') lines.push(comment());
        if (piece.kind === 'blank') lines.push('');
        if (piece.kind === 'own') {
          const line = `mine${p}: ${piece.value}`;
          lines.push(line);
          ownLines.push(line);
        }
        if (piece.kind !== 'ours' || seen.has(piece.key)) return;
        seen.add(piece.key);
        const deco = () => decorations[(d += 1) % decorations.length]!;
        const after = () => (deco().trailing ? `  ${comment()}` : '');
        if (!Array.isArray(piece.value)) {
          lines.push(`${piece.key}: ${JSON.stringify(piece.value)}${after()}`);
          return;
        }
        lines.push(`${piece.key}:${after()}`);
        for (const item of piece.value) {
          lines.push(`${indent}- ${JSON.stringify(item)}${after()}`);
          const extra = deco().lineAfter;
          if (extra === 'comment') lines.push(`${indent}  ${comment()}`);
          if (extra === 'margin') lines.push(comment());
          if (extra === 'blank') lines.push('');
        }
      });
      return { text: `---\n${lines.join('\n')}${lines.length ? '\n' : ''}---\nThe body, mine.\n`, comments, ownLines };
    });
}
