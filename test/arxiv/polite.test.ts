// The polite client against a real HTTP server on 127.0.0.1, over the real fetch transport.
// A fake clock stands in for time, so the 3 s gaps and retry waits are checked exactly
// without waiting for them.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import type { HttpTransport } from '../../core/arxiv/http';
import { createArxivClient, DEFAULT_USER_AGENT, type ArxivClientOptions } from '../../core/arxiv/polite';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import { createFakeClock, type FakeClock } from '../support/fake-clock';
import { rejectionOf } from '../support/failures';

let server: ArxivStandIn;
let clock: FakeClock;
/** The fake-clock time at which each request was handed to the transport. */
let starts: number[];

beforeEach(async () => {
  server = await startArxivServer();
  clock = createFakeClock();
  starts = [];
});

afterEach(async () => {
  await server.close();
});

function client(options: Partial<ArxivClientOptions> = {}) {
  const real = fetchTransport();
  const recording: HttpTransport = (request) => {
    starts.push(clock.now());
    return real(request);
  };
  return createArxivClient({ transport: recording, clock, random: () => 0.5, ...options });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition never became true');
}

const gaps = () => starts.slice(1).map((start, i) => start - starts[i]!);

describe('one request at a time', () => {
  it('serialises two concurrent calls: the server never sees them overlap', async () => {
    server.reply('/a', { body: 'A', delayMs: 60 });
    server.reply('/b', { body: 'B', delayMs: 60 });
    const arxiv = client();
    const [a, b] = await Promise.all([arxiv.get(server.url('/a')), arxiv.get(server.url('/b'))]);
    expect([a.body, b.body]).toEqual(['A', 'B']);
    expect(server.events).toEqual(['start /a', 'end /a', 'start /b', 'end /b']);
    expect(server.maxConcurrent).toBe(1);
  });

  it('keeps at least 3 s between request starts, even when asked for less', async () => {
    server.reply('/feed', { body: 'ok' });
    const arxiv = client({ minIntervalMs: 1000 });
    await Promise.all([arxiv.get(server.url('/feed')), arxiv.get(server.url('/feed')), arxiv.get(server.url('/feed'))]);
    expect(gaps()).toEqual([3000, 3000]);
    expect(clock.sleeps).toEqual([3000, 3000]);
  });

  it('only tops up the gap when time has already passed', async () => {
    server.reply('/feed', { body: 'ok' });
    const arxiv = client();
    await arxiv.get(server.url('/feed'));
    clock.advance(2500);
    await arxiv.get(server.url('/feed'));
    clock.advance(10_000);
    await arxiv.get(server.url('/feed'));
    expect(clock.sleeps).toEqual([500]);
  });

  it('accepts a longer interval', async () => {
    server.reply('/feed', { body: 'ok' });
    const arxiv = client({ minIntervalMs: 5000 });
    await arxiv.get(server.url('/feed'));
    await arxiv.get(server.url('/feed'));
    expect(gaps()).toEqual([5000]);
  });

  it('sends a descriptive User-Agent (overridable) and the Accept asked for', async () => {
    server.reply('/feed', { body: 'ok' });
    await client().get(server.url('/feed'), { accept: 'application/rss+xml' });
    await client({ userAgent: 'MyLab/2.0 (mailto:lab@example.org)' }).get(server.url('/feed'));
    expect(server.requests.map((r) => [r.headers['user-agent'], r.headers.accept])).toEqual([
      [DEFAULT_USER_AGENT, 'application/rss+xml'],
      ['MyLab/2.0 (mailto:lab@example.org)', '*/*'],
    ]);
    expect(DEFAULT_USER_AGENT).toMatch(/^PaperFeed\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/paper-feed\/paper-feed/);
  });
});

