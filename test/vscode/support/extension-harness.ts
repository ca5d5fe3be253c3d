// Starts the real extension (activate) against the vscode stand-in, with a workspace folder and
// global storage in a fresh temp dir, optional kept announcements, files and settings.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { Announcement } from '../../../core/arxiv/paper';
import { standIn } from '../../stand-ins/vscode';
import { activate, registerFeatures } from '../../../vscode-extension/src/extension';
import { createServices, type ServiceOptions } from '../../../vscode-extension/src/services';
import { FeedCache } from '../../../vscode-extension/src/cache/feed-cache';
import type { FeedNode } from '../../../vscode-extension/src/feed/feed-model';
import type { FeedTreeProvider } from '../../../vscode-extension/src/feed/feed-tree';

export interface Started {
  root: string;
  workspace: string;
  storage: string;
  context: ReturnType<typeof standIn.extensionContext>;
  tree: FeedTreeProvider;
  view: NonNullable<ReturnType<typeof standIn.treeViews.get>>;
  /** Path inside the workspace → absolute path. */
  path(relative: string): string;
  read(relative: string): Promise<string>;
  /** Opens a file of the workspace in the active editor with these cursors ([line, character] or [from, to] pairs). */
  openEditor(relative: string, cursors: Array<[number, number] | [[number, number], [number, number]]>): Promise<InstanceType<typeof standIn.TextEditor>>;
  stop(): Promise<void>;
}

export interface StartOptions {
  announcements?: Announcement[];
  files?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** When given, the features are wired to services made with these options instead of activate()'s. */
  services?: ServiceOptions;
  /** Global storage to reuse (a second activation on the same computer). */
  storage?: string;
}

export async function keepAnnouncements(storage: string, announcements: readonly Announcement[]): Promise<void> {
  const cache = new FeedCache(vscode.Uri.file(storage));
  for (const a of [...announcements].reverse()) await cache.add(a, 30);
  cache.dispose();
}

export async function startExtension(options: StartOptions = {}): Promise<Started> {
  standIn.reset();
  const root = await mkdtemp(join(tmpdir(), 'paper-feed-vscode-'));
  const workspace = join(root, 'workspace');
  const storage = options.storage ?? join(root, 'storage');
  await mkdir(workspace, { recursive: true });
  for (const [relative, text] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(workspace, relative)), { recursive: true });
    await writeFile(join(workspace, relative), text);
  }
  standIn.setWorkspaceFolders([workspace]);
  for (const [key, value] of Object.entries(options.settings ?? {})) standIn.setSetting(key, value);
  if (options.announcements) await keepAnnouncements(storage, options.announcements);
  const context = standIn.extensionContext({ globalStorage: storage });
  if (options.services) registerFeatures(context, createServices(context, options.services));
  else activate(context);
  const view = standIn.treeViews.get('paperFeed.feed')!;
  const path = (relative: string) => join(workspace, relative);
  return {
    root,
    workspace,
    storage,
    context,
    view,
    tree: view.options.treeDataProvider as unknown as FeedTreeProvider,
    path,
    read: (relative) => readFile(path(relative), 'utf8'),
    async openEditor(relative, cursors) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path(relative)));
      const selections = cursors.map((c) =>
        typeof c[0] === 'number'
          ? new vscode.Selection(c[0], c[1] as number, c[0], c[1] as number)
          : new vscode.Selection(c[0][0], c[0][1], (c[1] as [number, number])[0], (c[1] as [number, number])[1]),
      );
      const editor = new standIn.TextEditor(document as never, selections);
      standIn.setActiveTextEditor(editor);
      return editor;
    },
    async stop() {
      standIn.disposeContext(context);
      standIn.reset();
      // The extension may still be saving its cache when a test ends; retry until the folder is empty.
      await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
}

/** The tree as VS Code would read it: every node with its TreeItem, depth first. */
export async function readTree(tree: FeedTreeProvider): Promise<Array<{ depth: number; node: FeedNode; item: vscode.TreeItem }>> {
  const rows: Array<{ depth: number; node: FeedNode; item: vscode.TreeItem }> = [];
  const visit = async (parent: FeedNode | undefined, depth: number) => {
    for (const node of await tree.getChildren(parent)) {
      rows.push({ depth, node, item: tree.getTreeItem(node) });
      await visit(node, depth + 1);
    }
  };
  await visit(undefined, 0);
  return rows;
}

/** Finds the paper node for `id` under the latest announcement's first section that lists it. */
export async function paperNode(tree: FeedTreeProvider, id: string): Promise<FeedNode> {
  const row = (await readTree(tree)).find((r) => r.node.kind === 'paper' && r.node.paper.id === id);
  if (!row) throw new Error(`no paper ${id} in the tree`);
  return row.node;
}
