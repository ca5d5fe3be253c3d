// One Chat Completions call to an OpenAI-compatible endpoint (OpenAI, DeepSeek, Ollama, vLLM,
// LM Studio), with the backoff, timeouts and plain-sentence errors a person can act on.

import { rfc822Instant } from '../date-text';
import { PaperFeedError } from '../errors';
import type { Clock, HttpResponse, HttpTransport } from '../arxiv/http';
import { redactSecret } from './redact';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface ChatAnswer {
  content: string;
  /** "length" means the endpoint cut the answer short. */
  finishReason?: string;
}

/** Request options some endpoints refuse with a 400 (LM Studio: response_format). */
export type DroppableOption = 'response_format' | 'temperature' | 'max_tokens';

export interface ChatClientOptions {
  baseUrl: string;
  model: string;
  /** Sent as a Bearer token to baseUrl and nowhere else; omitted when empty. */
  apiKey?: string;
  transport: HttpTransport;
  clock: Clock;
  timeoutMs: number;
  /** Attempts per request for 429, 5xx and unreachable endpoints. */
  maxAttempts?: number;
  /** 0 ≤ n < 1, for backoff jitter. */
  random?: () => number;
  /** Options this endpoint and model refused before (kept in the cache): not sent at all. */
  refused?: readonly DroppableOption[];
}

const FIRST_BACKOFF_MS = 1_000;
/** A Retry-After longer than this ends the run: the next run is a better time to try. */
const LONGEST_WAIT_MS = 60_000;

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** Retry-After in ms (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1000);
  const at = rfc822Instant(value);
  return at === undefined ? undefined : Math.max(0, at - now);
}

/**
 * Why a key must not be sent to this base URL, or undefined. A key over plain http can be
 * read on the way, so http is only fine for this machine and private networks.
 */
export function keyTransportProblem(baseUrl: string, apiKey: string | undefined): string | undefined {
  if (!apiKey) return undefined;
  const url = new URL(baseUrl);
  if (url.protocol === 'https:') return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const privateHost =
    host === 'localhost' ||
    host === '::1' ||
    !host.includes('.') ||
    /\.(local|lan|internal|home\.arpa)$/i.test(host) ||
    /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host);
  if (privateHost) return undefined;
  return `Not sending the API key to ${url.host} over plain http. Use an https:// base URL in the enrichment settings.`;
}

/** A chat client for one run: it remembers what the endpoint refused and when it asked to wait. */
export class ChatClient {
  /** HTTP requests sent, retries included. */
  requests = 0;
  /** Options the endpoint refused, this run or before; shared by every request in flight. */
  readonly refused: Set<DroppableOption>;
  private pausedUntil = 0;
  private readonly host: string;
  private readonly url: string;
  private readonly maxAttempts: number;
  private readonly random: () => number;

  constructor(private readonly options: ChatClientOptions) {
    this.host = hostOf(options.baseUrl);
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.random = options.random ?? Math.random;
    this.refused = new Set(options.refused ?? []);
  }

