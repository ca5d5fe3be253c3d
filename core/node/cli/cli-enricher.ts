// Translations and TL;DRs for CLI runs: the config's `enrich` section, the key from the
// environment variable it names, the cache in the vault's state folder, progress and lines on
// stderr, and a Ctrl-C that stops translating without stopping the notes. The rest is the
// core's EnrichSession.

import { readFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { keySafeTransport } from '../../enrich/key-safe-transport';
import { EnrichSession } from '../../enrich/session';
import { readApiKeyEnvName, validateEnrichSettings, type EnrichSettings } from '../../enrich/settings';
import { isPaperFeedError, PaperFeedError } from '../../errors';
import { makeFolders, replaceFileAtomically } from '../atomic-file';
import { reasonFor } from '../fs-reasons';
import type { CliContext } from './context';
import type { Progress } from './progress';
import { isRecord } from '../../record';

/** In the vault's state folder, beside the lock and the index cache. */
export const ENRICH_CACHE_FILE = 'enrich-cache.json';

export interface EnrichConfig {
  settings: EnrichSettings;
  /** The environment variable holding the API key; undefined for keyless endpoints. */
  apiKeyEnv?: string;
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
  session: EnrichSession;
  /** For writing the notes: aborted by a Ctrl-C, except one that only stopped translating. */
  writeSignal: AbortSignal | undefined;
  /** Runs the days' fills one after another; a Ctrl-C meanwhile stops translating only. */
  fill(fills: Array<() => Promise<void>>): Promise<void>;
}

/** The enricher for one CLI run (every day of a range), or undefined when enrichment is off. */
export function createCliEnricher(config: EnrichConfig, context: CliContext, stateFolder: () => Promise<string>, progress: Progress): CliEnricher | undefined {
  const { settings, apiKeyEnv } = config;
  if (!settings.enabled) return undefined;
  const apiKey = apiKeyEnv ? context.env[apiKeyEnv]?.trim() || undefined : undefined;
  const show = (line: string) => {
    progress.end();
    context.stderr.write(`${line}\n`);
  };
  const file = async () => nodePath.join(await stateFolder(), ENRICH_CACHE_FILE);
  const session = new EnrichSession(settings, {
    transport: context.transport ?? keySafeTransport,
    ...(apiKey ? { apiKey } : {}),
    ...(context.clock ? { clock: context.clock } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
    onProgress: (done, total) => progress.bar(done, total, settings.produce.title || settings.produce.abstract ? 'translating…' : 'summarising…'),
    onLine: show,
    cache: { load: async () => [await readJson(await file())], save: async (data) => saveCache(await file(), `${JSON.stringify(data)}\n`) },
  });
  let enriching = false;
  const write = new AbortController();
  context.signal?.addEventListener('abort', () => !enriching && write.abort(), { once: true });
  if (apiKeyEnv && !apiKey) {
    // Named only when it reads like a variable name: a key pasted in by mistake is not echoed.
    const which = /^[A-Z_][A-Z0-9_]*$/.test(apiKeyEnv) ? `The environment variable ${apiKeyEnv}` : 'The environment variable named by enrich.apiKeyEnv';
    session.note(`${which} is not set; asking the endpoint without an API key.`);
  }
  return {
    session,
    writeSignal: context.signal ? write.signal : undefined,
    async fill(fills) {
      enriching = true;
      for (const fill of fills) await fill();
      progress.end();
    },
  };
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined; // no cache yet, or an unreadable one: it only costs requests
  }
}

/** Saves the cache; a failure is a line to show, not a reason to keep the notes from being written. */
async function saveCache(file: string, text: string): Promise<void> {
  try {
    await makeFolders(nodePath.dirname(file));
    await replaceFileAtomically(file, text);
  } catch (error) {
    throw new PaperFeedError('vault', `Could not save the translation cache ${file}: ${reasonFor(error)}; the next run asks the endpoint again.`);
  }
}
