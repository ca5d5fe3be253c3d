// The VS Code feed as the view reads it, for the benches that time it or weigh its heap.
import type { Started } from '../test/vscode/support/extension-harness';
import type { FeedNode } from '../vscode-extension/src/feed/feed-model';

/** The whole tree: children of every node, and each node's TreeItem; resolves to the node count. */
export async function renderTree(started: Started): Promise<number> {
  let nodes = 0;
  const visit = async (parent: FeedNode | undefined) => {
    for (const node of await started.tree.getChildren(parent)) {
      started.tree.getTreeItem(node);
      nodes += 1;
      await visit(node);
    }
  };
  await visit(undefined);
  return nodes;
}
