// Benchmark 9: HTTP requests for one day's digest. The built CLI (dist/cli/paper-feed.js) runs
// `daily` against a local stand-in for rss.arxiv.org on 127.0.0.1 that counts what arrives.
// zotero-arxiv-daily, for comparison, reads the RSS feed and then asks the API for the new papers
// in batches of 20: 1 + ⌈N/20⌉ requests for N new papers.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRss } from '../core/arxiv/rss';
import { DEFAULT_CONFIG } from '../core/config';
import { startArxivServer } from '../test/support/arxiv-server';
import { dailyFeed, repoRoot } from './inputs';
import { log, runSuite } from './suite';

const CLI = join(repoRoot, 'dist', 'cli', 'paper-feed.js');

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, PAPER_FEED_MAX_ATTEMPTS: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

await runSuite('http', async () => {
  const row = { id: 'http-requests', what: "HTTP requests for one day's digest (CLI `daily`)", goal: 'exactly 1 (counted at the stand-in server)' };
  if (!existsSync(CLI)) {
    return [
      { ...row, measured: 'not built', comparedWith: '', ratio: '', met: false, notes: ['dist/cli/paper-feed.js is missing: the build failed'], figures: {} },
    ];
  }
  const feed = dailyFeed();
  const newPapers = parseRss(feed.bytes.toString('utf8'), ['all']).papers.filter((p) => p.announceType === 'new').length;
  const zotero = 1 + Math.ceil(newPapers / 20);
  const server = await startArxivServer();
  const scratch = mkdtempSync(join(tmpdir(), 'paper-feed-bench-http-'));
  try {
    const path = `/rss/${DEFAULT_CONFIG.categories.join('+')}`;
    server.reply(path, { body: feed.bytes.toString('utf8') });
    log('running `paper-feed daily` against the stand-in…');
    const start = performance.now();
    const result = await run(['daily', '--vault', join(scratch, 'vault'), '--rss-base', server.url('/rss'), '--json', '--quiet'], scratch);
    const seconds = (performance.now() - start) / 1000;
    const requests = server.count();
    const ok = result.code === 0;
    const report = ok ? (JSON.parse(result.stdout) as { matched?: number; created?: unknown[] }) : undefined;
    return [
      {
        ...row,
        measured: `${requests} ${requests === 1 ? 'request' : 'requests'}`,
        comparedWith: `zotero-arxiv-daily: 1 + ⌈${newPapers}/20⌉ = ${zotero}`,
        ratio: `${zotero}× fewer`,
        met: ok && requests === 1,
        notes: [
          `the CLI as built, built-in config (${DEFAULT_CONFIG.categories.join(', ')}), ${feed.real ? 'the real' : 'a generated'} 1,504-item feed served for that address; requests received: ${server.requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'none'}`,
          ok
            ? `exit 0 in ${seconds.toFixed(1)} s (process start, fetch, parse, write${report?.matched !== undefined ? `: ${report.matched} papers matched` : ''})`
            : `the CLI exited with ${result.code}: ${result.stderr.trim().split('\n')[0]}`,
          `N = the ${newPapers} papers announced as new in this feed (zotero-arxiv-daily asks the API for those, 20 ids a request)`,
        ],
        figures: { requests, zoteroArxivDaily: zotero, newPapers, seconds, exitCode: result.code },
      },
    ];
  } finally {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
});
