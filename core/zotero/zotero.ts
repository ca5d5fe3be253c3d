// What a desktop host holds for Zotero: one endpoint on 127.0.0.1, the library kept
// current from the local API, and "Save to Zotero". Built on request; nothing runs until asked.

import type { Paper } from '../arxiv/paper';
import type { HttpTransport } from '../arxiv/http';
import { NO_LIBRARY_CACHE, type LibraryCache } from '../notes/library-source';
import { ZoteroEndpoint, ZOTERO_PORT } from './endpoint';
import { ZoteroLibrary } from './library';
import { findInZotero, saveToZotero, type SaveOutcome, type ZoteroPaper } from './save';

export interface ZoteroOptions {
  transport: HttpTransport;
  /** Zotero's port (23119; Juris-M 24119). */
  port?: number;
  /** Where the library read from Zotero is kept between runs, beside the library index. */
  cache?: LibraryCache;
  timeoutMs?: number;
}

export class Zotero {
  readonly endpoint: ZoteroEndpoint;
  readonly library: ZoteroLibrary;
  private saves = 0;
  // One save at a time: a second click while the first is on its way would make Zotero answer 409.
  private queue: Promise<unknown> = Promise.resolve();
  private readonly session = Math.random().toString(36).slice(2, 10);

  constructor(options: ZoteroOptions) {
    this.endpoint = new ZoteroEndpoint(options.transport, options.port ?? ZOTERO_PORT, options.timeoutMs);
    this.library = new ZoteroLibrary(this.endpoint, options.cache ?? NO_LIBRARY_CACHE);
  }

  /** Saves the paper unless Zotero has it already; throws a 'zotero' PaperFeedError with one sentence. */
  save(paper: Paper): Promise<SaveOutcome> {
    const run = this.queue.then(() => saveToZotero(this.endpoint, paper, `paper-feed-${this.session}-${(this.saves += 1)}`));
    this.queue = run.catch(() => undefined);
    return run;
  }

  find(arxivId: string): Promise<ZoteroPaper | undefined> {
    return findInZotero(this.endpoint, arxivId);
  }
}

/** The link that shows the item in Zotero's window. */
export function zoteroSelectLink(itemKey: string): string {
  return `zotero://select/library/items/${encodeURIComponent(itemKey)}`;
}

/** "Saved to Zotero." / "Already in Zotero.", with the citation key when there is one. */
export function saveMessage(title: string, outcome: SaveOutcome): string {
  const what = outcome.status === 'saved' ? 'Saved to Zotero' : 'Already in Zotero';
  const key = outcome.citekey ? ` (cite as ${outcome.citekey})` : '';
  return `${what}: ${title}${key}.`;
}
