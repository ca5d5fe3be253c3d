// Benchmark 8: the VS Code extension with 5,000 kept papers, through its real providers against
// the test stand-in for `vscode`: the feed tree's children (every node and its TreeItem, as the
// view reads them) and the completion items offered after "@"; and the size of its two bundles.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, CompletionTriggerKind, Position } from 'vscode';
import { standIn } from '../test/stand-ins/vscode';
import { startExtension } from '../test/vscode/support/extension-harness';
import { repoRoot } from './inputs';
import { figureOf, shown } from './stats';
import { keptAnnouncement, renderTree } from './vscode-tree';
import { log, runSuite, type BenchRow } from './suite';

/** The desktop bundle and the web one (VS Code for the web, github.dev), as `npm run build` writes them. */
function bundleSizeRow(): BenchRow {
  const bundles = ['extension.js', 'web/extension.js'].map((name) => {
    const file = join(repoRoot, 'dist', 'vscode', name);
    return { name, bytes: existsSync(file) ? statSync(file).size : undefined };
  });
  const kb = (bytes: number | undefined) => (bytes === undefined ? 'not built' : `${(bytes / 1024).toFixed(1)} KB`);
  return {
    id: 'vscode-size',
    what: 'VS Code bundle sizes: dist/vscode/extension.js and the web bundle',
    measured: bundles.map((b) => `${b.name} ${kb(b.bytes)}`).join('; '),
    comparedWith: '—',
    ratio: '',
    goal: '< 250 KB each',
    met: bundles.every((b) => b.bytes !== undefined && b.bytes < 250 * 1024),
    notes: ['the production builds (minified) that `npm run build` writes; 1 KB = 1,024 bytes'],
    figures: Object.fromEntries(bundles.map((b) => [b.name, b.bytes ?? null])),
  };
}

const PAPERS = 5000;
const RUNS = 25;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

await runSuite('vscode', async () => {
  const announcement = keptAnnouncement(PAPERS);
  const archives = [...new Set(announcement.papers.flatMap((p) => p.categories.map((c) => c.split('.')[0]!)))].sort();
  const started = await startExtension({
    announcements: [announcement],
    files: { 'draft.md': 'As shown by @' },
    settings: {
      'paperFeed.groups': [{ name: 'Everything', include: [], categories: archives }],
      'paperFeed.announceTypes': ['new', 'cross', 'replace', 'replace-cross'],
      'paperFeed.fetchOnOpen': false,
      // Nothing listens there: a fetch the benchmark did not ask for fails instead of leaving.
      'paperFeed.rssBase': 'http://127.0.0.1:9/rss',
    },
  });
  try {
    log(`tree and completion over ${PAPERS.toLocaleString('en')} kept papers, ${RUNS} runs each…`);
    const firstTree = await timed(() => renderTree(started));
    const treeTimes: number[] = [];
    for (let i = 0; i < RUNS; i += 1) treeTimes.push((await timed(() => renderTree(started))).ms);

    const [registration] = standIn.providers.completion;
    if (!registration) throw new Error('the extension registered no completion provider');
    const editor = await started.openEditor('draft.md', [[0, 13]]);
    const token = new CancellationTokenSource().token;
    const complete = async () =>
      ((await registration.provider.provideCompletionItems(editor.document, new Position(0, 13), token, {
        triggerKind: CompletionTriggerKind.TriggerCharacter,
        triggerCharacter: '@',
      })) ?? []) as unknown[];
    const firstCompletion = await timed(complete);
    const completionTimes: number[] = [];
    for (let i = 0; i < RUNS; i += 1) completionTimes.push((await timed(complete)).ms);

    const tree = figureOf(treeTimes);
    const completion = figureOf(completionTimes);
    const nodes = firstTree.value;
    const items = firstCompletion.value.length;
    return [
      {
        id: 'vscode-tree',
        what: `VS Code feed tree children for ${PAPERS.toLocaleString('en')} cached papers`,
        measured: `${shown(tree)} (first render ${firstTree.ms.toFixed(0)} ms)`,
        comparedWith: '—',
        ratio: '',
        goal: '< 50 ms',
        met: tree.median < 50 && nodes === PAPERS + 1,
        notes: [
          `timed: getChildren of the root and of every node, plus getTreeItem for each (${nodes} nodes), on the real FeedTreeProvider; the figure is a re-render (the view refreshing), the first render after activation also reads the kept feed from disk`,
        ],
        figures: { rerender: tree, firstMs: firstTree.ms, nodes },
      },
      {
        id: 'vscode-completion',
        what: `VS Code completion items for ${PAPERS.toLocaleString('en')} cached papers`,
        measured: `${shown(completion)} (first ${firstCompletion.ms.toFixed(0)} ms)`,
        comparedWith: '—',
        ratio: '',
        goal: '< 20 ms',
        met: completion.median < 20 && items === PAPERS,
        notes: [
          `timed: provideCompletionItems after "@" in a Markdown line, through the registered provider (${items} items); the first call also derives every paper's citekey`,
        ],
        figures: { repeat: completion, firstMs: firstCompletion.ms, items },
      },
      bundleSizeRow(),
    ];
  } finally {
    await started.stop();
  }
});
