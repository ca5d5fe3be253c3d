// Dependencies point one way: no loop of imports in the core or in the VS Code extension, and
// every import goes down the layer order ARCHITECTURE.md states (test/architecture/layers.ts).
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { importGraph, importLoops, repositoryGraph, type ImportGraph } from './import-graph';
import { CORE_LAYERS, HOST_SAFE_CORE, VSCODE_LAYERS } from './layers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The part (folder or root file of `layers`) a module belongs to, or undefined when none holds it. */
function partOf(file: string, layers: ReadonlyArray<readonly string[]>): string | undefined {
  return layers.flat().find((part) => (part.endsWith('.ts') ? file === part : file.startsWith(`${part}/`)));
}

function layerOf(part: string, layers: ReadonlyArray<readonly string[]>): number {
  return layers.findIndex((layer) => layer.includes(part));
}

/** "a imports b" for each import that goes up the layers or sideways to another part of the same layer. */
function wrongWay(graph: ImportGraph, layers: ReadonlyArray<readonly string[]>): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    const from = partOf(file, layers);
    if (from === undefined) continue;
    for (const target of targets) {
      const to = partOf(target, layers);
      if (to === undefined || to === from) continue;
      if (layerOf(to, layers) >= layerOf(from, layers)) found.push(`${file} imports ${target}`);
    }
  }
  return found;
}

describe('the import graph reader', () => {
  const sources: Record<string, string> = {
    'x/a.ts': "import { b } from './b';\nimport type { C } from '../y/c';\nexport * from './d';\nimport fs from 'node:fs';",
    'x/b.ts': "import { a } from './a';",
    'x/d.ts': "export { c } from '../y/c';\nconst lazy = () => import('./b');",
    'y/c.ts': "import data from './data.json';",
  };
  const graph = importGraph(Object.keys(sources), (file) => sources[file]!);

  it('reads imports, type imports, re-exports and dynamic imports, and leaves packages and other files out', () => {
    expect(Object.fromEntries(graph)).toEqual({ 'x/a.ts': ['x/b.ts', 'y/c.ts', 'x/d.ts'], 'x/b.ts': ['x/a.ts'], 'x/d.ts': ['y/c.ts', 'x/b.ts'], 'y/c.ts': [] });
  });

  it('finds a loop, and none once it is broken', () => {
    expect(importLoops(graph)).toEqual([['x/a.ts', 'x/b.ts', 'x/d.ts']]);
    expect(importLoops(new Map([...graph, ['x/b.ts', []]]))).toEqual([]);
  });

  it('finds an import that goes up the layers or sideways', () => {
    const layers = [['y'], ['x']];
    expect(wrongWay(graph, layers)).toEqual([]);
    expect(wrongWay(new Map([['y/c.ts', ['x/a.ts']]]), layers)).toEqual(['y/c.ts imports x/a.ts']);
    expect(
      wrongWay(
        new Map([
          ['y/c.ts', ['z/e.ts']],
          ['z/e.ts', []],
        ]),
        [['y', 'z']],
      ),
    ).toEqual(['y/c.ts imports z/e.ts']);
  });
});

describe('core/', () => {
  const graph = repositoryGraph(ROOT, ['core']);

  it('has no loop of imports', () => {
    expect(importLoops(graph)).toEqual([]);
  });

  it('places every module in a layer', () => {
    expect([...graph.keys()].filter((file) => partOf(file, CORE_LAYERS) === undefined)).toEqual([]);
  });

  it('imports only down the layers', () => {
    expect(wrongWay(graph, CORE_LAYERS)).toEqual([]);
  });
});

describe('vscode-extension/src/', () => {
  const graph = repositoryGraph(ROOT, ['vscode-extension/src', 'core']);
  const extension = new Map([...graph].filter(([file]) => file.startsWith('vscode-extension/')));

  it('has no loop of imports', () => {
    expect(importLoops(extension)).toEqual([]);
  });

  it('places every module in a layer', () => {
    expect([...extension.keys()].filter((file) => partOf(file, VSCODE_LAYERS) === undefined)).toEqual([]);
  });

  it('imports only down the layers, and from the core only what runs in any host', () => {
    expect(wrongWay(extension, VSCODE_LAYERS)).toEqual([]);
    const intoCore = [...extension].flatMap(([file, targets]) => targets.filter((t) => t.startsWith('core/')).map((t) => [file, t] as const));
    expect(
      intoCore.filter(([, target]) => !HOST_SAFE_CORE.some((part) => target === part || target.startsWith(`${part}/`))).map(([f, t]) => `${f} imports ${t}`),
    ).toEqual([]);
  });
});

describe('obsidian-plugin/', () => {
  it('imports from the core only what runs on every device', () => {
    const graph = repositoryGraph(ROOT, ['obsidian-plugin', 'core']);
    const wrong = [...graph]
      .filter(([file]) => file.startsWith('obsidian-plugin/'))
      .flatMap(([file, targets]) =>
        targets
          .filter((t) => t.startsWith('core/') && !HOST_SAFE_CORE.some((part) => t === part || t.startsWith(`${part}/`)))
          .map((t) => `${file} imports ${t}`),
      );
    expect(wrong).toEqual([]);
  });
});