describe('retries', () => {
  it('waits out "Retry-After: 2" (2 s) and then retries, keeping the 3 s gap', async () => {
    server.reply('/q', { status: 429, headers: { 'retry-after': '2' }, body: 'slow down' }, { body: 'ok' });
    // With random 0 our own backoff would be 1 s, so a 2 s sleep can only come from arXiv.
    const response = await client({ random: () => 0 }).get(server.url('/q'));
    expect(response.body).toBe('ok');
    expect(server.count('/q')).toBe(2);
    expect(clock.sleeps).toEqual([2000, 1000]);
    expect(gaps()).toEqual([3000]);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    server.reply('/q', { status: 503, headers: { 'retry-after': new Date(clock.now() + 10_000).toUTCString() } }, { body: 'ok' });
    await client().get(server.url('/q'));
    expect(clock.sleeps).toEqual([10_000]);
  });

  it('retries 503 with growing backoff, then succeeds', async () => {
    server.reply('/q', { status: 503 }, { status: 502 }, { body: 'finally' });
    const response = await client().get(server.url('/q'));
    expect(response.body).toBe('finally');
    expect(server.count('/q')).toBe(3);
    // 2 s then 4 s of backoff (jitter factor 1 with random 0.5); the first is topped up to 3 s.
    expect(clock.sleeps).toEqual([2000, 1000, 4000]);
  });

  it('spreads retries with jitter', async () => {
    server.reply('/q', { status: 500 }, { body: 'ok' });
    await client({ random: () => 0.9 }).get(server.url('/q'));
    expect(clock.sleeps[0]).toBe(2800);
  });

  it('treats a "Rate exceeded." body as throttling even with status 200', async () => {
    server.reply('/q', { status: 200, body: 'Rate exceeded.' }, { body: '<feed/>' });
    const response = await client().get(server.url('/q'));
    expect(response.body).toBe('<feed/>');
    expect(server.count('/q')).toBe(2);
  });

  it('does not retry 400: arXiv has said no, and the body is kept for the reader', async () => {
    server.reply('/q', { status: 400, body: '<feed>refusal</feed>' });
    const error = await rejectionOf(client().get(server.url('/q')));
    expect(server.count('/q')).toBe(1);
    expect(error.kind).toBe('arxiv-rejected');
    expect(error.detail).toEqual({ status: 400, body: '<feed>refusal</feed>' });
    expect(error.message).toBe('arXiv rejected the request (HTTP 400); check the categories and search terms in your settings.');
  });

  it('gives up after maxAttempts with a server error', async () => {
    server.reply('/q', { status: 503 });
    const error = await rejectionOf(client({ maxAttempts: 3 }).get(server.url('/q')));
    expect(server.count('/q')).toBe(3);
    expect(error.kind).toBe('server');
    expect(error.message).toBe('arXiv is having trouble (HTTP 503) and did not recover after 3 tries; try again in a few minutes.');
  });

  it('says when to come back after persistent rate limiting', async () => {
    server.reply('/q', { status: 429, headers: { 'retry-after': '20' } });
    const formatTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);
    const error = await rejectionOf(client({ maxAttempts: 2, formatTime }).get(server.url('/q')));
    expect(server.count('/q')).toBe(2);
    expect(error.kind).toBe('rate-limited');
    // Started 12:00:00, waited 20 s, refused again with Retry-After 20.
    expect(error.detail.retryAt).toBe(Date.parse('2026-05-28T12:00:40Z'));
    expect(error.message).toBe('arXiv is rate-limiting requests (HTTP 429); wait until 12:00:40 and try again.');
  });

  it('does not sit out a Retry-After longer than it may wait', async () => {
    server.reply('/q', { status: 429, headers: { 'retry-after': '600' } });
    const formatTime = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    const error = await rejectionOf(client({ formatTime }).get(server.url('/q')));
    expect(server.count('/q')).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(error.detail.retryAt).toBe(Date.parse('2026-05-28T12:10:00Z'));
    expect(error.message).toBe('arXiv is rate-limiting requests (HTTP 429); wait until 12:10 and try again.');
  });
});

