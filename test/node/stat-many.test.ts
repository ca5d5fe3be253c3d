import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statMany } from '../../core/node/stat-many';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pf-stat-many-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('statting many files a few at a time', () => {
  it('gives each path its own stats in order, null for one that is gone, with fewer in flight than paths', async () => {
    const paths = Array.from({ length: 9 }, (_, i) => join(folder, `n${i}.md`));
    await Promise.all(paths.map((path, i) => (i === 4 ? undefined : writeFile(path, 'x'.repeat(i + 1)))));
    const stats = await statMany(paths, 2);
    expect(stats.map((info) => (info ? info.size : null))).toEqual([1, 2, 3, 4, null, 6, 7, 8, 9]);
    expect(await statMany([], 4)).toEqual([]);
    expect((await statMany([folder], 4))[0]?.isDirectory()).toBe(true);
  });
});
