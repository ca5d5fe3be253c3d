// An API key never shows up where a person, a log or a synced vault could see it: not
// in reports, messages or thrown errors of the enrichment core, whatever the endpoint or the
// transport echoes, not in a settings error when it was pasted into the wrong field, and not in
// the CLI's output, even with PAPER_FEED_DEBUG=1, nor in the vault it writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpTransport } from '../../core/arxiv/http';
import { MemoryEnrichCache } from '../../core/enrich/cache';
import { enrichPapers } from '../../core/enrich/enrich';
import { validateEnrichSettings, type EnrichSettings } from '../../core/enrich/settings';
import { messageFor } from '../../core/errors';
import { createFakeClock } from '../support/fake-clock';
import { faults, fakeTranslation, startLlmServer, type LlmServer } from '../support/llm-server';
import { closedPort } from '../support/arxiv-server';
import { makePaper } from '../support/papers';
import { ensureBuiltCli, runCli, snapshot } from './cli-host';

const KEY = 'sk-proj-Zq81x0RkT5wVb7Nc2Lm9Hd4Jf6Gs3Ay';
/** Forms in which a key leaks: whole, its tail (masked echoes end with it), URL-encoded. */
const LEAKS = [KEY, KEY.slice(-8), encodeURIComponent(KEY)];

function expectNoKey(where: string, text: string): void {
  for (const leak of LEAKS) expect({ where, leaks: text.includes(leak) }).toEqual({ where, leaks: false });
}

const papers = Array.from({ length: 6 }, (_, i) =>
  makePaper({ id: `2605.${30001 + i}`, title: `Sparse Attention Study ${i + 1}`, abstract: `We study sparse attention, case ${i + 1}.` }),
);

function settings(baseUrl: string): EnrichSettings {
  return validateEnrichSettings({ enabled: true, baseUrl, model: 'stand-in', targetLanguage: 'zh-CN', concurrency: 1, budget: 50, timeoutMs: 2000 });
}

/** Everything a run leaves for a person or a log: the report, the cache, or the error thrown. */
async function everythingFrom(run: () => Promise<unknown>, cache: MemoryEnrichCache): Promise<string> {
  try {
    const report = (await run()) as { results: Map<string, unknown> };
    return JSON.stringify({ ...report, results: [...report.results] }) + JSON.stringify(cache.toJSON());
  } catch (error) {
    return `${messageFor(error)}\n${error instanceof Error ? (error.stack ?? '') : String(error)}\n${JSON.stringify(error)}`;
  }
}

describe('the API key in the enrichment core', () => {
  let server: LlmServer;
  beforeAll(async () => {
    server = await startLlmServer();
  });
  afterAll(() => server.close());

  it('appears nowhere when the endpoint echoes it in answers, refusals and errors', async () => {
    let n = 0;
    server.respond((request) => {
      n += 1;
      switch (n % 6) {
        case 1:
          return { content: JSON.stringify({ title: `翻译 ${KEY}`, abstract: `摘要 Bearer ${KEY}` }) };
        case 2:
          return { status: 400, body: JSON.stringify({ error: { message: `bad request for key ${KEY.slice(0, 7)}…${KEY.slice(-8)}` } }) };
        case 3:
          return faults.serverError(503, `upstream rejected ${KEY}`);
        case 4:
          return { status: 422, body: JSON.stringify({ error: `api_key=${encodeURIComponent(KEY)} is not allowed` }) };
        case 5:
          return { content: `not JSON; your key was ${KEY}` };
        default:
          return fakeTranslation(request);
      }
    });
    const cache = new MemoryEnrichCache();
    const text = await everythingFrom(
      () => enrichPapers(papers, settings(server.baseUrl), { transport: fetchJson, cache, apiKey: KEY, clock: createFakeClock(), random: () => 0 }),
      cache,
    );
    expect(server.requests.length).toBeGreaterThan(0);
    expectNoKey('enrichment report and cache', text);
  });

  it('appears nowhere when the transport itself fails with the request (and its headers) in the error', async () => {
    const leaky: HttpTransport = async (request) => {
      throw new Error(`socket hang up while sending ${JSON.stringify(request.headers)} to ${request.url}?key=${KEY}`);
    };
    const cache = new MemoryEnrichCache();
    const text = await everythingFrom(
      () => enrichPapers(papers, settings('https://llm.example.org/v1'), { transport: leaky, cache, apiKey: KEY, clock: createFakeClock(), random: () => 0 }),
      cache,
    );
    expect(text).toContain('Could not reach llm.example.org');
    expectNoKey('enrichment report after transport errors', text);
  });

  it('is not repeated back when pasted into the base URL by mistake', () => {
    let message = '';
    try {
      validateEnrichSettings({ enabled: true, baseUrl: KEY, model: 'm', targetLanguage: 'zh-CN' });
    } catch (error) {
      message = messageFor(error);
    }
    expect(message).toMatch(/^Setting enrich\.baseUrl /);
    expectNoKey('settings error', message);
  });
});

