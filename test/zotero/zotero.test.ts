// The Zotero client against a stand-in that answers from the recorded samples and behaves as
// ../shared/zotero-samples/PROTOCOL.md says.

import { afterEach, describe, expect, it } from 'vitest';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import type { HttpTransport } from '../../core/arxiv/http';
import { PaperFeedError } from '../../core/errors';
import type { LibraryCache } from '../../core/notes/library-source';
import { BBT_MISSING, callBbt } from '../../core/zotero/bbt';
import { ZoteroEndpoint } from '../../core/zotero/endpoint';
import { arxivIdOfItem, citekeyOfItem, type ZoteroItemData } from '../../core/zotero/item-facts';
import { Zotero, zoteroSelectLink } from '../../core/zotero/zotero';
import { makePaper } from '../support/papers';
import { startZoteroStandIn, zoteroSample, type ZoteroStandIn } from '../support/zotero-stand-in';

const open: ZoteroStandIn[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((z) => z.close()));
});

async function standIn(options: Parameters<typeof startZoteroStandIn>[0] = {}): Promise<ZoteroStandIn> {
  const zotero = await startZoteroStandIn(options);
  open.push(zotero);
  return zotero;
}

function memoryCache(): LibraryCache & { saved: unknown } {
  const cache = {
    saved: undefined as unknown,
    load: async () => cache.saved,
    save: async (json: unknown) => {
      cache.saved = JSON.parse(JSON.stringify(json)) as unknown;
    },
  };
  return cache;
}

/** A transport that looks like Electron's: a browser User-Agent and an Origin on every request. */
const electronLike =
  (inner: HttpTransport): HttpTransport =>
  (request) =>
    inner({ ...request, headers: { ...request.headers, 'User-Agent': 'Mozilla/5.0 Electron/37', Origin: 'app://obsidian.md' } });

async function failure(promise: Promise<unknown>): Promise<PaperFeedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PaperFeedError);
  return error as PaperFeedError;
}

const paper = makePaper({
  id: '2605.21412',
  title: 'Score-Based Generative Modeling on Compact Lie Groups',
  authors: ['Anaïs Lefèvre', 'Tomasz Wróblewski'],
  abstract: 'We extend score-based models to compact Lie groups.',
  categories: ['cs.LG', 'stat.ML'],
  published: '2026-05-29',
  comment: '12 pages',
});

describe('reading an item the way PROTOCOL.md §4 lists', () => {
  it('finds the arXiv id in archiveID, arXiv DOI, extra (old "arXiv: " form) and url, in that order', () => {
    const local = zoteroSample('local-api/zotero-bridge_zotero7-local-api_items.json') as Array<{ key: string; data: ZoteroItemData }>;
    expect(local.map((item) => [item.key, arxivIdOfItem(item.data)]).filter(([, id]) => id)).toEqual([['84MG4CPK', '1404.7828']]);
    const cases = (zoteroSample('translator-format/arXiv.org_translator_testCases.json') as Array<{ items?: unknown }>).flatMap((c) =>
      Array.isArray(c.items) ? (c.items as ZoteroItemData[]) : [],
    );
    expect(cases.map((item) => arxivIdOfItem(item))).toEqual([
      '1107.4612',
      'astro-ph/0603274',
      '1307.1469',
      '1402.1516',
      '1810.04805',
      '1810.04805',
      '2201.00738',
      'math/0211159',
      '2305.16311',
    ]);
    expect(arxivIdOfItem({ archiveID: 'arXiv:2201.00738', DOI: '10.48550/arXiv.1111.11111', extra: 'arXiv:2222.22222' })).toBe('2201.00738');
    expect(arxivIdOfItem({ DOI: '10.48550/arXiv.math/0211159', extra: 'arXiv:2222.22222' })).toBe('math/0211159');
    expect(arxivIdOfItem({ extra: 'Publisher: X\narXiv: 1401.2910 [quant-ph]', url: 'https://arxiv.org/abs/2222.22222' })).toBe('1401.2910');
    expect(arxivIdOfItem({ url: 'https://arxiv.org/pdf/2305.16311v2.pdf' })).toBe('2305.16311');
    expect(arxivIdOfItem({ number: 'arXiv:2005.14165', url: 'https://papers.nips.cc/x' })).toBe('2005.14165');
    expect(arxivIdOfItem({ number: '2005.14165' })).toBeUndefined();
    expect(arxivIdOfItem({ extra: 'arXiv:hep-th/9901001v2 [hep-th]' })).toBe('hep-th/9901001');
    expect(arxivIdOfItem({ DOI: 'https://doi.org/10.48550/ARXIV.2201.00738' })).toBe('2201.00738');
    expect(arxivIdOfItem({ url: 'https://example.org/abs/2305.16311', DOI: '10.1145/3610548.3618154' })).toBeUndefined();
  });

  it('takes Zotero 8\'s citationKey first, then BBT\'s pinned "Citation Key:" line in extra', () => {
    expect(citekeyOfItem({ citationKey: 'Smith2024', extra: 'Citation Key: other' })).toBe('Smith2024');
    expect(citekeyOfItem({ citationKey: '', extra: 'arXiv:2005.14165 [cs]\nCitation Key: brown2020language' })).toBe('brown2020language');
    expect(citekeyOfItem({ citationKey: '', extra: 'arXiv:2005.14165' })).toBeUndefined();
  });
});

