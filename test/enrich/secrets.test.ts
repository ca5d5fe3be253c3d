// The API key: it goes to the configured endpoint in one header and
// appears nowhere else: not in results, reasons, stop lines or the cache a host writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpTransport } from '../../core/arxiv/http';
import { MemoryEnrichCache } from '../../core/enrich/cache';
import { enrichPapers, type EnrichDeps, type EnrichReport } from '../../core/enrich/enrich';
import type { EnrichSettings } from '../../core/enrich/settings';
import { fakeText, fakeTranslation, faults, startLlmServer, type LlmServer, type RecordedRequest } from '../support/llm-server';
import { createFakeClock } from '../support/fake-clock';
import { fetchTransport } from './fetch-transport';
import { samplePapers, settingsFor } from './papers';

let server: LlmServer;
let cache: MemoryEnrichCache;
beforeEach(async () => {
  server = await startLlmServer();
  cache = new MemoryEnrichCache();
});
afterEach(() => server.close());

function run(papers = samplePapers(4), overrides: Partial<EnrichSettings> = {}, deps: Partial<EnrichDeps> = {}): Promise<EnrichReport> {
  return enrichPapers(papers, settingsFor(server.baseUrl, overrides), { transport: fetchTransport, cache, clock: createFakeClock(), random: () => 0, ...deps });
}

const indexOf = (papers: Array<{ title: string }>, request: RecordedRequest) => papers.findIndex((p) => p.title === request.paper?.title);

describe('the API key', () => {
  const KEY = 'sk-live-4f9a0c2d7e1b8a6f3c5d';

  it('says "API key rejected by <host>." once on 401 and stops enriching for the run', async () => {
    server.respond(() => faults.unauthorized(KEY));
    const report = await run(samplePapers(5), { concurrency: 1 }, { apiKey: KEY });
    expect(report.stoppedBecause).toBe(`API key rejected by ${server.host}. Check the key in the enrichment settings; translation continues on the next run.`);
    expect(report.failed).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect([...report.results.values()].every((r) => r.missing.length === 2)).toBe(true);
  });

  it('reports a 401 once even with several requests in flight', async () => {
    server.respond(() => faults.unauthorized(KEY));
    const report = await run(samplePapers(6), { concurrency: 3 }, { apiKey: KEY });
    expect(report.stoppedBecause).toBe(`API key rejected by ${server.host}. Check the key in the enrichment settings; translation continues on the next run.`);
    expect(report.failed).toEqual([]);
  });

  it('goes to the endpoint in the Authorization header and nowhere else', async () => {
    await run(samplePapers(3), {}, { apiKey: KEY });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`, `Bearer ${KEY}`]);
    expect(server.requests.some((r) => r.rawBody.includes(KEY) || r.path.includes(KEY))).toBe(false);
  });

  it('is not sent at all when none is set: no Authorization header', async () => {
    await run(samplePapers(3), {}, { apiKey: '   ' });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, undefined, undefined]);
  });

  it('never appears in results, reasons, the stop line or the cache, whatever the endpoint echoes', async () => {
    const papers = samplePapers(6);
    server.respond((r) => {
      switch (indexOf(papers, r)) {
        case 0:
          return { content: JSON.stringify({ title: `${fakeText(papers[0]!.title, 'zh-CN')} ${KEY}`, abstract: fakeText(papers[0]!.abstract, 'zh-CN') }) };
        case 1:
          return { status: 400, body: JSON.stringify({ error: { message: `bad request from Bearer ${KEY}` } }) };
        case 2:
          return faults.serverError(500, `upstream refused key ${KEY}`);
        case 3:
          return { content: `not json, but here is your key: ${KEY.slice(0, 6)}****${KEY.slice(-8)}` };
        case 4:
          return faults.unauthorized(KEY);
        default:
          return fakeTranslation(r);
      }
    });
    const report = await run(papers, { concurrency: 1 }, { apiKey: KEY });
    expect(report.stoppedBecause).toBe(`API key rejected by ${server.host}. Check the key in the enrichment settings; translation continues on the next run.`);
    expect(report.failed.map((f) => f.id)).toEqual([papers[1]!.id, papers[2]!.id, papers[3]!.id]);
    expect(report.results.get(papers[0]!.id)?.titleTranslated).toBe(`${fakeText(papers[0]!.title, 'zh-CN')} [redacted]`);

    const everything = JSON.stringify({ ...report, results: [...report.results] }) + JSON.stringify(cache.toJSON());
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(KEY.slice(-8));
  });

  it('is refused over plain http to a public host, before any request', async () => {
    const transport: HttpTransport = () => Promise.reject(new Error('no request may be sent'));
    const report = await enrichPapers(samplePapers(2), settingsFor('http://llm.example.com/v1'), { transport, cache, apiKey: KEY });
    expect(report.stoppedBecause).toBe('Not sending the API key to llm.example.com over plain http. Use an https:// base URL in the enrichment settings.');
    expect(report.requests).toBe(0);
  });
});
