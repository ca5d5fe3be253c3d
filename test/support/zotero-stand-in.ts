// A stand-in for the Zotero desktop app's HTTP server on 127.0.0.1 (port 0), answering from the
// recorded samples in ../shared/zotero-samples and behaving as their PROTOCOL.md says: the Host
// check, the browser guard (403 in 7.x–9.x, a dropped connection in 10), "Local API is not
// enabled", local-API paging headers and `since`, saveItems answering 201 with an empty body
// (7.0.20+) or with the item list (7.0.15 and older), 409 SESSION_EXISTS, and Better BibTeX's
// JSON-RPC with its errors in a 200 body.

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const ZOTERO_SAMPLES = resolve(repoRoot, '..', 'shared', 'zotero-samples');

export function zoteroSample(relativePath: string): unknown {
  return JSON.parse(readFileSync(resolve(ZOTERO_SAMPLES, relativePath), 'utf8')) as unknown;
}

/** The recorded Zotero 7 local-API items list (7 items, one with an arXiv id in `extra`). */
export function recordedLocalItems(): ZoteroJsonItem[] {
  return zoteroSample('local-api/zotero-bridge_zotero7-local-api_items.json') as ZoteroJsonItem[];
}

export interface ZoteroJsonItem {
  key: string;
  version: number;
  data: Record<string, unknown> & { key: string; version: number; itemType: string };
  [other: string]: unknown;
}

export interface ZoteroStandInOptions {
  /** The app version it claims; "7.0.15" answers saveItems with the item list, later ones with nothing. */
  version?: string;
  localApi?: boolean;
  /** Better BibTeX: item key → citation key it answers for item.citationkey (default: installed, no keys); false: not installed. */
  bbt?: Record<string, string> | false;
  items?: ZoteroJsonItem[];
}

export interface ZoteroRequestSeen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

export interface ZoteroStandIn {
  readonly port: number;
  readonly requests: ZoteroRequestSeen[];
  readonly items: ZoteroJsonItem[];
  /** Library version (Last-Modified-Version). */
  readonly libraryVersion: number;
  options: ZoteroStandInOptions;
  /** Removes an item as Zotero's trash would (the library version moves). */
  remove(key: string): void;
  /** Adds an item in web-API JSON (the library version moves). */
  add(data: Record<string, unknown>): ZoteroJsonItem;
  /** The next saveItems answers 409 SESSION_EXISTS regardless of the session. */
  busyOnce(): void;
  close(): Promise<void>;
}

const KEY_CHARS = '23456789ABCDEFGHIJKLMNPQRSTUVWXYZ';

