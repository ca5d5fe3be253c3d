import { describe, expect, it } from 'vitest';
import { measureRanking, recombinedAbstracts } from '../../core/rank/benchmark';
import { LIBRARY, ROBOT_DIFFUSION_POLICY, UNRELATED } from './papers';

describe('benchmark support', () => {
  it('recombines real abstracts into the same corpus for the same seed', () => {
    const first = recombinedAbstracts(LIBRARY, 20, 3);
    expect(first).toHaveLength(20);
    expect(recombinedAbstracts(LIBRARY, 20, 3)).toEqual(first);
    expect(recombinedAbstracts(LIBRARY, 20, 4)).not.toEqual(first);
    const sentences = new Set(LIBRARY.flatMap((item) => item.abstract.split(/\.\s+/).map((s) => `${s.replace(/\.$/, '')}.`)));
    for (const item of first) expect(item.abstract.split(/(?<=\.) /).every((sentence) => sentences.has(sentence))).toBe(true);
  });

  it('times build, restore and rank with the clock it is given', () => {
    let tick = 0;
    const times = measureRanking(LIBRARY, [ROBOT_DIFFUSION_POLICY, UNRELATED], () => (tick += 10));
    expect(times).toMatchObject({ libraryPapers: 5, newPapers: 2, buildMs: 10, restoreMs: 10, rankMs: 10 });
    expect(times.cacheBytes).toBeGreaterThan(1000);
  });

  it('settles the heap once, after timing the build and before timing the restore', () => {
    let tick = 0;
    const settledAt: number[] = [];
    measureRanking(
      LIBRARY,
      [ROBOT_DIFFUSION_POLICY],
      () => (tick += 10),
      () => settledAt.push(tick),
    );
    expect(settledAt).toEqual([20]);
  });
});
