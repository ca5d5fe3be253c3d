// A local stand-in for an Open VSX registry on 127.0.0.1 (port 0), so `ovsx publish` can be run
// for real against our .vsix without publishing anything: it answers the publish call the way
// open-vsx.org does when it accepts a package, and keeps what was uploaded for the test to read.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OpenVsxStandIn {
  readonly url: string;
  /** "METHOD /path" of every request. */
  readonly requests: string[];
  /** The bodies posted to /api/-/publish. */
  readonly uploads: Buffer[];
  close(): Promise<void>;
}

export async function startOpenVsx(answer: { namespace: string; name: string; version: string }): Promise<OpenVsxStandIn> {
  const requests: string[] = [];
  const uploads: Buffer[] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    requests.push(`${request.method} ${path}`);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && path === '/api/-/publish') {
        uploads.push(Buffer.concat(chunks));
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ...answer, targetPlatform: 'universal' }));
        return;
      }
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    uploads,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