describe('the library from the local API', () => {
  it('reads every page once, then only what changed (304 when nothing did), and drops deleted items', async () => {
    const zotero = await standIn();
    for (let i = 0; i < 143; i += 1)
      zotero.add({ itemType: 'preprint', title: `Paper ${i}`, abstractNote: `About topic ${i}.`, archiveID: `arXiv:2601.${String(10000 + i)}` });
    const cache = memoryCache();
    const client = new Zotero({ transport: fetchTransport(), port: zotero.port, cache });
    expect(await client.library.refresh()).toEqual({ changed: 150, removed: 0, requests: 2 });
    const pages = zotero.requests.filter((r) => r.path === '/api/users/0/items/top');
    expect(pages.map((r) => [r.query.get('since'), r.query.get('limit'), r.query.get('start')])).toEqual([
      ['0', '100', '0'],
      ['0', '100', '100'],
    ]);
    const items = await client.library.items();
    // Items with a title and an abstract count; the recorded journal article keeps its arXiv id.
    expect(items).toHaveLength(143 + 6); // the 6 recorded items with an abstract, and the added ones
    expect(items.find((item) => item.id === '1404.7828')?.title).toBe('Deep Learning in Neural Networks: An Overview');

    zotero.requests.length = 0;
    const again = new Zotero({ transport: fetchTransport(), port: zotero.port, cache });
    expect(await again.library.refresh()).toEqual({ changed: 0, removed: 0, requests: 1 });
    expect(zotero.requests[0]!.headers['if-modified-since-version']).toBe(String(zotero.libraryVersion));

    const added = zotero.add({ itemType: 'preprint', title: 'New one', abstractNote: 'Fresh.', archiveID: 'arXiv:2602.00001' });
    zotero.remove('8NNLV8L2');
    zotero.requests.length = 0;
    expect(await again.library.refresh()).toEqual({ changed: 1, removed: 1, requests: 2 });
    // The new arXiv paper has no key of its own, so Better BibTeX is asked for it.
    expect(zotero.requests.map((r) => (r.path === '/better-bibtex/json-rpc' ? 'bbt' : (r.query.get('since') ?? r.query.get('format'))))).toEqual([
      String(added.version - 1),
      'bbt',
      'keys',
    ]);
    expect((await again.library.items()).map((i) => i.id)).toContain('2602.00001');
    expect((await again.library.items()).some((i) => i.title === 'A typology of organisational cultures')).toBe(false);
  });

  it('asks Better BibTeX for the keys Zotero 7 keeps outside the item, in one call', async () => {
    const zotero = await standIn({ bbt: { '84MG4CPK': 'schmidhuber2015deep' } });
    const client = new Zotero({ transport: fetchTransport(), port: zotero.port });
    await client.library.refresh();
    expect(await client.library.citekeys()).toEqual(new Map([['1404.7828', 'schmidhuber2015deep']]));
    const rpc = zotero.requests.filter((r) => r.path === '/better-bibtex/json-rpc');
    expect(rpc.map((r) => JSON.parse(r.body) as unknown)).toEqual([{ jsonrpc: '2.0', method: 'item.citationkey', params: { item_keys: ['84MG4CPK'] }, id: 1 }]);
  });

  it("talks only to 127.0.0.1 and sends the header Zotero's browser guard asks for, so Electron requests pass", async () => {
    const zotero = await standIn({ version: '7.0.32' });
    const client = new Zotero({ transport: electronLike(fetchTransport()), port: zotero.port });
    await client.library.refresh();
    expect(zotero.requests.length).toBeGreaterThan(0);
    for (const request of zotero.requests) {
      expect(request.headers.host).toBe(`127.0.0.1:${zotero.port}`);
      expect(request.headers['zotero-allowed-request']).toBe('1');
    }
  });
});

