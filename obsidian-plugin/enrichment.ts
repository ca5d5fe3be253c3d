// Translation and TL;DRs for the plugin's runs (issue #9): the key from Obsidian's secret storage,
// the cache in the plugin's folder under the config folder, the progress text, and a cancel that
// stops translating while the notes are still written.
import { requireApiVersion, type App } from 'obsidian';
import type { HttpTransport } from '../core/arxiv/http';
import type { Paper } from '../core/arxiv/paper';
import { MemoryEnrichCache } from '../core/enrich/cache';
import { enrichPapers, type PaperEnrichment } from '../core/enrich/enrich';
import { enrichProgressText } from '../core/enrich/progress';
import type { EnrichSettings } from '../core/enrich/settings';
import { messageFor } from '../core/errors';
import type { PaperFeedSettings } from './settings';

export const ENRICH_CACHE_FILE = 'enrich-cache.json';

/** Shown in the settings tab when this Obsidian has no secret storage. */
export const NO_SECRET_STORAGE =
  'Saving an API key needs Obsidian 1.11.4 or later; endpoints without a key (Ollama, LM Studio, vLLM) still work.';

export interface EnrichmentHost {
  app: App;
  /** The plugin's own folder, e.g. ".obsidian/plugins/paper-feed". */
  folder: string;
  settings(): PaperFeedSettings;
  transport: HttpTransport;
}

/** What one run's enrichment did, for its closing notice. */
export interface EnrichOutcome {
  /** "19 translated" (or "summarised"). */
  done: string;
  /** Why it stopped before every paper was done, once. */
  stopped?: string;
}

export interface EnrichmentRun {
  /** For writeAnnouncement's `enrich` option. */
  enrich(papers: Paper[]): Promise<ReadonlyMap<string, PaperEnrichment>>;
  outcome(): EnrichOutcome;
}

export class Enrichment {
  private controller: AbortController | null = null;

  constructor(private readonly host: EnrichmentHost) {}

  /** True while papers are being sent to the endpoint. */
  get running(): boolean {
    return this.controller !== null;
  }

  /** Stops translating; the run goes on and writes its notes without the missing parts. */
  cancel(): void {
    this.controller?.abort();
  }

  /**
   * Enrichment for one run (one day, or every day of a range), or undefined while it is off.
   * `progress` gets "Translating 12/66…".
   */
  forRun(progress: (text: string) => void): EnrichmentRun | undefined {
    const { enrich: settings, apiKeySecret } = this.host.settings();
    if (!settings.enabled) return undefined;
    let complete = 0;
    // The budget covers the whole run, every day of a range included.
    let budget = settings.budget;
    const stopped: string[] = [];
    const stop = (line: string | undefined) => {
      if (line && !stopped.includes(line)) stopped.push(line);
    };
    // One cancel stops translating for the rest of the run (every later day of a range too).
    const controller = new AbortController();
    return {
      outcome: () => ({ done: `${complete} ${verb(settings)}`, ...(stopped.length ? { stopped: stopped.join(' ') } : {}) }),
      enrich: async (papers) => {
        const cancelledBefore = controller.signal.aborted;
        this.controller = controller;
        try {
          const cache = await this.loadCache();
          const before = JSON.stringify(cache.toJSON());
          const apiKey = this.apiKey(apiKeySecret);
          const report = await enrichPapers(papers, { ...settings, budget }, {
            transport: this.host.transport,
            cache,
            ...(apiKey ? { apiKey } : {}),
            signal: controller.signal,
            onProgress: (done, total) => progress(enrichProgressText(done, total, settings)),
          });
          budget -= Math.min(budget, report.results.size - report.fromCache);
          complete += [...report.results.values()].filter((r) => r.missing.length === 0).length;
          if (!cancelledBefore) stop(report.stoppedBecause);
          if (JSON.stringify(cache.toJSON()) !== before) stop(await this.saveCache(cache));
          return report.results;
        } catch (error) {
          // Enrichment never keeps the notes from being written.
          stop(messageFor(error));
          return new Map();
        } finally {
          this.controller = null;
        }
      },
    };
  }

  /** From Obsidian's secret storage, which older versions (before 1.11.4) do not have. */
  private apiKey(secretName: string): string | undefined {
    if (requireApiVersion('1.11.4') && secretName) return this.host.app.secretStorage.getSecret(secretName) ?? undefined;
    return undefined;
  }

  private get cachePath(): string {
    return `${this.host.folder}/${ENRICH_CACHE_FILE}`;
  }

  private async loadCache(): Promise<MemoryEnrichCache> {
    const { adapter } = this.host.app.vault;
    try {
      if (!(await adapter.exists(this.cachePath))) return new MemoryEnrichCache();
      return MemoryEnrichCache.fromJSON(JSON.parse(await adapter.read(this.cachePath)));
    } catch {
      return new MemoryEnrichCache(); // an unreadable cache only costs requests
    }
  }

  private async saveCache(cache: MemoryEnrichCache): Promise<string | undefined> {
    try {
      await this.host.app.vault.adapter.write(this.cachePath, JSON.stringify(cache.toJSON()));
      return undefined;
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
      return `The translation cache could not be saved (${reason}); the next run asks the endpoint again.`;
    }
  }
}

function verb(settings: EnrichSettings): string {
  return settings.produce.title || settings.produce.abstract ? 'translated' : 'summarised';
}
