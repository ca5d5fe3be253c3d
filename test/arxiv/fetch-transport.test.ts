import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { causeCode, fetchTransport, TransportError } from '../../core/arxiv/fetch-transport';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';

let server: ArxivStandIn;
beforeEach(async () => {
  server = await startArxivServer();
});
afterEach(async () => {
  await server.close();
});

describe('fetchTransport', () => {
  it('returns status, lower-case headers and the body for any status', async () => {
    server.reply('/x', { status: 503, headers: { 'Retry-After': '7', 'X-Thing': 'yes' }, body: 'busy' });
    const response = await fetchTransport()({ url: server.url('/x'), headers: { 'User-Agent': 'test-agent' } });
    expect(response.status).toBe(503);
    expect(response.body).toBe('busy');
    expect(response.headers['retry-after']).toBe('7');
    expect(response.headers['x-thing']).toBe('yes');
    expect(server.requests[0]?.headers['user-agent']).toBe('test-agent');
  });

  it('rejects with a TransportError naming the cause when nobody listens', async () => {
    const closed = await startArxivServer();
    const url = closed.url('/gone');
    await closed.close();
    const failure = await fetchTransport()({ url }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TransportError);
    expect((failure as TransportError).code).toBe('ECONNREFUSED');
    expect((failure as TransportError).message).toBe(`${url} could not be fetched (ECONNREFUSED)`);
  });

  it('passes an abort through untouched', async () => {
    server.reply('/hang', { hang: true });
    const controller = new AbortController();
    const pending = fetchTransport()({ url: server.url('/hang'), signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});

describe('causeCode', () => {
  it('finds the code wherever a host puts it', () => {
    expect(causeCode(Object.assign(new Error('x'), { code: 'ENOTFOUND' }))).toBe('ENOTFOUND');
    expect(causeCode(new TypeError('fetch failed', { cause: Object.assign(new Error('y'), { code: 'ECONNRESET' }) }))).toBe('ECONNRESET');
    expect(causeCode(new Error('net::ERR_INTERNET_DISCONNECTED'))).toBe('net::ERR_INTERNET_DISCONNECTED');
    expect(causeCode(new Error('socket hang up'))).toBe('network error');
  });
});