export async function startZoteroStandIn(options: ZoteroStandInOptions = {}): Promise<ZoteroStandIn> {
  const items: ZoteroJsonItem[] = (options.items ?? recordedLocalItems()).map((item) => structuredClone(item));
  let libraryVersion = Math.max(1, ...items.map((item) => item.version));
  const requests: ZoteroRequestSeen[] = [];
  const sessions = new Set<string>();
  let busy = false;
  let keySeed = 0;
  const sockets = new Set<Socket>();

  const newKey = (): string => {
    let key = '';
    let n = (keySeed += 7919) * 104_729;
    for (let i = 0; i < 8; i += 1) {
      key += KEY_CHARS.charAt(n % KEY_CHARS.length);
      n = Math.floor(n / KEY_CHARS.length) + i * 31;
    }
    return key;
  };

  const add = (data: Record<string, unknown>): ZoteroJsonItem => {
    libraryVersion += 1;
    const key = newKey();
    const now = new Date(Date.UTC(2026, 5, 1) + keySeed * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    const item: ZoteroJsonItem = {
      key,
      version: libraryVersion,
      library: { type: 'user', id: 100000, name: 'My Library' },
      links: { self: { href: `http://localhost:23119/api/users/100000/items/${key}`, type: 'application/json' } },
      meta: { numChildren: 0 },
      data: {
        citationKey: '',
        extra: '',
        ...data,
        key,
        version: libraryVersion,
        itemType: typeof data.itemType === 'string' ? data.itemType : 'preprint',
        dateAdded: now,
        dateModified: now,
        collections: [],
        relations: {},
      },
    };
    items.push(item);
    return item;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
      const seen: ZoteroRequestSeen = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      answer(seen, req, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const version = () => options.version ?? '7.0.32';
  const major = () => Number(version().split('.')[0]);

  function send(res: ServerResponse, status: number, body: string, type = 'text/plain', extra: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': type, 'X-Zotero-Version': version(), 'X-Zotero-Connector-API-Version': '3', ...extra });
    res.end(body);
  }

  function answer(request: ZoteroRequestSeen, req: IncomingMessage, res: ServerResponse): void {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    if (!['localhost', '127.0.0.1', '[::1]'].includes(host)) return send(res, 400, 'Invalid Host header');
    const browser = (request.headers['user-agent'] ?? '').startsWith('Mozilla/') || 'origin' in request.headers;
    const allowed = 'x-zotero-connector-api-version' in request.headers || 'zotero-allowed-request' in request.headers;
    if (browser && !allowed && request.path !== '/connector/ping') {
      if (major() >= 10) {
        req.socket.destroy(); // bc2ede0: "close request without response when browser is detected"
        return;
      }
      return send(res, 403, 'Request not allowed');
    }
    if (request.method === 'POST' && req.headers['content-length'] === undefined) return send(res, 400, 'Content-length not provided');
    if (request.path === '/connector/ping') return send(res, 200, '<!DOCTYPE html><html><body>Zotero is running</body></html>', 'text/html');
    if (request.path === '/connector/saveItems') return saveItems(request, res);
    if (request.path === '/better-bibtex/json-rpc') return bbt(request, res);
    if (request.path.startsWith('/api/')) return localApi(request, res);
    return send(res, 404, 'No endpoint found');
  }

  function saveItems(request: ZoteroRequestSeen, res: ServerResponse): void {
    if (request.method !== 'POST') return send(res, 400, 'Endpoint does not support method');
    let body: { items?: Array<Record<string, unknown>>; sessionID?: string };
    try {
      body = JSON.parse(request.body) as typeof body;
    } catch {
      return send(res, 400, 'Invalid JSON provided');
    }
    if (busy || (body.sessionID !== undefined && sessions.has(body.sessionID))) {
      busy = false;
      return send(res, 409, JSON.stringify({ error: 'SESSION_EXISTS' }), 'application/json');
    }
    if (body.sessionID !== undefined) sessions.add(body.sessionID);
    const saved = (body.items ?? []).map((item) => {
      const { attachments, notes: _notes, ...fields } = item;
      return { item: add(fields), attachments: Array.isArray(attachments) ? (attachments as Array<Record<string, unknown>>) : [] };
    });
    const [maj, min, patch] = version().split('.').map(Number);
    const listsItems = maj === 7 && min === 0 && (patch ?? 0) <= 15;
    const reply = listsItems
      ? JSON.stringify({
          items: saved.map(({ item, attachments }) => ({
            id: item.key,
            title: item.data.title,
            itemType: item.data.itemType,
            contentType: 'text/html',
            mimeType: 'text/html',
            attachments: attachments.map((a, i) => ({ id: `${item.key}_${i}`, title: a.title, contentType: a.mimeType, mimeType: a.mimeType })),
          })),
          singleFile: false,
        })
      : '';
    return send(res, 201, reply, 'application/json');
  }

  function bbt(request: ZoteroRequestSeen, res: ServerResponse): void {
    if (options.bbt === false) return send(res, 404, 'No endpoint found');
    const keys = options.bbt ?? {};
    let call: { jsonrpc?: string; method?: string; params?: unknown; id?: unknown };
    try {
      call = JSON.parse(request.body) as typeof call;
    } catch {
      return send(res, 200, JSON.stringify({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null }), 'application/json');
    }
    const error = (code: number, message: string) => send(res, 200, JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }), 'application/json');
    if (call.jsonrpc !== '2.0') return error(-32600, 'Invalid Request');
    if (call.method === 'api.ready')
      return send(res, 200, JSON.stringify({ jsonrpc: '2.0', result: { zotero: version(), betterbibtex: '7.0.77' }, id: call.id ?? null }), 'application/json');
    if (call.method !== 'item.citationkey') return error(-32601, `Method not found: ${String(call.method)}`);
    const params = call.params as { item_keys?: unknown } | unknown[] | undefined;
    const wanted = Array.isArray(params) ? params[0] : params?.item_keys;
    if (!Array.isArray(wanted)) return error(-32602, 'item_keys not found');
    const result = Object.fromEntries((wanted as string[]).map((key) => [key, keys[key.replace(/^\d+:/, '')] ?? null]));
    return send(res, 200, JSON.stringify({ jsonrpc: '2.0', result, id: call.id ?? null }), 'application/json');
  }

  function localApi(request: ZoteroRequestSeen, res: ServerResponse): void {
    if (options.localApi === false) return send(res, 403, 'Local API is not enabled');
    if (request.method !== 'GET') return send(res, 400, 'Endpoint does not support method');
    const apiVersion = request.headers['zotero-api-version'] ?? request.query.get('v') ?? '3';
    if (apiVersion !== '3') return send(res, 501, `API version not implemented: ${apiVersion}`);
    if (request.path === '/api/') return send(res, 200, 'Nothing to see here.', 'text/plain', { 'Zotero-API-Version': '3' });
    const route = /^\/api\/users\/(\d+)\/items(\/top)?$/.exec(request.path);
    if (!route) return send(res, 404, 'Not found');
    if (route[1] !== '0' && route[1] !== '100000') return send(res, 400, 'Only data for the logged-in user is available locally -- use userID 0');
    const ifSince = request.headers['if-modified-since-version'];
    if (ifSince !== undefined && libraryVersion <= Number(ifSince))
      return send(res, 304, '', 'text/plain', { 'Last-Modified-Version': String(libraryVersion) });
    const query = request.query;
    const since = Number(query.get('since') ?? 0);
    const excluded = query
      .getAll('itemType')
      .filter((t) => t.startsWith('-'))
      .map((t) => t.slice(1));
    const q = query.get('q')?.toLowerCase();
    const everything = query.get('qmode') === 'everything';
    let matching = items.filter((item) => item.version > since && !excluded.includes(item.data.itemType));
    if (q) {
      matching = matching.filter((item) => {
        const fields = everything ? Object.values(item.data).filter((v) => typeof v === 'string') : [item.data.title, item.data.date];
        const creators = JSON.stringify(item.data.creators ?? []);
        return [...fields, creators].some((value) => String(value).toLowerCase().includes(q));
      });
    }
    const total = matching.length;
    const start = Number(query.get('start') ?? 0);
    const limitText = query.get('limit');
    // No default limit in the local API: without one the whole result set comes back.
    const limit = limitText === null ? total : Number(limitText);
    const page = matching.slice(start, start + limit);
    const self = (s: number) => {
      const next = new URLSearchParams(query);
      next.set('start', String(s));
      return `<http://${request.headers.host ?? 'localhost:23119'}${request.path}?${next.toString()}>`;
    };
    const links = [`${self(0)}; rel="first"`];
    if (start + limit < total) links.push(`${self(start + limit)}; rel="next"`);
    if (limit > 0 && total > 0) links.push(`${self(Math.floor((total - 1) / limit) * limit)}; rel="last"`);
    const listHeaders = { 'Total-Results': String(total), 'Last-Modified-Version': String(libraryVersion), Link: links.join(', ') };
    if (query.get('format') === 'keys') return send(res, 200, `${page.map((item) => item.key).join('\n')}\n`, 'text/plain', listHeaders);
    return send(res, 200, JSON.stringify(page, null, 4), 'application/json', listHeaders);
  }

  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    items,
    get libraryVersion() {
      return libraryVersion;
    },
    options,
    remove(key) {
      const at = items.findIndex((item) => item.key === key);
      if (at >= 0) items.splice(at, 1);
      libraryVersion += 1;
    },
    add,
    busyOnce() {
      busy = true;
    },
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolvePromise());
      }),
  };
}
