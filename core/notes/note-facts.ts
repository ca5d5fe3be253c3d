// Which note is which paper: the one reader of the frontmatter keys that identify Paper Feed's
// notes (arxiv_id, version, citekey; a daily note's date and tag). Every host hands it the values
// it parsed (the CLI's narrow reader, Obsidian's metadata cache, a whole note's YAML), so a note
// the person renamed or moved is the same paper in every host. When two notes claim one id, the
// rule that picks the one kept up to date is core/vault/originals.ts.

import { isNormalNewStyleId, tryParseArxivId } from '../arxiv/ids';
import { FrontmatterError, readFrontmatter, type FrontmatterData } from './frontmatter';
import { FOLLOWED_KEY, MATCHES_KEY, readTally } from './digest-tally';
import type { DigestTally } from '../vault/store';

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

/** What identifies a note; {} for notes that are not Paper Feed's. */
export function noteFacts(text: string): NoteFacts {
  return readNote(text).facts;
}

/**
 * A note's frontmatter and what identifies it. A paper note whose YAML the person broke has no
 * readable properties but is still found by its arxiv_id line, so a run reports it as left alone
 * instead of creating a second note for the same paper.
 */
export function readNote(text: string): { data: FrontmatterData; facts: NoteFacts } {
  try {
    const data = readFrontmatter(text);
    return { data, facts: factsOfFrontmatter(data) };
  } catch (e) {
    if (e instanceof FrontmatterError) return { data: {}, facts: looseFacts(text) };
    throw e;
  }
}

/** The facts of frontmatter already parsed (by YAML or a host's cache). */
export function factsOfFrontmatter(data: Readonly<Record<string, unknown>>): NoteFacts {
  const facts: NoteFacts = {};
  const arxivId = readArxivId(data.arxiv_id);
  if (arxivId) facts.arxivId = arxivId;
  const version = readVersion(data.version);
  if (version !== undefined) facts.version = version;
  const citekey = readCitekey(data.citekey);
  if (citekey !== undefined) facts.citekey = citekey;
  const date = readDay(data.date);
  if (date !== undefined && tagList(data.tags).includes(DAILY_TAG)) {
    facts.dailyDate = date;
    const tally = readTally(data[MATCHES_KEY], data[FOLLOWED_KEY]);
    if (tally) facts.tally = tally;
  }
  return facts;
}

/** The keys of a frontmatter block YAML cannot read, taken line by line. */
function looseFacts(text: string): NoteFacts {
  const head = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const value = (key: string) => new RegExp(`^${key}[ \\t]*:[ \\t]*['"]?([^'"#\\s]+)`, 'm').exec(head)?.[1];
  return factsOfFrontmatter({ arxiv_id: value('arxiv_id'), version: value('version'), citekey: value('citekey') });
}

/**
 * An arxiv_id value as an id without version, in every form ids.ts reads (bare, "arXiv:", an
 * abs or pdf link, an old-style id with its subject class). Any other text is kept as written
 * (without "arXiv:" and a version), so the catch-up check can name the note whose id is wrong.
 * An unquoted new-style id is a YAML number (2605.10000 reads as 2605.1), so the digits YAML
 * dropped are restored.
 */
export function readArxivId(value: unknown): string | undefined {
  const written = typeof value === 'number' ? numberAsId(value) : value;
  if (typeof written !== 'string') return undefined;
  // Nearly every note's id, as Paper Feed writes it. That short a string is the engine's own copy,
  // never a slice that would keep the note's whole text.
  if (isNormalNewStyleId(written)) return written;
  const id =
    tryParseArxivId(written)?.id ??
    written
      .trim()
      .replace(/^arxiv:/i, '')
      .replace(/v\d+$/, '');
  return id === '' ? undefined : id;
}

function numberAsId(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const m = /^(\d{1,4})\.(\d+)$/.exec(String(value)) ?? /^(\d{1,4})()$/.exec(String(value));
  if (!m) return undefined;
  const yymm = m[1]!.padStart(4, '0');
  return `${yymm}.${m[2]!.padEnd(Number(yymm) >= 1501 ? 5 : 4, '0')}`;
}

/** A version written 2, "2" or "v2". */
export function readVersion(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*v?\d+\s*$/.test(value) ? Number(value.trim().replace(/^v/, '')) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** A citekey as written; YAML reads an all-digit key as a number, which is still the key. */
export function readCitekey(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

/** A YYYY-MM-DD date, written as text or read by a YAML parser that makes dates. */
export function readDay(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : undefined;
}

/** Tags as a list, whether written as a list or as one "a, b" string, without leading "#". */
export function tagList(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const tags: string[] = [];
  for (const item of items) {
    const tag = typeof item === 'string' ? item.trim() : '';
    if (tag !== '') tags.push(tag.startsWith('#') ? tag.slice(1) : tag);
  }
  return tags;
}
