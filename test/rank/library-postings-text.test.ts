import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newPostingsScratch, postingsText, readPostings } from '../../core/rank/library-postings-text';

describe('library postings text', () => {
  it('writes the common posting (next term, once) as one character', () => {
    expect(postingsText([0, 1, 2, 5], [1, 1, 3, 1])).toBe('00134');
    expect(readPostings('00134', 6, newPostingsScratch())).toEqual({ termIds: Int32Array.from([0, 1, 2, 5]), counts: Uint16Array.from([1, 1, 3, 1]) });
  });

  it('reads back any ascending term ids with any counts up to 65,535', () => {
    const postings = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 0xffff })), {
      selector: (p) => p[0],
      maxLength: 60,
    });
    const scratch = newPostingsScratch();
    fc.assert(
      fc.property(postings, (pairs) => {
        const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
        const termIds = Int32Array.from(sorted, (p) => p[0]);
        const counts = Uint16Array.from(sorted, (p) => p[1]);
        expect(readPostings(postingsText(termIds, counts), 2_000_001, scratch)).toEqual({ termIds, counts });
      }),
    );
  });

  it('rejects damaged text instead of guessing', () => {
    const scratch = newPostingsScratch();
    expect(readPostings('0,1', 10, scratch)).toBeUndefined();
    expect(readPostings('0é', 10, scratch)).toBeUndefined();
    expect(readPostings('0x', 10, scratch)).toBeUndefined();
    expect(readPostings('1', 10, scratch)).toBeUndefined();
    expect(readPostings('8', 4, scratch)).toBeUndefined();
    expect(readPostings('10', 10, scratch)).toBeUndefined();
    expect(readPostings('1w', 10, scratch)).toBeUndefined();
    expect(readPostings('______0', 10, scratch)).toBeUndefined();
    expect(readPostings('', 10, scratch)).toEqual({ termIds: new Int32Array(0), counts: new Uint16Array(0) });
  });
});
