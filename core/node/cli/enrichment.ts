// Translations and TL;DRs for CLI runs (issue #9): the config's `enrich` section, the key from
// the environment variable it names, the cache in the vault's state folder, progress on stderr,
// and a Ctrl-C that stops translating without stopping the notes.

import { readFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { fetchTransport } from '../../arxiv/fetch-transport';
import type { HttpTransport } from '../../arxiv/http';
import type { Paper } from '../../arxiv/paper';
import { MemoryEnrichCache } from '../../enrich/cache';
import { enrichPapers, type PaperEnrichment } from '../../enrich/enrich';
import { readApiKeyEnvName, validateEnrichSettings, type EnrichSettings } from '../../enrich/settings';
import { isPaperFeedError, messageFor, PaperFeedError } from '../../errors';
import { makeFolders, replaceFileAtomically } from '../atomic-file';
import type { CliContext } from './context';
import type { Progress } from './progress';

/** In the vault's state folder, beside the lock and the index cache. */
export const ENRICH_CACHE_FILE = 'enrich-cache.json';

export interface EnrichConfig {
  settings: EnrichSettings;
  /** The environment variable holding the API key; undefined for keyless endpoints. */
  apiKeyEnv?: string;
}

/** What a run's enrichment did, for the summary line and --json. */
export interface EnrichSummary {
  /** Papers whose every asked-for part is now known. */
  complete: number;
  fromCache: number;
  requests: number;
  failed: number;
  /** Why enrichment stopped early, each reason once. */
  stopped: string[];
}

/** The config's `enrich` section, checked; a problem names the key and the file to fix it in. */
export function readEnrichConfig(raw: unknown, source: string | undefined): EnrichConfig {
  try {
    // apiKeyEnv is the CLI's own key; the shared settings would not know it.
    const shared = isRecord(raw) ? Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'apiKeyEnv')) : raw;
    const settings = validateEnrichSettings(shared);
    const apiKeyEnv = readApiKeyEnvName(raw);
    return apiKeyEnv ? { settings, apiKeyEnv } : { settings };
  } catch (error) {
    if (!isPaperFeedError(error) || !source) throw error;
    throw new PaperFeedError(error.kind, `${error.message} Fix it in ${source}.`, error.detail);
  }
}

export interface CliEnricher {
  /** For writeAnnouncement's `enrich` option. */
  enrich(papers: Paper[]): Promise<ReadonlyMap<string, PaperEnrichment>>;
  /** For writing the notes: aborted by a Ctrl-C, except one that only stopped translating. */
  writeSignal: AbortSignal | undefined;
  summary(): EnrichSummary;
}

/**
 * The enricher for one CLI run, or undefined when enrichment is off. Its budget covers the whole
 * run (every day of a range), and the cache is saved after each call, so what was paid for stays.
 */
export function createCliEnricher(config: EnrichConfig, context: CliContext, stateFolder: () => Promise<string>, progress: Progress): CliEnricher | undefined {
  const { settings, apiKeyEnv } = config;
  if (!settings.enabled) return undefined;
  const apiKey = apiKeyEnv ? context.env[apiKeyEnv]?.trim() || undefined : undefined;
  const transport = context.transport ?? keySafeTransport;
  const summary: EnrichSummary = { complete: 0, fromCache: 0, requests: 0, failed: 0, stopped: [] };
  const translating = settings.produce.title || settings.produce.abstract;
  let budget = settings.budget;
  let cache: MemoryEnrichCache | undefined;
  /** The cache file's text as last read or written; an unchanged cache is not written again. */
  let saved = '';
  let enriching = false;

  const write = new AbortController();
  context.signal?.addEventListener('abort', () => {
    if (!enriching) write.abort();
  }, { once: true });
  const stopped = (line: string) => {
    if (summary.stopped.includes(line)) return;
    summary.stopped.push(line);
    progress.end();
    context.stderr.write(`${line}\n`);
  };
  if (apiKeyEnv && !apiKey) {
    // Named only when it reads like a variable name: a key pasted in by mistake is not echoed.
    const which = /^[A-Z_][A-Z0-9_]*$/.test(apiKeyEnv) ? `The environment variable ${apiKeyEnv}` : 'The environment variable named by enrich.apiKeyEnv';
    stopped(`${which} is not set; asking the endpoint without an API key.`);
  }

  const enrichWith = async (file: string, known: MemoryEnrichCache, papers: Paper[]): Promise<ReadonlyMap<string, PaperEnrichment>> => {
    const report = await enrichPapers(papers, { ...settings, budget }, {
      transport,
      cache: known,
      ...(apiKey ? { apiKey } : {}),
      ...(context.clock ? { clock: context.clock } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
      onProgress: (done, total) => progress.bar(done, total, translating ? 'translating…' : 'summarising…'),
    });
    budget = Math.max(0, budget - Math.min(budget, report.results.size - report.fromCache));
    summary.complete += [...report.results.values()].filter((r) => r.missing.length === 0).length;
    summary.fromCache += report.fromCache;
    summary.requests += report.requests;
    summary.failed += report.failed.length;
    if (report.stoppedBecause) stopped(report.stoppedBecause);
    const text = cacheText(known);
    if (text !== saved) {
      const problem = await saveCache(file, text);
      if (problem) stopped(problem);
      else saved = text;
    }
    return report.results;
  };

  return {
    writeSignal: context.signal ? write.signal : undefined,
    summary: () => summary,
    async enrich(papers) {
      enriching = true;
      try {
        const file = nodePath.join(await stateFolder(), ENRICH_CACHE_FILE);
        if (!cache) {
          cache = MemoryEnrichCache.fromJSON(await readJson(file));
          saved = cacheText(cache);
        }
        return await enrichWith(file, cache, papers);
      } catch (error) {
        // The notes are written all the same, without what enrichment would have added.
        stopped(messageFor(error));
        return new Map();
      } finally {
        enriching = false;
      }
    },
  };
}

/** "  translated: 7 papers · 0 from the cache · 0 failed" (or "summarised"), for the summary. */
export function enrichLine(summary: EnrichSummary, settings: EnrichSettings): string {
  const verb = settings.produce.title || settings.produce.abstract ? 'translated' : 'summarised';
  const papers = summary.complete === 1 ? '1 paper' : `${summary.complete} papers`;
  return `  ${verb}: ${papers} · ${summary.fromCache} from the cache · ${summary.failed} failed`;
}

// The key must not follow a redirect to another host: fetch would carry the request there.
const keySafeTransport: HttpTransport = fetchTransport((input, init) => globalThis.fetch(input, { ...init, redirect: 'error' }));

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined; // no cache yet, or an unreadable one: it only costs requests
  }
}

function cacheText(cache: MemoryEnrichCache): string {
  return `${JSON.stringify(cache.toJSON())}\n`;
}

/** Saves the cache; a failure is a line to show, not a reason to keep the notes from being written. */
async function saveCache(file: string, text: string): Promise<string | undefined> {
  try {
    await makeFolders(nodePath.dirname(file));
    await replaceFileAtomically(file, text);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return `Could not save the translation cache ${file} (${code}); the next run asks the endpoint again.`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
