// The plugin's settings (data.json): the shared Paper Feed config, checked by the core's
// validateConfig like the CLI's file, plus what only Obsidian has: when to fetch automatically and
// the daily-note link. Also the text forms the settings tab edits rules, categories and authors in.
import { validateConfig } from '../core/config-validate';
import { DEFAULT_CONFIG, type Field, type PaperFeedConfig, type Rule } from '../core/config';
import { isPaperFeedError, PaperFeedError } from '../core/errors';

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
}

export const DEFAULT_SETTINGS: PaperFeedSettings = {
  config: DEFAULT_CONFIG,
  fetchAfter: '',
  linkFromDailyNote: true,
  dailyNoteHeading: 'Papers',
  rssBase: 'https://rss.arxiv.org/rss',
  apiBase: 'https://export.arxiv.org/api/query',
};

export const SETTINGS_SOURCE = 'the Paper Feed settings';
const FIELDS: readonly Field[] = ['title', 'abstract', 'authors', 'comment'];

export interface LoadedSettings {
  settings: PaperFeedSettings;
  /** Why the stored config could not be used (the defaults stand in), or null. */
  problem: PaperFeedError | null;
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
  if (typeof stored.rssBase === 'string' && /^https?:\/\//.test(stored.rssBase)) settings.rssBase = stored.rssBase;
  if (typeof stored.apiBase === 'string' && /^https?:\/\//.test(stored.apiBase)) settings.apiBase = stored.apiBase;
  return { settings, problem };
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
