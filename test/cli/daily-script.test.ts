// `npm run daily` (scripts/daily.mjs): runs the built CLI with the given arguments, and its
// offline message names the npm command to try the sample with.
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { closedPort } from '../support/arxiv-server';
import { runProcess } from '../support/process';
import { REPO, useCliWorkspace, type CliResult } from './support';

const cli = useCliWorkspace('pf-script-', { arxiv: false });

function runScript(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runProcess(process.execPath, [join(REPO, 'scripts', 'daily.mjs'), ...args], { cwd: cli.work, env: { ...process.env, ...env } });
}

it('runs the CLI with the arguments given', async () => {
  const result = await runScript(['--sample', '--vault', join(cli.work, 'v'), '--quiet']);
  expect(result.code).toBe(0);
  expect(result.stdout.split('\n')[0]).toBe('19 papers matched · 19 notes created · 0 updated · daily note arXiv/Daily/2026-05-29.md');
});

it('suggests "npm run daily -- --sample" when arXiv cannot be reached', async () => {
  const result = await runScript(['daily', '--rss-base', `http://127.0.0.1:${await closedPort()}/rss`], { PAPER_FEED_MAX_ATTEMPTS: '1' });
  expect(result).toEqual({
    code: 1,
    stdout: '',
    stderr:
      'arXiv could not be reached (ECONNREFUSED). Check your internet connection and try again, or run "npm run daily -- --sample" to try Paper Feed offline.\n',
  });
});