  /**
   * The answer's text; throws PaperFeedError (see enrich.ts for which kinds end a run).
   * `maxTokens` bounds the answer, so a model that runs away stops early.
   */
  async complete(messages: ChatMessage[], signal: AbortSignal, maxTokens?: number): Promise<ChatAnswer> {
    for (let attempt = 1; ; attempt++) {
      await this.waitForPause(signal);
      let response: HttpResponse;
      // What this request carries: a refusal only counts against options it actually sent,
      // so two requests refused at once are both retried (concurrency 2 loses no paper).
      const sent = this.optionsToSend(maxTokens);
      try {
        response = await this.send(messages, sent, signal);
      } catch (e) {
        if (e instanceof PaperFeedError && e.kind === 'network' && attempt < this.maxAttempts) {
          await this.sleep(this.backoff(attempt), signal);
          continue;
        }
        throw e;
      }
      const { status } = response;
      if (status >= 200 && status < 300) return this.readAnswer(response.body);
      if (status === 401 || status === 403) throw this.keyRejected(status);
      if (status >= 300 && status < 400) throw this.redirected(status, response.headers.location);
      if ((status === 400 || status === 422) && this.dropRefusedOption(response.body, sent)) {
        attempt -= 1; // the endpoint named an option it lacks: that retry is free
        continue;
      }
      if (status === 404) {
        throw new PaperFeedError(
          'bad-config',
          `${this.host} has no chat endpoint at ${new URL(this.url).pathname} or does not serve the model "${this.options.model}". Check the base URL and model in the enrichment settings.`,
          { status },
        );
      }
      if (status === 429) {
        const wait = retryAfterMs(response.headers['retry-after'], this.options.clock.now()) ?? this.backoff(attempt);
        if (attempt >= this.maxAttempts || wait > LONGEST_WAIT_MS) {
          throw new PaperFeedError(
            'rate-limited',
            `${this.host} is limiting requests (HTTP 429). Translation stops for this run; the next run continues where it stopped.`,
            { status, retryAt: this.options.clock.now() + wait },
          );
        }
        this.pausedUntil = Math.max(this.pausedUntil, this.options.clock.now() + wait);
        continue;
      }
      if ((status >= 500 || status === 408) && attempt < this.maxAttempts) {
        await this.sleep(this.backoff(attempt), signal);
        continue;
      }
      throw new PaperFeedError('server', this.refusal(status, response.body, attempt), { status });
    }
  }

  private optionsToSend(maxTokens: number | undefined): Partial<Record<DroppableOption, unknown>> {
    const options: Partial<Record<DroppableOption, unknown>> = { temperature: 0, response_format: { type: 'json_object' } };
    if (maxTokens !== undefined) options.max_tokens = maxTokens;
    for (const name of this.refused) delete options[name];
    return options;
  }

  private async send(messages: ChatMessage[], options: Partial<Record<DroppableOption, unknown>>, signal: AbortSignal): Promise<HttpResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    const body: Record<string, unknown> = { model: this.options.model, messages, stream: false, ...options };

