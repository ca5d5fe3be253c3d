// A catch-up check in a vault on disk: the CLI's index keeps the key of the arXiv facts each paper
// note plainly states, so a note already as arXiv has it is not even read; a note whose facts
// differ (edited, or left behind by arXiv since) is read and brought up to date as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseApiFeed } from '../../core/arxiv/api';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import type { Paper } from '../../core/arxiv/paper';
import { createArxivClient } from '../../core/arxiv/polite';
import { checkForUpdates } from '../../core/catch-up/check';
import { refreshPaperNote } from '../../core/catch-up/refresh-note';
import { FsVaultStore } from '../../core/node/fs-store';
import { renderPaperNote } from '../../core/notes/paper-note';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { createFakeClock } from '../support/fake-clock';
import { feedOf, recordedEntries, serveIdLookups } from './api-entries';

const NOW = Date.parse('2026-05-28T12:00:00Z');
const recorded = recordedEntries();
const paperOf = (entry: string): Paper => parseApiFeed(feedOf([entry])).papers[0]!;
const IDS = ['2206.06921', '1605.08386', '1707.08567'];

/** A kept note of `paper` as a check leaves it: arXiv's facts on their own lines. */
function upToDate(paper: Paper): string {
  const { journalRef: _j, doi: _d, comment: _c, updated: _u, ...rest } = paper;
  const rss = renderPaperNote({ ...rest, version: 1 }, { citekey: `k${paper.id.replace(/\D/g, '')}`, keywords: [], digests: [] });
  return refreshPaperNote(rss.replace('---\n', '---\nrating: 5\n'), paper).text;
}

let vault: string;
let server: ArxivStandIn;
beforeEach(async () => {
  vault = await mkdtemp(join(tmpdir(), 'pf-known-facts-'));
  server = await startArxivServer();
  serveIdLookups(server, recorded);
});
afterEach(async () => {
  await server.close();
  await rm(vault, { recursive: true, force: true });
});

/** The store, counting the notes the check reads. */
function countingStore(checkAll = false): { store: FsVaultStore; reads: string[] } {
  const store = new FsVaultStore(vault, { checkAll });
  const reads: string[] = [];
  const read = store.read.bind(store);
  store.read = (path: string) => (reads.push(path), read(path));
  return { store, reads };
}

const check = (store: FsVaultStore) =>
  checkForUpdates(store, {
    client: createArxivClient({ transport: fetchTransport(), clock: createFakeClock(NOW), random: () => 0.5 }),
    apiBase: server.url('/api/query'),
    now: NOW,
    keepKeys: ['rating'],
  });

describe('a check in a vault whose index knows each note’s arXiv facts', () => {
  it('reads no note that already states arXiv’s facts, and reads and updates one edited since', async () => {
    await mkdir(join(vault, 'Papers'));
    const week = new Date(NOW - 60 * 24 * 3600 * 1000);
    for (const id of IDS) {
      const path = join(vault, 'Papers', `${id}.md`);
      await writeFile(path, upToDate(paperOf(recorded.get(id)!)));
      await utimes(path, week, week);
    }
    await utimes(join(vault, 'Papers'), week, week);

    const first = countingStore();
    const report = await check(first.store);
    expect([report.checked, report.updates.length, first.reads]).toEqual([3, 0, []]);

    // The person edits one old note's comment in place; the index sees it at its next full check
    // (weekly, or asked for as here), as it sees every such edit, and the check then reads it.
    const edited = join(vault, 'Papers', '1605.08386.md');
    const before = await readFile(edited, 'utf8');
    await writeFile(edited, before.replace(/^comment: .*$/m, 'comment: my own words'));
    const second = countingStore(true);
    const again = await check(second.store);
    expect(second.reads).toEqual(['Papers/1605.08386.md']);
    expect(again.updates.map((u) => [u.path, u.changed])).toEqual([['Papers/1605.08386.md', ['comment']]]);
    expect(await readFile(edited, 'utf8')).toBe(before);
  });
});