describe("the stand-in keeps Zotero's browser guard", () => {
  it('answers a browser-looking request without the header 403 in 7.x and drops it in 10', async () => {
    const seven = await standIn({ version: '7.0.32' });
    const plain = await fetch(`http://127.0.0.1:${seven.port}/api/users/0/items`, { headers: { Origin: 'app://obsidian.md' } });
    expect([plain.status, await plain.text()]).toEqual([403, 'Request not allowed']);
    const ten = await standIn({ version: '10.0.0' });
    const dropped = await fetch(`http://127.0.0.1:${ten.port}/api/users/0/items`, { headers: { Origin: 'app://obsidian.md' } }).then(
      () => 'answered',
      () => 'dropped',
    );
    expect(dropped).toBe('dropped');
    const withHeader = await fetch(`http://127.0.0.1:${ten.port}/api/users/0/items`, {
      headers: { Origin: 'app://obsidian.md', 'Zotero-Allowed-Request': '1' },
    });
    expect(withHeader.status).toBe(200);
    expect(withHeader.headers.get('total-results')).toBe('7');
  });
});

describe('saving a paper', () => {
  for (const version of ['7.0.32', '7.0.15']) {
    it(`saves it once in Zotero ${version}, then says "already in Zotero"`, async () => {
      const zotero = await standIn({ version });
      const client = new Zotero({ transport: fetchTransport(), port: zotero.port });
      const first = await client.save(paper);
      const saved = zotero.items.at(-1)!;
      expect(first).toEqual({ status: 'saved', itemKey: saved.key });
      const sent = JSON.parse(zotero.requests.find((r) => r.path === '/connector/saveItems')!.body) as { items: unknown[]; uri: string };
      expect(sent.uri).toBe('https://arxiv.org/abs/2605.21412');
      expect(sent.items).toEqual([
        {
          itemType: 'preprint',
          title: 'Score-Based Generative Modeling on Compact Lie Groups',
          creators: [
            { firstName: 'Anaïs', lastName: 'Lefèvre', creatorType: 'author' },
            { firstName: 'Tomasz', lastName: 'Wróblewski', creatorType: 'author' },
          ],
          abstractNote: 'We extend score-based models to compact Lie groups.',
          date: '2026-05-29',
          repository: 'arXiv',
          archiveID: 'arXiv:2605.21412',
          number: 'arXiv:2605.21412',
          DOI: '10.48550/arXiv.2605.21412',
          url: 'http://arxiv.org/abs/2605.21412',
          extra: 'arXiv:2605.21412 [cs.LG]',
          libraryCatalog: 'arXiv.org',
          tags: [{ tag: 'cs.LG' }, { tag: 'stat.ML' }],
          notes: [{ note: 'Comment: 12 pages' }],
          attachments: [{ title: 'Preprint PDF', url: 'https://arxiv.org/pdf/2605.21412v1', mimeType: 'application/pdf', snapshot: false }],
        },
      ]);
      expect(await client.save(paper)).toEqual({ status: 'already', itemKey: saved.key });
      expect(zotero.items.filter((item) => item.data.archiveID === 'arXiv:2605.21412')).toHaveLength(1);
      expect(zoteroSelectLink(saved.key)).toBe(`zotero://select/library/items/${saved.key}`);
    });
  }

  it('sends the journal DOI when arXiv has one, and finds an item known only by extra as already there', async () => {
    const zotero = await standIn();
    const client = new Zotero({ transport: fetchTransport(), port: zotero.port });
    await client.save(makePaper({ id: '2605.30000', doi: '10.1000/j.x.2026.1' }));
    const sent = JSON.parse(zotero.requests.find((r) => r.path === '/connector/saveItems')!.body) as { items: Array<{ DOI: string; archiveID: string }> };
    expect([sent.items[0]!.DOI, sent.items[0]!.archiveID]).toEqual(['10.1000/j.x.2026.1', 'arXiv:2605.30000']);
    expect(await client.save(makePaper({ id: '1404.7828' }))).toEqual({ status: 'already', itemKey: '84MG4CPK' });
  });

  it('reuses the key BBT gives, and says once when BBT is missing', async () => {
    const withBbt = await standIn({ bbt: { '84MG4CPK': 'schmidhuber2015deep' } });
    expect(await new Zotero({ transport: fetchTransport(), port: withBbt.port }).save(makePaper({ id: '1404.7828' }))).toEqual({
      status: 'already',
      itemKey: '84MG4CPK',
      citekey: 'schmidhuber2015deep',
    });
    const without = await standIn({ bbt: false });
    expect(await new Zotero({ transport: fetchTransport(), port: without.port }).save(makePaper({ id: '1404.7828' }))).toEqual({
      status: 'already',
      itemKey: '84MG4CPK',
      citekeyProblem: BBT_MISSING,
    });
  });
});

