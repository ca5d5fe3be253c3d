// What a person chooses for enrichment (translated title and abstract, TL;DR) and the one
// check every host runs on it, so a bad value reads the same in the CLI, Obsidian and VS Code.

import { PaperFeedError } from '../errors';
import { isRecord } from '../record';

export type EnrichKind = 'title' | 'abstract' | 'tldr';

export interface EnrichSettings {
  /** Off by default: enrichment sends paper text to an endpoint the person picked. */
  enabled: boolean;
  /** An OpenAI-compatible base URL, e.g. "http://localhost:11434/v1"; "/chat/completions" is added. */
  baseUrl: string;
  model: string;
  /** BCP 47 tag ("zh-CN", "de"), stored in canonical case. */
  targetLanguage: string;
  produce: { title: boolean; abstract: boolean; tldr: boolean };
  /** The TL;DR in the target language, or in English. */
  tldrLanguage: 'target' | 'en';
  /** Papers a run may send to the endpoint; papers answered from the cache are free. */
  budget: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** How long one request may take; local models on a CPU can be slow. */
  timeoutMs?: number;
  /**
   * How long a run's enrichment may go on after the notes are written (every day of a range
   * together); what is left waits for the next run.
   */
  timeBudgetMs?: number;
  /** A short machine-written overview of the day's matched papers atop the daily note. */
  overview?: boolean;
  /** About how many words the overview runs to. */
  overviewWords?: number;
  /** The overview in the target language, or in English. */
  overviewLanguage?: 'target' | 'en';
}

export const DEFAULT_ENRICH_SETTINGS: EnrichSettings = {
  enabled: false,
  baseUrl: 'http://localhost:11434/v1',
  model: '',
  targetLanguage: 'zh-CN',
  produce: { title: true, abstract: true, tldr: false },
  tldrLanguage: 'target',
  budget: 50,
  concurrency: 2,
  timeoutMs: 120_000,
  timeBudgetMs: 600_000,
  overview: false,
  overviewWords: 120,
  overviewLanguage: 'target',
};

const MAX_CONCURRENCY = 16;

/** Keys as people write them in the CLI config (`enrich.baseUrl`); hosts name them the same. */
function bad(key: string, message: string): PaperFeedError {
  return new PaperFeedError('bad-config', `Setting enrich.${key} ${message}`, { key: `enrich.${key}` });
}