    // Our own controller: the run's cancel and this request's timeout both end it. Racing it
    // also ends the wait on transports that ignore signals (Obsidian's requestUrl).
    const controller = new AbortController();
    const cancel = () => controller.abort();
    signal.addEventListener('abort', cancel, { once: true });
    // Typed wide: TypeScript does not see the timer set it.
    let timedOut = false as boolean;
    // Wall time on purpose: the injected clock only paces backoff, and a test's fake clock
    // that skips ahead must not expire requests that are still being answered.
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    this.requests += 1;
    try {
      return await new Promise<HttpResponse>((resolve, reject) => {
        if (signal.aborted) return reject(new Error('aborted'));
        controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        this.options.transport({ url: this.url, method: 'POST', headers, body: JSON.stringify(body), signal: controller.signal }).then(resolve, reject);
      });
    } catch {
      // The transport's own error text is not shown: it may quote the request it was given.
      if (signal.aborted) throw new PaperFeedError('cancelled', 'Translation was cancelled; the next run continues where it stopped.');
      if (timedOut) {
        throw new PaperFeedError(
          'timeout',
          `${this.host} did not answer within ${Math.round(this.options.timeoutMs / 100) / 10} s. Raise the timeout or pick a faster model in the enrichment settings.`,
        );
      }
      throw new PaperFeedError(
        'network',
        `Could not reach ${this.host}. Check that the server is running and the base URL in the enrichment settings is right.`,
      );
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', cancel);
    }
  }

  private readAnswer(body: string): ChatAnswer {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    const choice = (parsed as { choices?: Array<{ message?: { content?: unknown; reasoning_content?: unknown }; finish_reason?: unknown }> } | undefined)
      ?.choices?.[0];
    const message = choice?.message;
    // Reasoning servers (DeepSeek, vLLM and LM Studio with a reasoning parser) put the thinking
    // in reasoning_content; when the answer never left it, the answer is at its end.
    const reasoning = typeof message?.reasoning_content === 'string' ? message.reasoning_content : undefined;
    const said = typeof message?.content === 'string' ? message.content : undefined;
    const content = said !== undefined && (said.trim() !== '' || reasoning === undefined) ? said : reasoning;
    if (typeof content !== 'string') {
      throw new PaperFeedError(
        'bad-feed',
        `${this.host} sent something that is not a chat completion. Check that the base URL points at an OpenAI-compatible /v1 endpoint.`,
      );
    }
    return typeof choice?.finish_reason === 'string' ? { content, finishReason: choice.finish_reason } : { content };
  }

  /**
   * True when the 4xx names an option this request sent and we can drop (json mode,
   * temperature, max_tokens); it is then left out of every later request.
   */
  private dropRefusedOption(body: string, sent: Partial<Record<DroppableOption, unknown>>): boolean {
    const named: Array<[DroppableOption, RegExp]> = [
      ['response_format', /response_format|json_object|json mode|json_schema/i],
      ['temperature', /temperature/i],
      ['max_tokens', /max_tokens|max_completion_tokens/i],
    ];
    for (const [option, pattern] of named) {
      if (option in sent && pattern.test(body)) {
        this.refused.add(option);
        return true;
      }
    }
    return false;
  }

  /**
   * A redirect is a wrong base URL (http for https, a missing /v1), not a passing fault: the
   * key is not sent on, and the person is told where the server pointed (the path, no query).
   */
  private redirected(status: number, location: string | undefined): PaperFeedError {
    let target: URL | undefined;
    try {
      target = location ? new URL(location, this.url) : undefined;
    } catch {
      target = undefined;
    }
    const where = target ? `${target.protocol}//${target.host}${target.pathname}` : undefined;
    const base = target && /\/chat\/completions\/?$/.test(target.pathname) ? where!.replace(/\/chat\/completions\/?$/, '') : undefined;
    const advice = base
      ? `Set the base URL to ${base} in the enrichment settings.`
      : 'Check the base URL in the enrichment settings (OpenAI-compatible servers answer at …/v1).';
    const to = where ? ` to ${redactSecret(where, this.options.apiKey)}` : '';
    return new PaperFeedError('bad-config', `${this.host} redirected the request (HTTP ${status})${to}. ${advice}`, { status });
  }

  private keyRejected(status: number): PaperFeedError {
    const message = this.options.apiKey
      ? `API key rejected by ${this.host}. Check the key in the enrichment settings; translation continues on the next run.`
      : `${this.host} asks for an API key and none is set. Add one in the enrichment settings; translation continues on the next run.`;
    return new PaperFeedError('bad-config', message, { status });
  }

  private refusal(status: number, body: string, attempts: number): string {
    if (status >= 500 || status === 408) return `${this.host} failed with HTTP ${status} after ${attempts} attempts.`;
    let said = '';
    try {
      const message = (JSON.parse(body) as { error?: { message?: unknown } | string }).error;
      said = typeof message === 'string' ? message : typeof message?.message === 'string' ? message.message : '';
    } catch {
      said = '';
    }
    said = redactSecret(said.replace(/\s+/g, ' ').trim(), this.options.apiKey).slice(0, 160);
    return `${this.host} refused the request (HTTP ${status}${said ? `: ${said}` : ''}).`;
  }

  private backoff(attempt: number): number {
    return FIRST_BACKOFF_MS * 2 ** (attempt - 1) * (1 + this.random() / 2);
  }

  private async waitForPause(signal: AbortSignal): Promise<void> {
    const wait = this.pausedUntil - this.options.clock.now();
    if (wait > 0) await this.sleep(wait, signal);
  }

  private async sleep(ms: number, signal: AbortSignal): Promise<void> {
    try {
      await this.options.clock.sleep(ms, signal);
    } catch {
      throw new PaperFeedError('cancelled', 'Translation was cancelled; the next run continues where it stopped.');
    }
  }
}
