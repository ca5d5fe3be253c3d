// The CLI's node:http transport answers every request as the standard fetch does: the same
// requests go through both against one local server, and must come back the same.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTransport, TransportError } from '../../core/arxiv/fetch-transport';
import type { HttpRequest, HttpResponse } from '../../core/arxiv/http';
import { nodeTransport } from '../../core/node/http-transport';

// A feed-sized body with characters of two, three and four bytes in UTF-8.
const LONG = Array.from({ length: 4000 }, (_, i) => `<item n="${i}">Schrödinger – ≤ 😀 naïve</item>\n`).join('');

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The test server: each path one way of answering. */
function route(other: () => string) {
  return (request: IncomingMessage, response: ServerResponse): void => void answer(request, response, other);
}

async function answer(request: IncomingMessage, response: ServerResponse, other: () => string): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const redirect = (status: number, location: string) => response.writeHead(status, { location }).end('moved');
  if (path === '/plain') response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'X-Thing': 'yes' }).end('héllo wörld');
  else if (path === '/busy') response.writeHead(503, { 'retry-after': '7' }).end('busy');
  else if (path === '/bom') response.writeHead(200).end(Buffer.from('\uFEFF<rss/>', 'utf8'));
  else if (path === '/latin1') response.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  else if (path === '/gzip') response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(LONG));
  else if (path === '/deflate') response.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(LONG));
  else if (path === '/br')
    response.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(LONG, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }));
  else if (path === '/split') {
    // A character cut in two between writes.
    const bytes = Buffer.from('a😀b', 'utf8');
    response.writeHead(200);
    response.write(bytes.subarray(0, 3));
    setTimeout(() => response.end(bytes.subarray(3)), 20);
  } else if (/^\/r\/\d+$/.test(path)) {
    const left = Number(path.slice(3));
    if (left === 0) response.writeHead(200).end(`arrived ${request.method}`);
    else redirect(left % 2 === 0 ? 301 : 302, `/r/${left - 1}`);
  } else if (path === '/see-other') redirect(303, '/echo');
  else if (path === '/temporary') redirect(307, '/echo');
  else if (path === '/found') redirect(302, '/echo');
  else if (path === '/elsewhere') redirect(302, `${other()}/echo`);
  else if (path === '/loop') redirect(302, '/loop');
  else if (path === '/no-location') response.writeHead(302).end('stay');
  else if (path === '/echo') {
    const seen = {
      method: request.method,
      body: await bodyOf(request),
      type: request.headers['content-type'] ?? null,
      length: request.headers['content-length'] ?? null,
      authorization: request.headers.authorization ?? null,
      agent: request.headers['user-agent'] ?? null,
      query: url.search,
    };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(seen));
  } else if (path === '/hang') request.on('close', () => response.destroy());
  else response.writeHead(404).end('none');
}

let main: Server;
let other: Server;
const base = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  main = createServer(route(() => base(other)));
  other = createServer(route(() => base(main)));
  await Promise.all([main, other].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
});
afterAll(async () => {
  for (const server of [main, other]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** What a caller sees of an answer: its status, its body, and the headers we read. */
const seen = (response: HttpResponse) => ({
  status: response.status,
  body: response.body,
  type: response.headers['content-type'],
  thing: response.headers['x-thing'],
  retryAfter: response.headers['retry-after'],
});

describe('nodeTransport answers as fetch does', () => {
  const cases: Array<[string, Omit<HttpRequest, 'url'> & { path: string }]> = [
    ['a plain answer, with its headers', { path: '/plain' }],
    ['an error status, with its body', { path: '/busy' }],
    ['a body behind a byte-order mark', { path: '/bom' }],
    ['a body in another charset (read as UTF-8)', { path: '/latin1' }],
    ['a gzip body', { path: '/gzip' }],
    ['a deflate body', { path: '/deflate' }],
    ['a brotli body', { path: '/br' }],
    ['a character split between two writes', { path: '/split' }],
    ['five redirects, 301 and 302', { path: '/r/5' }],
    ['a redirect without a Location', { path: '/no-location' }],
    ['a 404', { path: '/missing' }],
    ['a POST with a JSON body', { path: '/echo', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":"é"}' }],
    ['a POST with a text body and no type', { path: '/echo?x=1', method: 'POST', body: 'plain words' }],
    ['a POST answered with 303: a GET without the body', { path: '/see-other', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }],
    ['a POST answered with 302: a GET without the body', { path: '/found', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }],
    ['a POST answered with 307: the POST again', { path: '/temporary', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"b":2}' }],
    ['a redirect to another origin: the credentials stay behind', { path: '/elsewhere', headers: { Authorization: 'Bearer secret', 'User-Agent': 'pf' } }],
  ];

  for (const [what, { path, ...request }] of cases) {
    it(what, async () => {
      const url = `${base(main)}${path}`;
      const [byFetch, byNode] = await Promise.all([fetchTransport()({ url, ...request }), nodeTransport()({ url, ...request })]);
      expect(seen(byNode)).toEqual(seen(byFetch));
    });
  }

  it('reads the compressed feed-sized bodies back whole', async () => {
    for (const path of ['/gzip', '/deflate', '/br']) expect((await nodeTransport()({ url: `${base(main)}${path}` })).body).toBe(LONG);
  });

  it('gives up on a redirect loop, as fetch does', async () => {
    const url = `${base(main)}/loop`;
    const failures = await Promise.all(
      [fetchTransport(), nodeTransport()].map((transport) =>
        transport({ url }).then(
          () => undefined,
          (error: unknown) => error,
        ),
      ),
    );
    for (const failure of failures) expect(failure).toEqual(new TransportError('network error', `${url} could not be fetched (network error)`));
  });

  it('refuses an address that is not http or https, as fetch does', async () => {
    const url = 'ftp://127.0.0.1/feed';
    for (const transport of [fetchTransport(), nodeTransport()]) {
      await expect(transport({ url })).rejects.toEqual(new TransportError('network error', `${url} could not be fetched (network error)`));
    }
  });

  it('rejects with a TransportError naming the cause when nobody listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `${base(closed)}/gone`;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await nodeTransport()({ url }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TransportError);
    expect((failure as TransportError).code).toBe('ECONNREFUSED');
    expect((failure as TransportError).message).toBe(`${url} could not be fetched (ECONNREFUSED)`);
  });

  it("rejects with the signal's reason when the caller aborts", async () => {
    const controller = new AbortController();
    const pending = nodeTransport()({ url: `${base(main)}/hang`, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(pending).rejects.toThrow('stop');
    const timedOut = await nodeTransport()({ url: `${base(main)}/hang`, signal: AbortSignal.timeout(30) }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((timedOut as Error).name).toBe('TimeoutError');
  });
});
