// The polite arXiv client every request goes through: one request at a time, at least 3 s
// from the end of one request to the start of the next (arXiv's terms of use; counting from the
// end keeps the gap at arXiv's side however long connecting took), a timeout per attempt, bounded retries with
// backoff on throttling and server trouble, and one readable error when it all fails.
// Create one client per host and share it, so the pacing covers every caller.

import { rfc822Instant } from '../date-text';
import { PaperFeedError } from '../errors';
import { causeCode } from './fetch-transport';
import { systemClock, type Clock, type HttpResponse, type HttpTransport } from './http';
import { isRateExceeded } from './unreadable';

export interface ArxivClient {
  /** GET `url`; resolves for 2xx answers, otherwise throws a PaperFeedError. */
  get(url: string, options?: { signal?: AbortSignal; accept?: string }): Promise<HttpResponse>;
}

export interface ArxivClientOptions {
  transport: HttpTransport;
  clock?: Clock;
  /** Gap from the end of one request to the start of the next; never below 3000 ms. */
  minIntervalMs?: number;
  /** Per attempt (default 30 000 ms). */
  timeoutMs?: number;
  /** Attempts per request, the first included (default 4). */
  maxAttempts?: number;
  userAgent?: string;
  /** 0 ≤ x < 1, for retry jitter (default Math.random). */
  random?: () => number;
  /** A Retry-After longer than this is not waited out here; the error says when to retry (default 60 s). */
  maxRetryWaitMs?: number;
  /** Clock time for messages ("20:41"); defaults to the host's locale and time zone. */
  formatTime?: (epochMs: number) => string;
}

export const MIN_INTERVAL_MS = 3000;
export const DEFAULT_USER_AGENT = 'PaperFeed/0.1.0 (+https://github.com/paper-feed/paper-feed; arXiv reader for notes)';
const RETRYABLE = new Set([429, 500, 502, 503, 504]);
// A connection that was made and then dropped (Node's and Chromium's names), as opposed to one
// never made: "could not be reached" would send the person hunting for the wrong problem.
const BROKEN_OFF =
  /^(?:ECONNRESET|EPIPE|ECONNABORTED|UND_ERR_SOCKET|UND_ERR_CLOSED|net::ERR_(?:CONNECTION_RESET|CONNECTION_CLOSED|CONNECTION_ABORTED|EMPTY_RESPONSE|CONTENT_LENGTH_MISMATCH|INCOMPLETE_CHUNKED_ENCODING))$/;
const BACKOFF_BASE_MS = 2000;
const BACKOFF_MAX_MS = 60_000;

type Attempt =
  | { type: 'ok'; response: HttpResponse }
  | { type: 'status'; status: number; retryAfterMs?: number; body: string }
  | { type: 'network'; code: string }
  | { type: 'timeout' };

