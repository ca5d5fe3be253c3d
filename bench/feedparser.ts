// Python feedparser, the parser the Python daily-arXiv tools use, as the bench's yardstick: the
// Debian package python3-feedparser run by Debian's own /usr/bin/python3 (not a pyenv or venv
// interpreter earlier on PATH), installed with apt-get when missing, in one long-lived process.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { repoRoot } from './inputs';
import { log } from './suite';

const PYTHON = '/usr/bin/python3';

export interface Feedparser {
  version: string;
  python: string;
  /** What the bench did to get it ("already installed", "installed now with apt-get"). */
  provenance: string;
  load(path: string): Promise<void>;
  /** One timed parse inside the Python process: its own milliseconds and entry count. */
  parse(): Promise<{ ms: number; entries: number }>;
  close(): void;
}

export type FeedparserOrWhy = { ok: true; feedparser: Feedparser } | { ok: false; why: string };

function importable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import feedparser'], { stdio: 'ignore' }).status === 0;
}

/** How long apt-get waits for another apt to let go of its lock before giving up. */
const APT_LOCK_WAIT_S = 300;

/** Installs python3-feedparser when missing (apt-get update once, then install) and starts it. */
export async function startFeedparser(): Promise<FeedparserOrWhy> {
  if (!existsSync(PYTHON)) return { ok: false, why: `${PYTHON} (Debian's python3) is not on this machine` };
  let provenance = 'python3-feedparser was already installed';
  if (!importable()) {
    log('python3-feedparser is missing: installing it with apt-get (apt-get update, then apt-get install -y python3-feedparser)…');
    // Another apt (an e2e run, a helper) may hold dpkg's or the package lists' lock: wait for it.
    const wait = ['-o', `DPkg::Lock::Timeout=${APT_LOCK_WAIT_S}`];
    const update = spawnSync('apt-get', [...wait, 'update'], { stdio: 'ignore' });
    const install =
      update.status === 0
        ? spawnSync('apt-get', [...wait, 'install', '-y', 'python3-feedparser'], {
            stdio: 'ignore',
            env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
          })
        : update;
    if (install.status !== 0 || !importable()) {
      return {
        ok: false,
        why: `python3-feedparser is not installed and apt-get could not install it (needs root and a package mirror, and apt's lock within ${APT_LOCK_WAIT_S} s)`,
      };
    }
    provenance = 'python3-feedparser was missing; the bench installed it with apt-get';
    log('python3-feedparser installed.');
  }
  const child = spawn(PYTHON, ['-u', resolve(repoRoot, 'bench', 'feedparser_worker.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const next = lineReader(lines, child);
  const ready = (await next()).split(' ');
  if (ready[0] !== 'ready') return { ok: false, why: `the feedparser worker did not start (${ready.join(' ')})` };
  const ask = async (command: string): Promise<string> => {
    child.stdin.write(`${command}\n`);
    return next();
  };
  return {
    ok: true,
    feedparser: {
      version: ready[1]!,
      python: ready[2]!,
      provenance,
      async load(path) {
        const answer = await ask(`load ${path}`);
        if (!answer.startsWith('loaded ')) throw new Error(`feedparser worker: ${answer}`);
      },
      async parse() {
        const answer = await ask('parse');
        const [ms, entries] = answer.split(' ');
        if (!Number.isFinite(Number(ms))) throw new Error(`feedparser worker: ${answer}`);
        return { ms: Number(ms), entries: Number(entries) };
      },
      close() {
        child.stdin.end('quit\n');
      },
    },
  };
}

function lineReader(lines: Interface, child: ChildProcess): () => Promise<string> {
  const queue: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let exited: string | undefined;
  lines.on('line', (line) => {
    const resolveLine = waiting.shift();
    if (resolveLine) resolveLine(line);
    else queue.push(line);
  });
  child.on('exit', (code) => {
    exited = `exited with code ${code}`;
    for (const resolveLine of waiting.splice(0)) resolveLine(exited);
  });
  return () => {
    const line = queue.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (exited !== undefined) return Promise.resolve(exited);
    return new Promise((r) => waiting.push(r));
  };
}
