import { describe, expect, it } from 'vitest';
import { isWithdrawn } from '../../core/catch-up/withdrawn';
import { newestOf, notesToCheck, shareWithNewFirst, submissionMonth, submittedAfter, thisRunsShare } from '../../core/catch-up/which-notes';

describe('reading a withdrawal from arXiv’s comment or abstract', () => {
  // The phrasings in arXiv's own records (../shared/arxiv-samples/oai-pmh).
  it.each([
    ['This paper has been withdrawn by the authors.', ''],
    ['paper withdrawn by author', ''],
    ['This article has been withdrawn because it has been merged with the earlier paper', ''],
    ['This paper has been withdrawn', ''],
    ['', 'This paper has been removed by arXiv administrators because it plagiarizes earlier work.'],
    ['Withdrawn: a mistake in Lemma 3', ''],
    ['', '  This paper has been withdrawn due to copyright reasons.'],
  ])('withdrawn: comment %j, abstract %j', (comment, abstract) => {
    expect(isWithdrawn({ comment, abstract })).toBe(true);
  });

  it.each([
    ['12 pages; supersedes a withdrawn preprint', 'We study things.'],
    ['v2: the withdrawn Lemma 3 is replaced', 'We study withdrawn funds in banking.'],
    [undefined, 'Drug withdrawal effects are modelled.'],
  ])('not withdrawn: comment %j, abstract %j', (comment, abstract) => {
    expect(isWithdrawn({ ...(comment === undefined ? {} : { comment }), abstract })).toBe(false);
  });
});

describe('which notes a check looks up', () => {
  it('reads the submission month from new and old ids', () => {
    expect(submissionMonth('2605.12345')).toBe(2026 * 12 + 4);
    expect(submissionMonth('0704.0001')).toBe(2007 * 12 + 3);
    expect(submissionMonth('hep-th/9901001')).toBe(1999 * 12);
    expect(submissionMonth('math.CA/0601001')).toBe(2006 * 12);
    expect(submissionMonth('not-an-id')).toBeUndefined();
  });

  it('puts kept notes first, then the last 12 months newest first', () => {
    const now = Date.parse('2026-05-28T12:00:00Z');
    const all = ['2505.00001', '2504.00009', '2605.00002', '2604.00003', '1707.08567', 'hep-th/9901001'];
    expect(notesToCheck(all, ['hep-th/9901001', 'unknown-id'], now)).toEqual(['hep-th/9901001', '2605.00002', '2604.00003', '2505.00001']);
  });

  it('takes the papers submitted after the newest the last check saw first, then goes round the rest from the cursor', () => {
    // Kept first, then the last 12 months newest first, as notesToCheck orders them.
    const ids = ['2601.00500', '2606.00042', '2606.00041', '2605.00009', '2605.00001', '2604.00003', '2603.00002'];
    // The first check of all: nothing to compare with, so the rotation alone, and the newest is remembered.
    expect(shareWithNewFirst(ids, 0, 3, undefined)).toEqual({ ids: ['2601.00500', '2606.00042', '2606.00041'], nextCursor: 3, newestChecked: '2606.00042' });
    // The last check saw up to 2605.00009: the two June papers first, then the rest of the cap from the cursor.
    expect(shareWithNewFirst(ids, 3, 4, '2605.00009')).toEqual({
      ids: ['2606.00042', '2606.00041', '2604.00003', '2603.00002'],
      nextCursor: 0,
      newestChecked: '2606.00042',
    });
    // More new papers than the cap: the newest that fit, and the cursor stays for next time.
    expect(shareWithNewFirst(ids, 2, 1, '2605.00009')).toEqual({ ids: ['2606.00042'], nextCursor: 2, newestChecked: '2606.00042' });
    // Nothing new: the rotation alone.
    expect(shareWithNewFirst(ids, 5, 3, '2606.00042')).toEqual({ ids: ['2604.00003', '2603.00002', '2601.00500'], nextCursor: 1, newestChecked: '2606.00042' });
  });

  it('orders papers by submission: the month in the id, then the number; old-style ids by their month', () => {
    expect(submittedAfter('2606.00001', '2605.99999')).toBe(true);
    expect(submittedAfter('2605.10002', '2605.10001')).toBe(true);
    expect(submittedAfter('2605.10001', '2605.10001')).toBe(false);
    expect(submittedAfter('hep-th/9901001', '2605.00001')).toBe(false);
    expect(submittedAfter('2605.00001', 'not-an-id')).toBe(false);
    expect(newestOf(['hep-th/9901001', '2605.00002', 'x', '2605.00010', '2604.99999'])).toBe('2605.00010');
  });

  it('shares a capped list out over runs, wrapping round', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    expect(thisRunsShare(ids, 0, 2)).toEqual({ ids: ['a', 'b'], nextCursor: 2 });
    expect(thisRunsShare(ids, 4, 2)).toEqual({ ids: ['e', 'a'], nextCursor: 1 });
    expect(thisRunsShare(ids, 9, 10)).toEqual({ ids, nextCursor: 0 });
  });
});
