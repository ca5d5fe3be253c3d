// The paperFeed.* settings, read as the core's PaperFeedConfig (the meaning the Obsidian plugin
// and the CLI share) plus what only the VS Code host has: arXiv address, history, .bib path.
import * as vscode from 'vscode';
import { CITATION_FORMATS, type CitationFormat, type PaperFeedConfig } from '../../../core/config';
import { validateConfig } from '../../../core/config-validate';
import { arxivAddress } from '../../../core/arxiv-addresses';
import { validateEnrichSettings, type EnrichSettings } from '../../../core/enrich/settings';
import { isPaperFeedError, PaperFeedError } from '../../../core/errors';
import { isLatexCommand, type LatexCommand } from '../shared/latex-citation';

export const SECTION = 'paperFeed';
/** Where a person fixes a setting, named in its problem's sentence. */
const SETTINGS_SOURCE = 'the Paper Feed settings (paperFeed.*)';

export interface ExtensionSettings {
  config: PaperFeedConfig;
  /** Where announcements are read from (https://rss.arxiv.org/rss unless a mirror or test server). */
  rssBase: string;
  /** arXiv's API, for looking papers up by id. */
  apiBase: string;
  /** Earlier announcements kept below the latest one. */
  historyCount: number;
  fetchOnOpen: boolean;
}

/** Reads every setting, checked by the core. Throws a 'bad-config' PaperFeedError naming the key. */
export function readSettings(): ExtensionSettings {
  const s = vscode.workspace.getConfiguration(SECTION);
  const input = {
    categories: s.get<unknown>('categories'),
    groups: s.get<unknown>('groups'),
    announceTypes: s.get<unknown>('announceTypes'),
    trackUpdates: s.get<unknown>('trackUpdates'),
    folders: { daily: s.get<unknown>('folders.daily'), papers: s.get<unknown>('folders.papers') },
    paperNoteName: s.get<unknown>('paperNoteName'),
    citationFormat: s.get<unknown>('citationFormat'),
    topPicks: s.get<unknown>('topPicks'),
    orderGroupsByRelevance: s.get<unknown>('orderGroupsByRelevance'),
    library: {
      keepKeys: s.get<unknown>('library.keepKeys'),
      file: s.get<unknown>('library.file'),
      halfLifeDays: s.get<unknown>('library.halfLifeDays'),
      source: librarySourceSetting(s.get<unknown>('library.source'), s.get<unknown>('library.file')),
      zoteroPort: s.get<unknown>('library.zoteroPort'),
    },
  };
  return {
    config: validateConfig(input, SETTINGS_SOURCE),
    rssBase: arxivAddress('rssBase', s.get<unknown>('rssBase'), SETTINGS_SOURCE),
    apiBase: arxivAddress('apiBase', s.get<unknown>('apiBase'), SETTINGS_SOURCE),
    historyCount: Math.max(0, Math.min(30, Math.floor(s.get<number>('historyCount') ?? 5))),
    fetchOnOpen: s.get<boolean>('fetchOnOpen') ?? true,
  };
}

/** "file" is the setting's default: with no file named it means no library source, as it always did. */
function librarySourceSetting(source: unknown, file: unknown): unknown {
  return source === 'file' && (typeof file !== 'string' || file.trim() === '') ? undefined : source;
}

/**
 * The paperFeed.enrich.* settings (translation and TL;DRs), checked by the core. The API key is in
 * secret storage, not here. Throws a 'bad-config' PaperFeedError naming the setting.
 */
export function readEnrichSettings(): EnrichSettings {
  const s = vscode.workspace.getConfiguration(`${SECTION}.enrich`);
  try {
    return validateEnrichSettings({
      enabled: s.get<unknown>('enabled'),
      baseUrl: s.get<unknown>('baseUrl'),
      model: s.get<unknown>('model'),
      targetLanguage: s.get<unknown>('targetLanguage'),
      produce: { title: s.get<unknown>('produce.title'), abstract: s.get<unknown>('produce.abstract'), tldr: s.get<unknown>('produce.tldr') },
      tldrLanguage: s.get<unknown>('tldrLanguage'),
      budget: s.get<unknown>('budget'),
      concurrency: s.get<unknown>('concurrency'),
      timeoutMs: s.get<unknown>('timeoutMs'),
      timeBudgetMs: s.get<unknown>('timeBudgetMs'),
    });
  } catch (error) {
    if (!isPaperFeedError(error)) throw error;
    // The core names keys as the CLI config does ("enrich.model"); here they are paperFeed.enrich.*.
    throw new PaperFeedError(error.kind, error.message.replace(/\benrich\./g, `${SECTION}.enrich.`), error.detail);
  }
}

export interface CitationSettings {
  citationFormat: CitationFormat;
  /** The command a citation in a LaTeX file uses by default. */
  latexCommand: LatexCommand;
  /** A .bib path relative to the workspace folder, or absolute; '' when none. */
  bibliography: string;
}

/**
 * Just what citing needs, read without the core's full check: a mistake in a keyword group must
 * not stop citations from working.
 */
export function readCitationSettings(scope?: vscode.Uri): CitationSettings {
  const s = vscode.workspace.getConfiguration(SECTION, scope);
  const format = s.get<CitationFormat>('citationFormat');
  const latex = s.get<string>('latexCitationCommand');
  return {
    citationFormat: format && CITATION_FORMATS.includes(format) ? format : 'pandoc',
    latexCommand: isLatexCommand(latex ?? '') ? (latex as LatexCommand) : 'cite',
    bibliography: s.get<string>('bibliography')?.trim() ?? '',
  };
}

/** True when a configuration change touches Paper Feed. */
export function affectsPaperFeed(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
