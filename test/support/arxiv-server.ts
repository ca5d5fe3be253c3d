// A local stand-in for arXiv (rss.arxiv.org, export.arxiv.org) on 127.0.0.1, port chosen by
// the system. Tests script what each path answers (a queue of replies or a function), including
// network faults (a cut connection, a reset, a hang), and read back what arrived: every request,
// in order, and how many were open at once. It is bounded: a request cap, a per-request time cap,
// and a lifetime after which it stops by itself.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedResponse {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer after this many real milliseconds. */
  delayMs?: number;
  /** Never answer; the connection stays open until the client gives up, the per-request cap or close(). */
  hang?: boolean;
  /** Announce the whole body (Content-Length), send only this many bytes of it, then cut the connection. */
  cutAfterBytes?: number;
  /** Cut the connection as soon as the request has arrived, before any answer. */
  reset?: boolean;
}

export interface ReceivedRequest {
  method: string;
  /** Path without query: "/rss/cs.LG+cs.CL". */
  path: string;
  /** Path and query as sent. */
  url: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** When it arrived (Date.now()), so a test can see how far apart retries came. */
  at: number;
}

/** Decides the answer for one request; `index` counts earlier requests to the same path. */
export type RequestHandler = (request: ReceivedRequest, index: number) => ScriptedResponse | Promise<ScriptedResponse>;

export interface ArxivServerLimits {
  /** Requests answered in all; later ones are cut at once and counted in `refused` (default 1000). */
  maxRequests?: number;
  /** A request still open after this long is cut, hung or not (default 60 s). */
  maxRequestMs?: number;
  /** The server closes itself after this long, whether or not the test remembered to (default 10 min). */
  lifetimeMs?: number;
}

export interface ArxivStandIn {
  /** "http://127.0.0.1:PORT". */
  readonly base: string;
  url(path: string): string;
  /** Every request received, in arrival order. */
  readonly requests: ReceivedRequest[];
  /** "start /path" and "end /path" in the order they happened, to check requests never overlap. */
  readonly events: string[];
  /** The most requests that were open at the same time. */
  readonly maxConcurrent: number;
  /** Requests that came after the request cap and were cut without an answer. */
  readonly refused: number;
  /** Requests received, for one path or in all. */
  count(path?: string): number;
  /** Queues replies for a path, served in order; the last one keeps answering. */
  reply(path: string, ...responses: ScriptedResponse[]): void;
  /** Answers a path with a function instead of queued replies. */
  handle(path: string, handler: RequestHandler): void;
  /** Ends open (hung) connections and stops listening. */
  close(): Promise<void>;
}

export async function startArxivServer(limits: ArxivServerLimits = {}): Promise<ArxivStandIn> {
  const maxRequests = limits.maxRequests ?? 1000;
  const maxRequestMs = limits.maxRequestMs ?? 60_000;
  const lifetimeMs = limits.lifetimeMs ?? 10 * 60_000;
  const queues = new Map<string, ScriptedResponse[]>();
  // Paths whose last reply has been served once and now only repeats until more are queued.
  const repeating = new Set<string>();
  const handlers = new Map<string, RequestHandler>();
  const perPath = new Map<string, number>();
  const requests: ReceivedRequest[] = [];
  const events: string[] = [];
  let open = 0;
  let maxConcurrent = 0;
  let refused = 0;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(parsed.pathname);
    if (requests.length >= maxRequests) {
      refused++;
      res.destroy();
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : (value ?? '');
    }
    const received: ReceivedRequest = { method: req.method ?? 'GET', path, url: req.url ?? '/', query: parsed.searchParams, headers, at: Date.now() };
    requests.push(received);
    const index = perPath.get(path) ?? 0;
    perPath.set(path, index + 1);
    open++;
    maxConcurrent = Math.max(maxConcurrent, open);
    events.push(`start ${path}`);
    let ended = false;
    const watchdog = setTimeout(() => res.destroy(), maxRequestMs);
    watchdog.unref();
    const end = () => {
      if (ended) return;
      ended = true;
      clearTimeout(watchdog);
      open--;
      events.push(`end ${path}`);
    };
    res.on('finish', end);
    res.on('close', end);

    const handler = handlers.get(path);
    const queue = queues.get(path);
    let scripted: ScriptedResponse = { status: 404, body: `The arXiv stand-in has no reply scripted for ${path}.` };
    if (handler) scripted = await handler(received, index);
    else if (queue && queue.length > 1) scripted = queue.shift()!;
    else if (queue?.length === 1) {
      scripted = queue[0]!;
      repeating.add(path);
    }
    if (scripted.hang) return;
    if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
    if (res.destroyed) return;
    if (scripted.reset) {
      res.destroy();
      return;
    }
    const body = Buffer.from(scripted.body ?? '', 'utf8');
    res.writeHead(scripted.status ?? 200, {
      'content-type': 'application/xml; charset=utf-8',
      'content-length': String(body.length),
      ...scripted.headers,
    });
    if (scripted.cutAfterBytes !== undefined) {
      // Flush the part, then cut: the client has been promised more than it will get.
      res.write(body.subarray(0, Math.min(scripted.cutAfterBytes, body.length)), () => setTimeout(() => res.destroy(), 20));
      return;
    }
    res.end(body);
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A test that forgets close() must not keep the test process alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      server.closeAllConnections();
      server.close(() => resolve());
    }));
  const lifetime = setTimeout(() => void close(), lifetimeMs);
  lifetime.unref();

  return {
    base,
    url: (path) => `${base}${path}`,
    requests,
    events,
    get maxConcurrent() {
      return maxConcurrent;
    },
    get refused() {
      return refused;
    },
    count: (path) => (path === undefined ? requests.length : requests.filter((r) => r.path === path).length),
    reply(path, ...responses) {
      const queued = repeating.delete(path) ? [] : (queues.get(path) ?? []);
      queues.set(path, [...queued, ...responses]);
    },
    handle(path, handler) {
      handlers.set(path, handler);
    },
    close,
  };
}

/** A port nothing listens on (taken from the system, then let go): arXiv that cannot be reached. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
