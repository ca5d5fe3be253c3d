// Reads which module imports which, with the TypeScript compiler's own pre-processor (every
// import and export form, `import type` included: a type is a dependency too), and finds the
// loops in that graph.
import ts from 'typescript';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** Module (path relative to the repository, with ".ts") → the modules it imports, relative ones only. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Every .ts file under `folder` (relative to `root`), declaration files left out. */
export function sourceFilesUnder(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(folder, name).split('\\').join('/'))
    .sort();
}

/** The graph of `files`, whose sources `read` gives; imports of packages and of non-TypeScript files are left out. */
export function importGraph(files: readonly string[], read: (file: string) => string): ImportGraph {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const imported = ts.preProcessFile(read(file), true, true).importedFiles.map((i) => i.fileName);
    const targets = imported
      .filter((name) => name.startsWith('.'))
      .map((name) =>
        normalize(join(dirname(file), name))
          .split('\\')
          .join('/'),
      )
      .flatMap((path) => [`${path}.ts`, `${path}/index.ts`, path].filter((candidate) => known.has(candidate)).slice(0, 1));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

export function repositoryGraph(root: string, folders: readonly string[]): ImportGraph {
  const files = folders.flatMap((folder) => sourceFilesUnder(root, folder));
  return importGraph(files, (file) => readFileSync(join(root, file), 'utf8'));
}

/** Each loop of imports (a strongly connected group of two or more modules, or one importing itself), sorted. */
export function importLoops(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iteratively, so a deep chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; edge: number }> = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++]!;
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.node);
      if (group.length > 1 || edges.includes(frame.node)) loops.push(group.sort());
    }
  }
  return loops.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
