// `.paper-feed/` (lock, index, caches) is never followed out of the
// vault, and what stands in its way is named with what to do, never as EEXIST or EISDIR.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PaperFeedError } from '../../core/errors';
import { FsVaultStore } from '../../core/node/fs-store';
import { acquireVaultLock } from '../../core/node/lock';

let sandbox: string;
let vault: string;
let outside: string;

beforeEach(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'pf-state-'));
  vault = join(sandbox, 'vault');
  outside = join(sandbox, 'elsewhere');
  await mkdir(vault);
  await mkdir(outside);
  await writeFile(join(outside, 'index.txt'), 'my own index of things\n');
});
afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

async function refusal(store: FsVaultStore): Promise<unknown> {
  const viaState = await store.stateFolder().catch((e: unknown) => e);
  const viaIndex = await store.index().catch((e: unknown) => e);
  expect(viaIndex).toEqual(viaState);
  return viaState;
}

describe("Paper Feed's state folder", () => {
  it('is refused when it is a symbolic link out of the vault, and nothing is written there', async () => {
    await symlink(outside, join(vault, '.paper-feed'));
    expect(await refusal(new FsVaultStore(vault))).toEqual(
      new PaperFeedError(
        'vault',
        `"${join(vault, '.paper-feed')}" is a symbolic link to "${outside}", and Paper Feed keeps its lock and index only in a real folder inside the vault; remove the link (Paper Feed makes the folder itself) and run again.`,
      ),
    );
    expect(await readdir(outside)).toEqual(['index.txt']);
    expect(await readFile(join(outside, 'index.txt'), 'utf8')).toBe('my own index of things\n');
  });

  it('is refused when it is a link to another folder of the same vault too (links are never followed for state)', async () => {
    await mkdir(join(vault, 'State'));
    await symlink(join(vault, 'State'), join(vault, '.paper-feed'));
    expect(await refusal(new FsVaultStore(vault))).toMatchObject({ kind: 'vault', message: expect.stringContaining('is a symbolic link to') });
    expect(await readdir(join(vault, 'State'))).toEqual([]);
  });

  it('names a file standing where the folder should be', async () => {
    await writeFile(join(vault, '.paper-feed'), 'a note to self');
    expect(await refusal(new FsVaultStore(vault))).toEqual(
      new PaperFeedError(
        'vault',
        `"${join(vault, '.paper-feed')}" is a file, but Paper Feed needs a folder of that name for its lock and index; move or rename that file and run again.`,
      ),
    );
    expect(await readFile(join(vault, '.paper-feed'), 'utf8')).toBe('a note to self');
  });

  for (const name of ['lock', 'index.txt', 'index.log', 'library.json', 'enrich-cache.json']) {
    it(`refuses a symbolic link in place of ${name}, so nothing is read or written through it`, async () => {
      await mkdir(join(vault, '.paper-feed'));
      await symlink(join(outside, 'index.txt'), join(vault, '.paper-feed', name));
      expect(await refusal(new FsVaultStore(vault))).toEqual(
        new PaperFeedError(
          'vault',
          `"${join(vault, '.paper-feed', name)}" is a symbolic link to "${join(outside, 'index.txt')}", and Paper Feed does not follow links for its own files; remove the link and run again.`,
        ),
      );
      expect(await readFile(join(outside, 'index.txt'), 'utf8')).toBe('my own index of things\n');
    });
  }

  it('names a folder standing where the lock file should be', async () => {
    await mkdir(join(vault, '.paper-feed', 'lock'), { recursive: true });
    const store = new FsVaultStore(vault);
    expect(await refusal(store)).toEqual(
      new PaperFeedError(
        'vault',
        `"${join(vault, '.paper-feed', 'lock')}" is a folder, but Paper Feed keeps a file of that name there; remove that folder (Paper Feed puts nothing in it) and run again.`,
      ),
    );
  });

  it('is made when missing, and then holds the lock', async () => {
    const store = new FsVaultStore(vault);
    const lock = await acquireVaultLock(await store.stateFolder());
    expect(await readdir(join(vault, '.paper-feed'))).toEqual(['lock']);
    await lock.release();
  });
});
