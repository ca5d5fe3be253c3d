// A local stand-in for the npm registry on 127.0.0.1 (port 0) that serves packed tarballs, so
// `npx paper-feed@X` and `npm i -g paper-feed` can be run for real without publishing anything
// or reaching the internet. It answers a package's metadata ("packument") and its tarball, and
// 404 for everything else; `requests` records what npm asked for.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';

export interface NpmRegistryStandIn {
  /** "http://127.0.0.1:PORT/". */
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

/** The package.json inside a tarball. */
function manifestOf(tarball: string): Record<string, unknown> {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
}

export async function startNpmRegistry(tarballs: readonly string[]): Promise<NpmRegistryStandIn> {
  const packages = new Map<string, { packument: Record<string, unknown>; files: Map<string, Buffer> }>();
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
    requests.push(`${request.method} ${path}`);
    const [, name, dash, file] = path.split('/');
    const entry = packages.get(name ?? '');
    const body = !entry
      ? undefined
      : dash === undefined
        ? Buffer.from(JSON.stringify(entry.packument))
        : dash === '-'
          ? entry.files.get(file ?? '')
          : undefined;
    if (!body) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
      return;
    }
    response.writeHead(200, { 'content-type': dash === '-' ? 'application/octet-stream' : 'application/json', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  for (const tarball of tarballs) {
    const manifest = manifestOf(tarball);
    const name = String(manifest.name);
    const version = String(manifest.version);
    const bytes = readFileSync(tarball);
    const fileName = `${name}-${version}.tgz`;
    const entry = packages.get(name) ?? { packument: { name, 'dist-tags': {}, versions: {} }, files: new Map<string, Buffer>() };
    entry.files.set(fileName, bytes);
    (entry.packument['dist-tags'] as Record<string, string>).latest = version;
    (entry.packument.versions as Record<string, unknown>)[version] = {
      ...manifest,
      _id: `${name}@${version}`,
      dist: {
        tarball: `${url}${name}/-/${fileName}`,
        integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
        shasum: createHash('sha1').update(bytes).digest('hex'),
      },
    };
    packages.set(name, entry);
  }

  return {
    url,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Environment for npm and npx that uses only the stand-in and a private cache and prefix. */
export function npmEnvironment(registry: string, folder: string): Record<string, string> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|PAPER_FEED_)/i.test(key))) as Record<string, string>;
  return {
    ...inherited,
    npm_config_registry: registry,
    npm_config_cache: `${folder}/npm-cache`,
    npm_config_prefix: `${folder}/prefix`,
    npm_config_userconfig: `${folder}/npmrc`,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    PATH: `${folder}/prefix/bin:${process.env.PATH ?? ''}`,
  };
}
