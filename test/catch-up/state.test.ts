import { describe, expect, it } from 'vitest';
import { afterCheck, afterDaily, lastRunWording, readCatchUpState, updatesForDaily } from '../../core/catch-up/state';
import type { CatchUpReport } from '../../core/catch-up/check';
import type { PaperUpdate } from '../../core/notes/published-and-updated';

const update = (id: string, extra: Partial<PaperUpdate> = {}): PaperUpdate => ({
  id,
  path: `P/${id}.md`,
  title: id,
  changed: ['doi'],
  fromVersion: 1,
  toVersion: 1,
  withdrawn: false,
  ...extra,
});
const report = (updates: PaperUpdate[]): CatchUpReport => ({ candidates: 5, checked: 5, requests: 1, updates, missing: [], skipped: [], nextCursor: 0 });

describe('the catch-up state', () => {
  it('reads a missing, damaged or foreign file as never checked, and drops unreadable entries', () => {
    expect(readCatchUpState(null)).toEqual({ cursor: 0, updates: [] });
    expect(readCatchUpState('{not json')).toEqual({ cursor: 0, updates: [] });
    expect(readCatchUpState('[1,2]')).toEqual({ cursor: 0, updates: [] });
    const read = readCatchUpState(
      JSON.stringify({ lastRun: 'yesterday', cursor: -3, updates: [{ id: 'x' }, { ...update('2605.1'), changed: ['doi', 'bogus'], listedIn: 'soon' }] }),
    );
    expect(read).toEqual({ cursor: 0, updates: [update('2605.1')] });
  });

  it('keeps the newest paper a check saw, reads back only an arXiv id there, and keeps the old one when a check saw none', () => {
    const checked = afterCheck({ cursor: 0, updates: [] }, { ...report([]), nextCursor: 40, newestChecked: '2606.00042' }, new Date('2026-06-05T00:00:00Z'));
    expect(checked).toMatchObject({ cursor: 40, newestChecked: '2606.00042' });
    expect(readCatchUpState(JSON.stringify(checked)).newestChecked).toBe('2606.00042');
    expect(readCatchUpState(JSON.stringify({ ...checked, newestChecked: 'tomorrow' })).newestChecked).toBeUndefined();
    expect(afterCheck(checked, report([]), new Date('2026-06-12T00:00:00Z')).newestChecked).toBe('2606.00042');
  });

  it('folds a change not yet listed into the next one, lists it in one digest and drops it after', () => {
    let state = afterCheck(
      { cursor: 0, updates: [] },
      report([update('a', { changed: ['version'], fromVersion: 1, toVersion: 2 })]),
      new Date('2026-05-01T00:00:00Z'),
    );
    state = afterCheck(state, report([update('a', { changed: ['doi'], fromVersion: 2, toVersion: 2 })]), new Date('2026-05-02T00:00:00Z'));
    expect(state.updates).toEqual([update('a', { changed: ['version', 'doi'], fromVersion: 1, toVersion: 2 })]);
    expect(state.lastRun).toBe('2026-05-02T00:00:00.000Z');
    state = afterDaily(state, '2026-05-04');
    expect(updatesForDaily(state, '2026-05-04').map((u) => u.id)).toEqual(['a']);
    expect(updatesForDaily(state, '2026-05-05')).toEqual([]);
    expect(afterDaily(state, '2026-05-05').updates).toEqual([]);
  });

  it('says when the last check ran', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    expect(lastRunWording(undefined, now)).toBe('never');
    expect(lastRunWording('2026-05-10T08:00:00Z', now)).toBe('less than a day ago');
    expect(lastRunWording('2026-05-09T08:00:00Z', now)).toBe('yesterday');
    expect(lastRunWording('2026-05-01T12:00:00Z', now)).toBe('9 days ago');
  });
});
