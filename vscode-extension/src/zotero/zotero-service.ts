// The running Zotero for the extension: one client per port, its library kept in the
// extension's global storage beside the feed, refreshed at most once a minute for Top picks and
// citation keys. The web bundle (VS Code for the web, in a browser worker) cannot reach Zotero on the
// person's computer, so there it does not exist; code-server and remote hosts run the Node bundle.
import * as vscode from 'vscode';
import { fetchTransport } from '../../../core/arxiv/fetch-transport';
import type { HttpTransport } from '../../../core/arxiv/http';
import { librarySource, type PaperFeedConfig } from '../../../core/config';
import { isPaperFeedError } from '../../../core/errors';
import type { LibraryCache, ZoteroLibrarySource } from '../../../core/notes/library-source';
import type { LibraryItem } from '../../../core/rank/library';
import { Zotero } from '../../../core/zotero/zotero';
import { NO_LIBRARY_KEYS } from '../citations/citekeys';
import { readTextIfExists, writeText } from '../shared/text-files';

const CACHE_FILE = 'zotero-library.json';
const REFRESH_EVERY_MS = 60_000;

export class ZoteroService {
  private client: Zotero | undefined;
  private refreshed: { at: number; done: Promise<void> } | undefined;
  private lastProblem: string | undefined;

  constructor(
    private readonly storage: vscode.Uri,
    /** False in the web bundle, where Zotero on this computer cannot be reached. */
    readonly available: boolean,
    private readonly transport: HttpTransport = fetchTransport(),
    private readonly now: () => number = Date.now,
  ) {}

  /** The client for the configured port. */
  zotero(config: PaperFeedConfig): Zotero {
    const port = config.library.zoteroPort ?? 23119;
    if (this.client?.endpoint.port !== port) {
      this.client = new Zotero({ transport: this.transport, port, cache: this.cache() });
      this.refreshed = undefined;
    }
    return this.client;
  }

  /** The library source for ranking, when the settings choose the running Zotero and it can be reached. */
  library(config: PaperFeedConfig): ZoteroLibrarySource | undefined {
    if (!this.available || librarySource(config.library) !== 'zotero') return undefined;
    const zotero = this.zotero(config);
    return {
      refresh: () => this.refresh(zotero),
      items: (): Promise<LibraryItem[]> => zotero.library.items(),
      citekeys: () => zotero.library.citekeys(),
      itemKeys: () => zotero.library.itemKeys(),
    };
  }

  /** arXiv id → the key Zotero cites it with, as last read (refreshed when due); empty when Zotero is not the source. */
  async citekeys(config: PaperFeedConfig): Promise<ReadonlyMap<string, string>> {
    const library = this.library(config);
    if (!library) return NO_LIBRARY_KEYS;
    await library.refresh().catch(() => undefined);
    return library.citekeys();
  }

  /** The next refresh asks Zotero again (after a save). */
  stale(): void {
    this.refreshed = undefined;
  }

  /** Refreshes at most once a minute; a failure is said once, until it changes or Zotero answers. */
  private refresh(zotero: Zotero): Promise<void> {
    if (this.refreshed && this.now() - this.refreshed.at < REFRESH_EVERY_MS) return this.refreshed.done;
    const done = zotero.library.refresh().then(
      () => {
        this.lastProblem = undefined;
      },
      (error: unknown) => {
        if (!isPaperFeedError(error)) throw error;
        if (error.message !== this.lastProblem)
          void vscode.window.showWarningMessage(`${error.message.replace(/\.$/, '')} (Top picks and citation keys use the library as Zotero last gave it).`);
        this.lastProblem = error.message;
      },
    );
    this.refreshed = { at: this.now(), done };
    return done;
  }

  private cache(): LibraryCache {
    const file = vscode.Uri.joinPath(this.storage, CACHE_FILE);
    return {
      load: async () => {
        const text = await readTextIfExists(file);
        return text === undefined ? undefined : (JSON.parse(text) as unknown);
      },
      save: (json) => Promise.resolve(writeText(file, JSON.stringify(json))),
    };
  }
}
