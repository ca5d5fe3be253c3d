import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { factsAt, Kind, statMany } from '../../core/node/stat-many';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pf-stat-many-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const MODES = [
  ['as the disk answers', undefined],
  ['all in parallel', 0],
  ['all in turn', Infinity],
] as const;

describe.each(MODES)('statting many files (%s)', (_mode, quickMs) => {
  it('gives each path its own stats in order, missing for one that is gone, with fewer in flight than paths', async () => {
    const paths = Array.from({ length: 9 }, (_, i) => join(folder, `n${i}.md`));
    await Promise.all(paths.flatMap((path, i) => (i === 4 ? [] : [writeFile(path, 'x'.repeat(i + 1))])));
    const stats = await statMany(paths.length, (i) => paths[i]!, 2, quickMs);
    expect([...stats.size]).toEqual([1, 2, 3, 4, 0, 6, 7, 8, 9]);
    expect([...stats.kind]).toEqual([Kind.File, Kind.File, Kind.File, Kind.File, Kind.Missing, Kind.File, Kind.File, Kind.File, Kind.File]);
    const written = (await stat(paths[8]!)).mtimeMs;
    expect(factsAt(stats, 8)).toMatchObject({ mtimeMs: written, size: 9 });
    expect((await statMany(0, () => folder, 4, quickMs)).kind.length).toBe(0);
    expect([...(await statMany(1, () => folder, 4, quickMs)).kind]).toEqual([Kind.Folder]);
    // A path under a file, and one through a missing folder: neither can be stat-ed.
    expect([...(await statMany(2, (i) => (i === 0 ? join(paths[0]!, 'x.md') : join(folder, 'none', 'x.md')), 4, quickMs)).kind]).toEqual([
      Kind.Missing,
      Kind.Missing,
    ]);
  });

  it('answers a few thousand paths, across its batches, each at its own index', async () => {
    const count = 2500;
    await Promise.all(Array.from({ length: 50 }, (_, i) => writeFile(join(folder, `f${i}.md`), 'y'.repeat(i))));
    // Every path is one of the 50 files or, every seventh, one that is not there.
    const pathAt = (i: number) => join(folder, i % 7 === 3 ? `gone${i}.md` : `f${i % 50}.md`);
    const stats = await statMany(count, pathAt, 8, quickMs);
    expect([...stats.size]).toEqual(Array.from({ length: count }, (_, i) => (i % 7 === 3 ? 0 : i % 50)));
    expect([...stats.kind]).toEqual(Array.from({ length: count }, (_, i) => (i % 7 === 3 ? Kind.Missing : Kind.File)));
  });
});

describe('statting on a disk that turns slow part-way', () => {
  it('goes on in parallel from the slow batch and still answers every path at its own index', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => writeFile(join(folder, `s${i}.md`), 'z'.repeat(i))));
    let calls = 0;
    const pathAt = (i: number) => {
      calls += 1;
      // From the 100th path on, each takes 0.2 ms to name: the batch it falls in is slow.
      if (i >= 100) for (const until = performance.now() + 0.2; performance.now() < until;);
      return join(folder, `s${i % 10}.md`);
    };
    const stats = await statMany(1500, pathAt, 4);
    expect([...stats.size]).toEqual(Array.from({ length: 1500 }, (_, i) => i % 10));
    expect(calls).toBe(1500);
  });
});
