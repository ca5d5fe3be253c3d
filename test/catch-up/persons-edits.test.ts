// The person's bytes survive a catch-up refresh (the note-merge property of
// test/notes/paper-note.test.ts, run here on refreshed notes): their own keys, their text above
// and below the block, whatever it holds; only owned keys and the block change.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { refreshPaperNote } from '../../core/catch-up/refresh-note';
import { readFrontmatter, writeFrontmatterKeys } from '../../core/notes/frontmatter';
import { BLOCK_END, BLOCK_START } from '../../core/notes/markers';
import { renderPaperNote } from '../../core/notes/paper-note';
import { makePaper } from '../support/papers';
import { hostileText } from '../notes/hostile';

describe('a refreshed note keeps the person’s part (property)', () => {
  it('keeps their keys, their text around the block and the citekey, for any text and any arXiv change', () => {
    const change = fc.record({
      version: fc.integer({ min: 1, max: 4 }),
      journalRef: fc.option(hostileText(), { nil: undefined }),
      doi: fc.option(fc.constantFrom('10.1103/PhysRevLett.1.1', '10.1000/x<y>'), { nil: undefined }),
      comment: fc.option(hostileText(), { nil: undefined }),
      withdrawn: fc.boolean(),
    });
    fc.assert(
      fc.property(hostileText(), hostileText(), hostileText(), change, (above, notes, mine, c) => {
        const v1 = makePaper({ id: '2605.10001', title: 'A Study of Things', published: '2026-05-01', updated: '2026-05-01', comment: '9 pages' });
        const written = renderPaperNote(v1, { citekey: 'lovelace2026study', keywords: ['Diffusion'], digests: ['arXiv/Daily/2026-05-01.md'] });
        const withKey = writeFrontmatterKeys(written, [['mine', mine]]);
        const personsKey = withKey.slice(withKey.indexOf('\nmine:') + 1, withKey.indexOf('\n---\n'));
        const edited = withKey.replace(`${BLOCK_START}\n`, () => `${above}\n${BLOCK_START}\n`) + notes;
        const now = makePaper({
          ...v1,
          version: c.version,
          pdfUrl: `https://arxiv.org/pdf/2605.10001v${c.version}`,
          updated: '2026-09-01',
          ...(c.journalRef ? { journalRef: c.journalRef } : {}),
          ...(c.doi ? { doi: c.doi } : {}),
          ...(c.withdrawn ? { comment: 'This paper has been withdrawn by the authors' } : c.comment ? { comment: c.comment } : {}),
        });
        const { text } = refreshPaperNote(edited, now);
        const data = readFrontmatter(text);
        expect(data.mine).toBe(mine);
        expect(data.citekey).toBe('lovelace2026study');
        expect(text).toContain(`\n${personsKey}\n`);
        expect(text).toContain(`${above}\n${BLOCK_START}\n`);
        expect(text.endsWith(`${BLOCK_END}\n\n## Notes\n\n${notes}`)).toBe(true);
        expect(data.version).toBe(c.version);
        expect(text).toContain('{lovelace2026study,');
        // Refreshing again changes nothing.
        expect(refreshPaperNote(text, now).text).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
