// `paper-feed update` and `daily --check-updates` in-process: the check against the
// arXiv stand-in serving recorded API entries, the state it keeps, and the digest's
// "Published and updated" section.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseApiFeed } from '../../core/arxiv/api';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { renderPaperNote } from '../../core/notes/paper-note';
import type { CliContext } from '../../core/node/cli/context';
import { runCli } from '../../core/node/cli/run';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { createFakeClock } from '../support/fake-clock';
import { feedOf, recordedEntries, serveIdLookups } from '../catch-up/api-entries';

let server: ArxivStandIn;
let work: string;
const recorded = recordedEntries();

beforeAll(async () => {
  server = await startArxivServer();
  serveIdLookups(server, recorded);
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'pf-upd-'));
  server.requests.length = 0;
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function run(argv: string[], now = '2026-05-29T06:00:00Z') {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    argv,
    cwd: work,
    env: {},
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    version: '0.0.0-test',
    transport: fetchTransport(),
    clock: createFakeClock(Date.parse(now)),
    now: () => new Date(now),
  };
  const code = await runCli(context);
  return { code, stdout, stderr };
}

const NOTE = 'arXiv/Papers/Isoperimetry.md';
const MISSING = 'arXiv/Papers/Gone.md';

async function vaultWithKeptNotes(): Promise<string> {
  const paper = parseApiFeed(feedOf([recorded.get('2206.06921')!])).papers[0]!;
  const { journalRef: _j, doi: _d, ...rest } = paper;
  const v1 = { ...rest, version: 1, updated: paper.published!, comment: '25 pages', pdfUrl: 'https://arxiv.org/pdf/2206.06921v1' };
  const note = renderPaperNote(v1, { citekey: 'kept2022', keywords: [], digests: [] }).replace('---\n', '---\nrating: 5\n') + 'Mine.\n';
  const gone = renderPaperNote(
    { ...v1, id: '0808.9999', absUrl: 'https://arxiv.org/abs/0808.9999' },
    { citekey: 'gone2008', keywords: [], digests: [] },
  ).replace('---\n', '---\nrating: 4\n');
  const vault = join(work, 'vault');
  await mkdir(join(vault, 'arXiv', 'Papers'), { recursive: true });
  await writeFile(join(vault, NOTE), note);
  await writeFile(join(vault, MISSING), gone);
  return vault;
}

describe('paper-feed update', () => {
  it('brings the kept notes up to date, says what it did, and the next digest lists it once', async () => {
    const vault = await vaultWithKeptNotes();
    const gone = await readFile(join(vault, MISSING), 'utf8');

    const first = await run(['update', '--vault', vault, '--api-base', server.url('/api/query')]);
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')).toEqual([
      '2 papers checked on arXiv (1 request) · 1 published or updated · 1 not found',
      `  ${NOTE}: v1 → v3, published in Indiana Univ. Math. J. 73 (2024), 1331-1356 (doi:10.1512/iumj.2024.73.9928)`,
      `  not found on arXiv (left as it is): 0808.9999 (${MISSING})`,
      '  previous check: never',
      '',
    ]);
    expect(server.requests.map((r) => r.query.get('id_list'))).toEqual(['0808.9999,2206.06921']);
    const note = await readFile(join(vault, NOTE), 'utf8');
    expect(readFrontmatter(note)).toMatchObject({ version: 3, doi: '10.1512/iumj.2024.73.9928', citekey: 'kept2022', rating: 5 });
    expect(note.endsWith('Mine.\n')).toBe(true);
    expect(await readFile(join(vault, MISSING), 'utf8')).toBe(gone);
    const state = JSON.parse(await readFile(join(vault, '.paper-feed', 'updates.json'), 'utf8')) as { lastRun: string; updates: Array<{ id: string }> };
    expect(state.lastRun).toBe('2026-05-29T06:00:00.000Z');
    expect(state.updates.map((u) => u.id)).toEqual(['2206.06921']);

    const daily = await run(['daily', '--sample', '--vault', vault]);
    expect(daily.code).toBe(0);
    expect(daily.stdout.split('\n')[0]).toMatch(/ · 1 published or updated$/);
    const digest = await readFile(join(vault, 'arXiv', 'Daily', '2026-05-29.md'), 'utf8');
    expect(digest).toContain(
      '## Published and updated (1)\n\nWhat arXiv now says about papers you have notes for:\n\n' +
        '- [[arXiv/Papers/Isoperimetry|Attainable forms of Assouad spectra]]',
    );
    expect(digest).toContain(
      'v1 → v3 · published: *Indiana Univ. Math. J. 73 (2024), 1331-1356* · [doi:10.1512/iumj.2024.73.9928](<https://doi.org/10.1512/iumj.2024.73.9928>) · [arXiv:2206.06921](https://arxiv.org/abs/2206.06921)',
    );

    // The same listing written again keeps the section; the next check says when the last ran.
    await run(['daily', '--sample', '--vault', vault]);
    expect(await readFile(join(vault, 'arXiv', 'Daily', '2026-05-29.md'), 'utf8')).toBe(digest);
    const again = await run(['update', '--vault', vault, '--api-base', server.url('/api/query')], '2026-06-02T06:00:00Z');
    expect(again.stdout).toContain('\n  previous check: 4 days ago\n');
    // The digest's 19 papers are recent, so they are checked too (the stand-in has none of them).
    expect(again.stdout.split('\n')[0]).toBe('21 papers checked on arXiv (1 request) · 0 published or updated · 20 not found');
  });

  it('runs the check first with daily --check-updates and counts it in the summary', async () => {
    const vault = await vaultWithKeptNotes();
    const result = await run(['daily', '--sample', '--check-updates', '--vault', vault, '--api-base', server.url('/api/query')]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/ · 1 published or updated$/);
    expect(lines).toContain('  update check: 2 papers checked on arXiv (1 request) · 1 published or updated · 1 not found');
    expect(await readFile(join(vault, 'arXiv', 'Daily', '2026-05-29.md'), 'utf8')).toContain('## Published and updated (1)');
  });
});
