// The chat client against a stand-in endpoint: request shape, backoff on a fake clock, and
// the one-sentence errors for 401, 404, 429, 5xx, timeouts and unreachable endpoints.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatClient, keyTransportProblem, retryAfterMs } from '../../core/enrich/client';
import { PaperFeedError } from '../../core/errors';
import { faults, startLlmServer, type LlmServer } from '../support/llm-server';
import { createFakeClock, type FakeClock } from '../support/fake-clock';
import { fetchTransport } from './fetch-transport';

const KEY = 'sk-proj-Zq8vT3xWm91LkPa0cDe7';
const messages = [{ role: 'user' as const, content: 'Keys: title' }];

let server: LlmServer;
let clock: FakeClock;
beforeEach(async () => {
  server = await startLlmServer(() => ({ content: '{"title":"稀疏注意力"}' }));
  clock = createFakeClock();
});
afterEach(() => server.close());

function client(options: { apiKey?: string; timeoutMs?: number; baseUrl?: string } = {}): ChatClient {
  return new ChatClient({
    baseUrl: options.baseUrl ?? server.baseUrl,
    model: 'qwen2.5:7b',
    apiKey: options.apiKey,
    transport: fetchTransport,
    clock,
    timeoutMs: options.timeoutMs ?? 10_000,
    random: () => 0,
  });
}

async function failure(promise: Promise<unknown>): Promise<PaperFeedError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof PaperFeedError) return e;
    throw e;
  }
  throw new Error('expected a PaperFeedError');
}

const never = new AbortController().signal;

describe('chat client', () => {
  it('posts a JSON-mode request at temperature 0 and reads choices[0].message.content', async () => {
    const answer = await client({ apiKey: KEY }).complete(messages, never);
    expect(answer).toEqual({ content: '{"title":"稀疏注意力"}', finishReason: 'stop' });
    const [request] = server.requests;
    expect(request!.path).toBe('/v1/chat/completions');
    expect(request!.body).toEqual({ model: 'qwen2.5:7b', messages, stream: false, temperature: 0, response_format: { type: 'json_object' } });
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('sends no Authorization header when no key is set', async () => {
    await client({ apiKey: '' }).complete(messages, never);
    await client().complete(messages, never);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
  });

  it('drops response_format once when the endpoint refuses it, and remembers for the run', async () => {
    server.respond((r) => (r.body?.response_format ? { status: 400, body: '{"error":{"message":"response_format is not supported"}}' } : { content: 'ok' }));
    const chat = client();
    await chat.complete(messages, never);
    await chat.complete(messages, never);
    expect(server.requests.map((r) => r.body?.response_format !== undefined)).toEqual([true, false, false]);
    expect(chat.requests).toBe(3);
  });

  it('waits as long as Retry-After says on 429, then carries on', async () => {
    let calls = 0;
    server.respond(() => (++calls === 1 ? faults.rateLimited(7) : { content: 'ok' }));
    expect((await client().complete(messages, never)).content).toBe('ok');
    expect(clock.sleeps).toEqual([7000]);
    expect(server.requests).toHaveLength(2);
  });

  it('backs off exponentially on 5xx and gives up after four attempts', async () => {
    server.respond(() => faults.serverError(503));
    const error = await failure(client().complete(messages, never));
    expect(error.kind).toBe('server');
    expect(error.message).toBe(`${server.host} failed with HTTP 503 after 4 attempts.`);
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
    expect(server.requests).toHaveLength(4);
  });

  it('stops on a 429 that asks for a longer wait than a run should take', async () => {
    server.respond(() => faults.rateLimited(3600));
    const error = await failure(client().complete(messages, never));
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toBe(`${server.host} is limiting requests (HTTP 429). Translation stops for this run; the next run continues where it stopped.`);
    expect(server.requests).toHaveLength(1);
  });

  it('says "API key rejected by <host>." on 401 and 403, without retrying', async () => {
    for (const status of [401, 403]) {
      server.respond(() => ({ ...faults.unauthorized(KEY), status }));
      const error = await failure(client({ apiKey: KEY }).complete(messages, never));
      expect(error.message).toBe(`API key rejected by ${server.host}. Check the key in the enrichment settings; translation continues on the next run.`);
      expect(error.kind).toBe('bad-config');
    }
    expect(server.requests).toHaveLength(2);
  });

  it('says an endpoint wants a key when none is set', async () => {
    server.respond(() => faults.unauthorized());
    const error = await failure(client().complete(messages, never));
    expect(error.message).toBe(
      `${server.host} asks for an API key and none is set. Add one in the enrichment settings; translation continues on the next run.`,
    );
  });

  it('names the path and model on 404', async () => {
    const error = await failure(client({ baseUrl: server.baseUrl.replace('/v1', '/api') }).complete(messages, never));
    expect(error.message).toBe(
      `${server.host} has no chat endpoint at /api/chat/completions or does not serve the model "qwen2.5:7b". Check the base URL and model in the enrichment settings.`,
    );
  });

  it('quotes an endpoint refusal without the key it echoed', async () => {
    server.respond(() => ({ status: 400, body: JSON.stringify({ error: { message: `context too long for key ${KEY} (Bearer ${KEY})` } }) }));
    const error = await failure(client({ apiKey: KEY }).complete(messages, never));
    expect(error.message).toBe(`${server.host} refused the request (HTTP 400: context too long for key [redacted] ([redacted])).`);
  });

  it('reports an endpoint that cannot be reached after retrying', async () => {
    const gone = server.baseUrl;
    await server.close();
    const error = await failure(client({ baseUrl: gone }).complete(messages, never));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(`Could not reach ${server.host}. Check that the server is running and the base URL in the enrichment settings is right.`);
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
  });

  it('gives up on a request slower than the timeout, without retrying it', async () => {
    server.respond(() => faults.slow(3000, { content: 'late' }));
    const error = await failure(client({ timeoutMs: 300 }).complete(messages, never));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`${server.host} did not answer within 0.3 s. Raise the timeout or pick a faster model in the enrichment settings.`);
    expect(server.requests).toHaveLength(1);
  });

  it('turns an answer that is not a chat completion into one sentence', async () => {
    server.respond(() => ({ body: '<html>proxy login</html>' }));
    const error = await failure(client().complete(messages, never));
    expect(error.kind).toBe('bad-feed');
    expect(error.message).toBe(
      `${server.host} sent something that is not a chat completion. Check that the base URL points at an OpenAI-compatible /v1 endpoint.`,
    );
  });
});

describe('where a key may go', () => {
  it('sends a key over https anywhere, and over http only on this machine or a private network', () => {
    expect(keyTransportProblem('https://api.openai.com/v1', KEY)).toBeUndefined();
    for (const local of [
      'http://localhost:11434/v1',
      'http://127.0.0.1:8000/v1',
      'http://[::1]:1234/v1',
      'http://192.168.1.20:8000/v1',
      'http://gpu-box:8000/v1',
      'http://llm.lab.internal/v1',
    ]) {
      expect(keyTransportProblem(local, KEY)).toBeUndefined();
    }
    expect(keyTransportProblem('http://api.example.com/v1', KEY)).toBe(
      'Not sending the API key to api.example.com over plain http. Use an https:// base URL in the enrichment settings.',
    );
    expect(keyTransportProblem('http://api.example.com/v1', undefined)).toBeUndefined();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 4, 29, 12);
    expect(retryAfterMs('20', now)).toBe(20_000);
    expect(retryAfterMs(new Date(now + 5_000).toUTCString(), now)).toBe(5_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
