// Benchmarks of memory and of the first fetch of a session:
// - peak RSS of the built CLI's `paper-feed daily` into a vault of 50,000 paper notes on disk, the
//   run that builds the index and a normal run, alternated;
// - the Obsidian plugin in a stand-in vault of 50,000 notes against an empty one (JS heap it keeps
//   after a fetch) and against 500 notes (the first fetch after start-up, index build included),
//   each measurement in a fresh Node process so one cannot warm or fill the other;
// - memory over repeated runs: 30 fetches in one Obsidian session, 30 tree refreshes in VS Code.
// Runs under --expose-gc (scripts/bench.mjs passes it): heap figures are read after forced GCs.
// PAPER_FEED_BENCH_ROWS=obsidian-first-fetch (row ids, comma-separated) runs only the parts that
// give those rows, for a quicker look at one (the Obsidian heap and first-fetch rows come together).

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseRss } from '../core/arxiv/rss';
import { startExtension } from '../test/vscode/support/extension-harness';
import { feedForDay } from './day-feed';
import { generateVault } from './disk-vault';
import { dailyFeed, repoRoot } from './inputs';
import { builtManifest, loadBundle, loadStandIn, type PluginClass } from './obsidian-bundle';
import { feedServer, fillVault, type LoadedPlugin } from './obsidian-scale';
import { alternate, figureOf, round, shown, type Figure } from './stats';
import { log, runSuite, type BenchRow } from './suite';
import { keptAnnouncement, renderTree } from './vscode-tree';

const run = promisify(execFile);
const CLI = join(repoRoot, 'dist', 'cli', 'paper-feed.js');
const TIME = '/usr/bin/time';
const BIG = 50_000;
const SMALL = 500;
const SESSION_NOTES = 5000;
const SESSION_RUNS = 30;
const CLI_PAIRS = 3;
const OBSIDIAN_ROUNDS = 3;
/** Full collections between the two days: more than V8's bytecode ages before it is dropped (--bytecode-old-age, 5 in Node 20). */
const COLD_START_COLLECTIONS = 12;
const MB = 1024 * 1024;
/** arXiv's pacing between one client's requests; the session's clock is moved past it instead of waited out. */
const PACING_MS = 3100;
/** The plugin's "fetch automatically on this device" toggle, in the app's local storage. */
const AUTO_FETCH_KEY = 'paper-feed-auto-fetch';

declare const gc: () => void;

