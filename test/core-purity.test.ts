// core/ must run on Obsidian mobile and in VS Code for the web: no host or Node imports,
// except in core/node/, which holds the Node-only adapters (file system, CLI).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const HOST_MODULES =
  /^(obsidian|vscode|electron|node:.*|fs|fs\/promises|path|os|http|https|child_process|crypto|url|stream|util|buffer|events|net|zlib|worker_threads)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return full === join('core', 'node') ? [] : sourceFiles(full);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [full] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"]*?\s+from\s+['"]([^'"]+)['"]/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) specifiers.push(m[1]!);
  return specifiers;
}

describe('core/ purity', () => {
  it('finds the import forms it polices', () => {
    const sample = `import { a } from 'fs';\nimport type { B } from "vscode";\nexport * from 'node:path';\nconst x = require('os');\nawait import('obsidian');`;
    expect(importsOf(sample)).toEqual(['fs', 'vscode', 'node:path', 'os', 'obsidian']);
  });

  it('imports no host API or Node built-in outside core/node/', () => {
    const offenders = sourceFiles('core').flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => HOST_MODULES.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('leaves the bundles nothing from npm: the hosts import only our own code, the host APIs and Node', () => {
    const runtimeImports = (source: string) => importsOf(source.replace(/^\s*import\s+type\b.*$/gm, ''));
    const sources = [...sourceFiles('core'), ...sourceFiles('core/node'), ...sourceFiles('obsidian-plugin'), ...sourceFiles('vscode-extension/src')];
    const packages = sources.flatMap((file) =>
      runtimeImports(readFileSync(file, 'utf8'))
        .filter((spec) => !spec.startsWith('.') && !HOST_MODULES.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(packages).toEqual([]);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies?: Record<string, string> };
    expect(manifest.dependencies ?? {}).toEqual({});
  });
});
