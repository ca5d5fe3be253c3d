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

describe('statting many files a few at a time', () => {
  it('gives each path its own stats in order, missing for one that is gone, with fewer in flight than paths', async () => {
    const paths = Array.from({ length: 9 }, (_, i) => join(folder, `n${i}.md`));
    await Promise.all(paths.flatMap((path, i) => (i === 4 ? [] : [writeFile(path, 'x'.repeat(i + 1))])));
    const stats = await statMany(paths.length, (i) => paths[i]!, 2);
    expect([...stats.size]).toEqual([1, 2, 3, 4, 0, 6, 7, 8, 9]);
    expect([...stats.kind]).toEqual([Kind.File, Kind.File, Kind.File, Kind.File, Kind.Missing, Kind.File, Kind.File, Kind.File, Kind.File]);
    const written = (await stat(paths[8]!)).mtimeMs;
    expect(factsAt(stats, 8)).toMatchObject({ mtimeMs: written, size: 9 });
    expect((await statMany(0, () => folder, 4)).kind.length).toBe(0);
    expect([...(await statMany(1, () => folder, 4)).kind]).toEqual([Kind.Folder]);
  });
});
