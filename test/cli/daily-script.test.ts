// `npm run daily` (scripts/daily.mjs): runs the built CLI with the given arguments, and its
// offline message names the npm command to try the sample with.
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from '../support/arxiv-server';
import { ensureBuiltCli, REPO, type CliResult } from './support';

let work: string;
beforeAll(() => ensureBuiltCli(), 120_000);
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'pf-script-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

function runScript(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'scripts', 'daily.mjs'), ...args], { cwd: work, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

it('runs the CLI with the arguments given', async () => {
  const result = await runScript(['--sample', '--vault', join(work, 'v'), '--quiet']);
  expect(result.code).toBe(0);
  expect(result.stdout.split('\n')[0]).toBe('19 papers matched · 19 notes created · 0 updated · daily note arXiv/Daily/2026-05-29.md');
});

it('suggests "npm run daily -- --sample" when arXiv cannot be reached', async () => {
  const result = await runScript(['daily', '--rss-base', `http://127.0.0.1:${await closedPort()}/rss`], { PAPER_FEED_MAX_ATTEMPTS: '1' });
  expect(result).toEqual({
    code: 1,
    stdout: '',
    stderr: 'arXiv could not be reached (ECONNREFUSED). Check your internet connection and try again, or run "npm run daily -- --sample" to try Paper Feed offline.\n',
  });
});
