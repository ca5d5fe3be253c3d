// Fetches one arXiv document and parses it. When arXiv refuses (HTTP 400 and the like), its
// refusal body usually says why ("Bad archive 'astroph'…"); the parser turns that into the
// error a person sees, with the HTTP status only as the fallback.

import { isPaperFeedError } from '../errors';
import type { ArxivClient } from './polite';

export async function readFeed<T>(client: ArxivClient, url: string, options: { signal?: AbortSignal; accept: string }, parse: (body: string) => T): Promise<T> {
  let body: string;
  try {
    body = (await client.get(url, options)).body;
  } catch (refusal) {
    if (isPaperFeedError(refusal) && refusal.kind === 'arxiv-rejected' && refusal.detail.body) {
      try {
        parse(refusal.detail.body);
      } catch (explained) {
        if (isPaperFeedError(explained) && explained.kind === 'arxiv-rejected') throw explained;
      }
    }
    throw refusal;
  }
  return parse(body);
}
