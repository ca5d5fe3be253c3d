import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseApiFeed } from '../../core/arxiv/api';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import type { Paper } from '../../core/arxiv/paper';
import { createArxivClient } from '../../core/arxiv/polite';
import { checkForUpdates, type CatchUpOptions } from '../../core/catch-up/check';
import { afterCheck } from '../../core/catch-up/state';
import { PaperFeedError } from '../../core/errors';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { renderPaperNote } from '../../core/notes/paper-note';
import { MemoryStore } from '../../core/notes/memory-store';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { createFakeClock, type FakeClock } from '../support/fake-clock';
import { entryAs, feedOf, recordedEntries, serveIdLookups, withdrawnEntry } from './api-entries';

const NOW = Date.parse('2026-05-28T12:00:00Z');
const recorded = recordedEntries();
const paperOf = (entry: string): Paper => parseApiFeed(feedOf([entry])).papers[0]!;

/** The note as a run wrote it when v1 was announced, before arXiv had a journal reference. */
function v1Note(paper: Paper, citekey: string): string {
  const { journalRef: _j, doi: _d, ...rest } = paper;
  const v1 = { ...rest, version: 1, updated: paper.published!, comment: '25 pages', pdfUrl: paper.pdfUrl.replace(/v\d+$/, 'v1') };
  return renderPaperNote(v1, { citekey, keywords: ['Analysis'], digests: ['arXiv/Daily/2022-06-15.md'] });
}

/** `count` notes written at v1 under ids 2605.<first>…, each with its own citekey; `template` is the recorded entry arXiv answers with. */
function v1Vault(count: number, first: number) {
  const template = recorded.get('2206.06921')!;
  const ids = Array.from({ length: count }, (_, i) => `2605.${String(first + i)}`);
  const vault = () => {
    const paper = paperOf(template);
    return new MemoryStore(ids.map((id, i) => [`Papers/${id}.md`, v1Note({ ...paper, id, absUrl: `https://arxiv.org/abs/${id}` }, `key${i}`)] as const));
  };
  return { template, ids, vault };
}

const PERSONS_PART = 'My reading: the bound in §3 is sharp.\n\n- [ ] check Lemma 2\n';
const kept = (note: string) => note.replace('---\n', '---\nrating: 5\n') + PERSONS_PART;

let server: ArxivStandIn;
let clock: FakeClock;
beforeEach(async () => {
  server = await startArxivServer();
  clock = createFakeClock(NOW);
});
afterEach(async () => {
  await server.close();
});

function options(extra: Partial<CatchUpOptions> = {}): CatchUpOptions {
  const client = createArxivClient({ transport: fetchTransport(), clock, random: () => 0.5 });
  return { client, apiBase: server.url('/api/query'), now: NOW, keepKeys: ['rating'], ...extra };
}

