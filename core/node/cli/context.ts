// What a CLI run gets from the outside world: streams, environment, time, network. main.ts fills
// it from `process`; tests pass their own (a local server's transport, a fake clock).

import type { Clock, HttpTransport } from '../../arxiv/http';
import { createArxivClient, type ArxivClient } from '../../arxiv/polite';
import { arxivAddress, type ArxivAddressKey } from '../../arxiv-addresses';
import type { LockOptions } from '../lock';
import type { CliOptions } from './args';
import type { ProgressStream } from './progress';
import { nodeTransport } from '../http-transport';

export interface CliContext {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: ProgressStream;
  stderr: ProgressStream;
  version: string;
  now?: () => Date;
  transport?: HttpTransport;
  clock?: Clock;
  /** Aborted on Ctrl-C: the run stops between notes and says so. */
  signal?: AbortSignal;
  lock?: LockOptions;
}

const ADDRESS_FLAGS: Record<ArxivAddressKey, { option: string; variable: string }> = {
  rssBase: { option: '--rss-base', variable: 'PAPER_FEED_RSS_BASE' },
  apiBase: { option: '--api-base', variable: 'PAPER_FEED_API_BASE' },
};

/**
 * arXiv's addresses for this run, checked like every host's: the option, else the environment
 * variable (scheduled runs, a mirror or a test's stand-in, cannot add flags), else arXiv's own.
 */
export function arxivAddressesOf(options: CliOptions, context: CliContext): Record<ArxivAddressKey, string> {
  const addressOf = (key: ArxivAddressKey): string => {
    const { option, variable } = ADDRESS_FLAGS[key];
    if (options[key] !== undefined) return arxivAddress(key, options[key], `the ${option} option`);
    return arxivAddress(key, context.env[variable], `the ${variable} variable`);
  };
  return { rssBase: addressOf('rssBase'), apiBase: addressOf('apiBase') };
}

export function nowOf(context: CliContext): Date {
  return context.now?.() ?? new Date();
}

/**
 * The polite arXiv client. PAPER_FEED_MAX_ATTEMPTS (default 4) bounds the tries per request and
 * PAPER_FEED_TIMEOUT_MS (default 30 000) the wait for each, for scripts that would rather fail
 * fast than wait out a slow or silent server.
 */
export function arxivClient(context: CliContext): ArxivClient {
  const attempts = Number(context.env.PAPER_FEED_MAX_ATTEMPTS);
  const timeoutMs = Number(context.env.PAPER_FEED_TIMEOUT_MS);
  return createArxivClient({
    transport: context.transport ?? nodeTransport(),
    ...(context.clock ? { clock: context.clock } : {}),
    ...(Number.isInteger(attempts) && attempts >= 1 ? { maxAttempts: attempts } : {}),
    ...(Number.isFinite(timeoutMs) && timeoutMs > 0 ? { timeoutMs } : {}),
  });
}

/** Writes lines to stdout. */
export function print(context: CliContext, lines: string | readonly string[]): void {
  for (const line of typeof lines === 'string' ? [lines] : lines) context.stdout.write(`${line}\n`);
}

export function printJson(context: CliContext, value: unknown): void {
  context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
