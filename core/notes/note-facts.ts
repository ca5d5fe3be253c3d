// Recognises Paper Feed's notes by their frontmatter (arxiv_id; date + the daily tag), so a note
// the person renamed or moved is still found. Used by the in-memory store and any host that
// reads whole files to build its VaultIndex.

import type { IndexedPaperNote, VaultIndex } from '../vault/store';
import { FrontmatterError, readFrontmatter, type FrontmatterData } from './frontmatter';
import { indexOfMaps } from '../vault/index-of';
import { originalFirst } from '../vault/originals';
import { FOLLOWED_KEY, MATCHES_KEY, readTally, type DigestTally } from './digest-tally';

export const DAILY_TAG = 'paper-feed/daily';
export const PAPER_TAG = 'paper';

export interface NoteFacts {
  arxivId?: string;
  version?: number;
  citekey?: string;
  /** Set for daily notes: the listing date they cover. */
  dailyDate?: string;
  /** For daily notes that record it: what the announcement matched (for trends). */
  tally?: DigestTally;
}

/** What identifies a note; {} for notes that are not Paper Feed's or whose YAML is broken. */
export function noteFacts(text: string): NoteFacts {
  let data: FrontmatterData;
  try {
    data = readFrontmatter(text);
  } catch (e) {
    if (e instanceof FrontmatterError) return looseFacts(text);
    throw e;
  }
  const facts: NoteFacts = {};
  const arxivId = readArxivId(data.arxiv_id);
  if (arxivId) facts.arxivId = arxivId;
  const version = readVersion(data.version);
  if (version !== undefined) facts.version = version;
  if (typeof data.citekey === 'string' && data.citekey.trim() !== '') facts.citekey = data.citekey.trim();
  if (typeof data.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data.date) && tagList(data.tags).includes(DAILY_TAG)) {
    facts.dailyDate = data.date;
    const tally = readTally(data[MATCHES_KEY], data[FOLLOWED_KEY]);
    if (tally) facts.tally = tally;
  }
  return facts;
}

/**
 * A paper note whose YAML the person broke is still found by its arxiv_id line, so a run
 * reports it as left alone instead of creating a second note for the same paper.
 */
function looseFacts(text: string): NoteFacts {
  const head = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const value = (key: string) => new RegExp(`^${key}[ \\t]*:[ \\t]*['"]?([^'"#\\s]+)`, 'm').exec(head)?.[1];
  const facts: NoteFacts = {};
  const arxivId = readArxivId(value('arxiv_id'));
  if (arxivId) facts.arxivId = arxivId;
  const version = readVersion(value('version'));
  if (version !== undefined) facts.version = version;
  const citekey = value('citekey');
  if (citekey) facts.citekey = citekey;
  return facts;
}

/** The index of `files` (path → text); when two notes claim one id, the original wins (see originals.ts). */
export function buildVaultIndex(files: Iterable<readonly [string, string]>): VaultIndex {
  const papers = new Map<string, IndexedPaperNote>();
  const dailies = new Map<string, string>();
  const paperClaims = new Map<string, string[]>();
  const dailyClaims = new Map<string, string[]>();
  const tallies = new Map<string, DigestTally>();
  const sorted = originalFirst([...files].map(([path, text]) => ({ path, text })));
  for (const { path, text } of sorted) {
    if (!path.toLowerCase().endsWith('.md')) continue;
    const facts = noteFacts(text);
    if (facts.arxivId && !papers.has(facts.arxivId)) {
      const entry: IndexedPaperNote = { path };
      if (facts.version !== undefined) entry.version = facts.version;
      if (facts.citekey !== undefined) entry.citekey = facts.citekey;
      papers.set(facts.arxivId, entry);
    }
    if (facts.arxivId) paperClaims.set(facts.arxivId, [...(paperClaims.get(facts.arxivId) ?? []), path]);
    if (facts.dailyDate && !dailies.has(facts.dailyDate)) {
      dailies.set(facts.dailyDate, path);
      if (facts.tally) tallies.set(facts.dailyDate, facts.tally);
    }
    if (facts.dailyDate) dailyClaims.set(facts.dailyDate, [...(dailyClaims.get(facts.dailyDate) ?? []), path]);
  }
  const several = (claims: Map<string, string[]>) => (key: string) => {
    const paths = claims.get(key);
    return paths && paths.length > 1 ? paths : undefined;
  };
  return { ...indexOfMaps(papers, dailies), paperClaims: several(paperClaims), dailyClaims: several(dailyClaims), tallies };
}

/**
 * An arxiv_id value as an id without version. An unquoted new-style id is a YAML number
 * (2605.10000 reads as 2605.1), so the digits YAML dropped are restored.
 */
export function readArxivId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const m = /^(\d{1,4})\.(\d+)$/.exec(String(value)) ?? /^(\d{1,4})()$/.exec(String(value));
    if (!m) return undefined;
    const yymm = m[1]!.padStart(4, '0');
    return `${yymm}.${m[2]!.padEnd(Number(yymm) >= 1501 ? 5 : 4, '0')}`;
  }
  if (typeof value !== 'string') return undefined;
  const id = value.trim().replace(/^arxiv:/i, '').replace(/v\d+$/, '');
  return id === '' ? undefined : id;
}

export function readVersion(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*v?\d+\s*$/.test(value) ? Number(value.trim().replace(/^v/, '')) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Tags as a list, whether written as a list or as one "a, b" string, without leading "#". */
export function tagList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return items.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim().replace(/^#/, ''));
}
