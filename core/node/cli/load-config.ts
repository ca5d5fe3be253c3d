// The CLI's config: a JSON file (--config, or ./paper-feed.config.json when present) or the
// built-in defaults, with --keyword / --category laid over it, then validated like every host.

import { readFile, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { DEFAULT_CONFIG, type PaperFeedConfig } from '../../config';
import { validateConfig } from '../../config-validate';
import { PaperFeedError } from '../../errors';
import { readEnrichConfig, type EnrichConfig } from './cli-enricher';
import { isRecord } from '../../record';

export const CONFIG_FILE_NAME = 'paper-feed.config.json';

export interface LoadedConfig {
  config: PaperFeedConfig;
  /** Where it came from: a file path, or "built-in defaults". */
  source: string;
  /** The `enrich` section (translation and TL;DRs), off unless the file turns it on. */
  enrich: EnrichConfig;
}

export interface ConfigChoice {
  config?: string;
  keywords: string[];
  categories: string[];
}

export async function loadConfig(choice: ConfigChoice, cwd: string): Promise<LoadedConfig> {
  const explicit = choice.config !== undefined ? nodePath.resolve(cwd, choice.config) : undefined;
  const path = explicit ?? (await existingFile(nodePath.join(cwd, CONFIG_FILE_NAME)));
  const raw: unknown = path !== undefined ? await readJson(path) : structuredClone(DEFAULT_CONFIG);
  const source = path ?? 'built-in defaults';
  // `enrich` is the CLI's section for the shared enrichment settings, checked on its own.
  const { enrich: rawEnrich, ...shared } = isRecord(raw) ? raw : { enrich: undefined };
  const config = validateConfig(isRecord(raw) ? shared : raw, path);
  const enrich = readEnrichConfig(rawEnrich, path);
  // Overrides are checked apart, so a wrong --category is blamed on the option, not the file.
  const overrides: Record<string, unknown> = {};
  const flags: string[] = [];
  if (choice.keywords.length > 0) {
    overrides.groups = keywordGroups(choice.keywords);
    flags.push('--keyword');
  }
  if (choice.categories.length > 0) {
    overrides.categories = choice.categories;
    flags.push('--category');
  }
  if (flags.length === 0) return { config, source, enrich };
  const merged = validateConfig({ ...config, ...overrides }, `the ${flags.join(' and ')} option${flags.length > 1 ? 's' : ''}`);
  return { config: merged, source: `${source} with ${flags.join(' and ')}`, enrich };
}

/**
 * One group per --keyword, named by its phrase, so each keyword has its own section and count in
 * the daily note (a paper matching two is listed under both). A phrase given twice is one group.
 */
function keywordGroups(phrases: readonly string[]): Array<{ name: string; include: string[] }> {
  const groups = new Map<string, { name: string; include: string[] }>();
  for (const phrase of phrases) {
    const name = phrase.trim();
    if (!groups.has(name.toLowerCase())) groups.set(name.toLowerCase(), { name, include: [phrase] });
  }
  return [...groups.values()];
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? 'unknown error'})`;
    throw new PaperFeedError('bad-config', `The config file ${path} ${why}; check the --config path.`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'syntax error';
    throw new PaperFeedError('bad-config', `The config file ${path} is not valid JSON (${detail}); fix it and run again.`);
  }
}

async function existingFile(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? path : undefined;
}
