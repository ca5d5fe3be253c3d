// One Paper Feed run per vault: a second run waits briefly and then stops with a clear message;
// a lock left behind by a crashed run is taken over.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireVaultLock, releaseLocksBeforeExit } from '../../core/node/lock';
import { PaperFeedError } from '../../core/errors';

let state: string;
let lockPath: string;

beforeEach(async () => {
  state = join(await mkdtemp(join(tmpdir(), 'pf-lock-')), '.paper-feed');
  lockPath = join(state, 'lock');
});
afterEach(async () => {
  await rm(join(state, '..'), { recursive: true, force: true });
});

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

async function plantLock(holder: { pid: number; host: string }, ageMs = 0): Promise<string> {
  await mkdir(state, { recursive: true });
  const text = JSON.stringify({ ...holder, startedAt: new Date().toISOString(), token: 'planted' });
  await writeFile(lockPath, text);
  const when = new Date(Date.now() - ageMs);
  await utimes(lockPath, when, when);
  return text;
}

describe('acquireVaultLock', () => {
  it('creates the lock with this process as holder and removes it on release', async () => {
    const lock = await acquireVaultLock(state);
    const holder = JSON.parse(await readFile(lockPath, 'utf8'));
    expect([holder.pid, holder.host]).toEqual([process.pid, hostname()]);
    await lock.release();
    await expect(readFile(lockPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stops a second run with the busy message naming the holder', async () => {
    const first = await acquireVaultLock(state);
    const second = acquireVaultLock(state, { waitMs: 300, pollMs: 50 });
    await expect(second).rejects.toEqual(
      new PaperFeedError('busy', `Another Paper Feed run is writing to this vault (pid ${process.pid}); try again when it finishes.`),
    );
    await expect(second).rejects.toMatchObject({ kind: 'busy' });
    await first.release();
  });

  it('lets a waiting run in as soon as the first one finishes', async () => {
    const first = await acquireVaultLock(state);
    const second = acquireVaultLock(state, { waitMs: 5000, pollMs: 20 });
    setTimeout(() => void first.release(), 150);
    const lock = await second;
    expect(JSON.parse(await readFile(lockPath, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a lock whose process has died', async () => {
    await plantLock({ pid: deadPid(), host: hostname() });
    const lock = await acquireVaultLock(state, { waitMs: 0 });
    expect(JSON.parse(await readFile(lockPath, 'utf8')).token).not.toBe('planted');
    await lock.release();
  });

  it('takes over a lock from another machine that has not been refreshed for longer than staleMs', async () => {
    await plantLock({ pid: 1, host: 'some-other-host' }, 60 * 60 * 1000);
    const lock = await acquireVaultLock(state, { waitMs: 0, staleMs: 10 * 60 * 1000 });
    expect(JSON.parse(await readFile(lockPath, 'utf8')).host).toBe(hostname());
    await lock.release();
  });

  it('respects a fresh lock from another machine', async () => {
    const planted = await plantLock({ pid: 1, host: 'some-other-host' });
    await expect(acquireVaultLock(state, { waitMs: 100, pollMs: 20 })).rejects.toMatchObject({
      kind: 'busy',
      message: 'Another Paper Feed run is writing to this vault (pid 1); try again when it finishes.',
    });
    expect(await readFile(lockPath, 'utf8')).toBe(planted);
  });

  it('takes over an empty or unreadable lock at once: a full disk leaves one, a run never shows one', async () => {
    await mkdir(state, { recursive: true });
    for (const debris of ['', '{"pid": 12', '\u0000\u0000\u0000']) {
      await writeFile(lockPath, debris);
      const lock = await acquireVaultLock(state, { waitMs: 0 });
      expect(JSON.parse(await readFile(lockPath, 'utf8')).pid).toBe(process.pid);
      await lock.release();
    }
  });

  it('is never seen empty: the holder is written before the lock takes its name', async () => {
    const seen: string[] = [];
    const watcher = setInterval(() => {
      try {
        seen.push(readFileSync(lockPath, 'utf8'));
      } catch {
        // not there yet, or already gone
      }
    }, 0);
    for (let i = 0; i < 20; i += 1) await (await acquireVaultLock(state)).release();
    clearInterval(watcher);
    expect(seen.filter((text) => text === '')).toEqual([]);
  });

  it('gives back the locks this process holds when it must exit at once (a second Ctrl-C)', async () => {
    const lock = await acquireVaultLock(state);
    releaseLocksBeforeExit();
    expect(existsSync(lockPath)).toBe(false);
    await lock.release();
    await plantLock({ pid: 1, host: 'elsewhere' });
    releaseLocksBeforeExit();
    expect(existsSync(lockPath)).toBe(true);
  });

  it("never removes another run's lock on release", async () => {
    const lock = await acquireVaultLock(state);
    await writeFile(lockPath, JSON.stringify({ pid: 1, host: 'x', token: 'someone-else' }));
    await lock.release();
    expect(JSON.parse(await readFile(lockPath, 'utf8')).token).toBe('someone-else');
  });
});
