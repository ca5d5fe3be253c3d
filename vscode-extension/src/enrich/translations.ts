// Translations and TL;DRs for the feed. After a fetch the matched papers go to the
// configured OpenAI-compatible endpoint, with the key from VS Code's secret storage; the results
// are kept in globalStorageUri/enrich-cache.json, which the tree tooltip and the hover read.
import type { ShownEnrichment } from '../shared/paper-markdown';
import * as vscode from 'vscode';
import type { HttpTransport } from '../../../core/arxiv/http';
import type { Paper } from '../../../core/arxiv/paper';
import { MemoryEnrichCache, type EnrichCacheData, type EnrichCacheKey } from '../../../core/enrich/cache';
import { keySafeTransport } from '../../../core/enrich/key-safe-transport';
import { EnrichSession } from '../../../core/enrich/session';
import { languageOf, type EnrichKind, type EnrichSettings } from '../../../core/enrich/settings';
import { messageFor, PaperFeedError } from '../../../core/errors';
import { ApiKeyStore } from '../secrets/api-key';
import { readEnrichSettings } from '../settings/settings';
import { readTextIfExists, writeText } from '../shared/text-files';

const FILE = 'enrich-cache.json';

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

  /** True when a fetch should be followed by translation: it is on, or its settings are wrong (which it then says). */
  wanted(): boolean {
    try {
      return this.settings().enabled;
    } catch {
      return true;
    }
  }

  /** shownFor, once the kept results are read. */
  async lookup(paper: Paper): Promise<ShownEnrichment | undefined> {
    await this.load();
    return this.shownFor(paper);
  }

  /**
   * Sends `papers` to the endpoint (those not yet in the cache, within the budgets) and keeps
   * what comes back; the feed's tooltips update as answers arrive. Resolves with the lines to
   * show when it stopped early, could not start, or left papers untranslated.
   */
  async enrich(papers: Paper[], report: (message: string) => void, signal: AbortSignal): Promise<string | undefined> {
    let settings: EnrichSettings;
    try {
      settings = this.settings();
    } catch (error) {
      return messageFor(error);
    }
    if (!settings.enabled || papers.length === 0) return undefined;
    const apiKey = (await this.keys.get())?.trim();
    const session = new EnrichSession(settings, {
      transport: this.deps.transport ?? keySafeTransport,
      ...(apiKey ? { apiKey } : {}),
      signal,
      onProgress: (_done, _total, text) => report(text),
      // Another window may have added results since this one read the file.
      cache: { load: async () => [this.cache?.toJSON(), await this.readJson()], save: (data) => this.save(data) },
    });
    await session.fill(papers, () => Promise.resolve());
    return session.lines().join(' ') || undefined;
  }

  private async readJson(): Promise<unknown> {
    try {
      const text = await readTextIfExists(this.file);
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return undefined; // an unreadable cache only costs requests
    }
  }

  private async read(): Promise<MemoryEnrichCache> {
    return MemoryEnrichCache.fromJSON(await this.readJson());
  }

  /** Saves the cache and shows it; a failure is a line to show (the results stay in memory for this window). */
  private async save(data: EnrichCacheData): Promise<void> {
    this.cache = MemoryEnrichCache.fromJSON(data);
    this.changed.fire();
    // Written beside the file and then moved over it, so a crash never leaves half a cache.
    const partial = vscode.Uri.joinPath(this.deps.storage, `${FILE}.partial`);
    try {
      await writeText(partial, JSON.stringify(data));
      await vscode.workspace.fs.rename(partial, this.file, { overwrite: true });
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
      throw new PaperFeedError('vault', `Paper Feed could not save its translations (${reason}); the next window asks the endpoint again.`);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function keyOf(paper: Paper, kind: EnrichKind, settings: EnrichSettings): EnrichCacheKey {
  return { id: paper.id, version: paper.version, language: languageOf(kind, settings), model: settings.model, kind };
}
