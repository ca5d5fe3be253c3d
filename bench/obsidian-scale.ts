// Benchmark 8: the Obsidian plugin's "Fetch today's papers" must cost about the same in a vault of
// 50,000 paper notes as in one of 500. The built plugin runs the fetch against a local arXiv
// stand-in serving one day's announcement, into stand-in vaults whose metadata cache is filled.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Paper } from '../core/arxiv/paper';
import { parseRss } from '../core/arxiv/rss';
import { DEFAULT_CONFIG } from '../core/config';
import type { WriteReport } from '../core/notes/write';
import { noteTemplates } from './disk-vault';
import { dailyFeed, syntheticId } from './inputs';
import { alternate, shown } from './stats';
import { log, type BenchRow } from './suite';
import type * as StandIn from '../test/stand-ins/obsidian';
import type { PluginClass } from './obsidian-bundle';

const PAIRS = 5;
const BIG = 50_000;
const SMALL = 500;
/** arXiv's pacing (3 s from the end of one request to the next) plus a margin, kept outside the timing. */
const PACING_MS = 3100;

export interface FetchOutcome {
  kind: string;
  report?: WriteReport;
  error?: unknown;
}
export type LoadedPlugin = StandIn.Plugin & {
  fetcher: { fetchToday(trigger: 'command'): Promise<FetchOutcome> };
  notes: { ready(): Promise<void>; snapshot(): Promise<{ papers: Map<string, unknown> }> };
};

/** A local rss.arxiv.org on 127.0.0.1 that answers every request with the feed, and counts them. */
export async function feedServer(bytes: Buffer): Promise<{ server: Server; base: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': bytes.length });
    response.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, requests: () => requests };
}

/**
 * The id of generated note `i`: one of 2023's (2301.00001, …), skipping those the feed names (a
 * few of its replacements are 2023 papers), so both vaults hold notes for none of the feed's papers.
 */
function generatedId(i: number, announced: ReadonlySet<string>): string {
  let n = i;
  for (;;) {
    const id = syntheticId(n % 99_999, `23${String(1 + (Math.floor(n / 99_999) % 12)).padStart(2, '0')}`);
    if (!announced.has(id)) return id;
    n += 200_000; // the same place in a later month: never one of the first `count` ids
  }
}