describe('checking kept notes against arXiv', () => {
  it('brings a kept note stuck at v1 to v3 with its journal reference, DOI and published BibTeX, keeping the citekey and the person’s text', async () => {
    serveIdLookups(server, recorded);
    const paper = paperOf(recorded.get('2206.06921')!);
    const before = kept(v1Note(paper, 'mine2022Key'));
    const store = new MemoryStore({ 'Papers/Isoperimetry.md': before });

    const report = await checkForUpdates(store, options());

    expect(report.requests).toBe(1);
    expect(server.requests[0]!.query.get('id_list')).toBe('2206.06921');
    expect(server.requests[0]!.query.get('max_results')).toBe('1');
    expect(report.missing).toEqual([]);
    expect(report.updates).toEqual([
      {
        id: '2206.06921',
        path: 'Papers/Isoperimetry.md',
        title: paper.title,
        changed: ['version', 'updated', 'journal_ref', 'doi', 'comment'],
        fromVersion: 1,
        toVersion: 3,
        journalRef: 'Indiana Univ. Math. J. 73 (2024), 1331-1356',
        doi: '10.1512/iumj.2024.73.9928',
        withdrawn: false,
      },
    ]);
    const after = store.files.get('Papers/Isoperimetry.md')!;
    const data = readFrontmatter(after);
    expect(data).toMatchObject({
      version: 3,
      updated: '2025-01-30',
      journal_ref: 'Indiana Univ. Math. J. 73 (2024), 1331-1356',
      doi: '10.1512/iumj.2024.73.9928',
      citekey: 'mine2022Key',
      rating: 5,
    });
    expect(data.withdrawn).toBeUndefined();
    expect(after.endsWith(`## Notes\n\n${PERSONS_PART}`)).toBe(true);
    expect(after).toContain('@article{mine2022Key,');
    expect(after).toContain('  journal       = {Indiana Univ. Math. J.},\n  volume        = {73},\n  pages         = {1331--1356},\n');
    expect(after).toContain('  year          = {2024},');
    expect(after).toContain('  doi           = {10.1512/iumj.2024.73.9928},');
    expect(after).toContain('  eprint        = {2206.06921},');
    expect(after).toContain('- **arXiv:** [2206.06921v3](https://arxiv.org/abs/2206.06921)');

    // A second check finds nothing new and writes nothing.
    const writes = store.writes;
    const again = await checkForUpdates(store, options());
    expect(again.updates).toEqual([]);
    expect(store.writes).toBe(writes);
    expect(store.files.get('Papers/Isoperimetry.md')).toBe(after);
  });

  it('reports an id arXiv does not return and leaves its note as it is, not withdrawn', async () => {
    serveIdLookups(server, recorded);
    const paper = paperOf(recorded.get('2206.06921')!);
    const gone = kept(v1Note({ ...paper, id: '0808.9999', absUrl: 'https://arxiv.org/abs/0808.9999' }, 'gone2008'));
    const store = new MemoryStore({ 'Papers/Gone.md': gone });

    const report = await checkForUpdates(store, options());

    expect(report.missing).toEqual([{ id: '0808.9999', path: 'Papers/Gone.md' }]);
    expect(report.updates).toEqual([]);
    expect(store.files.get('Papers/Gone.md')).toBe(gone);
    expect(store.writes).toBe(0);
  });

  it('names a note whose arxiv_id is malformed and looks the others up without it', async () => {
    serveIdLookups(server, recorded);
    const paper = paperOf(recorded.get('2206.06921')!);
    // 2008 ids had four digits after the dot: arXiv would refuse the whole request over this one.
    const malformed = kept(v1Note({ ...paper, id: '0808.05394', absUrl: 'https://arxiv.org/abs/0808.05394' }, 'bad2008'));
    const store = new MemoryStore({ 'Papers/Bad.md': malformed, 'Papers/Good.md': kept(v1Note(paper, 'good2022')) });

    const report = await checkForUpdates(store, options());

    expect(server.requests.map((r) => r.query.get('id_list'))).toEqual(['2206.06921']);
    expect(report.skipped).toEqual([
      { ref: '0808.05394', reason: 'Papers/Bad.md was not checked: its arxiv_id "0808.05394" is not an arXiv identifier; correct it and run again' },
    ]);
    expect(report.updates.map((u) => u.path)).toEqual(['Papers/Good.md']);
    expect(store.files.get('Papers/Bad.md')).toBe(malformed);
  });

  it('marks a withdrawn paper withdrawn: true with a callout and keeps its abstract', async () => {
    const entry = withdrawnEntry(recorded.get('1605.08386')!);
    serveIdLookups(server, new Map([['1605.08386', entry]]));
    const original = paperOf(recorded.get('1605.08386')!);
    const note = kept(renderPaperNote(original, { citekey: 'orig2016', keywords: [], digests: [] }));
    const store = new MemoryStore({ 'Papers/Withdrawn.md': note });

    const report = await checkForUpdates(store, options());

    expect(report.updates.map((u) => [u.id, u.withdrawn, u.changed])).toEqual([['1605.08386', true, ['version', 'comment', 'withdrawn']]]);
    const after = store.files.get('Papers/Withdrawn.md')!;
    expect(readFrontmatter(after)).toMatchObject({ withdrawn: true, version: 2, comment: 'This paper has been withdrawn by the authors' });
    expect(after).toContain('> [!warning] Withdrawn\n> arXiv lists v2 of this paper as withdrawn');
    expect(after).toContain(original.abstract.slice(0, 60));
    expect(after.endsWith(PERSONS_PART)).toBe(true);
  });

  it('checks kept notes and recent ones, not old unkept ones', async () => {
    const template = recorded.get('2206.06921')!;
    serveIdLookups(
      server,
      new Map([
        ['2605.00001', entryAs(template, '2605.00001')],
        ['2206.06921', template],
      ]),
    );
    const paper = paperOf(template);
    const recent = v1Note({ ...paper, id: '2605.00001', absUrl: 'https://arxiv.org/abs/2605.00001' }, 'recent2026');
    const oldUnkept = v1Note({ ...paper, id: '1707.08567', absUrl: 'https://arxiv.org/abs/1707.08567' }, 'old2017');
    const store = new MemoryStore({ 'Papers/Recent.md': recent, 'Papers/Old.md': oldUnkept });

    const report = await checkForUpdates(store, options());

    expect(server.requests.map((r) => r.query.get('id_list'))).toEqual(['2605.00001']);
    expect(report.candidates).toBe(1);
    expect(report.updates.map((u) => u.path)).toEqual(['Papers/Recent.md']);
    expect(store.files.get('Papers/Old.md')).toBe(oldUnkept);
  });
});