describe('faults', () => {
  it('times out a hung server with a clear message, after retrying', async () => {
    server.reply('/hang', { hang: true });
    const error = await rejectionOf(client({ timeoutMs: 150, maxAttempts: 2 }).get(server.url('/hang')));
    expect(error.kind).toBe('timeout');
    // 2 s of backoff, topped up to the 3 s gap: the tries took 3 s on the fake clock.
    expect(error.message).toBe('arXiv did not answer in 2 tries over 3 s (each given 0.15 s). Try again later.');
    expect(server.count('/hang')).toBe(2);
  });

  it('says how many tries over how long when arXiv hangs for minutes', async () => {
    // Each try hangs for 30 s of clock time before its (short, real) timeout ends it.
    const hanging: HttpTransport = () => {
      clock.advance(30_000);
      return new Promise(() => undefined);
    };
    const arxiv = createArxivClient({ transport: hanging, clock, random: () => 0.5, timeoutMs: 30, maxAttempts: 4 });
    const error = await rejectionOf(arxiv.get('http://127.0.0.1:9/never'));
    // 4 × 30 s + backoff 2 s (topped up to 3 s), 4 s, 8 s = 135 s.
    expect(error.message).toBe('arXiv did not answer in 4 tries over 2.3 min (each given 0.03 s). Try again later.');
  });

  it('times out a transport that ignores the abort signal', async () => {
    const stuck: HttpTransport = () => new Promise(() => undefined);
    const arxiv = createArxivClient({ transport: stuck, clock, timeoutMs: 30, maxAttempts: 1 });
    const error = await rejectionOf(arxiv.get('http://127.0.0.1:9/never'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('arXiv did not answer within 0.03 s. Try again later.');
  });

  it('names a refused connection and says what to do', async () => {
    const closed = await startArxivServer();
    const url = closed.url('/gone');
    await closed.close();
    const error = await rejectionOf(client({ maxAttempts: 2 }).get(url));
    expect(error.kind).toBe('network');
    expect(error.detail.cause).toBe('ECONNREFUSED');
    expect(error.message).toBe('arXiv could not be reached (ECONNREFUSED). Check your internet connection and try again.');
    expect(clock.sleeps).toEqual([2000, 1000]);
  });
});

describe('cancellation', () => {
  it('cancels a request in flight, and one still waiting its turn never reaches the server', async () => {
    server.reply('/slow', { hang: true });
    server.reply('/next', { body: 'never' });
    const arxiv = client();
    const first = new AbortController();
    const second = new AbortController();
    const inFlight = arxiv.get(server.url('/slow'), { signal: first.signal });
    const waiting = arxiv.get(server.url('/next'), { signal: second.signal });
    await until(() => server.count('/slow') === 1);

    second.abort();
    const waitingError = await rejectionOf(waiting);
    expect(waitingError.kind).toBe('cancelled');
    expect(waitingError.message).toBe('The request to arXiv was cancelled.');

    first.abort();
    expect((await rejectionOf(inFlight)).kind).toBe('cancelled');
    expect(server.count('/next')).toBe(0);
  });

  it('refuses at once when the signal is already aborted', async () => {
    const error = await rejectionOf(client().get(server.url('/x'), { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('cancelled');
    expect(server.count()).toBe(0);
  });

  it('keeps serving after a cancelled request', async () => {
    server.reply('/slow', { hang: true });
    server.reply('/ok', { body: 'fine' });
    const arxiv = client();
    const controller = new AbortController();
    const cancelled = arxiv.get(server.url('/slow'), { signal: controller.signal });
    await until(() => server.count('/slow') === 1);
    controller.abort();
    await rejectionOf(cancelled);
    expect((await arxiv.get(server.url('/ok'))).body).toBe('fine');
  });
});

describe('odd transports', () => {
  it('reads a transport that throws instead of rejecting as a network failure', async () => {
    const throwing: HttpTransport = () => {
      throw Object.assign(new Error('no network adapter'), { code: 'ENETDOWN' });
    };
    const error = await rejectionOf(createArxivClient({ transport: throwing, clock, maxAttempts: 1 }).get('http://127.0.0.1:9/x'));
    expect(error.kind).toBe('network');
    expect(error.message).toBe('arXiv could not be reached (ENETDOWN). Check your internet connection and try again.');
  });
});
