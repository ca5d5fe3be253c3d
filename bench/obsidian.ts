// Benchmarks 6, 7 and 8: the Obsidian plugin as people install it. The built dist/obsidian/main.js
// is loaded the way Obsidian loads it (its `obsidian` import answered by the test stand-in), into
// a vault of 5,000 paper notes; onload is timed, and every network request and vault read it makes
// is counted (there must be none: the work waits for a command or the scheduler). Benchmark 8, the
// fetch into 50,000 notes against 500, lives in ./obsidian-scale.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle, loadStandIn, MAIN_JS, type PluginClass } from './obsidian-bundle';
import { repoRoot } from './inputs';
import { fetchScaleRow } from './obsidian-scale';
import { figureOf, shown } from './stats';
import { log, runSuite, type BenchRow } from './suite';
import type * as StandIn from '../test/stand-ins/obsidian';

const NOTES = 5000;
const WARM_RUNS = 40;
const COLD_RUNS = 5;

/** Calls that reach the network or read the vault, counted while `active`. */
class Tally {
  active = false;
  requests = 0;
  calls: Record<string, number> = {};

  constructor(standIn: typeof StandIn) {
    const requestUrl = standIn.requestLog;
    const push = requestUrl.push.bind(requestUrl);
    requestUrl.push = (...items) => {
      if (this.active) this.requests += items.length;
      return push(...items);
    };
    const realFetch = globalThis.fetch;
    globalThis.fetch = (...args: Parameters<typeof fetch>) => {
      if (this.active) this.requests += 1;
      return realFetch(...args);
    };
  }

  /** Wraps the named methods of `target` (once per object) to count calls made while active. */
  watch(target: object, names: readonly string[], label: string): void {
    const methods = target as Record<string, (...args: unknown[]) => unknown>;
    for (const name of names) {
      const original = methods[name];
      if (typeof original !== 'function') continue;
      const count = () => {
        if (this.active) this.calls[`${label}.${name}`] = (this.calls[`${label}.${name}`] ?? 0) + 1;
      };
      methods[name] = function (this: unknown, ...args: unknown[]) {
        count();
        return original.apply(this, args);
      };
    }
  }
}

const VAULT_METHODS = ['read', 'cachedRead', 'process', 'modify', 'create', 'getMarkdownFiles', 'getFiles', 'getAllLoadedFiles'];

async function vaultWithNotes(standIn: typeof StandIn): Promise<StandIn.Vault> {
  const vault = new standIn.Vault({ configDir: '.obsidian' });
  for (let i = 0; i < NOTES; i += 1) {
    const id = `2301.${String(i + 1).padStart(5, '0')}`;
    await vault.seed(`arXiv/Papers/Paper ${i + 1}.md`, `---\ntitle: Paper ${i + 1}\narxiv_id: '${id}'\nversion: 1\ntags:\n  - paper\n---\n# Paper ${i + 1}\n`);
  }
  return vault;
}

/** One onload: a fresh app on the shared vault, the plugin constructed, loadAsync timed. */
async function onloadOnce(standIn: typeof StandIn, tally: Tally, Plugin: PluginClass, vault: StandIn.Vault, manifest: unknown) {
  const app = new standIn.App({ vault });
  tally.watch(app.metadataCache, ['getFileCache', 'getCache'], 'metadataCache');
  const plugin = new Plugin(app, manifest);
  tally.active = true;
  const start = performance.now();
  await plugin.loadAsync();
  const ms = performance.now() - start;
  app.workspace.markLayoutReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
  tally.active = false;
  plugin.unload();
  return ms;
}

/** A vault of notes, the stand-in and the bundle, with every counted call watched. */
async function setUp() {
  const standIn = loadStandIn();
  const tally = new Tally(standIn);
  const vault = await vaultWithNotes(standIn);
  tally.watch(vault, VAULT_METHODS, 'vault');
  // A control: the tally must see a scan and a read made on purpose, or its zeros mean nothing.
  tally.active = true;
  await vault.cachedRead(vault.getMarkdownFiles()[0]!);
  tally.active = false;
  if (tally.calls['vault.getMarkdownFiles'] !== 1 || tally.calls['vault.cachedRead'] !== 1) throw new Error('the vault read counter does not count');
  tally.calls = {};
  const { Plugin, evaluateMs } = loadBundle(standIn);
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'dist', 'obsidian', 'manifest.json'), 'utf8')) as unknown;
  return { standIn, tally, vault, Plugin, evaluateMs, manifest };
}

