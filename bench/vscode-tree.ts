// The VS Code feed as the view reads it, for the benches that time it or weigh its heap.
import type { Announcement, Paper } from '../core/arxiv/paper';
import { parseRss } from '../core/arxiv/rss';
import type { Started } from '../test/vscode/support/extension-harness';
import type { FeedNode } from '../vscode-extension/src/feed/feed-model';
import { dailyFeed, syntheticId } from './inputs';

/** `count` papers in one kept announcement: the real feed's papers again under fresh ids. */
export function keptAnnouncement(count: number): Announcement {
  const real = parseRss(dailyFeed().bytes.toString('utf8'), ['all']);
  const papers: Paper[] = Array.from({ length: count }, (_, i) => {
    const source = real.papers[i % real.papers.length]!;
    const id = syntheticId(i, '2508');
    return { ...source, id, absUrl: `https://arxiv.org/abs/${id}`, pdfUrl: `https://arxiv.org/pdf/${id}v${source.version}` };
  });
  return { ...real, papers };
}

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