describe('the API key and the CLI, with debug output on', () => {
  let work: string;
  let server: LlmServer;
  beforeAll(async () => {
    ensureBuiltCli();
    work = await mkdtemp(join(tmpdir(), 'pf-secrets-'));
    server = await startLlmServer();
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  it.each([
    ['a run whose endpoint echoes the key back', ['daily', '--sample']],
    ['a run that fails to reach arXiv', ['daily', '--rss-base', 'CLOSED_PORT']],
  ])(
    '%s prints it nowhere and writes it into no note or state file',
    async (_label, given) => {
      const args = await Promise.all(given.map(async (a) => (a === 'CLOSED_PORT' ? `http://127.0.0.1:${await closedPort()}/rss` : a)));
      // First a translation that quotes the key, then a refusal that quotes it, then a 401 that
      // quotes it and ends translating for the run.
      let n = 0;
      server.respond((request) => {
        n += 1;
        if (n === 1) return { content: JSON.stringify({ title: `标题 ${KEY}`, abstract: `摘要 ${KEY.slice(-8)}` }) };
        if (n === 2) return { status: 400, body: JSON.stringify({ error: { message: `key ${KEY} is not valid for this model` } }) };
        if (n === 3) return faults.unauthorized(KEY);
        return fakeTranslation(request);
      });
      const vault = join(work, `vault-${args.length}`);
      await writeFile(
        join(work, 'keyed.json'),
        JSON.stringify({
          enrich: { enabled: true, baseUrl: server.baseUrl, model: 'stand-in', targetLanguage: 'zh-CN', concurrency: 1, apiKeyEnv: 'PF_TEST_KEY' },
        }),
      );
      const result = await runCli([...args, '--config', 'keyed.json', '--vault', vault], work, {
        PAPER_FEED_DEBUG: '1',
        PAPER_FEED_MAX_ATTEMPTS: '1',
        PF_TEST_KEY: KEY,
        OPENAI_API_KEY: KEY,
      });
      if (args.includes('--sample')) {
        expect(result.code).toBe(0);
        expect(server.requests.slice(0, 3).map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`, `Bearer ${KEY}`]);
      } else {
        expect(result.code).toBe(1);
        expect(result.stderr.split('\n')[0]).toMatch(/^arXiv could not be reached \(ECONNREFUSED\)/);
      }
      expectNoKey('stdout', result.stdout);
      expectNoKey('stderr', result.stderr);
      for (const [path, bytes] of await snapshot(vault)) expectNoKey(path, bytes.toString('utf8'));
    },
    60_000,
  );
});

/** The fetch transport a Node host uses, refusing redirects so the key cannot follow one. */
const fetchJson: HttpTransport = async (request) => {
  const response = await fetch(request.url, {
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    redirect: 'error',
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
  return { status: response.status, headers, body: await response.text() };
};
