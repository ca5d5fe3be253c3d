// A real HTTP server on 127.0.0.1 (port 0) standing in for rss.arxiv.org: it serves a fixture
// or a status, records each request, and can be switched between answers during a test.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export type Answer = { status: 200; fixture: string } | { status: number; body?: string };

export interface ArxivServer {
  /** The RSS base to put in paperFeed.rssBase. */
  rssBase: string;
  /** Paths requested so far, in order. */
  requests: string[];
  answer(next: Answer): void;
  close(): Promise<void>;
}

const FIXTURES = new URL('../fixtures/', import.meta.url);

export async function startArxivServer(first: Answer): Promise<ArxivServer> {
  let current = first;
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (current.status === 200 && 'fixture' in current) {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      response.end(readFileSync(new URL(current.fixture, FIXTURES)));
      return;
    }
    response.writeHead(current.status, { 'content-type': 'text/plain' });
    response.end('body' in current ? (current.body ?? '') : 'Service Unavailable');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rssBase: `http://127.0.0.1:${port}/rss`,
    requests,
    answer: (next) => {
      current = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
