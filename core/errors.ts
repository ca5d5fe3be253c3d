// Every failure a person can meet is a PaperFeedError: a kind a host can branch on, and a
// one-line message that says what happened and what to do. Hosts show `message`, nothing else.

export type ErrorKind =
  | 'network' // arXiv (or another endpoint) could not be reached
  | 'timeout' // it answered too slowly
  | 'rate-limited' // 429 or "Rate exceeded." after every retry
  | 'server' // 5xx after every retry
  | 'arxiv-rejected' // arXiv said no: API error entry, HTTP 400, RSS "Feed error"
  | 'bad-feed' // the response is not the format we expected
  | 'bad-id' // a string that is not an arXiv identifier
  | 'bad-config' // a setting or config file value is wrong
  | 'no-announcement' // nothing announced for that time (Friday, Saturday, holiday)
  | 'vault' // a note could not be read or written
  | 'busy' // another run holds the vault
  | 'zotero' // the Zotero desktop app on 127.0.0.1 could not be reached or said no
  | 'cancelled'; // the person cancelled

export class PaperFeedError extends Error {
  override readonly name = 'PaperFeedError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** Extra facts for hosts (never shown raw): HTTP status, retry time, arXiv's own words. */
    readonly detail: {
      status?: number;
      retryAt?: number;
      arxivMessage?: string;
      key?: string;
      /** Body of a rejected response, so a reader can pull arXiv's own message out of it. */
      body?: string;
      /** Low-level cause of a network failure ("ECONNREFUSED"). */
      cause?: string;
    } = {},
  ) {
    super(message);
  }
}

export function isPaperFeedError(e: unknown): e is PaperFeedError {
  return e instanceof PaperFeedError || (e instanceof Error && e.name === 'PaperFeedError');
}

/** The one line to show a person for any thrown value; unknown errors keep their first line. */
export function messageFor(e: unknown): string {
  if (isPaperFeedError(e)) return e.message;
  const text = e instanceof Error ? e.message : String(e);
  const first = text.split('\n')[0]?.trim() || 'unknown error';
  return `Paper Feed failed unexpectedly: ${first}. Please report this with the steps that led to it.`;
}