describe('every failure is one sentence', () => {
  it('Zotero not running', async () => {
    const zotero = await standIn();
    const port = zotero.port;
    await zotero.close();
    const error = await failure(new Zotero({ transport: fetchTransport(), port }).save(paper));
    expect(error.message).toBe(`Zotero is not running (nothing answered on 127.0.0.1:${port}); start Zotero and try again.`);
    expect(error.kind).toBe('zotero');
  });

  it('the local API switched off', async () => {
    const zotero = await standIn({ localApi: false });
    const error = await failure(new Zotero({ transport: fetchTransport(), port: zotero.port }).library.refresh());
    expect(error.message).toBe(
      'Zotero\'s local API is off; in Zotero turn on Settings → Advanced → "Allow other applications on this computer to communicate with Zotero", then try again.',
    );
  });

  it('409 while a save is in progress', async () => {
    const zotero = await standIn();
    zotero.busyOnce();
    const error = await failure(new Zotero({ transport: fetchTransport(), port: zotero.port }).save(paper));
    expect(error.message).toBe('Zotero is still busy with an earlier save from Paper Feed (409 SESSION_EXISTS); wait a moment and try again.');
    expect(error.detail.status).toBe(409);
  });

  it('Zotero 10 dropping the connection', async () => {
    const zotero = await standIn({ version: '10.0.0' });
    // A transport that loses the guard header on the way (as a proxy might): Zotero 10 hangs up.
    const stripped: HttpTransport = (request) => {
      const headers: Record<string, string> = { ...request.headers, Origin: 'app://obsidian.md' };
      delete headers['Zotero-Allowed-Request'];
      delete headers['X-Zotero-Connector-API-Version'];
      return fetchTransport()({ ...request, headers });
    };
    const error = await failure(new Zotero({ transport: stripped, port: zotero.port }).library.refresh());
    expect(error.message).toBe(
      "Zotero closed the connection without answering (Zotero 10 does this to requests it takes for a web page's); update Paper Feed or Zotero, and report it if it keeps happening.",
    );
  });

  it('Better BibTeX missing, and BBT errors that come in a 200 body', async () => {
    const without = await standIn({ bbt: false });
    expect((await failure(callBbt(new ZoteroEndpoint(fetchTransport(), without.port), 'item.citationkey', { item_keys: ['X'] }))).message).toBe(BBT_MISSING);
    const withBbt = await standIn({ bbt: {} });
    const error = await failure(callBbt(new ZoteroEndpoint(fetchTransport(), withBbt.port), 'item.nothing', []));
    expect(error.message).toBe('Better BibTeX could not answer item.nothing ("Method not found: item.nothing", code -32601); restart Zotero and try again.');
    const rpc = withBbt.requests.at(-1)!;
    expect([rpc.method, rpc.headers['content-type']]).toEqual(['POST', 'application/json']);
  });

  it('refuses any port that is not a port, and never leaves 127.0.0.1', () => {
    expect(() => new ZoteroEndpoint(fetchTransport(), 0)).toThrow('0 is not a port number; Zotero listens on 23119 unless you changed it.');
    expect(new ZoteroEndpoint(fetchTransport()).base).toBe('http://127.0.0.1:23119');
  });
});
