// The feed view, wired: the tree, its badge and messages, the welcome-view context keys, the
// title actions (fetch, filter, settings) and the fetch when the view opens and papers are due.
import * as vscode from 'vscode';
import { latestAnnouncement } from '../../../core/arxiv/calendar';
import { registerCommand } from '../shared/commands';
import { affectsPaperFeed } from '../settings/settings';
import { FeedTreeProvider, type RenderedFeed } from './feed-tree';
import { FeedDragController } from './feed-drag';
import { FeedLibrary } from './feed-library';
import { feedRoots, latestMatchedCount } from './feed-model';
import type { FeedCache } from '../cache/feed-cache';
import type { WorkspaceNoteIndex } from '../workspace/workspace-note-index';
import type { FeedFetcher } from '../fetching/feed-fetcher';
import type { Citer } from '../citations/citer';
import type { Translations } from '../enrich/translations';
import type { ZoteroService } from '../zotero/zotero-service';
import type { CitationSettings, ExtensionSettings } from '../settings/settings';

/** What the feed view uses of the extension's services (extension.ts hands them over). */
export interface FeedServices {
  cache: FeedCache;
  notes: WorkspaceNoteIndex;
  fetcher: FeedFetcher;
  settings: () => ExtensionSettings;
  citationSettings: (scope?: vscode.Uri) => CitationSettings;
  citer: Citer;
  now: () => Date;
  translations: Translations;
  vaultRoot(): vscode.Uri | undefined;
  zotero: ZoteroService;
}

export const VIEW_ID = 'paperFeed.feed';
const SEEN_KEY = 'paperFeed.seenAnnouncement';
const EXTENSION_ID = 'paper-feed.paper-feed';

export function registerFeedView(context: vscode.ExtensionContext, services: FeedServices): FeedTreeProvider {
  const { cache, notes, fetcher, settings } = services;
  const library = new FeedLibrary(
    notes,
    () => services.vaultRoot(),
    (config) => services.zotero.library(config),
  );
  const provider = new FeedTreeProvider({ cache, notes, settings, translations: services.translations, library });
  const view = vscode.window.createTreeView(VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
    canSelectMany: true,
    dragAndDropController: new FeedDragController(services.citer, () => services.citationSettings().citationFormat),
  });
  let last: RenderedFeed = { latestMatched: 0 };
  let fetchProblem: string | undefined;
  let autoFetchedFor: string | undefined;

  const showState = () => {
    view.description = last.latestDate && (provider.filter ? `${last.latestDate} · “${provider.filter}”` : last.latestDate);
    view.message = last.problem ?? fetchProblem;
    if (view.visible && last.latestDate) void context.globalState.update(SEEN_KEY, last.latestDate);
    const unseen = last.latestDate !== undefined && last.latestDate !== context.globalState.get<string>(SEEN_KEY) && !view.visible;
    view.badge =
      unseen && last.latestMatched > 0
        ? { value: last.latestMatched, tooltip: `${last.latestMatched} new papers in arXiv's ${last.latestDate} listing` }
        : undefined;
  };

  // After a fetch the view may be hidden (no tree is built), so the badge is counted here.
  const countLatest = async () => {
    const announcements = await cache.load();
    const latest = announcements[0];
    if (!latest) return;
    try {
      const roots = feedRoots({ announcements: [latest], config: settings().config, known: await notes.known() });
      last = { latestDate: latest.date, latestMatched: latestMatchedCount(roots) };
    } catch {
      return; // a settings problem is shown by the tree itself
    }
    showState();
  };

  const setContextKeys = () => {
    // Read raw: an empty list is a settings error for the core, but for the welcome view it is a state.
    const categories = vscode.workspace.getConfiguration('paperFeed').get<unknown>('categories');
    const noCategories = !Array.isArray(categories) || categories.length === 0;
    void vscode.commands.executeCommand('setContext', 'paperFeed.noCategories', noCategories);
    void vscode.commands.executeCommand('setContext', 'paperFeed.filtered', provider.filter !== '');
  };

  const fetchIfDue = () => {
    let current;
    try {
      current = settings();
    } catch {
      return;
    }
    if (!current.fetchOnOpen || current.config.categories.length === 0 || fetcher.busy) return;
    const due = latestAnnouncement(services.now()).date;
    const kept = cache.latest()?.date;
    if ((kept && kept >= due) || autoFetchedFor === due) return;
    autoFetchedFor = due;
    void fetcher.fetch({ automatic: true });
  };

  const trimHistory = async () => {
    try {
      await cache.trim(settings().historyCount);
    } catch {
      return; // a settings problem is shown by the tree itself
    }
  };

  setContextKeys();
  context.subscriptions.push(
    provider,
    view,
    provider.onDidRender((rendered) => {
      last = rendered;
      showState();
      fetchIfDue();
    }),
    view.onDidChangeVisibility(({ visible }) => {
      showState();
      if (visible) void cache.load().then(fetchIfDue);
    }),
    cache.onDidChange(() => {
      provider.refresh();
      void countLatest();
    }),
    notes.onDidChange(() => provider.refresh()),
    services.translations.onDidChange(() => provider.refresh()),
    notes.watch(),
    fetcher.onDidChangeProblem((problem) => {
      fetchProblem = problem;
      showState();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsPaperFeed(event)) return;
      setContextKeys();
      provider.refresh();
      if (event.affectsConfiguration('paperFeed.historyCount')) void trimHistory();
      if (event.affectsConfiguration('paperFeed.vaultFolder')) notes.invalidate();
    }),
    registerCommand('paperFeed.refresh', () => fetcher.fetch()),
    registerCommand('paperFeed.filter', async () => {
      const text = await vscode.window.showInputBox({
        title: 'Filter the feed',
        prompt: 'Show only papers whose title, authors, arXiv id or abstract contain all these words. Leave empty to show all.',
        placeHolder: 'e.g. transformer Bengio',
        value: provider.filter,
      });
      if (text === undefined) return;
      provider.filter = text;
      setContextKeys();
    }),
    registerCommand('paperFeed.clearFilter', () => {
      provider.filter = '';
      setContextKeys();
    }),
    registerCommand('paperFeed.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${EXTENSION_ID}`)),
  );
  return provider;
}
