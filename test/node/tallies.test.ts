// The CLI's vault index keeps each daily note's tally (its `matches` and
// `followed_authors`), in its log and in index.txt, so the next day's trends come from the index
// without opening the earlier digests, and a person's edit to a digest's `matches` is seen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, type PaperFeedConfig } from '../../core/config';
import { FsVaultStore } from '../../core/node/fs-store';
import { writeAnnouncement } from '../../core/notes/write';
import { makeAnnouncement, makePaper } from '../support/papers';

let vault: string;
beforeEach(async () => {
  vault = await mkdtemp(join(tmpdir(), 'pf-tallies-'));
});
afterEach(async () => {
  await rm(vault, { recursive: true, force: true });
});

const config: PaperFeedConfig = {
  ...DEFAULT_CONFIG,
  topPicks: 0,
  groups: [
    { name: 'Language models', include: ['language model'] },
    { name: 'People', include: [], authors: ['Chelsea Finn'] },
  ],
};
const thursday = makeAnnouncement(
  [makePaper({ id: '2605.20001', title: 'A language model of cats' }), makePaper({ id: '2605.20002', title: 'Robots', authors: ['Chelsea Finn'] })],
  { date: '2026-05-28', announcedAt: '2026-05-27T20:00:00-04:00' },
);
const friday = makeAnnouncement([makePaper({ id: '2605.30001', title: 'A language model of dogs' })], {
  date: '2026-05-29',
  announcedAt: '2026-05-28T20:00:00-04:00',
});

/** A store that records which notes a run opened. */
function recordingStore(options: { checkAll?: boolean } = {}): { store: FsVaultStore; reads: string[] } {
  const store = new FsVaultStore(vault, options);
  const reads: string[] = [];
  const read = store.read.bind(store);
  store.read = async (path) => {
    reads.push(path);
    return read(path);
  };
  return { store, reads };
}

describe('the CLI index’s tallies', () => {
  it('give the next day its trends without opening the earlier digest, from the log and from index.txt', async () => {
    await writeAnnouncement(thursday, config, new FsVaultStore(vault));
    const { store, reads } = recordingStore();
    await writeAnnouncement(friday, config, store);
    expect(reads).not.toContain('arXiv/Daily/2026-05-28.md');
    const daily = await readFile(join(vault, 'arXiv/Daily/2026-05-29.md'), 'utf8');
    expect(daily).toContain('| Language models | 1 | 2 | 2 |\n| People | 0 | 1 | 1 |\n');
    expect(daily).toContain('followed_authors: []\n');

    // Tallies read back from the log, then from a fresh index.txt after a full check.
    for (const checkAll of [false, true]) {
      const index = await new FsVaultStore(vault, { checkAll }).index();
      expect(index.tallies?.get('2026-05-28')).toEqual({
        groups: new Map([
          ['Language models', 1],
          ['People', 1],
        ]),
        authors: ['Chelsea Finn'],
      });
      expect(index.tallies?.get('2026-05-27')).toBeUndefined();
    }
  });

  it('see a person’s edit to an earlier digest’s matches', async () => {
    await writeAnnouncement(thursday, config, new FsVaultStore(vault));
    const path = join(vault, 'arXiv/Daily/2026-05-28.md');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace("  - 'Language models: 1'\n", "  - 'Language models: 40'\n"));
    await writeAnnouncement(friday, config, new FsVaultStore(vault));
    expect(await readFile(join(vault, 'arXiv/Daily/2026-05-29.md'), 'utf8')).toContain('| Language models | 1 | 41 | 41 |');
  });
});
