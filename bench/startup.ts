// Benchmark: how long VS Code waits on the extension at start-up. The built
// dist/vscode/extension.js is loaded as VS Code loads it (CommonJS, its `vscode` import answered
// by the test stand-in), with five kept announcements in its global storage and a workspace of
// notes, and activate() is timed. Every request (fetch, node:http, a local arXiv stand-in that
// counts) and every directory walk (workspace.findFiles, workspace.fs.readDirectory, node:fs
// readdir/opendir) made during activate and the tick after it is counted: there must be none.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import Module from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Announcement } from '../core/arxiv/paper';
import { parseRss } from '../core/arxiv/rss';
import { standIn } from '../test/stand-ins/vscode';
import { keepAnnouncements } from '../test/vscode/support/extension-harness';
import { dailyFeed, repoRoot, syntheticId } from './inputs';
import { figureOf, shown } from './stats';
import { log, runSuite } from './suite';

const EXTENSION_JS = join(repoRoot, 'dist', 'vscode', 'extension.js');
const KEPT = 5;
const NOTES = 2000;
const RUNS = 30;
const COLD_RUNS = 5;
const WARMUP = 3;

const run = promisify(execFile);

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
interface Extension {
  activate(context: vscode.ExtensionContext): unknown;
}

/** `vscode` as the extension sees it: the stand-in, with `workspace` open to counting (a module namespace is read-only). */
const counted: Record<string, unknown> = {};
const countedWorkspace = new Proxy(vscode.workspace, {
  get: (target, key) => (typeof key === 'string' && key in counted ? counted[key] : (Reflect.get(target, key) as unknown)),
});
const host = new Proxy(vscode, { get: (target, key) => (key === 'workspace' ? countedWorkspace : (Reflect.get(target, key) as unknown)) });

/** Evaluates extension.js as VS Code does: CommonJS, `vscode` from the host. */
function loadExtension(): { extension: Extension; evaluateMs: number } {
  const internals = Module as unknown as { _load: Loader; _nodeModulePaths(dir: string): string[] };
  const original = internals._load;
  internals._load = function (request, parent, isMain) {
    if (request === 'vscode') return host;
    return original.call(this, request, parent, isMain);
  };
  const module = new Module(EXTENSION_JS) as Module & { _compile(code: string, file: string): void; paths: string[] };
  module.filename = EXTENSION_JS;
  module.paths = internals._nodeModulePaths(join(repoRoot, 'dist', 'vscode'));
  const code = readFileSync(EXTENSION_JS, 'utf8');
  const start = performance.now();
  module._compile(code, EXTENSION_JS);
  return { extension: module.exports as Extension, evaluateMs: performance.now() - start };
}

/** Counts calls to the named methods of `target` while `tally.active`. */
function watch(tally: Tally, target: object, names: readonly string[], label: string): void {
  const methods = target as Record<string, (...args: unknown[]) => unknown>;
  for (const name of names) {
    const original = methods[name];
    if (typeof original !== 'function') throw new Error(`${label}.${name} is not there to watch`);
    methods[name] = function (this: unknown, ...args: unknown[]) {
      if (tally.active) tally.calls[`${label}.${name}`] = (tally.calls[`${label}.${name}`] ?? 0) + 1;
      return original.apply(this, args);
    };
  }
}

interface Tally {
  active: boolean;
  calls: Record<string, number>;
}

/** Five announcements of the real feed's papers under fresh ids, one listing day apart, newest first. */
function keptAnnouncements(): Announcement[] {
  const real = parseRss(dailyFeed().bytes.toString('utf8'), ['all']);
  return Array.from({ length: KEPT }, (_, day) => {
    const papers = real.papers.map((paper, i) => {
      const id = syntheticId(i, `250${day + 1}`);
      return { ...paper, id, absUrl: `https://arxiv.org/abs/${id}`, pdfUrl: `https://arxiv.org/pdf/${id}v${paper.version}` };
    });
    return { ...real, papers, date: `2025-0${day + 1}-15` };
  }).reverse();
}

/** Installs the counters: everything that reaches the network or walks a folder, counted while `tally.active`. */
function installCounters(tally: Tally): void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (...args: Parameters<typeof fetch>) => {
    if (tally.active) tally.calls.fetch = (tally.calls.fetch ?? 0) + 1;
    return realFetch(...args);
  };
  watch(tally, http, ['request', 'get'], 'http');
  watch(tally, https, ['request', 'get'], 'https');
  counted.findFiles = vscode.workspace.findFiles;
  counted.fs = { ...vscode.workspace.fs };
  watch(tally, counted, ['findFiles'], 'workspace');
  watch(tally, counted.fs as object, ['readDirectory'], 'workspace.fs');
  watch(tally, fs, ['readdir', 'readdirSync', 'opendir', 'opendirSync'], 'fs');
  watch(tally, fs.promises, ['readdir', 'opendir'], 'fs.promises');
}

/** One activate on a fresh context: its milliseconds; the counters run through the 20 ms after it. */
async function activateOnce(extension: Extension, tally: Tally, workspace: string, storage: string, base: string): Promise<number> {
  standIn.reset();
  standIn.setWorkspaceFolders([workspace]);
  // The defaults, except that arXiv is the counting stand-in.
  standIn.setSetting('paperFeed.rssBase', `${base}/rss`);
  standIn.setSetting('paperFeed.apiBase', `${base}/api/query`);
  const context = standIn.extensionContext({ globalStorage: storage, extensionPath: join(repoRoot, 'dist', 'vscode') });
  tally.active = true;
  const start = performance.now();
  await extension.activate(context);
  const ms = performance.now() - start;
  // Whatever activate started in the background shows within a tick.
  await new Promise((resolve) => setTimeout(resolve, 20));
  tally.active = false;
  standIn.disposeContext(context);
  standIn.reset();
  return ms;
}

