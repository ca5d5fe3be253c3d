// A completely full disk. Every write through node:fs/promises into the vault
// below fails the way a full disk fails (files can be created, nothing can be written into them),
// so what the CLI's lock and store do with ENOSPC is seen on real files. A real full file system
// (a 64 kB tmpfs) gave the same results; see docs/RELIABILITY.md.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const full = vi.hoisted(() => ({ under: '' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  const open: typeof fs.open = async (...args) => {
    const handle = await fs.open(...args);
    if (!full.under || !String(args[0]).startsWith(full.under)) return handle;
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'writeFile' || key === 'write') return () => Promise.reject(diskFull());
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  const writeFile: typeof fs.writeFile = async (path, ...rest) => {
    if (full.under && String(path).startsWith(full.under)) throw diskFull();
    return fs.writeFile(path, ...rest);
  };
  const appendFile: typeof fs.appendFile = async (path, ...rest) => {
    if (full.under && String(path).startsWith(full.under)) throw diskFull();
    return fs.appendFile(path, ...rest);
  };
  return { ...fs, open, writeFile, appendFile, default: { ...fs, open, writeFile, appendFile } };
});

const { acquireVaultLock } = await import('../../core/node/lock');
const { FsVaultStore } = await import('../../core/node/fs-store');
const { PaperFeedError } = await import('../../core/errors');

let vault: string;

beforeEach(async () => {
  vault = join(await mkdtemp(join(tmpdir(), 'pf-full-')), 'vault');
  await mkdir(join(vault, '.paper-feed'), { recursive: true });
  full.under = vault;
});
afterEach(async () => {
  full.under = '';
  await rm(join(vault, '..'), { recursive: true, force: true });
});

describe('a completely full disk', () => {
  it('the lock: "the disk is full", kind vault (exit 3), and no lock or temp file left behind', async () => {
    const lockPath = join(vault, '.paper-feed', 'lock');
    const error = await acquireVaultLock(join(vault, '.paper-feed'), { waitMs: 0 }).catch((e: unknown) => e);
    expect(error).toEqual(
      new PaperFeedError('vault', `Could not lock the vault because the disk is full (writing "${lockPath}"); free some space on the disk and run again.`),
    );
    expect(await readdir(join(vault, '.paper-feed'))).toEqual([]);
    // Once space is freed, the next run gets the vault at once.
    full.under = '';
    const lock = await acquireVaultLock(join(vault, '.paper-feed'), { waitMs: 0 });
    expect(JSON.parse(await readFile(lockPath, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('a note: "the disk is full", kind vault, and no note or temp file left behind', async () => {
    const store = new FsVaultStore(vault);
    const error = await store.create('arXiv/Papers/A Paper.md', '# A paper\n').catch((e: unknown) => e);
    expect(error).toEqual(
      new PaperFeedError('vault', 'Could not create "arXiv/Papers/A Paper.md": the disk is full (ENOSPC). Free some space on the disk and try again.'),
    );
    expect(await readdir(join(vault, 'arXiv', 'Papers'))).toEqual([]);
  });
});
