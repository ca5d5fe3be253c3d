// Enrichment end to end against a stand-in endpoint on 127.0.0.1: cache, budget, concurrency,
// cancellation, turned-down answers and failures that the next run repairs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpTransport } from '../../core/arxiv/http';
import { MemoryEnrichCache } from '../../core/enrich/cache';
import { enrichPapers, type EnrichDeps, type EnrichReport } from '../../core/enrich/enrich';
import type { EnrichSettings } from '../../core/enrich/settings';
import { fakeText, fakeTranslation, faults, startLlmServer, type LlmServer, type RecordedRequest } from '../support/llm-server';
import { createFakeClock, type FakeClock } from '../support/fake-clock';
import { fetchTransport } from './fetch-transport';
import { samplePapers, settingsFor } from './papers';

let server: LlmServer;
let clock: FakeClock;
let cache: MemoryEnrichCache;
beforeEach(async () => {
  server = await startLlmServer();
  clock = createFakeClock(Date.parse('2026-05-29T12:00:00Z'));
  cache = new MemoryEnrichCache();
});
afterEach(() => server.close());

function run(papers = samplePapers(4), overrides: Partial<EnrichSettings> = {}, deps: Partial<EnrichDeps> = {}): Promise<EnrichReport> {
  return enrichPapers(papers, settingsFor(server.baseUrl, overrides), { transport: fetchTransport, cache, clock, random: () => 0, ...deps });
}

const translated = (paper: { title: string; abstract: string }) => ({
  titleTranslated: fakeText(paper.title, 'zh-CN'),
  abstractTranslated: fakeText(paper.abstract, 'zh-CN'),
  missing: [],
});

/** Index of the paper a request is about, by its title. */
const indexOf = (papers: Array<{ title: string }>, request: RecordedRequest) => papers.findIndex((p) => p.title === request.paper?.title);

