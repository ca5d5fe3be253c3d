// The long-lived parts the features use, created once per activation: the composition root,
// beside extension.ts. Each feature names what it needs (its own *Services interface) and is
// handed these, so features never import this file. Nothing here reads a file or the network
// until first asked, so activation stays instant.
import * as vscode from 'vscode';
import type { Paper } from '../../core/arxiv/paper';
import { createArxivClient, type ArxivClient } from '../../core/arxiv/polite';
import { fetchTransport } from '../../core/arxiv/fetch-transport';
import { FeedCache } from './cache/feed-cache';
import { WorkspaceNoteIndex } from './workspace/workspace-note-index';
import { CitekeyBook, NO_LIBRARY_KEYS } from './citations/citekeys';
import { Citer } from './citations/citer';
import { FeedFetcher } from './fetching/feed-fetcher';
import { enrichAfterFetch } from './enrich/after-fetch';
import { Translations } from './enrich/translations';
import { readCitationSettings, readSettings, type CitationSettings, type ExtensionSettings } from './settings/settings';
import type { HttpTransport } from '../../core/arxiv/http';
import { ZoteroService } from './zotero/zotero-service';

export interface Services {
  cache: FeedCache;
  notes: WorkspaceNoteIndex;
  citekeys: CitekeyBook;
  citer: Citer;
  fetcher: FeedFetcher;
  /** Translated titles and TL;DRs kept for the tooltip and hover. */
  translations: Translations;
  /** The running Zotero: library, citation keys, "Save to Zotero". */
  zotero: ZoteroService;
  /** Every setting, checked by the core; throws a 'bad-config' PaperFeedError. */
  settings: () => ExtensionSettings;
  /** The citation format and .bib path; never throws. */
  citationSettings: (scope?: vscode.Uri) => CitationSettings;
  now: () => Date;
  /** A kept paper by arXiv id (no version). */
  findPaper(id: string): Promise<Paper | undefined>;
  /** Every kept paper once, newest announcement first. */
  papers(): Promise<Paper[]>;
  /** The one polite arXiv client every feature shares, so the 3 s pacing covers them all. */
  arxiv(): ArxivClient;
  /** The Obsidian vault folder (or the workspace folder); undefined when no folder is open. */
  vaultRoot(): vscode.Uri | undefined;
}

export interface ServiceOptions {
  /** The arXiv client; by default the core's polite client over `fetch`. */
  client?: () => ArxivClient;
  now?: () => Date;
  /** How Zotero on 127.0.0.1 is reached; by default `fetch`. */
  zoteroTransport?: HttpTransport;
  /** Whether Zotero on this computer can be reached; by default true except in the web bundle. */
  zoteroReachable?: boolean;
}

// The web bundle is built with PAPER_FEED_WEB defined (esbuild.config.mjs); it runs in a browser
// worker, which cannot talk to Zotero's server on the person's computer.
declare const process: { env: Record<string, string | undefined> } | undefined;
const WEB_BUNDLE = typeof process === 'undefined' || process.env.PAPER_FEED_WEB === '1';

export function createServices(context: vscode.ExtensionContext, options: ServiceOptions = {}): Services {
  const settings = () => readSettings();
  const vaultRoot = (): vscode.Uri | undefined => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) return undefined;
    const vault = vscode.workspace.getConfiguration('paperFeed', folder).get<string>('vaultFolder')?.trim() ?? '';
    return vault ? vscode.Uri.joinPath(folder, vault.replace(/\\/g, '/')) : folder;
  };
  const cache = new FeedCache(context.globalStorageUri);
  const notes = new WorkspaceNoteIndex(vaultRoot);
  const zotero = new ZoteroService(context.globalStorageUri, options.zoteroReachable ?? !WEB_BUNDLE, options.zoteroTransport);
  const citekeys = new CitekeyBook(cache, notes, async () => {
    try {
      return await zotero.citekeys(settings().config);
    } catch {
      return NO_LIBRARY_KEYS; // a settings mistake must not stop citations; the tree says what it is
    }
  });
  const citer = new Citer({ citekeys, notes, settings: readCitationSettings });
  const now = options.now ?? (() => new Date());
  let client: ArxivClient | undefined;
  const arxiv = (): ArxivClient => (client ??= (options.client ?? (() => createArxivClient({ transport: fetchTransport() })))());
  const translations = new Translations({ storage: context.globalStorageUri, secrets: context.secrets });
  const fetcher = new FeedFetcher({
    cache,
    settings,
    now,
    client: arxiv,
    afterFetch: enrichAfterFetch(translations, settings, notes),
  });
  context.subscriptions.push(cache, notes, fetcher, translations);
  return {
    cache,
    notes,
    citekeys,
    citer,
    fetcher,
    translations,
    zotero,
    settings,
    citationSettings: readCitationSettings,
    now,
    vaultRoot,
    arxiv,
    async findPaper(id) {
      await cache.load();
      return cache.find(id);
    },
    async papers() {
      await cache.load();
      return cache.papers();
    },
  };
}