function readBoolean(input: Record<string, unknown>, key: string, fallback: boolean, path = key): boolean {
  const value = input[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw bad(path, 'must be true or false.');
  return value;
}

function readInteger(input: Record<string, unknown>, key: string, fallback: number, min: number, max: number): number {
  const value = input[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw bad(key, `must be a whole number from ${min} to ${max}; it is ${JSON.stringify(value)}.`);
  }
  return value;
}

/** Canonical BCP 47 tag, or undefined when the tag is not well formed. */
export function canonicalLanguageTag(tag: string): string | undefined {
  // Intl is in every host (Obsidian desktop and mobile, VS Code web, Node) and knows BCP 47.
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The base URL without a trailing slash, or an error naming what is wrong with it. */
function readBaseUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw bad('baseUrl', 'is empty; use e.g. http://localhost:11434/v1.');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // The value is not repeated: people paste API keys into the wrong field.
    throw bad('baseUrl', 'is not a URL; use e.g. http://localhost:11434/v1.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw bad('baseUrl', `must start with http:// or https://; use e.g. http://localhost:11434/v1.`);
  }
  // Credentials in the URL would be written into settings files and shown in messages.
  if (url.username || url.password) {
    throw bad('baseUrl', 'must not hold a user name or password; put the key in the API key setting.');
  }
  if (url.search || url.hash) throw bad('baseUrl', 'must not have a ?query or #fragment; use e.g. https://api.openai.com/v1.');
  return url.href.replace(/\/+$/, '');
}

/**
 * Fills defaults and checks every value; throws PaperFeedError('bad-config') naming the key.
 * Model and language only have to be usable when enrichment is on, so the defaults pass.
 */
export function validateEnrichSettings(input: unknown): EnrichSettings {
  if (input === undefined || input === null) return { ...DEFAULT_ENRICH_SETTINGS, produce: { ...DEFAULT_ENRICH_SETTINGS.produce } };
  if (!isRecord(input)) throw new PaperFeedError('bad-config', 'Setting enrich must be an object with baseUrl, model and targetLanguage.', { key: 'enrich' });
  const d = DEFAULT_ENRICH_SETTINGS;
  // A key in a settings file is read by anything that reads the file, and synced with it.
  if ('apiKey' in input) {
    throw bad(
      'apiKey',
      "must not be kept with the settings; put the key in an environment variable named by enrich.apiKeyEnv (CLI) or in the app's secret storage.",
    );
  }

  const enabled = readBoolean(input, 'enabled', d.enabled);
  const baseUrl = readBaseUrl(input.baseUrl ?? d.baseUrl);

  const model = input.model ?? d.model;
  if (typeof model !== 'string') throw bad('model', 'must be a model name such as "qwen2.5:7b".');
  if (enabled && model.trim() === '') throw bad('model', 'is empty; name the model the endpoint serves, such as "qwen2.5:7b".');

  const rawLanguage = input.targetLanguage ?? d.targetLanguage;
  const targetLanguage = typeof rawLanguage === 'string' ? canonicalLanguageTag(rawLanguage.trim()) : undefined;
  if (!targetLanguage) {
    throw bad('targetLanguage', `is not a BCP 47 language tag: ${JSON.stringify(rawLanguage)}; use e.g. "zh-CN", "ja" or "de".`);
  }

  const rawProduce = input.produce ?? d.produce;
  if (!isRecord(rawProduce)) throw bad('produce', 'must be an object like { "title": true, "abstract": true, "tldr": false }.');
  const produce = {
    title: readBoolean(rawProduce, 'title', d.produce.title, 'produce.title'),
    abstract: readBoolean(rawProduce, 'abstract', d.produce.abstract, 'produce.abstract'),
    tldr: readBoolean(rawProduce, 'tldr', d.produce.tldr, 'produce.tldr'),
  };
  if (enabled && targetLanguage.split('-')[0] === 'en' && (produce.title || produce.abstract)) {
    throw bad('targetLanguage', 'is English, the language papers are already in; choose another language or turn off title and abstract translation.');
  }

  const tldrLanguage = input.tldrLanguage ?? d.tldrLanguage;
  if (tldrLanguage !== 'target' && tldrLanguage !== 'en') throw bad('tldrLanguage', 'must be "target" or "en".');

  const overviewLanguage = input.overviewLanguage ?? d.overviewLanguage;
  if (overviewLanguage !== 'target' && overviewLanguage !== 'en') throw bad('overviewLanguage', 'must be "target" or "en".');

  const settings: EnrichSettings = {
    enabled,
    baseUrl,
    model: model.trim(),
    targetLanguage,
    produce,
    tldrLanguage,
    budget: readInteger(input, 'budget', d.budget, 0, 100_000),
    concurrency: readInteger(input, 'concurrency', d.concurrency, 1, MAX_CONCURRENCY),
    timeoutMs: readInteger(input, 'timeoutMs', d.timeoutMs ?? 120_000, 1_000, 3_600_000),
    timeBudgetMs: readInteger(input, 'timeBudgetMs', d.timeBudgetMs ?? 600_000, 1_000, 86_400_000),
    overview: readBoolean(input, 'overview', d.overview ?? false),
    overviewWords: readInteger(input, 'overviewWords', d.overviewWords ?? 120, 30, 400),
    overviewLanguage,
  };
  return settings;
}

/** The kinds a run asks for, in a fixed order. */
export function kindsToProduce(settings: EnrichSettings): EnrichKind[] {
  return (['title', 'abstract', 'tldr'] as const).filter((kind) => settings.produce[kind]);
}

/** The language a kind is written in: the TL;DR may be English while translations are not. */
export function languageOf(kind: EnrichKind, settings: EnrichSettings): string {
  return kind === 'tldr' && settings.tldrLanguage === 'en' ? 'en' : settings.targetLanguage;
}

/**
 * The CLI's `enrich.apiKeyEnv`: the name of the environment variable holding the key, or
 * undefined for keyless endpoints. The key itself never sits in the config file.
 */
export function readApiKeyEnvName(input: unknown): string | undefined {
  if (!isRecord(input) || input.apiKeyEnv === undefined) return undefined;
  const name = input.apiKeyEnv;
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw bad('apiKeyEnv', 'must be the name of an environment variable, such as "OPENAI_API_KEY", not the key itself.');
  }
  return name;
}
