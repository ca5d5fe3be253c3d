// A run killed (SIGKILL) at any point leaves every note whole: each file in the vault is exactly
// what a complete run writes, and the next run finishes the job and clears the debris.
import { expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, runBuiltCli, useCliWorkspace } from './support';

const KILLS = 8;
const cli = useCliWorkspace('pf-crash-', { arxiv: false });

/** Every file under `dir` (hidden ones too) with its text. */
async function contents(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(full.slice(dir.length + 1), await readFile(full, 'utf8'));
  }
  return files;
}

function killAfter(vault: string, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'daily', '--sample', '--vault', vault], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

it(`leaves only whole notes when killed at ${KILLS} points of a run, and the next run completes`, async () => {
  const reference = join(cli.work, 'reference');
  const started = Date.now();
  expect((await runBuiltCli(['daily', '--sample', '--vault', reference], cli.work)).code).toBe(0);
  // Kill points spread over the whole run as long as it takes on this machine right now.
  const runMs = Date.now() - started;
  const expected = await contents(reference);
  const expectedNotes = [...expected.keys()].filter((p) => p.endsWith('.md')).sort();

  for (let i = 0; i < KILLS; i += 1) {
    const vault = join(cli.work, `vault-${i}`);
    await killAfter(vault, Math.round(runMs * (0.2 + (0.9 * i) / (KILLS - 1))));
    for (const [path, text] of await contents(vault)) {
      if (!path.endsWith('.md')) continue;
      expect({ path, text }).toEqual({ path, text: expected.get(path) });
    }

    expect((await runBuiltCli(['daily', '--sample', '--vault', vault], cli.work)).code).toBe(0);
    const final = await contents(vault);
    expect([...final.keys()].filter((p) => p.endsWith('.md')).sort()).toEqual(expectedNotes);
    for (const path of expectedNotes) expect(final.get(path)).toBe(expected.get(path));
    // Crash debris (temp files of the dead run, its lock) is gone once a run has finished; the
    // index and the kept folder names are the run's state, not debris.
    expect(
      [...final.keys()].filter((p) => !p.endsWith('.md') && !['.paper-feed/index.txt', '.paper-feed/index.log', '.paper-feed/folder-names.json'].includes(p)),
    ).toEqual([]);
  }
}, 120_000);
