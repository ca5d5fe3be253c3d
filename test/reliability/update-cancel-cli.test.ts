// Ctrl-C during `paper-feed update`, through the built CLI against an arXiv stand-in
// that answers its second lookup slowly: the run ends with exit 130 and one sentence, no note is
// half-written (each is byte for byte what it was), the vault lock is given back, and the next
// `paper-feed update` finishes the whole check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseApiFeed } from '../../core/arxiv/api';
import { refreshPaperNote } from '../../core/catch-up/refresh-note';
import { renderPaperNote } from '../../core/notes/paper-note';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { entryAs, feedOf, recordedEntries } from '../catch-up/api-entries';
import { ensureBuiltCli, finished, notes, runCli, startCli } from './cli-host';

const template = recordedEntries().get('2206.06921')!;
const ids = Array.from({ length: 150 }, (_, i) => `2301.${String(40000 + i)}`);
const paperOf = (id: string) => parseApiFeed(feedOf([entryAs(template, id)])).papers[0]!;

let server: ArxivStandIn;
let work: string;
let slow = true;

beforeAll(async () => {
  ensureBuiltCli();
  server = await startArxivServer({ maxRequestMs: 60_000, lifetimeMs: 300_000 });
  server.handle('/api/query', (request, index) => {
    const asked = (request.query.get('id_list') ?? '').split(',');
    // The second lookup of the interrupted run hangs long enough to be interrupted.
    return { body: feedOf(asked.map((id) => entryAs(template, id))), ...(slow && index === 1 ? { delayMs: 30_000 } : {}) };
  });
  work = await mkdtemp(join(tmpdir(), 'pf-upd-int-'));
}, 120_000);
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

/** 150 kept notes (rating) written when v1 was announced, before arXiv had a journal reference. */
async function keptVault(): Promise<string> {
  const vault = join(work, 'vault');
  await mkdir(join(vault, 'arXiv', 'Papers'), { recursive: true });
  for (const [i, id] of ids.entries()) {
    const { journalRef: _j, doi: _d, ...rest } = paperOf(id);
    const v1 = { ...rest, version: 1, updated: rest.published!, comment: '25 pages', pdfUrl: `https://arxiv.org/pdf/${id}v1` };
    const note = renderPaperNote(v1, { citekey: `kept${i}`, keywords: [], digests: [] }).replace('---\n', '---\nrating: 5\n') + `My note on ${id}.\n`;
    await writeFile(join(vault, 'arXiv', 'Papers', `${id}.md`), note);
  }
  return vault;
}

describe('Ctrl-C during paper-feed update', () => {
  it('stops with exit 130 and one sentence, leaves every note as it was and the lock free; the next run finishes', async () => {
    const vault = await keptVault();
    const before = await notes(vault);
    const args = ['update', '--vault', vault, '--api-base', server.url('/api/query')];

    const child = startCli(args, work);
    const run = finished(child);
    while (server.requests.filter((r) => r.path === '/api/query').length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    const signalled = Date.now();
    child.kill('SIGINT');
    const interrupted = await run;
    // Reported for the reliability page, not asserted: how long the run took to stop.
    console.info(`stopped ${Date.now() - signalled} ms after SIGINT`);

    expect(interrupted).toEqual({
      code: 130,
      signal: null,
      stdout: '',
      stderr:
        '\nStopping… (press Ctrl-C again to quit at once)\n' +
        'Stopped looking your papers up on arXiv because the check was cancelled; no note was changed, so run the check again to finish.\n',
    });
    expect(await notes(vault)).toEqual(before);
    expect(existsSync(join(vault, '.paper-feed', 'lock'))).toBe(false);
    expect(existsSync(join(vault, '.paper-feed', 'updates.json'))).toBe(false);

    slow = false;
    server.requests.length = 0;
    const resumed = Date.now();
    const next = await runCli(args, work);
    console.info(`the next run finished in ${Date.now() - resumed} ms`);

    expect(next.code).toBe(0);
    expect(next.stdout.split('\n')[0]).toBe('150 papers checked on arXiv (2 requests) · 150 published or updated · 0 not found');
    expect(server.requests.map((r) => r.query.get('id_list')!.split(',').length)).toEqual([100, 50]);
    const after = await notes(vault);
    for (const [path, text] of before) {
      const id = path.replace(/^.*\//, '').replace(/\.md$/, '');
      expect(after.get(path)).toBe(refreshPaperNote(text, paperOf(id)).text);
      expect(after.get(path)!.endsWith(`My note on ${id}.\n`)).toBe(true);
    }
    expect(existsSync(join(vault, '.paper-feed', 'lock'))).toBe(false);
  }, 120_000);
});