/** `times` full collections, with a turn between each for finalizers. */
async function collect(times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The JS heap in use after everything collectable is collected. */
async function settledHeap(): Promise<number> {
  await collect(3);
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => round(bytes / MB);

// ---- the CLI's peak RSS ----------------------------------------------------------------------

interface CliRun {
  rssMb: number;
  ms: number;
  created: number;
}

async function cliRssRow(): Promise<BenchRow> {
  const what = `Peak RSS of \`paper-feed daily\` (built CLI), vault of ${BIG.toLocaleString('en')} paper notes`;
  const goal = 'normal run < 120 MB; first run (builds the index) < 250 MB';
  const probe = await run(TIME, ['-v', 'true']).catch(() => null);
  if (!probe) {
    return {
      id: 'cli-rss',
      what,
      measured: 'not measured',
      comparedWith: '—',
      ratio: '',
      goal,
      met: null,
      notes: [`${TIME} is missing: install GNU time (apt-get install time) to measure peak RSS`],
      figures: {},
    };
  }
  const feed = dailyFeed();
  const text = feed.bytes.toString('utf8');
  const papers = parseRss(text, ['all']).papers;
  const scratch = mkdtempSync(join(tmpdir(), 'paper-feed-bench-rss-'));
  let day = 0;
  let served = text;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(served);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const vault = join(scratch, 'vault');
    const started = performance.now();
    await generateVault(vault, BIG, papers);
    log(
      `CLI peak RSS: generated ${BIG.toLocaleString('en')} paper notes in ${((performance.now() - started) / 1000).toFixed(1)} s; ${CLI_PAIRS} alternating pairs…`,
    );
    // Each run is a new day's announcement, as each evening's run is.
    const daily = (first: boolean) => async (): Promise<CliRun> => {
      // A first run: the vault as it is, without the state a run keeps (index, caches) in .paper-feed/.
      if (first) await rm(join(vault, '.paper-feed'), { recursive: true, force: true });
      served = feedForDay(text, papers, day);
      day += 1;
      const began = performance.now();
      const { stdout, stderr } = await run(TIME, ['-v', process.execPath, CLI, 'daily', '--vault', vault, '--rss-base', `${base}/rss`, '--quiet', '--json'], {
        maxBuffer: 64 * MB,
      });
      const ms = performance.now() - began;
      const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
      const report = JSON.parse(stdout) as { status?: string; created?: unknown[] };
      if (!Number.isFinite(kb) || !Array.isArray(report.created) || report.created.length === 0)
        throw new Error(`the CLI run did not write a day: ${stdout.slice(0, 300)} ${stderr.slice(0, 300)}`);
      log(`${first ? 'first' : 'normal'} run: ${(kb / 1024).toFixed(0)} MB peak RSS, ${ms.toFixed(0)} ms`);
      return { rssMb: kb / 1024, ms, created: report.created.length };
    };
    const normalRuns: CliRun[] = [];
    const firstRuns: CliRun[] = [];
    const result = await alternate(
      async () => {
        const r = await daily(false)();
        normalRuns.push(r);
        return r.rssMb;
      },
      async () => {
        const r = await daily(true)();
        firstRuns.push(r);
        return r.rssMb;
      },
      CLI_PAIRS,
      1,
    );
    // The warm-up pair began with the run that built the index: leave both out, as alternate() did.
    normalRuns.shift();
    firstRuns.shift();
    const normalMs = figureOf(normalRuns.map((r) => r.ms));
    const firstMs = figureOf(firstRuns.map((r) => r.ms));
    return {
      id: 'cli-rss',
      what,
      measured: `normal run ${shown(result.a, 'MB')}; first run ${shown(result.b, 'MB')}`,
      comparedWith: '—',
      ratio: `first/normal ${result.ratio.median.toFixed(2)}×`,
      goal,
      met: result.a.median < 120 && result.b.median < 250,
      notes: [
        `"Maximum resident set size" from GNU time -v around \`node dist/cli/paper-feed.js daily --vault … --rss-base (local server) --quiet --json\`; each run a new day (the real feed under fresh ids and a new date, ${normalRuns[0]?.created ?? 0} notes created per run) into ${BIG.toLocaleString('en')} paper notes generated as in vault-scale; a first run is the same with .paper-feed/ (index and caches) removed before it; ${CLI_PAIRS} alternating pairs after a warm-up pair; wall time: normal ${shown(normalMs)}, first ${shown(firstMs)} (node start-up included)`,
      ],
      figures: { normalMb: result.a, firstMb: result.b, normalMs, firstMs },
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ---- Obsidian: the first fetch of a session, and the heap it leaves ---------------------------

interface FirstFetch {
  notes: number;
  /** From onload to the end of the first fetch after a restart: the index build and the fetch. */
  ms: number;
  indexMs: number;
  /** The same for the plugin's very first fetch in the vault, nothing cached yet. */
  firstEverMs: number;
  /** Pages the process touched for the first time during the timed fetch (minor page faults). */
  faults: number;
  beforeMb: number;
  afterMb: number;
  /** Heap the plugin keeps after its first fetch in the vault (above the app's own). */
  retainedMb: number;
  /** The same after the fetch that followed a restart (above the app's, and the closed session's leftovers). */
  retainedAfterRestartMb: number;
  created: number;
}

/** A local rss.arxiv.org whose answer is whatever `feed.text` holds at the time. */
async function switchableFeedServer(): Promise<{ server: Server; base: string; feed: { text: string } }> {
  const feed = { text: '' };
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed.text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, feed };
}

type StandInModule = ReturnType<typeof loadStandIn>;

/** Obsidian opened on `vault`: an app whose metadata cache has caught up, the plugin not yet loaded. */
async function openApp(standIn: StandInModule, vault: InstanceType<StandInModule['Vault']>) {
  const app = new standIn.App({ vault });
  // Fetched by command only: no automatic fetch or background check runs alongside.
  app.saveLocalStorage(AUTO_FETCH_KEY, false);
  // Obsidian starts with every note's metadata from its own cache; the stand-in's new cache
  // indexes only what the vault reports from now on, so hand it the notes already there.
  const cache = app.metadataCache as unknown as { enqueue(file: unknown): void };
  for (const file of vault.getMarkdownFiles()) cache.enqueue(file);
  await app.metadataCache.settled();
  return app;
}

/** Memory touched and freed just before a timed fetch (see touchMemory). */
const TOUCHED_MB = 512;

/**
 * This machine is a virtual machine that gives the memory a process frees back to its host
 * (Firecracker's free page reporting), so a page first touched afterwards costs a fault in the
 * host. The 50,000-note fetch touches about 13,000 pages it never used, the 500-note one about
 * 3,500: left alone, the first took 626–855 ms against 449–461 ms after this step (13–30 µs a
 * page, where a desktop spends about 1), and the second 248–250 ms either way. So each process
 * touches and frees TOUCHED_MB just before the timed fetch, whose new pages then come from memory
 * the host still backs, as they would on a desktop. The timed fetch's page faults are reported
 * beside the figure.
 */
async function touchMemory(): Promise<void> {
  let block: Buffer | null = Buffer.alloc(TOUCHED_MB * MB, 1);
  if (block[block.length - 1] !== 1) throw new Error('the memory was not touched');
  block = null;
  await collect(3);
}

/** The plugin loaded into `app` and its first fetch: the milliseconds from onload to the end of the fetch. */
async function loadAndFetch(app: Awaited<ReturnType<typeof openApp>>, Plugin: PluginClass) {
  const plugin = new Plugin(app, builtManifest()) as LoadedPlugin;
  const faultsBefore = process.resourceUsage().minorPageFault;
  const began = performance.now();
  await (plugin as unknown as { loadAsync(): Promise<void> }).loadAsync();
  app.workspace.markLayoutReady();
  let indexMs = 0;
  void plugin.notes.ready().then(() => (indexMs = performance.now() - began));
  const outcome = await plugin.fetcher.fetchToday('command');
  const ms = performance.now() - began;
  const faults = process.resourceUsage().minorPageFault - faultsBefore;
  if (outcome.kind !== 'written' || !outcome.report) throw new Error(`the fetch did not write notes (${outcome.kind}): ${String(outcome.error)}`);
  await app.metadataCache.settled();
  return { plugin, ms, indexMs, faults, report: outcome.report };
}

/**
 * In a fresh process: a vault of `count` notes where the plugin fetched yesterday's announcement
 * (its caches saved), then Obsidian started again and today's fetched: what that took and kept.
 */
async function firstFetchChild(count: number): Promise<FirstFetch> {
  const standIn = loadStandIn();
  const { Plugin } = loadBundle(standIn);
  const text = dailyFeed().bytes.toString('utf8');
  const papers = parseRss(text, ['all']).papers;
  const { server, base, feed } = await switchableFeedServer();
  try {
    const vault = new standIn.Vault({ configDir: '.obsidian' });
    await fillVault(vault, count, papers);
    await vault.adapter.write('.obsidian/plugins/paper-feed/data.json', JSON.stringify({ rssBase: `${base}/rss` }));
    // Yesterday: the plugin's first fetch in this vault, with nothing cached; then Obsidian closed.
    feed.text = feedForDay(text, papers, 0);
    const firstApp = await openApp(standIn, vault);
    // The vault and Obsidian's metadata cache are the app's; what the plugin keeps is measured above them.
    const before = await settledHeap();
    const yesterday = await loadAndFetch(firstApp, Plugin);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await settledHeap();
    yesterday.plugin.unload();
    // A restart starts every function cold. In this process V8 drops the compiled code of a
    // function only after several full collections without a call to it: the 50,000-note vault
    // collects often enough between the two days to lose yesterday's code, the 500-note one does
    // not and would start today warm. Enough forced collections make both start cold, as both do
    // in Obsidian.
    await collect(COLD_START_COLLECTIONS);
    // Today: Obsidian starts again on the same vault, and the first thing done is a fetch.
    feed.text = feedForDay(text, papers, 1);
    const app = await openApp(standIn, vault);
    const beforeToday = await settledHeap();
    await touchMemory();
    const today = await loadAndFetch(app, Plugin);
    const indexed = (await today.plugin.notes.snapshot()).papers.size;
    const created = today.report.created.length;
    if (indexed !== count + yesterday.report.created.length + created) throw new Error(`the plugin indexed ${indexed} paper notes of ${count} + 2 days`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const afterToday = await settledHeap();
    today.plugin.unload();
    return {
      notes: count,
      ms: today.ms,
      indexMs: today.indexMs,
      faults: today.faults,
      firstEverMs: yesterday.ms,
      beforeMb: mb(before),
      afterMb: mb(after),
      retainedMb: mb(after - before),
      retainedAfterRestartMb: mb(afterToday - beforeToday),
      created,
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function child<T>(...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [...process.execArgv, process.argv[1]!, ...args], { env: process.env, maxBuffer: 16 * MB });
  return JSON.parse(stdout) as T;
}

async function obsidianRows(): Promise<BenchRow[]> {
  log(`Obsidian first fetch and heap: ${OBSIDIAN_ROUNDS} rounds of fresh processes with 0, ${SMALL} and ${BIG.toLocaleString('en')} notes, alternated…`);
  const bySize = new Map<number, FirstFetch[]>([
    [0, []],
    [SMALL, []],
    [BIG, []],
  ]);
  const timeRatios: number[] = [];
  const heapDiffs: number[] = [];
  for (let round = 0; round < OBSIDIAN_ROUNDS; round += 1) {
    const order = round % 2 === 0 ? [0, SMALL, BIG] : [BIG, SMALL, 0];
    const got = new Map<number, FirstFetch>();
    for (const size of order) got.set(size, await child<FirstFetch>('--first-fetch', String(size)));
    for (const [size, r] of got) bySize.get(size)!.push(r);
    timeRatios.push(got.get(BIG)!.ms / got.get(SMALL)!.ms);
    heapDiffs.push(got.get(BIG)!.retainedMb - got.get(0)!.retainedMb);
  }
  const fig = (size: number, key: keyof FirstFetch): Figure => figureOf(bySize.get(size)!.map((r) => r[key]));
  const heapAbove = figureOf(heapDiffs);
  const ratio = figureOf(timeRatios);
  const firstEverRatio = figureOf(bySize.get(BIG)!.map((r, i) => r.firstEverMs / bySize.get(SMALL)![i]!.firstEverMs));
  const restartAbove = figureOf(bySize.get(BIG)!.map((r, i) => r.retainedAfterRestartMb - bySize.get(0)![i]!.retainedAfterRestartMb));
  const big = bySize.get(BIG)![0]!;
  return [
    {
      id: 'obsidian-heap',
      what: `Obsidian plugin: JS heap kept after a fetch, vault of ${BIG.toLocaleString('en')} paper notes (stand-in)`,
      measured: `${shown(fig(BIG, 'retainedMb'), 'MB')}, ${shown(heapAbove, 'MB')} above the empty vault`,
      comparedWith: `empty vault: ${shown(fig(0, 'retainedMb'), 'MB')}`,
      ratio: '',
      goal: '< 25 MB above the empty-vault figure',
      met: heapAbove.median < 25,
      notes: [
        `heapUsed after forced GCs (--expose-gc), once the vault was filled and Obsidian's metadata cache caught up (the app's, not the plugin's: ${shown(fig(BIG, 'beforeMb'), 'MB')} with ${BIG.toLocaleString('en')} notes, ${shown(fig(0, 'beforeMb'), 'MB')} empty), and again after the plugin loaded, built its note index and Top picks library and fetched a day (${big.created} notes created); the figure is the second minus the first; after a restart (the plugin's caches on disk) the fetch keeps ${shown(restartAbove, 'MB')} above the empty vault; each vault in a fresh Node process, ${OBSIDIAN_ROUNDS} rounds alternating the order`,
      ],
      figures: {
        big: fig(BIG, 'retainedMb'),
        empty: fig(0, 'retainedMb'),
        above: heapAbove,
        afterRestartAbove: restartAbove,
        vaultBig: fig(BIG, 'beforeMb'),
        vaultEmpty: fig(0, 'beforeMb'),
      },
    },
    {
      id: 'obsidian-first-fetch',
      what: `Obsidian: the first fetch after start-up, vault of ${BIG.toLocaleString('en')} paper notes, index build included`,
      measured: shown(fig(BIG, 'ms')),
      comparedWith: `the same with ${SMALL} notes: ${shown(fig(SMALL, 'ms'))}`,
      ratio: `${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`,
      goal: '≤ 2×',
      met: ratio.median <= 2,
      notes: [
        `timed: from plugin.loadAsync() (onload) through layout-ready to the end of the first fetchToday('command') in the built dist/obsidian/main.js, on a restart: the plugin fetched yesterday's announcement in the vault and was closed, then a new app opened on the same stand-in vault (its metadata cache caught up, as Obsidian has it at start-up) and today's announcement was fetched; the note index was ready ${shown(fig(BIG, 'indexMs'))} after onload with ${BIG.toLocaleString('en')} notes, ${shown(fig(SMALL, 'indexMs'))} with ${SMALL}; the process touched and freed ${TOUCHED_MB} MB just before the timed fetch, as this virtual machine gives freed memory back to its host and a page touched afresh then costs a fault in the host (see touchMemory in bench/memory.ts); memory first touched during the timed fetch: ${shown(fig(BIG, 'faults'), 'pages')} with ${BIG.toLocaleString('en')} notes, ${shown(fig(SMALL, 'faults'), 'pages')} with ${SMALL}; the real 1,504-item feed under each day's ids from a local server; each vault in a fresh Node process, ${OBSIDIAN_ROUNDS} rounds alternating the order`,
        `the plugin's very first fetch in a vault (nothing cached: the Top picks library reads every paper note once): ${shown(fig(BIG, 'firstEverMs'))} with ${BIG.toLocaleString('en')} notes, ${shown(fig(SMALL, 'firstEverMs'))} with ${SMALL}, ${firstEverRatio.median.toFixed(2)}×`,
      ],
      figures: {
        big: fig(BIG, 'ms'),
        small: fig(SMALL, 'ms'),
        ratio,
        indexBig: fig(BIG, 'indexMs'),
        indexSmall: fig(SMALL, 'indexMs'),
        firstEverBig: fig(BIG, 'firstEverMs'),
        firstEverSmall: fig(SMALL, 'firstEverMs'),
        firstEverRatio,
      },
    },
  ];
}

// ---- memory over repeated runs --------------------------------------------------------------

/** In a fresh process: 30 fetches in one plugin session; the heap after each. */
async function obsidianSessionChild(): Promise<number[]> {
  const standIn = loadStandIn();
  const { Plugin } = loadBundle(standIn);
  const feed = dailyFeed();
  const { server, base } = await feedServer(feed.bytes);
  // The polite client waits 3 s between requests; move the clock past that instead of waiting.
  const realNow = Date.now.bind(Date);
  let ahead = 0;
  Date.now = () => realNow() + ahead;
  try {
    const app = new standIn.App({ vault: new standIn.Vault({ configDir: '.obsidian' }) });
    app.saveLocalStorage(AUTO_FETCH_KEY, false);
    await fillVault(app.vault, SESSION_NOTES, parseRss(feed.bytes.toString('utf8'), ['all']).papers);
    await app.metadataCache.settled();
    await app.vault.adapter.write('.obsidian/plugins/paper-feed/data.json', JSON.stringify({ rssBase: `${base}/rss` }));
    const plugin = new Plugin(app, builtManifest()) as LoadedPlugin;
    await (plugin as unknown as { loadAsync(): Promise<void> }).loadAsync();
    app.workspace.markLayoutReady();
    await plugin.notes.ready();
    const heaps: number[] = [];
    for (let i = 0; i < SESSION_RUNS; i += 1) {
      ahead += PACING_MS;
      const outcome = await plugin.fetcher.fetchToday('command');
      if (outcome.kind !== 'written' || !outcome.report) throw new Error(`fetch ${i + 1} did not write notes (${outcome.kind}): ${String(outcome.error)}`);
      await app.metadataCache.settled();
      // The day's notes removed again, so each fetch writes the same day into the same vault.
      for (const path of [...outcome.report.created, outcome.report.dailyNote]) {
        const file = app.vault.getFileByPath(path);
        if (file) await app.vault.delete(file);
      }
      await app.metadataCache.settled();
      // What the stand-in records for tests (notices shown, requests made) is not the plugin's to keep.
      standIn.kit.reset();
      standIn.requestLog.length = 0;
      heaps.push(mb(await settledHeap()));
    }
    plugin.unload();
    return heaps;
  } finally {
    Date.now = realNow;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** In a fresh process: 30 refreshes of the feed tree (refresh, then the whole tree read again); the heap after each. */
async function vscodeSessionChild(): Promise<number[]> {
  const announcement = keptAnnouncement(SESSION_NOTES);
  const archives = [...new Set(announcement.papers.flatMap((p) => p.categories.map((c) => c.split('.')[0]!)))].sort();
  const started = await startExtension({
    announcements: [announcement],
    settings: {
      'paperFeed.groups': [{ name: 'Everything', include: [], categories: archives }],
      'paperFeed.announceTypes': ['new', 'cross', 'replace', 'replace-cross'],
      'paperFeed.fetchOnOpen': false,
      'paperFeed.rssBase': 'http://127.0.0.1:9/rss',
    },
  });
  try {
    const heaps: number[] = [];
    for (let i = 0; i < SESSION_RUNS; i += 1) {
      started.tree.refresh();
      const nodes = await renderTree(started);
      if (nodes !== SESSION_NOTES + 1) throw new Error(`refresh ${i + 1} showed ${nodes} nodes`);
      heaps.push(mb(await settledHeap()));
    }
    return heaps;
  } finally {
    await started.stop();
  }
}

function growthRow(obsidian: number[], vscode: number[]): BenchRow {
  const growth = (heaps: number[]) => heaps[SESSION_RUNS - 1]! / heaps[2]! - 1;
  const pct = (g: number) => `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)}%`;
  const o = growth(obsidian);
  const v = growth(vscode);
  return {
    id: 'memory-growth',
    what: `Heap over ${SESSION_RUNS} runs in one session: Obsidian fetches (${SESSION_NOTES.toLocaleString('en')} notes), VS Code tree refreshes (${SESSION_NOTES.toLocaleString('en')} papers)`,
    measured: `Obsidian ${obsidian[2]} → ${obsidian[SESSION_RUNS - 1]} MB (${pct(o)}); VS Code ${vscode[2]} → ${vscode[SESSION_RUNS - 1]} MB (${pct(v)})`,
    comparedWith: 'after run 3',
    ratio: '',
    goal: 'after run 30 within 10% of after run 3',
    met: Math.abs(o) <= 0.1 && Math.abs(v) <= 0.1,
    notes: [
      `heapUsed after forced GCs after each run, each session in a fresh Node process. Obsidian: fetchToday('command') of the built plugin into a stand-in vault of ${SESSION_NOTES.toLocaleString('en')} notes, the day's notes deleted after each fetch so every fetch writes the same day again (the clock moved 3.1 s per fetch instead of waiting out arXiv's pacing); heap per run: ${obsidian.join(', ')} MB. VS Code: the feed tree's refresh() and every node's children and TreeItem read again, on the real provider against the stand-in; heap per run: ${vscode.join(', ')} MB`,
    ],
    figures: { obsidian, vscode, obsidianGrowth: o, vscodeGrowth: v },
  };
}

// ---- entry points ---------------------------------------------------------------------------

const mode = process.argv[2];
if (mode === '--first-fetch') {
  process.stdout.write(JSON.stringify(await firstFetchChild(Number(process.argv[3]))));
  process.exit(0);
} else if (mode === '--obsidian-session') {
  process.stdout.write(JSON.stringify(await obsidianSessionChild()));
  process.exit(0);
} else if (mode === '--vscode-session') {
  process.stdout.write(JSON.stringify(await vscodeSessionChild()));
  process.exit(0);
} else {
  await runSuite('memory', async () => {
    if (typeof (globalThis as { gc?: unknown }).gc !== 'function') throw new Error('run the memory suite with node --expose-gc (scripts/bench.mjs does)');
    const wanted = process.env.PAPER_FEED_BENCH_ROWS?.split(',').filter(Boolean);
    const wants = (...ids: string[]) => !wanted || ids.some((id) => wanted.includes(id));
    const rows: BenchRow[] = [];
    if (wants('cli-rss')) rows.push(await cliRssRow());
    if (wants('obsidian-heap', 'obsidian-first-fetch')) rows.push(...(await obsidianRows()));
    if (wants('memory-growth')) {
      log(`heap over ${SESSION_RUNS} runs: an Obsidian session, then a VS Code one…`);
      const obsidian = await child<number[]>('--obsidian-session');
      const vscode = await child<number[]>('--vscode-session');
      rows.push(growthRow(obsidian, vscode));
    }
    return rows;
  });
}