interface ColdRun {
  ms: number;
  evaluateMs: number;
  calls: Record<string, number>;
}

if (process.argv[2] === '--cold') {
  // One start-up in this fresh process, as VS Code's extension host does it: load, then activate.
  const [, , , workspace, storage, base] = process.argv as [string, string, string, string, string, string];
  const tally: Tally = { active: false, calls: {} };
  installCounters(tally);
  const { extension, evaluateMs } = loadExtension();
  const ms = await activateOnce(extension, tally, workspace, storage, base);
  process.stdout.write(JSON.stringify({ ms, evaluateMs, calls: tally.calls } satisfies ColdRun));
  process.exit(0);
}

await runSuite('startup', async () => {
  if (!existsSync(EXTENSION_JS)) {
    return [
      {
        id: 'vscode-activate',
        what: 'VS Code activate() (built extension)',
        measured: 'not built',
        comparedWith: '—',
        ratio: '',
        goal: '< 30 ms; no network, no file walk',
        met: false,
        notes: ['dist/vscode/extension.js is missing: the build failed'],
        figures: {},
      },
    ];
  }
  let requests = 0;
  const server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const root = await mkdtemp(join(tmpdir(), 'paper-feed-bench-startup-'));
  const tally: Tally = { active: false, calls: {} };
  try {
    const workspace = join(root, 'workspace');
    const storage = join(root, 'storage');
    // A workspace with notes in it, so a walk would have something to find.
    await mkdir(join(workspace, 'notes'), { recursive: true });
    for (let i = 0; i < NOTES; i += 1) await writeFile(join(workspace, 'notes', `note ${i}.md`), `# Note ${i}\n\nSee [@key${i}].\n`);
    const announcements = keptAnnouncements();
    await keepAnnouncements(storage, announcements);

    installCounters(tally);
    // A control: the counters must see a walk and a request made on purpose, or their zeros mean nothing.
    tally.active = true;
    await countedWorkspace.findFiles('**/*.md');
    await fs.promises.readdir(workspace);
    await (await fetch(base)).arrayBuffer();
    tally.active = false;
    if (tally.calls['workspace.findFiles'] !== 1 || !tally.calls['fs.promises.readdir'] || tally.calls.fetch !== 1 || requests !== 1) {
      throw new Error(`the walk and request counters do not count: ${JSON.stringify(tally.calls)}, ${requests} requests`);
    }
    tally.calls = {};
    requests = 0;

    log(`activate(): ${COLD_RUNS} start-ups in fresh processes, then ${RUNS} in this one after ${WARMUP} warm-ups…`);
    const cold: ColdRun[] = [];
    for (let i = 0; i < COLD_RUNS; i += 1) {
      // Not spawnSync: the counting server in this process must stay able to answer.
      const { stdout } = await run(process.execPath, [process.argv[1]!, '--cold', workspace, storage, base], { env: process.env, maxBuffer: 1 << 20 });
      cold.push(JSON.parse(stdout) as ColdRun);
    }
    const { extension } = loadExtension();
    const times: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      const ms = await activateOnce(extension, tally, workspace, storage, base);
      if (i >= WARMUP) times.push(ms);
    }
    for (const c of cold) for (const [key, n] of Object.entries(c.calls)) tally.calls[key] = (tally.calls[key] ?? 0) + n;
    const coldFigure = figureOf(cold.map((c) => c.ms));
    const evaluateFigure = figureOf(cold.map((c) => c.evaluateMs));
    const warmFigure = figureOf(times);
    const walks = Object.entries(tally.calls).filter(([k]) => !k.startsWith('fetch') && !k.startsWith('http'));
    const sent =
      (tally.calls.fetch ?? 0) +
      (tally.calls['http.request'] ?? 0) +
      (tally.calls['http.get'] ?? 0) +
      (tally.calls['https.request'] ?? 0) +
      (tally.calls['https.get'] ?? 0) +
      requests;
    const walked = walks.reduce((a, [, n]) => a + n, 0);
    return [
      {
        id: 'vscode-activate',
        what: `VS Code activate() of the built extension, ${KEPT} kept announcements`,
        measured: `cold ${shown(coldFigure)}; warm ${shown(warmFigure)}; ${sent} requests, ${walked} folder walks`,
        comparedWith: `loading extension.js before it: ${shown(evaluateFigure)}`,
        ratio: '',
        goal: '< 30 ms; no network, no file walk',
        met: coldFigure.median < 30 && sent === 0 && walked === 0,
        notes: [
          `timed: activate(context) of dist/vscode/extension.js against the test stand-in, default settings except arXiv's addresses (a local server that counts), a workspace of ${NOTES.toLocaleString('en')} notes and ${KEPT} kept announcements (${announcements[0]!.papers.length.toLocaleString('en')} papers each) in global storage; cold = the first activate in each of ${COLD_RUNS} fresh Node processes (after evaluating extension.js, which VS Code does first: ${shown(evaluateFigure)}, not in the figure), warm = ${RUNS} more in one process after ${WARMUP} warm-ups, each on a fresh context`,
          `counted during activate and the 20 ms after it, over all ${COLD_RUNS + WARMUP + RUNS} runs: requests (fetch, node:http/https, the local arXiv stand-in) ${sent}; folder walks (workspace.findFiles, workspace.fs.readDirectory, node:fs readdir/opendir) ${walks.map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}; the counters were checked first with one walk and one request made on purpose`,
        ],
        figures: { cold: coldFigure, warm: warmFigure, evaluate: evaluateFigure, requests: sent, walks: Object.fromEntries(walks) },
      },
    ];
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
  }
});
