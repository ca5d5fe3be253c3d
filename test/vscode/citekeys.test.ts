// Citekeys shared by tree, completion, hover and .bib: a note's key wins, older papers keep their
// keys when newer ones arrive, and a .bib file's entries are respected.
import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../core/arxiv/paper';
import { Citekeys } from '../../vscode-extension/src/citations/citekeys';
import { paper } from './support/papers';

const day = (date: string, ...papers: Array<ReturnType<typeof paper>>): Announcement => ({ date, announcedAt: '', categories: [], papers, skipped: [] });
const older = paper('2605.00001', 'Deep Nets', ['Ann Lee'], '');
const newer = paper('2605.00002', 'Deep Trees', ['Bo Lee'], '');

describe('citekeys', () => {
  it('gives the older paper the plain key and the newer one a suffix, whatever order they are kept in', () => {
    const keys = Citekeys.assign([day('2026-05-29', newer), day('2026-05-28', older)], new Map());
    expect(keys.keyFor(older)).toBe('lee2026deep');
    expect(keys.keyFor(newer)).toBe('lee2026deepa');
    expect(keys.paperFor('LEE2026DEEPA')).toBe(newer);
  });

  it("uses a paper note's citekey and keeps it from every other paper", () => {
    const keys = Citekeys.assign([day('2026-05-29', newer), day('2026-05-28', older)], new Map([['2605.00002', 'lee2026deep']]));
    expect(keys.keyFor(newer)).toBe('lee2026deep');
    expect(keys.keyFor(older)).toBe('lee2026deepa');
  });

  it('follows a .bib file: its key for the same eprint, and no key it uses for another work', () => {
    const keys = Citekeys.assign([day('2026-05-28', older, newer)], new Map());
    const seen = keys.withBibliography([
      { key: 'mine-deep-trees', eprint: 'arXiv:2605.00002v3' },
      { key: 'lee2026deep', eprint: '1999.99999' },
    ]);
    expect(seen.keyFor(newer)).toBe('mine-deep-trees');
    expect(seen.paperFor('mine-deep-trees')).toBe(newer);
    expect(seen.keyFor(older)).toBe('lee2026deepb');
    expect(seen.paperFor('lee2026deep')).toBeUndefined();
    expect(keys.keyFor(older)).toBe('lee2026deep');
  });

  it('gives a paper outside the cache a key that clashes with none', () => {
    const keys = Citekeys.assign([day('2026-05-28', older)], new Map());
    expect(keys.keyFor(paper('2605.00009', 'Deep Seas', ['Cy Lee'], ''))).toBe('lee2026deepa');
  });
});
