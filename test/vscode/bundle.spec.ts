// The built bundles, not the sources: dist/vscode/extension.js (desktop) and web/extension.js
// (browser) activate against the stand-in, register every contributed command, and the web one
// requires nothing but `vscode`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as vscodeStandIn from '../stand-ins/vscode';
import { standIn } from '../stand-ins/vscode';

const repoRoot = new URL('../../', import.meta.url).pathname;
const DESKTOP = join(repoRoot, 'dist/vscode/extension.js');
const WEB = join(repoRoot, 'dist/vscode/web/extension.js');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'vscode-extension/package.json'), 'utf8'));
const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);

type Resolver = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolver; _cache: Record<string, unknown> };
const STAND_IN_ID = '\0vscode-stand-in';
let originalResolve: Resolver;
let storage: string;

beforeAll(async () => {
  // `npm test` builds before it tests; a bare `vitest run` on a fresh clone builds here.
  if (!existsSync(DESKTOP) || !existsSync(WEB)) {
    const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: repoRoot, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  }
  // The bundles `require('vscode')`; hand them this test's stand-in instance.
  originalResolve = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = (request, ...rest) => (request === 'vscode' ? STAND_IN_ID : originalResolve(request, ...rest));
  moduleInternals._cache[STAND_IN_ID] = { id: STAND_IN_ID, filename: STAND_IN_ID, loaded: true, exports: vscodeStandIn };
  storage = await mkdtemp(join(tmpdir(), 'paper-feed-bundle-'));
});

afterAll(async () => {
  moduleInternals._resolveFilename = originalResolve;
  delete moduleInternals._cache[STAND_IN_ID];
  await rm(storage, { recursive: true, force: true });
});

function activateBundle(file: string): string[] {
  standIn.reset();
  const extension = createRequire(import.meta.url)(file) as { activate(context: unknown): void; deactivate(): void };
  const context = standIn.extensionContext({ globalStorage: storage });
  extension.activate(context);
  const registered = standIn.registeredCommands();
  standIn.disposeContext(context);
  extension.deactivate();
  return registered;
}

describe('built bundles', () => {
  it.each([
    ['desktop', DESKTOP],
    ['web', WEB],
  ])('the %s bundle registers every contributed command', (_name, file) => {
    const registered = activateBundle(file);
    expect(contributed.filter((id) => !registered.includes(id))).toEqual([]);
    expect(standIn.treeViews.has('paperFeed.feed')).toBe(true);
  });

  it('the web bundle requires no module but vscode', () => {
    // `module.require("util")` (lodash, inside the BibTeX parser) is a guarded probe for Node that
    // finds no `module` in a browser; only a bare require() would need the module to exist.
    const required = [...readFileSync(WEB, 'utf8').matchAll(/(?<![.\w$])require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['vscode']);
  });
});
