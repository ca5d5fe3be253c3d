// Benchmark: the catch-up check over vaults of 500, 5,000 and 50,000 paper notes,
// all submitted in the last 12 months (the worst case: every note is looked up). The local arXiv
// stand-in answers each id_list request from a recorded API entry (../shared/arxiv-samples),
// given each note's id; one note in 20 comes back published (v3, journal reference, DOI). The
// polite client's 3 s pacing runs on a fake clock, so the real time measured is Paper Feed's own
// work (HTTP on 127.0.0.1, parsing, comparing, writing), and the pacing is added from the clock:
// that sum is how long the check takes against arXiv.

import { parseApiFeed } from '../core/arxiv/api';
import { fetchTransport } from '../core/arxiv/fetch-transport';
import { createArxivClient } from '../core/arxiv/polite';
import { checkForUpdates, DEFAULT_MAX_REQUESTS } from '../core/catch-up/check';
import { IDS_PER_REQUEST } from '../core/arxiv/id-lookup';
import { renderPaperNote } from '../core/notes/paper-note';
import { MemoryStore } from '../core/notes/memory-store';
import { entryAs, feedOf, recordedEntries } from '../test/catch-up/api-entries';
import { startArxivServer } from '../test/support/arxiv-server';
import { createFakeClock } from '../test/support/fake-clock';
import { preprintOf } from './published';
import { log, runSuite } from './suite';

const SIZES = [500, 5000, 50_000];
const NOW = Date.parse('2026-05-28T12:00:00Z');

function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 90) return `${s.toFixed(0)} s`;
  if (s < 5400) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(2)} h`;
}

await runSuite('catch-up', async () => {
  const published = recordedEntries().get('2206.06921')!;
  const preprint = preprintOf(published);
  const server = await startArxivServer({ maxRequests: 10_000 });
  const figures: Record<string, unknown> = {};
  const cells: string[] = [];
  try {
    server.handle('/api/query', (request) => {
      const ids = (request.query.get('id_list') ?? '').split(',').filter(Boolean);
      return { body: feedOf(ids.map((id) => entryAs(Number(id.slice(5)) % 20 === 0 ? published : preprint, id))) };
    });
    for (const size of SIZES) {
      const ids = Array.from({ length: size }, (_, i) => `2605.${String(10000 + i).padStart(5, '0')}`);
      const notes = ids.map((id, i) => {
        const paper = parseApiFeed(feedOf([entryAs(preprint, id)])).papers[0]!;
        return [`arXiv/Papers/${id}.md`, renderPaperNote(paper, { citekey: `key${i}`, keywords: [], digests: [] })] as const;
      });
      const store = new MemoryStore(notes);
      const clock = createFakeClock(NOW);
      const client = createArxivClient({ transport: fetchTransport(), clock, random: () => 0.5 });
      const before = server.count('/api/query');
      const started = performance.now();
      // One uncapped pass: what covering the whole vault costs (a capped run does a share of it).
      const report = await checkForUpdates(store, {
        client,
        apiBase: server.url('/api/query'),
        now: NOW,
        keepKeys: ['rating'],
        maxRequests: Number.MAX_SAFE_INTEGER,
      });
      const realMs = performance.now() - started;
      const requests = server.count('/api/query') - before;
      const pacingMs = clock.sleeps.reduce((a, b) => a + b, 0);
      const perRun = Math.min(DEFAULT_MAX_REQUESTS, requests);
      const runs = Math.ceil(requests / DEFAULT_MAX_REQUESTS);
      figures[String(size)] = {
        requests,
        expected: Math.ceil(size / IDS_PER_REQUEST),
        updated: report.updates.length,
        realMs: Math.round(realMs),
        pacingMs,
        totalMs: Math.round(realMs + pacingMs),
        perRun,
        runs,
      };
      log(`${size} notes: ${requests} requests, ${report.updates.length} updated, ${Math.round(realMs)} ms own work + ${pacingMs / 1000} s pacing`);
      cells.push(`${size.toLocaleString('en')}: ${requests} requests, ${formatDuration(realMs + pacingMs)} (${(realMs / 1000).toFixed(1)} s own work)`);
    }
  } finally {
    await server.close();
  }
  const met = SIZES.every((size) => (figures[String(size)] as { requests: number; expected: number }).requests === Math.ceil(size / IDS_PER_REQUEST));
  return [
    {
      id: 'catch-up',
      what: 'Update check of kept/recent paper notes (every note recent; 1 in 20 published since)',
      measured: cells.join(' · '),
      comparedWith: `one id per request: ${SIZES.map((s) => s.toLocaleString('en')).join(' / ')} requests`,
      ratio: `${IDS_PER_REQUEST}× fewer requests`,
      goal: `⌈N/${IDS_PER_REQUEST}⌉ requests, ≥ 3 s apart`,
      met,
      notes: [
        'requests counted at the local arXiv stand-in; the 3 s pacing is taken from the fake clock and added to the real time measured',
        `a run sends at most ${DEFAULT_MAX_REQUESTS} requests (${DEFAULT_MAX_REQUESTS * IDS_PER_REQUEST} notes, about a minute); bigger sets are covered over the next runs`,
      ],
      figures,
    },
  ];
});