if (process.argv[2] === '--cold') {
  // One cold start in this fresh process: print what it measured and counted.
  const { standIn, tally, vault, Plugin, evaluateMs, manifest } = await setUp();
  const ms = await onloadOnce(standIn, tally, Plugin, vault, manifest);
  process.stdout.write(JSON.stringify({ ms, requests: tally.requests, vaultCalls: tally.calls, evaluateMs }));
  process.exit(0);
}

await runSuite('obsidian', async () => {
  if (!existsSync(MAIN_JS)) {
    const missing = { comparedWith: '—', ratio: '', met: false, figures: {}, notes: ['dist/obsidian/main.js is missing: the build failed'] };
    return [
      {
        id: 'obsidian-onload',
        what: 'Obsidian plugin onload (built bundle, test stand-in)',
        measured: 'not built',
        goal: '< 5 ms; no network, no vault scan',
        ...missing,
      },
      { id: 'obsidian-size', what: 'dist/obsidian/main.js size', measured: 'not built', goal: '< 250 KB', ...missing },
      { id: 'obsidian-fetch-scale', what: 'Obsidian "Fetch today\'s papers" into 50,000 paper notes', measured: 'not built', goal: '≤ 1.5×', ...missing },
    ];
  }
  const size = statSync(MAIN_JS).size;
  const { standIn, tally, vault, Plugin, evaluateMs, manifest } = await setUp();

  log(`onload: ${COLD_RUNS} cold starts in fresh processes, then ${WARM_RUNS} in this one…`);
  const cold: Array<{ ms: number; requests: number; vaultCalls: Record<string, number>; evaluateMs: number }> = [];
  for (let i = 0; i < COLD_RUNS; i += 1) {
    const child = spawnSync(process.execPath, [process.argv[1]!, '--cold'], { encoding: 'utf8', env: process.env });
    if (child.status !== 0) throw new Error(`cold onload failed: ${child.stderr}`);
    cold.push(JSON.parse(child.stdout) as (typeof cold)[number]);
  }
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS + 3; i += 1) {
    const ms = await onloadOnce(standIn, tally, Plugin, vault, manifest);
    if (i >= 3) warm.push(ms);
  }
  let requests = tally.requests;
  const vaultCalls: Record<string, number> = { ...tally.calls };
  for (const c of cold) {
    requests += c.requests;
    for (const [key, n] of Object.entries(c.vaultCalls)) vaultCalls[key] = (vaultCalls[key] ?? 0) + n;
  }
  const coldFigure = figureOf(cold.map((c) => c.ms));
  const warmFigure = figureOf(warm);
  const reads = Object.values(vaultCalls).reduce((a, b) => a + b, 0);
  const callList =
    Object.entries(vaultCalls)
      .map(([k, n]) => `${k} ×${n}`)
      .join(', ') || 'none';
  const rows: BenchRow[] = [
    {
      id: 'obsidian-onload',
      what: 'Obsidian plugin onload (built bundle against the test stand-in)',
      measured: `cold ${shown(coldFigure)}; warm ${shown(warmFigure)}; ${requests} requests, ${reads} vault reads`,
      comparedWith: '—',
      ratio: '',
      goal: '< 5 ms; no network, no vault scan',
      met: coldFigure.median < 5 && requests === 0 && reads === 0,
      notes: [
        `timed: await plugin.loadAsync() (the plugin's onload) on a vault of ${NOTES.toLocaleString('en')} paper notes; cold = the first onload in each of ${COLD_RUNS} fresh Node processes, warm = ${WARM_RUNS} more in one process; evaluating main.js itself took ${evaluateMs.toFixed(1)} ms (not part of onload)`,
        `counted over all ${COLD_RUNS + WARM_RUNS + 3} onloads, through layout-ready: network requests (requestUrl and fetch) ${requests}; vault and metadata-cache reads and writes: ${callList}`,
      ],
      figures: { cold: coldFigure, warm: warmFigure, requests, vaultCalls, evaluateMs },
    },
    {
      id: 'obsidian-size',
      what: 'dist/obsidian/main.js size',
      measured: `${(size / 1024).toFixed(1)} KB`,
      comparedWith: '—',
      ratio: '',
      goal: '< 250 KB',
      met: size < 250 * 1024,
      notes: ['the production build (minified) that `npm run build` writes'],
      figures: { bytes: size },
    },
  ];
  rows.push(await fetchScaleRow(standIn, Plugin, manifest));
  return rows;
});