describe('enriching a run', () => {
  it('does nothing while enrichment is off', async () => {
    const report = await run(samplePapers(3), { enabled: false });
    expect(report).toEqual({ results: new Map(), requests: 0, fromCache: 0, failed: [], waiting: [] });
    expect(server.requests).toEqual([]);
  });

  it('translates titles and abstracts, and a second run makes no request', async () => {
    const papers = samplePapers(5);
    const first = await run(papers);
    expect(first.requests).toBe(5);
    expect([...first.results]).toEqual(papers.map((p) => [p.id, translated(p)]));
    expect(first.failed).toEqual([]);
    expect(first.stoppedBecause).toBeUndefined();

    const second = await run(papers);
    expect(second.requests).toBe(0);
    expect(second.fromCache).toBe(5);
    expect(second.results).toEqual(first.results);
    expect(server.requests).toHaveLength(5);
  });

  it('shares the cache with another host through JSON, and asks again only for a new version', async () => {
    const papers = samplePapers(3);
    await run(papers);
    cache = MemoryEnrichCache.fromJSON(JSON.parse(JSON.stringify(cache.toJSON())));
    const updated = papers.map((p, i) => (i === 1 ? { ...p, version: 2 } : p));
    const report = await run(updated);
    expect(report.requests).toBe(1);
    expect(report.fromCache).toBe(2);
    expect(server.requests.at(-1)!.paper?.title).toBe(papers[1]!.title);
  });

  it('asks only for the parts the cache lacks, and keeps an English TL;DR across target languages', async () => {
    const papers = samplePapers(2);
    await run(papers, { produce: { title: true, abstract: false, tldr: true }, tldrLanguage: 'en' });
    expect(server.requests.map((r) => r.languages)).toEqual([
      { title: 'zh-CN', tldr: 'en' },
      { title: 'zh-CN', tldr: 'en' },
    ]);
    const japanese = await run(papers, { targetLanguage: 'ja', produce: { title: true, abstract: false, tldr: true }, tldrLanguage: 'en' });
    expect(server.requests.slice(2).map((r) => r.asked)).toEqual([['title'], ['title']]);
    expect(japanese.results.get(papers[0]!.id)).toEqual({
      titleTranslated: fakeText(papers[0]!.title, 'ja'),
      tldr: fakeText(papers[0]!.abstract.slice(0, 60), 'en'),
      missing: [],
    });
  });

  it('sends at most the budget of papers; cached papers are free', async () => {
    const papers = samplePapers(10);
    await run([papers[1]!, papers[3]!]);
    const before = server.requests.length;
    const report = await run(papers, { budget: 3 });
    expect(
      server.requests
        .slice(before)
        .map((r) => indexOf(papers, r))
        .sort(),
    ).toEqual([0, 2, 4]);
    expect(report.fromCache).toBe(2);
    expect(report.stoppedBecause).toBe('Reached the budget of 3 papers for this run; 5 more wait for the next run.');
    expect([...report.results.values()].filter((r) => r.missing.length === 2)).toHaveLength(5);
  });

  it.each([1, 2, 3])('keeps at most %i requests in flight, counted at the endpoint', async (concurrency) => {
    server.respond((r) => faults.slow(60, fakeTranslation(r)));
    const report = await run(samplePapers(8), { concurrency });
    expect(server.maxInFlight).toBe(concurrency);
    expect(report.requests).toBe(8);
  });

  it('reports progress paper by paper', async () => {
    const calls: Array<[number, number]> = [];
    await run(samplePapers(3), { concurrency: 1 }, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('on cancel starts nothing new, aborts what is in flight and keeps what it has', async () => {
    const papers = samplePapers(6);
    const cancel = new AbortController();
    // Paper 0 is answered at once; the request for paper 2 (sent when paper 0 is done)
    // cancels, so papers 1 and 2 are in flight then, whatever order they arrived in.
    server.respond((r) => {
      if (indexOf(papers, r) === 2) cancel.abort();
      return indexOf(papers, r) === 0 ? fakeTranslation(r) : faults.slow(2000, fakeTranslation(r));
    });
    const report = await run(papers, {}, { signal: cancel.signal });
    expect(report.stoppedBecause).toBe('Cancelled after 1 of 6 papers; the next run continues with the rest.');
    expect([...report.results.values()].map((r) => r.missing.length)).toEqual([0, 2, 2, 2, 2, 2]);
    expect(report.failed).toEqual([]);
    expect(server.requests).toHaveLength(3);
    await vi.waitFor(() => expect(server.aborted).toBe(2));

    server.respond(fakeTranslation);
    const next = await run(papers);
    expect(next.requests).toBe(5);
    expect([...next.results.values()].every((r) => r.missing.length === 0)).toBe(true);
  });

  it('asks again once after a broken answer and uses the second', async () => {
    server.respond((r) => (r.n === 1 ? { content: 'Sure! Here is the translation: 稀疏注意力' } : fakeTranslation(r)));
    const [paper] = samplePapers(1);
    const report = await run([paper!]);
    expect(report.results.get(paper!.id)).toEqual(translated(paper!));
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body?.messages?.[1]?.content).toContain(
      'Your previous answer was not usable: title: the answer was not JSON; abstract: the answer was not JSON',
    );
  });

  it('accepts a plain-text answer when only one part was asked', async () => {
    const [paper] = samplePapers(1);
    server.respond(() => ({ content: '本文让注意力变得稀疏。' }));
    const report = await run([paper!], { produce: { title: false, abstract: false, tldr: true } });
    expect(report.results.get(paper!.id)).toEqual({ tldr: '本文让注意力变得稀疏。', missing: [] });
    expect(report.requests).toBe(1);
  });

  it('asks again only for the part that was turned down', async () => {
    const [paper] = samplePapers(1);
    server.respond((r) => (r.n === 1 ? { content: JSON.stringify({ title: fakeText(paper!.title, 'zh-CN'), abstract: '' }) } : fakeTranslation(r)));
    const report = await run([paper!]);
    expect(server.requests.map((r) => r.asked)).toEqual([['title', 'abstract'], ['abstract']]);
    expect(report.results.get(paper!.id)).toEqual(translated(paper!));
  });

  it.each([
    [
      'in the wrong language',
      faults.wrongLanguage(),
      'english',
      'The model answered in English, not zh-CN (title: the answer was in the wrong language (it is not written in Han script); abstract: the answer was in the wrong language (it is not written in Han script)).',
    ],
    ['empty', faults.empty(), 'empty', 'The answer was not the JSON asked for (title: the answer was empty; abstract: the answer was empty).'],
    [
      'broken JSON',
      faults.brokenJson(),
      'not-json',
      'The answer was not the JSON asked for (title: the answer was not JSON; abstract: the answer was not JSON).',
    ],
  ])('records parts as missing after two answers %s, and goes on', async (_, reply, code, why) => {
    const papers = samplePapers(2);
    server.respond((r) => (r.paper?.title === papers[0]!.title ? reply : fakeTranslation(r)));
    const report = await run(papers, { concurrency: 1 });
    // Turned down at noon on 29 May: the daily run of 30 May asks again, and the note says so.
    const reason = `${why[0]!.toLowerCase()}${why.slice(1, why.indexOf(' ('))}`;
    expect(report.results.get(papers[0]!.id)).toEqual({ missing: ['title', 'abstract'], turnedDown: { reason, askAgainFrom: '2026-05-30' } });
    expect(report.results.get(papers[1]!.id)).toEqual(translated(papers[1]!));
    expect(report.failed).toEqual([{ id: papers[0]!.id, code, reason: why }]);
    expect(report.requests).toBe(3);
    expect(cache.toJSON().entries).not.toHaveProperty(`${papers[0]!.id}|v1|zh-CN|qwen2.5:7b|title`);
  });

  it('when half the papers fail, the next run completes exactly those', async () => {
    const papers = samplePapers(10);
    server.respond((r) => (indexOf(papers, r) % 2 === 0 ? faults.serverError(500) : fakeTranslation(r)));
    const first = await run(papers, { concurrency: 1 });
    const even = papers.filter((_, i) => i % 2 === 0);
    expect(first.failed).toEqual(even.map((p) => ({ id: p.id, code: 'server', reason: `${server.host} failed with HTTP 500 after 4 attempts.` })));
    expect(first.requests).toBe(5 + 5 * 4);
    expect(first.stoppedBecause).toBeUndefined();

    server.respond(fakeTranslation);
    const before = server.requests.length;
    const second = await run(papers, { concurrency: 1 });
    expect(server.requests.slice(before).map((r) => indexOf(papers, r))).toEqual([0, 2, 4, 6, 8]);
    expect(second.fromCache).toBe(5);
    expect([...second.results]).toEqual(papers.map((p) => [p.id, translated(p)]));
  });

  it('stops for the run when the endpoint fails for four papers in a row', async () => {
    server.respond(() => faults.serverError(502));
    const report = await run(samplePapers(8), { concurrency: 1 });
    expect(report.stoppedBecause).toBe(
      `Enrichment stopped for this run after 4 papers in a row failed (${server.host} failed with HTTP 502 after 4 attempts); the next run tries again.`,
    );
    expect(report.failed).toHaveLength(4);
    expect(server.requests).toHaveLength(16);
  });

  it('waits out a 429 and finishes', async () => {
    server.respond((r) => (r.n === 1 ? faults.rateLimited(2) : fakeTranslation(r)));
    const report = await run(samplePapers(3), { concurrency: 1 });
    expect(clock.sleeps).toEqual([2000]);
    expect(report.failed).toEqual([]);
    expect(report.requests).toBe(4);
  });

  it('drops response_format for the rest of the run once the endpoint refuses it', async () => {
    server.respond((r) => (r.body?.response_format ? { status: 400, body: '{"error":"unknown field response_format"}' } : fakeTranslation(r)));
    const report = await run(samplePapers(4), { concurrency: 1 });
    expect(report.requests).toBe(5);
    expect(report.failed).toEqual([]);
  });

  it('fails a paper the endpoint is too slow for, and goes on', async () => {
    const papers = samplePapers(3);
    server.respond((r) => (indexOf(papers, r) === 1 ? faults.slow(3000, fakeTranslation(r)) : fakeTranslation(r)));
    const report = await run(papers, { timeoutMs: 300 });
    expect(report.failed).toEqual([
      {
        id: papers[1]!.id,
        code: 'timeout',
        reason: `${server.host} did not answer within 0.3 s. Raise the timeout or pick a faster model in the enrichment settings.`,
      },
    ]);
    expect(report.results.get(papers[2]!.id)).toEqual(translated(papers[2]!));
  });

  it('stops with one line when the endpoint cannot be reached', async () => {
    await server.close();
    const report = await run(samplePapers(3), { concurrency: 1 });
    expect(report.stoppedBecause).toBe(
      `Could not reach ${server.host}. Check that the server is running and the base URL in the enrichment settings is right.`,
    );
    expect(report.failed).toEqual([]);
    expect(report.requests).toBe(4);
  });
});

describe('settings that skipped validation', () => {
  it('stops with one line instead of throwing on a base URL that is not a URL', async () => {
    const transport: HttpTransport = () => Promise.reject(new Error('no request may be sent'));
    const report = await enrichPapers(samplePapers(1), settingsFor('localhost:11434 sk-secret-in-url'), { transport, cache: new MemoryEnrichCache() });
    expect(report.stoppedBecause).toBe('Setting enrich.baseUrl is not an http(s) URL; use e.g. http://localhost:11434/v1.');
  });
});
