// arXiv's two addresses as settings: the feed (rssBase) and the API (apiBase). Only a mirror or a
// test changes them. Every host reads them through this one check, so a wrong address gets the
// same sentence in the CLI, Obsidian and VS Code, and none falls back to arXiv's own in silence.

import { PaperFeedError } from './errors';
import { quoted } from './notes/sanitize';
import { DEFAULT_API_BASE } from './arxiv/api-query';
import { DEFAULT_RSS_BASE } from './arxiv/rss';

/** Each address setting and its default: arXiv's own. */
export const ARXIV_ADDRESSES = { rssBase: DEFAULT_RSS_BASE, apiBase: DEFAULT_API_BASE } as const;

export type ArxivAddressKey = keyof typeof ARXIV_ADDRESSES;

/**
 * The address set for `key`, trimmed; arXiv's own when it is left out or blank. Anything but an
 * http:// or https:// address is a `bad-config` error naming the key and, when given, `source`
 * (where the person fixes it, e.g. "the Paper Feed settings").
 */
export function arxivAddress(key: ArxivAddressKey, value: unknown, source?: string): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return ARXIV_ADDRESSES[key];
  if (typeof value === 'string' && isWebAddress(value.trim())) return value.trim();
  const shown = typeof value === 'string' ? quoted(value.trim()) : JSON.stringify(value);
  throw new PaperFeedError(
    'bad-config',
    `${key}: ${shown} is not a web address; write one starting with http:// or https://, such as ${ARXIV_ADDRESSES[key]}, or leave it empty for arXiv's own.${source ? ` Fix it in ${source}.` : ''}`,
    { key },
  );
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
