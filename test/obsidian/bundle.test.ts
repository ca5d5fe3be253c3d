// The artifact people install: dist/obsidian/main.js, built here, loaded with `require` exactly as
// Obsidian loads it (its `obsidian` import answered by the stand-in, compiled for plain Node), then
// "Fetch today's papers" against a local arXiv stand-in, checked in the vault.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startArxivServer, type ArxivStandIn } from '../support/arxiv-server';
import type * as StandIn from '../stand-ins/obsidian';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };

let standIn: typeof StandIn;
let server: ArxivStandIn;
const bundleRequests: string[] = [];
let originalLoad: Loader | undefined;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`The build failed:\n${build.stderr}`);

  // The stand-in, bundled to CommonJS so plain Node can require it in place of `obsidian`.
  const compiled = await esbuild.build({
    entryPoints: [`${repoRoot}test/stand-ins/obsidian.ts`],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  standIn = compileCommonJs(compiled.outputFiles[0]!.text, `${repoRoot}test/stand-ins/obsidian.cjs`) as typeof StandIn;

  originalLoad = moduleInternals._load;
  moduleInternals._load = function (request, parent, isMain) {
    const from = (parent as { filename?: string } | undefined)?.filename ?? '';
    if (from.endsWith('dist/obsidian/main.js')) bundleRequests.push(request);
    if (request === 'obsidian') return standIn;
    // As on Obsidian mobile, there is no Node module to be had from inside the plugin.
    if (from.endsWith('dist/obsidian/main.js')) throw new Error(`Cannot find module '${request}'`);
    return originalLoad!.call(this, request, parent, isMain);
  };
  server = await startArxivServer();
  // The build shares two cores with everything else running.
}, 180_000);

afterAll(async () => {
  if (originalLoad) moduleInternals._load = originalLoad;
  await server?.close();
});

describe('the built plugin (dist/obsidian)', () => {
  it('loads with no Node module available, as on mobile, fetches today’s papers and writes them into the vault', async () => {
    server.reply('/rss/cs.LG+cs.CL+cs.AI+cs.CV+stat.ML', { body: readFileSync(new URL('../fixtures/obsidian/rss-2026-05-29.xml', import.meta.url), 'utf8') });
    const manifest = JSON.parse(readFileSync(`${repoRoot}dist/obsidian/manifest.json`, 'utf8')) as StandIn.PluginManifest;
    const { default: PaperFeedPlugin } = loadCommonJs(`${repoRoot}dist/obsidian/main.js`) as {
      default: new (app: unknown, manifest: unknown) => StandIn.Plugin & { fetcher: { busy: boolean } };
    };
    // Nothing but obsidian: the bundle asks for no Node module, not even an optional one.
    expect(new Set(bundleRequests)).toEqual(new Set(['obsidian']));

    const app = new standIn.App({ vault: new standIn.Vault({ configDir: 'config' }) });
    await app.vault.adapter.write('config/plugins/paper-feed/data.json', JSON.stringify({ rssBase: server.url('/rss'), linkFromDailyNote: false }));
    const plugin = new PaperFeedPlugin(app, manifest);
    await plugin.loadAsync();
    app.workspace.markLayoutReady();
    expect(server.requests).toEqual([]);

    expect(app.commands.executeCommandById('paper-feed:fetch-today')).toBe(true);
    for (let i = 0; i < 400 && plugin.fetcher.busy; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));

    const daily = app.vault.text('arXiv/Daily/2026-05-29.md');
    expect(daily).toMatch(/^---\ndate: 2026-05-29\nannounced: '2026-05-28T20:00:00-04:00'\npapers: 5\n/);
    expect(Object.keys(app.vault.snapshot()).filter((p) => p.startsWith('arXiv/Papers/'))).toHaveLength(5);
    expect(standIn.kit.messages().at(-1)).toBe('Paper Feed: 5 papers for 2026-05-29 · 5 new notes · 0 updated');
    expect(server.requests.map((r) => r.headers['user-agent'])).toEqual([expect.stringMatching(/^PaperFeed\//)]);
    plugin.unload();
  });

  it('ships a manifest Obsidian accepts and the styles next to main.js', () => {
    const manifest = JSON.parse(readFileSync(`${repoRoot}dist/obsidian/manifest.json`, 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ id: 'paper-feed', isDesktopOnly: false, minAppVersion: '1.8.7' });
    expect(String(manifest.name)).not.toMatch(/obsidian|plugin/i);
    expect(String(manifest.description)).toMatch(/^[^]{10,250}\.$/);
    expect(readFileSync(`${repoRoot}dist/obsidian/styles.css`, 'utf8')).toContain('.paper-feed-error');
  });
});

/** Evaluates CommonJS source as a module of that file name, the way Obsidian evaluates main.js. */
function compileCommonJs(code: string, filename: string): unknown {
  const module = new Module(filename);
  module.filename = filename;
  (module as unknown as { paths: string[] }).paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(repoRoot);
  (module as unknown as { _compile(code: string, file: string): void })._compile(code, filename);
  return module.exports;
}

function loadCommonJs(filename: string): unknown {
  return compileCommonJs(readFileSync(filename, 'utf8'), filename);
}
