// The feed tree: the kept announcements, selected with the current settings and the workspace's
// notes. Empty (so the welcome view shows) until something has been fetched.
import * as vscode from 'vscode';
import type { Paper } from '../../../core/arxiv/paper';
import { messageFor } from '../../../core/errors';
import { BaseTreeProvider } from './base-tree-provider';
import { feedChildren, feedRoots, latestMatchedCount, nodeLabel, type FeedNode } from './feed-model';
import { paperMarkdown } from '../shared/paper-markdown';
import type { FeedCache } from '../cache/feed-cache';
import type { WorkspaceNoteIndex } from '../workspace/workspace-note-index';
import type { ExtensionSettings } from '../settings/settings';
import type { ShownEnrichment } from '../shared/paper-markdown';
import { ranksPapers, type FeedLibrary } from './feed-library';
import { relevanceLine } from './relevance-line';

export interface RenderedFeed {
  /** Listing date of the latest kept announcement, when there is one. */
  latestDate?: string;
  /** Distinct papers the latest announcement matched (after the filter). */
  latestMatched: number;
  /** A settings problem that kept the tree from being built. */
  problem?: string;
}

export interface FeedTreeDeps {
  cache: FeedCache;
  notes: WorkspaceNoteIndex;
  settings: () => ExtensionSettings;
  /** The translated titles and TL;DRs kept, when translation is on (tooltips show them). */
  translations?: { load(): Promise<void>; shownFor(paper: Paper): ShownEnrichment | undefined };
  /** The library the feed is ranked by, when the settings ask for it. */
  library?: FeedLibrary;
}

export class FeedTreeProvider extends BaseTreeProvider<FeedNode> {
  private filterText = '';
  private readonly rendered = new vscode.EventEmitter<RenderedFeed>();
  /** Fires each time the top level was built (for the badge, the description and the view message). */
  readonly onDidRender = this.rendered.event;

  constructor(private readonly deps: FeedTreeDeps) {
    super();
  }

  get filter(): string {
    return this.filterText;
  }

  set filter(text: string) {
    this.filterText = text.trim();
    this.refresh();
  }

  async getChildren(node?: FeedNode): Promise<FeedNode[]> {
    if (node) return feedChildren(node);
    const [announcements] = await Promise.all([this.deps.cache.load(), this.deps.translations?.load()]);
    if (announcements.length === 0) {
      this.rendered.fire({ latestMatched: 0 });
      return [];
    }
    let settings: ExtensionSettings;
    try {
      settings = this.deps.settings();
    } catch (error) {
      this.rendered.fire({ latestDate: announcements[0]!.date, latestMatched: 0, problem: messageFor(error) });
      return [];
    }
    const { library } = this.deps;
    const rank = library && ranksPapers(settings.config) ? await library.ranker(settings.config) : undefined;
    const roots = feedRoots({
      announcements,
      config: settings.config,
      known: await this.deps.notes.known(),
      filter: this.filterText,
      ...(rank ? { rank } : {}),
    });
    this.rendered.fire({ latestDate: announcements[0]!.date, latestMatched: latestMatchedCount(roots) });
    return roots;
  }

  getTreeItem(node: FeedNode): vscode.TreeItem {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    const item = new vscode.TreeItem(nodeLabel(node));
    item.id = node.key;
    switch (node.kind) {
      case 'group':
        item.collapsibleState = node.papers.length > 0 ? Expanded : None;
        item.contextValue = 'group';
        item.tooltip = `${node.papers.length} ${node.papers.length === 1 ? 'paper' : 'papers'} in "${node.name}" on ${node.date}`;
        break;
      case 'picks':
        item.collapsibleState = Expanded;
        item.contextValue = 'picks';
        item.description = 'closest to your library';
        item.tooltip = `The ${node.picks.length === 1 ? 'paper' : `${node.picks.length} papers`} of ${node.date} closest to the ${node.librarySize} papers in your library, best first; hover one for the reason`;
        break;
      case 'updated':
        item.collapsibleState = Collapsed;
        item.contextValue = 'updated';
        item.tooltip = 'New versions of papers you have notes for';
        break;
      case 'announcement':
        item.collapsibleState = node.children.length > 0 ? Collapsed : None;
        item.contextValue = 'announcement';
        item.tooltip = `arXiv listing of ${node.date}: ${node.matched} matched`;
        break;
      case 'paper':
        item.collapsibleState = None;
        item.contextValue = 'paper';
        item.description = node.paper.id;
        break;
    }
    return item;
  }

  // Built on hover only: thousands of papers need no tooltip until someone looks at one.
  resolveTreeItem(item: vscode.TreeItem, node: FeedNode): vscode.TreeItem {
    if (node.kind !== 'paper') return item;
    const enrichment = this.deps.translations?.shownFor(node.paper);
    item.tooltip = paperMarkdown(node.paper, { ...(enrichment ? { enrichment } : {}), ...(node.ranked ? { relevance: relevanceLine(node.ranked) } : {}) });
    return item;
  }

  override dispose(): void {
    this.rendered.dispose();
    super.dispose();
  }
}