export function createArxivClient(options: ArxivClientOptions): ArxivClient {
  const clock = options.clock ?? systemClock;
  const minInterval = Math.max(MIN_INTERVAL_MS, options.minIntervalMs ?? MIN_INTERVAL_MS);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 4));
  const maxRetryWait = options.maxRetryWaitMs ?? 60_000;
  const random = options.random ?? Math.random;
  const formatTime = options.formatTime ?? localClockTime;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  let lastEnd: number | undefined;
  // Each request waits for the one before it to finish, retries included.
  let queue: Promise<void> = Promise.resolve();

  async function get(url: string, opts: { signal?: AbortSignal; accept?: string } = {}): Promise<HttpResponse> {
    const { signal } = opts;
    if (signal?.aborted) throw cancelled();
    const turn = queue;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    queue = turn.then(() => finished);
    try {
      await untilSettledOrCancelled(turn, signal);
      return await withRetries(url, opts);
    } finally {
      finish();
    }
  }

  async function withRetries(url: string, opts: { signal?: AbortSignal; accept?: string }): Promise<HttpResponse> {
    let started = 0;
    for (let attempt = 1; ; attempt++) {
      await pause(lastEnd === undefined ? 0 : lastEnd + minInterval - clock.now(), opts.signal);
      if (attempt === 1) started = clock.now();
      let outcome: Attempt;
      try {
        outcome = await attemptOnce(url, opts);
      } finally {
        lastEnd = clock.now();
      }
      if (outcome.type === 'ok') return outcome.response;
      const retryable = outcome.type !== 'status' || RETRYABLE.has(outcome.status);
      const serverWait = outcome.type === 'status' ? outcome.retryAfterMs : undefined;
      const waitMs = serverWait ?? backoff(attempt);
      if (!retryable || attempt >= maxAttempts || waitMs > maxRetryWait) {
        throw finalError(outcome, attempt, serverWait === undefined ? undefined : clock.now() + serverWait, clock.now() - started);
      }
      await pause(waitMs, opts.signal);
    }
  }

  async function attemptOnce(url: string, opts: { signal?: AbortSignal; accept?: string }): Promise<Attempt> {
    const { signal } = opts;
    if (signal?.aborted) throw cancelled();
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onCancel: (() => void) | undefined;
    // The timeout is a real-time watchdog (not the injected clock, whose sleeps may be
    // instant in tests). Racing it also stops a transport that ignores the abort signal.
    const watchdog = new Promise<'timeout' | 'cancelled'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
      onCancel = () => resolve('cancelled');
      signal?.addEventListener('abort', onCancel, { once: true });
    });
    const headers: Record<string, string> = { 'User-Agent': userAgent, Accept: opts.accept ?? '*/*' };
    try {
      const result = await Promise.race([
        // Through a resolved promise, so a transport that throws instead of rejecting is caught too.
        Promise.resolve()
          .then(() => options.transport({ url, method: 'GET', headers, signal: controller.signal }))
          .then(
            (response) => ({ response }),
            (error: unknown) => ({ error }),
          ),
        watchdog,
      ]);
      if (result === 'cancelled' || signal?.aborted) throw cancelled();
      if (result === 'timeout') return { type: 'timeout' };
      if ('error' in result) return { type: 'network', code: causeCode(result.error) };
      return classify(result.response);
    } finally {
      clearTimeout(timer);
      if (onCancel) signal?.removeEventListener('abort', onCancel);
      controller.abort();
    }
  }

  function classify(response: HttpResponse): Attempt {
    // arXiv's throttle sometimes answers "Rate exceeded." as plain text, whatever the status.
    const status = isRateExceeded(response.body) ? 429 : response.status;
    if (status >= 200 && status < 300) return { type: 'ok', response };
    const retryAfterMs = retryAfter(response.headers);
    return { type: 'status', status, body: response.body, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }

  function retryAfter(headers: Record<string, string>): number | undefined {
    const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
    const value = entry?.[1].trim();
    if (!value) return undefined;
    if (/^\d+$/.test(value)) return Number(value) * 1000;
    const at = rfc822Instant(value);
    return at === undefined ? undefined : Math.max(0, at - clock.now());
  }

  // Exponential: 2 s, 4 s, 8 s … (capped at 60 s), each scaled by a random 0.5–1.5 so clients
  // that failed together do not retry together.
  function backoff(attempt: number): number {
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
    return Math.round(base * (0.5 + random()));
  }

  async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (ms <= 0) return;
    try {
      await clock.sleep(ms, signal);
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      throw error;
    }
  }

  // `retryAt` is known when arXiv said when to come back (Retry-After).
  // `spentMs`: from the first try to the last one's end, waits between tries included.
  function finalError(failure: Exclude<Attempt, { type: 'ok' }>, attempts: number, retryAt: number | undefined, spentMs: number): PaperFeedError {
    const tries = attempts === 1 ? '1 try' : `${attempts} tries`;
    switch (failure.type) {
      case 'timeout':
        // Say what really happened: a notice after minutes of retries must not read as one 30 s wait.
        return new PaperFeedError(
          'timeout',
          attempts === 1
            ? `arXiv did not answer within ${seconds(timeoutMs)} s. Try again later.`
            : `arXiv did not answer in ${tries} over ${duration(spentMs)} (each given ${seconds(timeoutMs)} s). Try again later.`,
        );
      case 'network':
        return new PaperFeedError(
          'network',
          BROKEN_OFF.test(failure.code)
            ? `The connection to arXiv broke off before its answer was complete (${failure.code}). Check your internet connection and try again.`
            : `arXiv could not be reached (${failure.code}). Check your internet connection and try again.`,
          { cause: failure.code },
        );
      case 'status':
        if (failure.status === 429) {
          const at = retryAt ?? clock.now() + BACKOFF_MAX_MS;
          return new PaperFeedError('rate-limited', `arXiv is rate-limiting requests (HTTP 429); wait until ${formatTime(at)} and try again.`, {
            status: 429,
            retryAt: at,
          });
        }
        if (RETRYABLE.has(failure.status)) {
          const when = retryAt === undefined ? 'in a few minutes' : `after ${formatTime(retryAt)}`;
          return new PaperFeedError('server', `arXiv is having trouble (HTTP ${failure.status}) and did not recover after ${tries}; try again ${when}.`, {
            status: failure.status,
            ...(retryAt === undefined ? {} : { retryAt }),
          });
        }
        return new PaperFeedError(
          'arxiv-rejected',
          `arXiv rejected the request (HTTP ${failure.status}); check the categories and search terms in your settings.`,
          { status: failure.status, body: failure.body },
        );
    }
  }

  return { get };
}

function cancelled(): PaperFeedError {
  return new PaperFeedError('cancelled', 'The request to arXiv was cancelled.');
}

async function untilSettledOrCancelled(turn: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return turn;
  let onAbort: (() => void) | undefined;
  try {
    await Promise.race([
      turn,
      new Promise<never>((_, reject) => {
        onAbort = () => reject(cancelled());
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

// 30000 → "30", 1500 → "1.5", 150 → "0.15".
function seconds(ms: number): string {
  return String(Math.round(ms / 10) / 100);
}

// 4200 → "4 s", 144000 → "2.4 min": how long a run of tries took, as a person reads it.
function duration(ms: number): string {
  return ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 6000) / 10} min`;
}

function localClockTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(epochMs);
}
