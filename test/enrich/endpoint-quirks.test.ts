// What real OpenAI-compatible servers do that the plain case does not: LM Studio's 400 for
// response_format at concurrency 2, DeepSeek-R1-style thinking without an opening tag and with
// braces in it, reasoning_content, redirects, and a max_tokens sized to the paper.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryEnrichCache } from '../../core/enrich/cache';
import { enrichPapers, type EnrichReport } from '../../core/enrich/enrich';
import { keySafeTransport } from '../../core/enrich/key-safe-transport';
import type { EnrichSettings } from '../../core/enrich/settings';
import { fakeText, fakeTranslation, startLlmServer, type LlmServer, type RecordedRequest } from '../support/llm-server';
import { createFakeClock } from '../support/fake-clock';
import { samplePapers, settingsFor } from './papers';

let server: LlmServer;
let cache: MemoryEnrichCache;
beforeEach(async () => {
  server = await startLlmServer();
  cache = new MemoryEnrichCache();
});
afterEach(() => server.close());

function run(papers = samplePapers(4), overrides: Partial<EnrichSettings> = {}): Promise<EnrichReport> {
  return enrichPapers(papers, settingsFor(server.baseUrl, overrides), { transport: keySafeTransport, cache, clock: createFakeClock(), random: () => 0 });
}

const LM_STUDIO_400 = { status: 400, body: JSON.stringify({ error: "'response_format.type' must be 'json_schema' or 'text'" }) };
const answerOf = (r: RecordedRequest) => JSON.parse(fakeTranslation(r).content!) as Record<string, string>;

describe('endpoint quirks', () => {
  it('retries every paper LM Studio refused for response_format at concurrency 2, and remembers the refusal', async () => {
    server.respond((r) => (r.body?.response_format ? LM_STUDIO_400 : fakeTranslation(r)));
    const papers = samplePapers(6);
    const report = await run(papers, { concurrency: 2 });
    expect(report.failed).toEqual([]);
    expect([...report.results.values()].every((r) => r.missing.length === 0)).toBe(true);
    // The two first requests were refused together; both were asked again, the rest without it.
    expect(server.requests.filter((r) => r.body?.response_format)).toHaveLength(2);
    expect(report.requests).toBe(8);
    expect(cache.toJSON().refused).toEqual({ [`${server.baseUrl}|qwen2.5:7b`]: ['response_format'] });

    // The next run (through the saved cache) does not send it at all.
    cache = MemoryEnrichCache.fromJSON(JSON.parse(JSON.stringify(cache.toJSON())));
    const next = await run(samplePapers(8).slice(6));
    expect(next.requests).toBe(2);
    expect(server.requests.slice(8).map((r) => r.body?.response_format)).toEqual([undefined, undefined]);
  });

  it('reads DeepSeek-R1-style answers: thinking with braces and no opening tag, then </think>', async () => {
    server.respond((r) => ({
      content: `Okay, so I need JSON like {"title": "..."} and the set {1, 2}. Hmm } {.\n</think>\n\n${JSON.stringify(answerOf(r))}`,
    }));
    const papers = samplePapers(3);
    const report = await run(papers);
    expect(report.failed).toEqual([]);
    expect(report.results.get(papers[0]!.id)?.titleTranslated).toBe(fakeText(papers[0]!.title, 'zh-CN'));
  });

  it('accepts an answer that arrived in reasoning_content with an empty content', async () => {
    server.respond((r) => ({
      body: JSON.stringify({
        id: 'x',
        object: 'chat.completion',
        choices: [
          { index: 0, message: { role: 'assistant', content: '', reasoning_content: `Think {a}. ${JSON.stringify(answerOf(r))}` }, finish_reason: 'stop' },
        ],
      }),
    }));
    const papers = samplePapers(2);
    const report = await run(papers);
    expect(report.failed).toEqual([]);
    expect(report.results.get(papers[1]!.id)?.abstractTranslated).toBe(fakeText(papers[1]!.abstract, 'zh-CN'));
  });

  it('sends max_tokens sized to what is asked, and drops it when refused', async () => {
    const papers = samplePapers(1);
    await run(papers);
    const first = JSON.parse(server.requests[0]!.rawBody) as { max_tokens: number };
    expect(first.max_tokens).toBe(1024 + 2 * (papers[0]!.title.length + papers[0]!.abstract.length));

    server.respond((r) =>
      r.rawBody.includes('max_tokens')
        ? { status: 400, body: '{"error":{"message":"Unrecognized request argument supplied: max_tokens"}}' }
        : fakeTranslation(r),
    );
    const report = await run(samplePapers(2).slice(1));
    expect(report.failed).toEqual([]);
    expect(report.requests).toBe(2);
  });

  it('names a redirect to /v1 (a base URL missing it) and asks no further', async () => {
    server.redirect('/chat/completions', '/v1/chat/completions', 307);
    const report = await run(samplePapers(3), { baseUrl: server.baseUrl.replace(/\/v1$/, ''), concurrency: 1 });
    expect(report.stoppedBecause).toBe(
      `${server.host} redirected the request (HTTP 307) to http://${server.host}/v1/chat/completions. Set the base URL to http://${server.host}/v1 in the enrichment settings.`,
    );
    expect(report.requests).toBe(1);
    expect(report.waiting.map((w) => w.code)).toEqual(['stopped', 'stopped', 'stopped']);
  });
});