describe('batching and pacing, counted at the stand-in', () => {
  const { template, ids, vault } = v1Vault(250, 20000);

  it('asks for 250 ids in ⌈250/100⌉ = 3 requests, one at a time, 3 s apart', async () => {
    serveIdLookups(server, new Map(ids.map((id) => [id, entryAs(template, id)])));
    const store = vault();
    const progress: string[] = [];

    const report = await checkForUpdates(store, options({ onProgress: (done, total) => progress.push(`${done}/${total}`) }));

    expect(server.count('/api/query')).toBe(3);
    expect(server.requests.map((r) => r.query.get('id_list')!.split(',').length)).toEqual([100, 100, 50]);
    expect(new Set(server.requests.flatMap((r) => r.query.get('id_list')!.split(','))).size).toBe(250);
    expect(server.maxConcurrent).toBe(1);
    expect(clock.sleeps).toEqual([3000, 3000]);
    expect(progress).toEqual(['100/250', '200/250', '250/250']);
    expect(report.updates).toHaveLength(250);
    expect(report.requests).toBe(3);
  });

  it('stops at the per-run request cap and goes on from there next time', async () => {
    serveIdLookups(server, new Map(ids.map((id) => [id, entryAs(template, id)])));
    const store = vault();

    const first = await checkForUpdates(store, options({ maxRequests: 2 }));
    expect(first).toMatchObject({ candidates: 250, checked: 200, requests: 2, nextCursor: 200 });
    const second = await checkForUpdates(store, options({ maxRequests: 2, cursor: first.nextCursor }));
    expect(second).toMatchObject({ checked: 200, requests: 2, nextCursor: 150 });
    // The 50 left over are brought up to date; the 150 from the start are already current.
    expect(second.updates).toHaveLength(50);
    expect(server.count('/api/query')).toBe(4);
  });

  it('looks up the papers added since the last check first, then goes on round the rest', async () => {
    const { ids: added } = v1Vault(30, 20250);
    serveIdLookups(server, new Map([...ids, ...added].map((id) => [id, entryAs(template, id)])));
    const store = vault();

    const first = await checkForUpdates(store, options({ maxRequests: 2 }));
    expect(first).toMatchObject({ checked: 200, nextCursor: 200, newestChecked: '2605.20249' });
    // A week of daily runs adds 30 papers, submitted after every paper the first check saw.
    const paper = paperOf(template);
    for (const [i, id] of added.entries()) await store.create(`Papers/${id}.md`, v1Note({ ...paper, id, absUrl: `https://arxiv.org/abs/${id}` }, `new${i}`));
    const asked = () => server.requests.flatMap((r) => r.query.get('id_list')!.split(','));
    const before = asked().length;

    const second = await checkForUpdates(store, options({ maxRequests: 2, cursor: first.nextCursor, newestChecked: first.newestChecked! }));
    // The 30 new ones first, newest first, then 170 of the rotation: the 50 the first check left and 120 from the start.
    expect(asked().slice(before, before + 30)).toEqual([...added].reverse());
    expect(second).toMatchObject({ checked: 200, nextCursor: 120, newestChecked: '2605.20279' });
    expect(second.updates.map((u) => u.id).filter((id) => added.includes(id))).toHaveLength(30);
    expect(second.updates).toHaveLength(80);
  });

  it('honours Retry-After from arXiv between batches', async () => {
    let calls = 0;
    server.handle('/api/query', (request) => {
      calls += 1;
      if (calls === 1) return { status: 503, headers: { 'retry-after': '7' }, body: 'busy' };
      const asked = request.query.get('id_list')!.split(',');
      return { body: feedOf(asked.map((id) => entryAs(template, id))) };
    });
    const report = await checkForUpdates(vault(), options());
    expect(report.requests).toBe(3);
    expect(server.count('/api/query')).toBe(4);
    expect(clock.sleeps).toEqual([7000, 3000, 3000]);
  });
});

