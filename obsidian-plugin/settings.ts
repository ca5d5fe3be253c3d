// The plugin's settings (data.json): the shared Paper Feed config, checked by the core's
// validateConfig like the CLI's file, plus what only Obsidian has: when to fetch automatically and
// the daily-note link, and translation (with the name of its key's secret, never the key).
// Also the text forms the settings tab edits rules, categories and authors in.
import { ARXIV_ADDRESSES, arxivAddress } from '../core/arxiv-addresses';
import { validateConfig } from '../core/config-validate';
import { DEFAULT_CONFIG, type Field, type PaperFeedConfig, type Rule } from '../core/config';
import { DEFAULT_ENRICH_SETTINGS, validateEnrichSettings, type EnrichSettings } from '../core/enrich/settings';
import { isPaperFeedError, PaperFeedError } from '../core/errors';
import { isRecord } from '../core/record';

export interface PaperFeedSettings {
  config: PaperFeedConfig;
  /** Local time (HH:MM) before which the automatic fetch waits; "" fetches soon after the announcement. */
  fetchAfter: string;
  linkFromDailyNote: boolean;
  /** The heading in the daily note that the digest link goes under. */
  dailyNoteHeading: string;
  /** arXiv's addresses; only mirrors (and tests) change them, by editing data.json. */
  rssBase: string;
  apiBase: string;
  /** Translation and TL;DRs through an OpenAI-compatible endpoint; off by default. */
  enrich: EnrichSettings;
  /** The name of the secret in Obsidian's secret storage that holds the endpoint's API key; "" for none. */
  apiKeySecret: string;
}

export const DEFAULT_SETTINGS: PaperFeedSettings = {
  config: DEFAULT_CONFIG,
  fetchAfter: '',
  linkFromDailyNote: true,
  dailyNoteHeading: 'Papers',
  ...ARXIV_ADDRESSES,
  enrich: DEFAULT_ENRICH_SETTINGS,
  apiKeySecret: '',
};

export const SETTINGS_SOURCE = 'the Paper Feed settings';
const FIELDS: readonly Field[] = ['title', 'abstract', 'authors', 'comment'];

export interface LoadedSettings {
  settings: PaperFeedSettings;
  /** Why the stored config or an arXiv address could not be used (the defaults stand in), or null. */
  problem: PaperFeedError | null;
  /** Why the stored translation settings could not be used (translation is off), or null. */
  enrichProblem: PaperFeedError | null;
}

/** Settings from data.json, each value checked; anything missing or wrong falls back to the default. */
export function readSettings(data: unknown): LoadedSettings {
  const stored = isRecord(data) ? data : {};
  const settings = copy(DEFAULT_SETTINGS);
  let problem: PaperFeedError | null = null;
  try {
    settings.config = validateConfig(stored.config, SETTINGS_SOURCE);
  } catch (error) {
    if (!isPaperFeedError(error)) throw error;
    problem = error;
  }
  if (typeof stored.fetchAfter === 'string' && (stored.fetchAfter === '' || isClockTime(stored.fetchAfter))) settings.fetchAfter = stored.fetchAfter;
  if (typeof stored.linkFromDailyNote === 'boolean') settings.linkFromDailyNote = stored.linkFromDailyNote;
  if (typeof stored.dailyNoteHeading === 'string' && stored.dailyNoteHeading.trim()) settings.dailyNoteHeading = stored.dailyNoteHeading.trim();
  // A wrong address stops the runs with the core's sentence, like a wrong config; arXiv's own stands in meanwhile.
  for (const key of ['rssBase', 'apiBase'] as const) {
    try {
      settings[key] = arxivAddress(key, stored[key], SETTINGS_SOURCE);
    } catch (error) {
      if (!isPaperFeedError(error)) throw error;
      problem ??= error;
    }
  }
  let enrichProblem: PaperFeedError | null = null;
  try {
    settings.enrich = validateEnrichSettings(stored.enrich);
  } catch (error) {
    if (!isPaperFeedError(error)) throw error;
    enrichProblem = error;
  }
  if (typeof stored.apiKeySecret === 'string') settings.apiKeySecret = stored.apiKeySecret.trim();
  return { settings, problem, enrichProblem };
}

/** A deep copy, so edits to a draft never reach the settings in use. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function isClockTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

/** One rule per line: the phrase or /regex/, after "title, abstract:" when it is limited to fields. */
export function rulesToText(rules: ReadonlyArray<string | Rule> | undefined): string {
  return (rules ?? []).map((rule) => (typeof rule === 'string' ? rule : rule.in?.length ? `${rule.in.join(', ')}: ${rule.match}` : rule.match)).join('\n');
}

export function textToRules(text: string): Array<string | Rule> {
  return lines(text).map((line) => {
    const scoped = /^([a-z]+(?:\s*,\s*[a-z]+)*)\s*:\s*(.+)$/i.exec(line);
    const fields = scoped?.[1]!.split(',').map((f) => f.trim().toLowerCase());
    if (scoped && fields?.every((f) => FIELDS.includes(f as Field))) return { match: scoped[2]!.trim(), in: fields as Field[] };
    return line;
  });
}

/** Categories are written "cs.LG, stat.ML" (commas or spaces). */
export function categoriesToText(categories: readonly string[] | undefined): string {
  return (categories ?? []).join(', ');
}

export function textToCategories(text: string): string[] {
  return text.split(/[\s,]+/).filter((c) => c !== '');
}

/** One per line, since names themselves may hold commas ("LeCun, Yann"). */
export function linesToText(items: readonly string[] | undefined): string {
  return (items ?? []).join('\n');
}

export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
