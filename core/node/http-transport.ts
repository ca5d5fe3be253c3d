// The CLI's HTTP: an HttpTransport over node:http and node:https that answers as the standard
// fetch does (redirects followed, gzip/deflate/br bodies decoded, UTF-8 text without a BOM,
// the signal's reason on abort). Node's fetch loads a whole second HTTP stack on first use,
// which cost a run about 40 MB of memory and a tenth of a second for its one request to arXiv.

import * as http from 'node:http';
import * as https from 'node:https';
import { Readable } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { causeCode, TransportError } from '../arxiv/fetch-transport';
import type { HttpRequest, HttpResponse, HttpTransport } from '../arxiv/http';

/** As fetch: a chain longer than this is refused. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers fetch does not carry to another origin on a redirect. */
const CREDENTIALS = ['authorization', 'cookie', 'proxy-authorization'];

export function nodeTransport(): HttpTransport {
  return async (request) => {
    try {
      return await follow(request);
    } catch (failure) {
      // An abort is the caller's own doing: fetch rejects with the signal's reason, and so does this.
      if (request.signal?.aborted) throw request.signal.reason;
      const code = causeCode(failure);
      throw new TransportError(code, `${request.url} could not be fetched (${code})`);
    }
  };
}

async function follow(first: HttpRequest): Promise<HttpResponse> {
  let request = { ...first, headers: withDefaults(first.headers ?? {}) };
  for (let redirects = 0; ; redirects += 1) {
    const response = await exchange(request);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || location === undefined) return answer(response);
    response.resume(); // the body of a redirect is not read
    // Said as fetch says it (no code of its own), so every host words it the same.
    if (redirects === MAX_REDIRECTS) throw new Error('redirect count exceeded');
    const next = new URL(location, request.url);
    const headers = { ...request.headers };
    if (next.origin !== new URL(request.url).origin) for (const name of CREDENTIALS) delete headers[name];
    // As fetch: a 303, or a 301/302 after a POST, turns into a GET without the body.
    const asGet = response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && request.method === 'POST');
    if (asGet) delete headers['content-type'];
    request = { ...request, url: next.href, headers, ...(asGet ? { method: 'GET', body: undefined } : {}) };
  }
}

/** Header names in lower case, with what fetch sends when the caller says nothing. */
function withDefaults(headers: Record<string, string>): Record<string, string> {
  const lower: Record<string, string> = { accept: '*/*', 'user-agent': 'node', 'accept-encoding': 'gzip, deflate, br' };
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  return lower;
}

function exchange(request: HttpRequest & { headers: Record<string, string> }): Promise<http.IncomingMessage> {
  const url = new URL(request.url);
  const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (!client) return Promise.reject(new Error('unknown scheme'));
  const headers = { ...request.headers };
  if (request.body !== undefined) {
    headers['content-type'] ??= 'text/plain;charset=UTF-8';
    headers['content-length'] = String(Buffer.byteLength(request.body));
  }
  return new Promise((resolve, reject) => {
    const outgoing = client.request(url, { method: request.method ?? 'GET', headers, ...(request.signal ? { signal: request.signal } : {}) }, resolve);
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

async function answer(response: http.IncomingMessage): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of decoded(response)) chunks.push(chunk as Buffer);
  // TextDecoder, as fetch's text(): UTF-8 whatever the charset says, a leading BOM dropped.
  return { status: response.statusCode ?? 0, headers, body: new TextDecoder().decode(Buffer.concat(chunks)) };
}

/** The body as sent, undone of its content coding; one fetch does not know passes through as it came. */
function decoded(response: http.IncomingMessage): Readable {
  const coding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  // Lenient at the end, as fetch is: a body cut short gives what arrived rather than an error.
  const lenient = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? createGunzip(lenient)
      : coding === 'deflate'
        ? createInflate(lenient)
        : coding === 'br'
          ? createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH })
          : undefined;
  if (!decoder) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}
