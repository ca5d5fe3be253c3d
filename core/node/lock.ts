// One writer per vault: `.paper-feed/lock` is created exclusively, already holding the name of the
// process that holds it (it is written beside and linked into place, so it is never seen empty).
// A second run waits a moment, then stops with a clear message; a lock left by a crashed run (its
// process is gone, it stopped refreshing the lock long ago, or it is empty or unreadable, as a
// full disk leaves it) is taken over at once.

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { PaperFeedError } from '../errors';
import { createFileExclusively, FileExistsError, makeFolders, processIsAlive } from './atomic-file';
import { isDiskFull, reasonFor } from './fs-reasons';

export interface VaultLock {
  /** The lock file's path. */
  readonly path: string;
  /** Gives the vault back. Safe to call twice; never removes another run's lock. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long a second run waits for the first to finish (default 3 s). */
  waitMs?: number;
  /** A lock not refreshed for this long is abandoned, whatever its pid (default 10 min). */
  staleMs?: number;
  /** How often the waiting run looks again (default 200 ms). */
  pollMs?: number;
}

interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

/** Locks this process holds now (path → token), so its own pid in a lock can be told apart. */
const heldHere = new Map<string, string>();

/** A takeover guard older than this was left by a run that crashed while taking over. */
const FRESH_MS = 10_000;

export async function acquireVaultLock(stateFolder: string, options: LockOptions = {}): Promise<VaultLock> {
  const waitMs = options.waitMs ?? 3000;
  const staleMs = options.staleMs ?? 10 * 60 * 1000;
  const pollMs = options.pollMs ?? 200;
  const path = nodePath.join(stateFolder, 'lock');
  await makeFolders(stateFolder).catch((error: unknown) => {
    throw lockError(error, stateFolder);
  });
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await tryCreate(path, me)) return heldLock(path, me, staleMs);
    const holder = await readHolder(path);
    if (holder.state !== 'gone' && (await isStale(path, holder.holder, staleMs))) {
      await takeOver(path, holder.text);
      if (await tryCreate(path, me)) return heldLock(path, me, staleMs);
    }
    if (Date.now() >= deadline) {
      const pid = holder.holder ? ` (pid ${holder.holder.pid})` : '';
      throw new PaperFeedError('busy', `Another Paper Feed run is writing to this vault${pid}; try again when it finishes.`);
    }
    await new Promise((resolve) => setTimeout(resolve, holder.state === 'gone' ? 0 : pollMs));
  }
}

async function tryCreate(path: string, me: LockHolder): Promise<boolean> {
  try {
    await createFileExclusively(path, JSON.stringify(me));
    return true;
  } catch (error) {
    if (error instanceof FileExistsError) return false;
    throw lockError(error, path);
  }
}

type HolderRead =
  | { state: 'gone'; text: null; holder?: undefined }
  | { state: 'unreadable'; text: string; holder?: undefined }
  | { state: 'held'; text: string; holder: LockHolder };

async function readHolder(path: string): Promise<HolderRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'gone', text: null };
    throw lockError(error, path);
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') {
      return { state: 'held', text, holder: parsed as LockHolder };
    }
  } catch {
    // Half-written (its writer crashed between creating and filling it) or damaged.
  }
  return { state: 'unreadable', text };
}

async function isStale(path: string, holder: LockHolder | undefined, staleMs: number): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  if (!info) return false; // gone: the next attempt creates it
  // Written whole before it takes its name, a lock without a readable holder is debris.
  if (!holder) return true;
  const age = Date.now() - info.mtimeMs;
  if (holder.host === hostname()) {
    // Our own pid in a lock this process does not hold is a crashed run whose pid came round
    // again (containers restart with the same small pids).
    if (holder.pid === process.pid) return heldHere.get(path) !== holder.token;
    if (!processIsAlive(holder.pid)) return true;
  }
  return age > staleMs;
}

/**
 * Removes a stale lock, guarded by a second exclusive file so that two waiting runs cannot both
 * remove it (the slower one would delete the faster one's fresh lock).
 */
async function takeOver(path: string, staleText: string): Promise<void> {
  const guard = `${path}.takeover`;
  let handle;
  try {
    handle = await open(guard, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw lockError(error, guard);
    const info = await stat(guard).catch(() => null);
    if (info && Date.now() - info.mtimeMs > FRESH_MS) await unlink(guard).catch(() => undefined);
    return;
  }
  try {
    const now = await readFile(path, 'utf8').catch(() => null);
    if (now === staleText) await unlink(path).catch(() => undefined);
  } finally {
    await handle.close();
    await unlink(guard).catch(() => undefined);
  }
}

function heldLock(path: string, me: LockHolder, staleMs: number): VaultLock {
  heldHere.set(path, me.token);
  // Refreshing the lock's mtime tells other runs that a long `range` run is still alive.
  const heartbeat = setInterval(
    () => {
      const now = new Date();
      utimes(path, now, now).catch(() => undefined);
    },
    Math.max(1000, Math.floor(staleMs / 4)),
  );
  heartbeat.unref();
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      if (heldHere.get(path) === me.token) heldHere.delete(path);
      const text = await readFile(path, 'utf8').catch(() => null);
      if (text?.includes(me.token)) await unlink(path).catch(() => undefined);
    },
  };
}

/**
 * Gives back every lock this process holds, at once and synchronously: for a process about to
 * exit (a second Ctrl-C), where no promise would get to run.
 */
export function releaseLocksBeforeExit(): void {
  for (const [path, token] of heldHere) {
    heldHere.delete(path);
    try {
      if (readFileSync(path, 'utf8').includes(token)) unlinkSync(path);
    } catch {
      // Already gone, or the folder went away with it: nothing is left to give back.
    }
  }
}

function lockError(error: unknown, path: string): PaperFeedError {
  if (isDiskFull(error)) {
    return new PaperFeedError('vault', `Could not lock the vault because the disk is full (writing "${path}"); free some space on the disk and run again.`);
  }
  return new PaperFeedError('vault', `Could not lock the vault: ${reasonFor(error)} on "${path}"; check that the vault folder is writable.`);
}
