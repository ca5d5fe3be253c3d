// What a person chooses: what to follow and where notes go. Shared by the CLI config file,
// the Obsidian settings tab and VS Code's paperFeed.* settings. Validation lives in
// ./config-validate.ts so every host reports a bad value the same way.

import type { AnnounceType } from './arxiv/paper';

export type Field = 'title' | 'abstract' | 'authors' | 'comment';

/**
 * A rule is a phrase ("diffusion policy", matched case-insensitively on word boundaries) or a
 * regular expression written "/pattern/flags". `in` limits it to some fields (default: title
 * and abstract).
 */
export interface Rule {
  match: string;
  in?: Field[];
}

export interface KeywordGroup {
  name: string;
  /** Phrases or rules; a bare string is a phrase or /regex/ over title and abstract. */
  include: Array<string | Rule>;
  exclude?: Array<string | Rule>;
  /** Limit the group to these categories ("cs.LG") or whole archives ("cs"). Empty: any. */
  categories?: string[];
  /** Followed authors: a paper by any of them belongs to the group. */
  authors?: string[];
}

/** The citation formats every host offers, in the order a list of them shows. */
export const CITATION_FORMATS = ['pandoc', 'wikilink', 'markdown', 'arxiv'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** How paper notes are named: by title, by arXiv id, or "id title". */
export type PaperNoteName = 'title' | 'id' | 'id-title';

export type LibrarySource = 'off' | 'zotero' | 'file';

/** The library source in effect: the one chosen, else the file when one is named, else none. */
export function librarySource(library: LibrarySettings): LibrarySource {
  return library.source ?? (library.file ? 'file' : 'off');
}

/** The person's library, which "Top picks" ranks each announcement against. */
export interface LibrarySettings {
  /**
   * What marks a paper note as kept, besides the person's own writing outside the generated
   * block: "key" (the property has a value), "key: value" (the property is that value, or a list
   * holding it; case-insensitive) or "tag: name" (the note has the tag, or one nested under it).
   */
  keepKeys: string[];
  /** A vault-relative .bib or CSL-JSON file (a Zotero export); its entries with an abstract count. */
  file?: string;
  /**
   * Where the library comes from besides the kept notes: nothing, the running Zotero
   * (desktop only; where Zotero cannot be reached, as on phones, `file` stands in), or `file`.
   * Unset: `file` when one is named, else nothing.
   */
  source?: LibrarySource;
  /** The port of the running Zotero's local server (23119; Juris-M 24119). */
  zoteroPort?: number;
  /** How fast older library papers fade: one this many days old counts 3/4 (default 180). */
  halfLifeDays?: number;
}

export interface PaperFeedConfig {
  /** Categories to read from the announcement, e.g. ["cs.LG", "cs.CL"] or archives ["cs"]. */
  categories: string[];
  groups: KeywordGroup[];
  /** Which announced papers count. Default: new submissions and cross-lists. */
  announceTypes: AnnounceType[];
  /** Update notes you already have when a new version is announced. */
  trackUpdates: boolean;
  folders: { daily: string; papers: string };
  paperNoteName: PaperNoteName;
  citationFormat: CitationFormat;
  /** How many "Top picks" head the daily note, ranked by the library; 0 turns them off. */
  topPicks: number;
  /** Order the papers inside each group by relevance to the library instead of arXiv's order. */
  orderGroupsByRelevance: boolean;
  library: LibrarySettings;
}

export const DEFAULT_CONFIG: PaperFeedConfig = {
  categories: ['cs.LG', 'cs.CL', 'cs.AI', 'cs.CV', 'stat.ML'],
  groups: [
    { name: 'Language models', include: ['large language model', 'LLM', 'language model'] },
    { name: 'Reinforcement learning', include: ['reinforcement learning', 'policy optimization', 'RLHF'] },
    { name: 'Diffusion', include: ['diffusion model', 'score-based', 'flow matching'] },
  ],
  announceTypes: ['new', 'cross'],
  trackUpdates: true,
  folders: { daily: 'arXiv/Daily', papers: 'arXiv/Papers' },
  paperNoteName: 'title',
  citationFormat: 'pandoc',
  topPicks: 10,
  orderGroupsByRelevance: false,
  library: { keepKeys: ['rating', 'status: read', 'tag: paper/keep'] },
};
