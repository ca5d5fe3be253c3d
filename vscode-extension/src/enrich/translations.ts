// Translations and TL;DRs for the feed (issue #9). After a fetch the matched papers go to the
// configured OpenAI-compatible endpoint, with the key from VS Code's secret storage; the results
// are kept in globalStorageUri/enrich-cache.json, which the tree tooltip and the hover read.
import * as vscode from 'vscode';
import { fetchTransport } from '../../../core/arxiv/fetch-transport';
import type { HttpTransport } from '../../../core/arxiv/http';
import type { Paper } from '../../../core/arxiv/paper';
import { MemoryEnrichCache, type EnrichCacheKey } from '../../../core/enrich/cache';
import { enrichPapers } from '../../../core/enrich/enrich';
import { enrichProgressText } from '../../../core/enrich/progress';
import { languageOf, type EnrichKind, type EnrichSettings } from '../../../core/enrich/settings';
import { messageFor } from '../../../core/errors';
import { ApiKeyStore } from '../secrets/api-key';
import { readEnrichSettings } from '../settings/settings';
import { readTextIfExists, writeText } from '../shared/text-files';

const FILE = 'enrich-cache.json';

/** What a tooltip or hover shows beside the English. */
export interface ShownEnrichment {
  titleTranslated?: string;
  tldr?: string;
}

export interface TranslationsDeps {
  storage: vscode.Uri;
  secrets: vscode.SecretStorage;
  /** The endpoint's HTTP; by default fetch, refusing redirects so the key stays with the endpoint. */
  transport?: HttpTransport;
  /** The settings in use; by default paperFeed.enrich.* (throws 'bad-config'). */
  settings?: () => EnrichSettings;
}

export class Translations implements vscode.Disposable {
  private cache: MemoryEnrichCache | undefined;
  private loading: Promise<void> | undefined;
  private readonly keys: ApiKeyStore;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a run added results, so views built from the cache can refresh. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: TranslationsDeps) {
    this.keys = new ApiKeyStore(deps.secrets);
  }

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.deps.storage, FILE);
  }

  private settings(): EnrichSettings {
    return (this.deps.settings ?? readEnrichSettings)();
  }

  /** Reads the kept results once, so shownFor can answer at once (tree items are built synchronously). */
  async load(): Promise<void> {
    this.loading ??= this.read().then((read) => {
      this.cache ??= read;
    });
    await this.loading;
  }

  /**
   * The translated title and TL;DR kept for `paper` (after load()); undefined while translation
   * is off or its settings are wrong (the fetch reports those; a tooltip is no place for them).
   */
  shownFor(paper: Paper): ShownEnrichment | undefined {
    const { cache } = this;
    if (!cache) return undefined;
    let settings: EnrichSettings;
    try {
      settings = this.settings();
    } catch {
      return undefined;
    }
    if (!settings.enabled) return undefined;
    const get = (kind: EnrichKind) => (settings.produce[kind] ? cache.get(keyOf(paper, kind, settings)) : undefined);
    const titleTranslated = get('title');
    const tldr = get('tldr');
    if (titleTranslated === undefined && tldr === undefined) return undefined;
    return { ...(titleTranslated !== undefined ? { titleTranslated } : {}), ...(tldr !== undefined ? { tldr } : {}) };
  }

  /** shownFor, once the kept results are read. */
  async lookup(paper: Paper): Promise<ShownEnrichment | undefined> {
    await this.load();
    return this.shownFor(paper);
  }

  /**
   * Sends `papers` to the endpoint (those not yet in the cache, within the budget) and keeps what
   * comes back. Resolves with the one line to show when it stopped early or could not start.
   */
  async enrich(papers: Paper[], report: (message: string) => void, signal: AbortSignal): Promise<string | undefined> {
    let settings: EnrichSettings;
    try {
      settings = this.settings();
    } catch (error) {
      return messageFor(error);
    }
    if (!settings.enabled || papers.length === 0) return undefined;
    // Another window may have added results since this one read the file.
    const cache = MemoryEnrichCache.fromJSON(this.cache?.toJSON(), await this.read().then((c) => c.toJSON()));
    this.cache = cache;
    const before = JSON.stringify(cache.toJSON());
    const apiKey = (await this.keys.get())?.trim();
    const result = await enrichPapers(papers, settings, {
      transport: this.deps.transport ?? keySafeTransport,
      cache,
      ...(apiKey ? { apiKey } : {}),
      signal,
      onProgress: (done, total) => report(enrichProgressText(done, total, settings)),
    });
    let saveProblem: string | undefined;
    if (JSON.stringify(cache.toJSON()) !== before) {
      saveProblem = await this.save(cache);
      this.changed.fire();
    }
    return [result.stoppedBecause, saveProblem].filter(Boolean).join(' ') || undefined;
  }

  private async read(): Promise<MemoryEnrichCache> {
    try {
      const text = await readTextIfExists(this.file);
      return MemoryEnrichCache.fromJSON(text === undefined ? undefined : JSON.parse(text));
    } catch {
      return new MemoryEnrichCache(); // an unreadable cache only costs requests
    }
  }

  /** Saves the cache; a failure is a line to show (the results stay in memory for this window). */
  private async save(cache: MemoryEnrichCache): Promise<string | undefined> {
    // Written beside the file and then moved over it, so a crash never leaves half a cache.
    const partial = vscode.Uri.joinPath(this.deps.storage, `${FILE}.partial`);
    try {
      await writeText(partial, JSON.stringify(cache.toJSON()));
      await vscode.workspace.fs.rename(partial, this.file, { overwrite: true });
      return undefined;
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
      return `Paper Feed could not save its translations (${reason}); the next window asks the endpoint again.`;
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function keyOf(paper: Paper, kind: EnrichKind, settings: EnrichSettings): EnrichCacheKey {
  return { id: paper.id, version: paper.version, language: languageOf(kind, settings), model: settings.model, kind };
}

// A redirect would carry the request, key included, to another host.
const keySafeTransport: HttpTransport = fetchTransport((input, init) => globalThis.fetch(input, { ...init, redirect: 'error' }));
