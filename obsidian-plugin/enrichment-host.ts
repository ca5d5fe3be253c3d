// Translation and TL;DRs for the plugin's runs: the key from Obsidian's secret storage, the
// cache in the plugin's folder under the config folder, the progress text, and a cancel that
// stops translating (the notes are already written). The rest is the core's EnrichSession.
import { requireApiVersion, type App } from 'obsidian';
import type { HttpTransport } from '../core/arxiv/http';
import { EnrichSession } from '../core/enrich/session';
import { PaperFeedError } from '../core/errors';
import type { PaperFeedSettings } from './settings';

export const ENRICH_CACHE_FILE = 'enrich-cache.json';

/** Shown in the settings tab when this Obsidian has no secret storage. */
export const NO_SECRET_STORAGE = 'Saving an API key needs Obsidian 1.11.4 or later; endpoints without a key (Ollama, LM Studio, vLLM) still work.';

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
  /** Why it stopped, and why papers were left untranslated, one line each. */
  stopped?: string;
}

export class Enrichment {
  private controller: AbortController | null = null;

  constructor(private readonly host: EnrichmentHost) {}

  /** True while papers are being sent to the endpoint. */
  get running(): boolean {
    return this.controller !== null;
  }

  /** Stops translating; what arrived is kept in the notes. */
  cancel(): void {
    this.controller?.abort();
  }

  /** Enrichment for one run (one day, or every day of a range), or undefined while it is off. */
  forRun(progress: (text: string) => void): EnrichmentRun | undefined {
    const { enrich: settings, apiKeySecret } = this.host.settings();
    if (!settings.enabled) return undefined;
    const { adapter } = this.host.app.vault;
    const path = `${this.host.folder}/${ENRICH_CACHE_FILE}`;
    // One cancel stops translating for the rest of the run (every later day of a range too).
    const controller = new AbortController();
    const apiKey = requireApiVersion('1.11.4') && apiKeySecret ? (this.host.app.secretStorage.getSecret(apiKeySecret) ?? undefined) : undefined;
    const session = new EnrichSession(settings, {
      transport: this.host.transport,
      ...(apiKey ? { apiKey } : {}),
      signal: controller.signal,
      onProgress: (_done, _total, text) => progress(text),
      cache: {
        load: async () => ((await adapter.exists(path)) ? [JSON.parse(await adapter.read(path)) as unknown] : []),
        save: async (data) => {
          try {
            await adapter.write(path, JSON.stringify(data));
          } catch (error) {
            const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
            throw new PaperFeedError('vault', `The translation cache could not be saved (${reason}); the next run asks the endpoint again.`);
          }
        },
      },
    });
    return {
      session,
      fill: async (fills) => {
        // Cancellable only while it asks the endpoint.
        this.controller = controller;
        try {
          for (const fill of fills) await fill();
        } finally {
          this.controller = null;
        }
      },
    };
  }
}

export interface EnrichmentRun {
  session: EnrichSession;
  /** Runs the days' fills (writeThenEnrich) one after another. */
  fill(fills: Array<() => Promise<void>>): Promise<void>;
}

/** The closing notice's part for the run. */
export function outcomeOf({ session }: EnrichmentRun): EnrichOutcome {
  const lines = session.lines();
  return { done: session.doneText(), ...(lines.length ? { stopped: lines.join(' ') } : {}) };
}
