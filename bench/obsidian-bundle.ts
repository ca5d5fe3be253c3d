// The built Obsidian plugin as Obsidian loads it: dist/obsidian/main.js evaluated as CommonJS,
// its `obsidian` import answered by the test stand-in (built as CommonJS by scripts/bench.mjs).

import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './inputs';
import type * as StandIn from '../test/stand-ins/obsidian';

export const MAIN_JS = join(repoRoot, 'dist', 'obsidian', 'main.js');

export type PluginClass = new (app: unknown, manifest: unknown) => StandIn.Plugin;

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

export function loadStandIn(): typeof StandIn {
  const work = process.env.PAPER_FEED_BENCH_WORK;
  if (!work) throw new Error('PAPER_FEED_BENCH_WORK is not set; run this through scripts/bench.mjs');
  return createRequire(import.meta.url)(join(work, 'obsidian-stand-in.cjs')) as typeof StandIn;
}

/** Evaluates main.js as Obsidian does: CommonJS, `obsidian` from the app, no other module. */
export function loadBundle(standIn: typeof StandIn): { Plugin: PluginClass; evaluateMs: number } {
  const internals = Module as unknown as { _load: Loader; _nodeModulePaths(dir: string): string[] };
  const original = internals._load;
  internals._load = function (request, parent, isMain) {
    if (request === 'obsidian') return standIn;
    if ((parent as { filename?: string } | undefined)?.filename === MAIN_JS) throw new Error(`Cannot find module '${request}'`);
    return original.call(this, request, parent, isMain);
  };
  const module = new Module(MAIN_JS) as Module & { _compile(code: string, file: string): void; paths: string[] };
  module.filename = MAIN_JS;
  module.paths = internals._nodeModulePaths(repoRoot);
  const code = readFileSync(MAIN_JS, 'utf8');
  const start = performance.now();
  module._compile(code, MAIN_JS);
  const evaluateMs = performance.now() - start;
  return { Plugin: (module.exports as { default: PluginClass }).default, evaluateMs };
}

/** The manifest Obsidian passes to the plugin. */
export function builtManifest(): unknown {
  return JSON.parse(readFileSync(join(repoRoot, 'dist', 'obsidian', 'manifest.json'), 'utf8')) as unknown;
}