describe('cancelling a check', () => {
  const { template, ids, vault } = v1Vault(150, 30000);

  it('while looking up: stops with one sentence and changes no note', async () => {
    serveIdLookups(server, new Map(ids.map((id) => [id, entryAs(template, id)])));
    const store = vault();
    const before = new Map(store.files);
    const abort = new AbortController();

    const check = checkForUpdates(store, options({ signal: abort.signal, onProgress: (done) => done === 100 && abort.abort() }));

    await expect(check).rejects.toEqual(
      new PaperFeedError(
        'cancelled',
        'Stopped looking your papers up on arXiv because the check was cancelled; no note was changed, so run the check again to finish.',
      ),
    );
    expect(server.count('/api/query')).toBe(1);
    expect(store.writes).toBe(0);
    expect(store.files).toEqual(before);
  });

  it('while writing: stops between notes, reports the ones changed, and starts the next check where this one began', async () => {
    serveIdLookups(server, new Map(ids.map((id) => [id, entryAs(template, id)])));
    const store = vault();
    const before = new Map(store.files);
    const abort = new AbortController();
    const write = store.process.bind(store);
    store.process = async (path, fn) => {
      const text = await write(path, fn);
      if (store.writes === 3) abort.abort();
      return text;
    };

    const report = await checkForUpdates(store, options({ signal: abort.signal, cursor: 0 }));

    expect(report.cancelled).toBe(true);
    expect(report.updates.map((u) => u.id)).toEqual(['2605.30149', '2605.30148', '2605.30147']);
    expect(report.nextCursor).toBe(0);
    const changed = [...store.files].filter(([path, text]) => before.get(path) !== text).map(([path]) => path);
    expect(changed.sort()).toEqual(['Papers/2605.30147.md', 'Papers/2605.30148.md', 'Papers/2605.30149.md']);
    for (const path of changed) expect(readFrontmatter(store.files.get(path)!).version).toBe(3);

    // The state keeps the three changes for the digest but not a time: the check did not finish.
    const state = afterCheck({ lastRun: '2026-05-01T00:00:00.000Z', cursor: 0, updates: [] }, report, new Date(NOW));
    expect(state.lastRun).toBe('2026-05-01T00:00:00.000Z');
    expect(state.updates.map((u) => u.id)).toEqual(['2605.30149', '2605.30148', '2605.30147']);

    const again = await checkForUpdates(store, options());
    expect(again.cancelled).toBeUndefined();
    expect(again.updates).toHaveLength(147);
  });
});

describe('several notes at a time', () => {
  const { template, ids, vault } = v1Vault(12, 40000);
  /** A store whose writes each take a turn of the event loop, counting how many are under way at once. */
  const slowWrites = (store: MemoryStore) => {
    const seen = { now: 0, most: 0 };
    const write = store.process.bind(store);
    store.process = async (path, fn) => {
      seen.now += 1;
      seen.most = Math.max(seen.most, seen.now);
      await new Promise((resolve) => setTimeout(resolve, 5));
      try {
        return await write(path, fn);
      } finally {
        seen.now -= 1;
      }
    };
    return seen;
  };

  it('rewrites up to writesAtOnce notes together and reports them in the order they were chosen', async () => {
    serveIdLookups(server, new Map(ids.map((id) => [id, entryAs(template, id)])));
    const store = vault();
    const seen = slowWrites(store);

    const report = await checkForUpdates(store, options({ writesAtOnce: 4 }));

    expect(seen.most).toBe(4);
    expect(store.writes).toBe(12);
    // Newest ids first, as chosen, whichever write finished first.
    expect(report.updates.map((u) => u.id)).toEqual([...ids].reverse());
    for (const id of ids) expect(readFrontmatter(store.files.get(`Papers/${id}.md`)!).version).toBe(3);
  });

  it('one at a time by default', async () => {
    serveIdLookups(server, new Map(ids.map((id) => [id, entryAs(template, id)])));
    const store = vault();
    const seen = slowWrites(store);

    const report = await checkForUpdates(store, options());

    expect(seen.most).toBe(1);
    expect(report.updates).toHaveLength(12);
  });

  it('a cancel stops new notes; those under way finish and are reported, and the next check starts where this one began', async () => {
    serveIdLookups(server, new Map(ids.map((id) => [id, entryAs(template, id)])));
    const store = vault();
    const abort = new AbortController();
    const write = store.process.bind(store);
    store.process = async (path, fn) => {
      // The first write to start cancels; the other three already started still finish.
      abort.abort();
      await new Promise((resolve) => setTimeout(resolve, 5));
      return write(path, fn);
    };

    const report = await checkForUpdates(store, options({ signal: abort.signal, cursor: 0, writesAtOnce: 4 }));

    expect(report.cancelled).toBe(true);
    expect(report.nextCursor).toBe(0);
    expect(report.updates.map((u) => u.id)).toEqual(ids.slice(-4).reverse());
    expect(store.writes).toBe(4);
  });
});