/** `count` paper notes in Paper Feed's format, under ids of past months the feed does not use. */
export async function fillVault(vault: StandIn.Vault, count: number, papers: readonly Paper[]): Promise<void> {
  const announced = new Set(papers.map((paper) => paper.id));
  const folder = DEFAULT_CONFIG.folders.papers;
  await vault.createFolder('arXiv');
  await vault.createFolder(folder);
  // As in vault-scale: each feed paper's note is rendered once, then every note swaps in its own id, citekey and date.
  const templates = noteTemplates(papers);
  for (let i = 0; i < count; i += 1) {
    const template = templates[i % templates.length]!;
    const id = generatedId(i, announced);
    const day = `2023-${id.slice(2, 4)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const text = template.fill(id, `note${i}`, day);
    await vault.create(`${folder}/${template.name} (${id}).md`, text);
  }
}

interface Side {
  app: StandIn.App;
  plugin: LoadedPlugin;
  /** When this plugin's last request ended, so the next run starts after arXiv's pacing gap. */
  lastEnd: number;
  indexMs: number;
  fillMs: number;
}

/** An app whose vault holds `count` notes, its metadata cache caught up, the plugin loaded and its note index built. */
async function side(standIn: typeof StandIn, Plugin: PluginClass, manifest: unknown, rssBase: string, count: number, papers: readonly Paper[]): Promise<Side> {
  const app = new standIn.App({ vault: new standIn.Vault({ configDir: '.obsidian' }) });
  let start = performance.now();
  await fillVault(app.vault, count, papers);
  // Obsidian has indexed every note by the time a person runs a command after startup.
  await app.metadataCache.settled();
  const fillMs = performance.now() - start;
  // The default settings, except that arXiv is the local stand-in.
  await app.vault.adapter.write('.obsidian/plugins/paper-feed/data.json', JSON.stringify({ rssBase: `${rssBase}/rss` }));
  const plugin = new Plugin(app, manifest) as LoadedPlugin;
  await (plugin as unknown as { loadAsync(): Promise<void> }).loadAsync();
  app.workspace.markLayoutReady();
  start = performance.now();
  await plugin.notes.ready();
  const indexMs = performance.now() - start;
  const indexed = (await plugin.notes.snapshot()).papers.size;
  if (indexed !== count) throw new Error(`the plugin indexed ${indexed} paper notes of ${count}`);
  return { app, plugin, lastEnd: 0, indexMs, fillMs };
}

/** One timed fetch (what the command runs), then the vault put back as it was. */
function fetchInto(s: Side, last: { report?: WriteReport }): () => Promise<number> {
  return async () => {
    const wait = s.lastEnd + PACING_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const began = performance.now();
    const outcome = await s.plugin.fetcher.fetchToday('command');
    const ms = performance.now() - began;
    s.lastEnd = performance.now();
    if (outcome.kind !== 'written' || !outcome.report) throw new Error(`the fetch did not write notes (${outcome.kind}): ${String(outcome.error)}`);
    last.report = outcome.report;
    await s.app.metadataCache.settled();
    for (const path of [...outcome.report.created, outcome.report.dailyNote]) {
      const file = s.app.vault.getFileByPath(path);
      if (file) await s.app.vault.delete(file);
    }
    return ms;
  };
}

export async function fetchScaleRow(standIn: typeof StandIn, Plugin: PluginClass, manifest: unknown): Promise<BenchRow> {
  const feed = dailyFeed();
  const papers = parseRss(feed.bytes.toString('utf8'), ['all']).papers;
  const { server, base, requests } = await feedServer(feed.bytes);
  try {
    log(`fetch at scale: filling stand-in vaults of ${SMALL} and ${BIG.toLocaleString('en')} paper notes…`);
    const small = await side(standIn, Plugin, manifest, base, SMALL, papers);
    const big = await side(standIn, Plugin, manifest, base, BIG, papers);
    log(
      `filled and indexed in ${((small.fillMs + big.fillMs) / 1000).toFixed(1)} s; note index built in ${small.indexMs.toFixed(0)} ms and ${big.indexMs.toFixed(0)} ms; ${PAIRS} alternating pairs…`,
    );
    const last: { report?: WriteReport } = {};
    const result = await alternate(fetchInto(small, last), fetchInto(big, last), PAIRS, 1);
    const report = last.report!;
    const runs = 2 * (PAIRS + 1);
    small.plugin.unload();
    big.plugin.unload();
    return {
      id: 'obsidian-fetch-scale',
      what: `Obsidian "Fetch today's papers" into a vault holding ${BIG.toLocaleString('en')} paper notes`,
      measured: shown(result.b),
      comparedWith: `the same into ${SMALL} notes: ${shown(result.a)}`,
      ratio: `${result.ratio.median.toFixed(2)}× (${result.ratio.min.toFixed(2)}–${result.ratio.max.toFixed(2)})`,
      goal: '≤ 1.5×',
      met: result.ratio.median <= 1.5,
      notes: [
        `timed: await plugin.fetcher.fetchToday('command') (what the command runs) in the built dist/obsidian/main.js against the test stand-in, default settings except rssBase: ${feed.real ? 'the real' : 'a generated'} 1,504-item feed from a local server on 127.0.0.1 (${requests()} requests for ${runs} runs), ${report.matched} papers matched, ${report.created.length} paper notes and the daily note created per run (deleted after each run, outside the timing)`,
        `measured after the index is ready, as a fetch some time after startup: notes generated with renderPaperNote into the stand-in vault, the metadata cache caught up, the plugin loaded and its note index built (${small.indexMs.toFixed(0)} ms for ${SMALL}, ${big.indexMs.toFixed(0)} ms for ${BIG.toLocaleString('en')}, not in the figure); arXiv's 3 s pacing between one plugin's requests is waited out before the timer starts; 1 warm-up pair`,
      ],
      figures: {
        big: result.b,
        small: result.a,
        ratio: result.ratio,
        indexSmallMs: small.indexMs,
        indexBigMs: big.indexMs,
        fillSeconds: (small.fillMs + big.fillMs) / 1000,
        matched: report.matched,
        requests: requests(),
      },
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
