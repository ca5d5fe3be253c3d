// Enriches a run's papers: cache first, then the endpoint within the budget and the
// concurrency limit. It never blocks the digest: what fails is reported and left for the
// next run, which finds the rest in the cache.

import type { Paper } from '../arxiv/paper';
import { systemClock, type Clock, type HttpTransport } from '../arxiv/http';
import { PaperFeedError } from '../errors';
import type { EnrichCache, EnrichCacheKey } from './cache';
import { ChatClient, keyTransportProblem } from './client';
import { buildMessages } from './prompt';
import { redactSecret, withoutKey } from './redact';
import { kindsToProduce, languageOf, type EnrichKind, type EnrichSettings } from './settings';
import { checkAnswer } from './validate';

export interface PaperEnrichment {
  titleTranslated?: string;
  abstractTranslated?: string;
  tldr?: string;
  /** Parts asked for that this run could not get; the next run asks again. */
  missing: EnrichKind[];
}

export interface EnrichReport {
  /** One entry per paper given (none when enrichment is off), by arXiv id. */
  results: Map<string, PaperEnrichment>;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Papers whose every part came from the cache. */
  fromCache: number;
  /** Papers the endpoint failed for or whose answers were turned down twice. */
  failed: Array<{ id: string; reason: string }>;
  /** Why the run stopped before every paper was done: one line to show once. */
  stoppedBecause?: string;
}

export interface EnrichDeps {
  transport: HttpTransport;
  /** From the host's secret store; sent to settings.baseUrl only. */
  apiKey?: string;
  cache: EnrichCache;
  clock?: Clock;
  /** Cancels the run: no new requests, in-flight ones aborted, results so far kept. */
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  /** 0 ≤ n < 1, for backoff jitter. */
  random?: () => number;
}

const FIELD: Record<EnrichKind, 'titleTranslated' | 'abstractTranslated' | 'tldr'> = {
  title: 'titleTranslated',
  abstract: 'abstractTranslated',
  tldr: 'tldr',
};

/** Failures in a row that mean the endpoint is down, not one paper being awkward. */
const FAILURES_THAT_STOP_THE_RUN = 4;

/** Errors that would repeat for every paper: wrong key or URL, rate limit, endpoint gone. */
function endsTheRun(e: PaperFeedError): boolean {
  return e.kind === 'bad-config' || e.kind === 'rate-limited' || e.kind === 'network';
}

interface Job {
  paper: Paper;
  entry: PaperEnrichment;
  kinds: EnrichKind[];
}

export async function enrichPapers(papers: Paper[], settings: EnrichSettings, deps: EnrichDeps): Promise<EnrichReport> {
  const report: EnrichReport = { results: new Map(), requests: 0, fromCache: 0, failed: [] };
  const kinds = kindsToProduce(settings);
  if (!settings.enabled || kinds.length === 0) return report;
  if (!isHttpUrl(settings.baseUrl)) {
    // Settings that skipped validateEnrichSettings; the value itself is not echoed, it may hold secrets.
    report.stoppedBecause = 'Setting enrich.baseUrl is not an http(s) URL; use e.g. http://localhost:11434/v1.';
    return report;
  }

  const apiKey = deps.apiKey?.trim() || undefined;
  const language = (kind: EnrichKind) => languageOf(kind, settings);
  const keyOf = (paper: Paper, kind: EnrichKind): EnrichCacheKey => ({
    id: paper.id,
    version: paper.version,
    language: language(kind),
    model: settings.model,
    kind,
  });

  const jobs: Job[] = [];
  for (const paper of papers) {
    if (report.results.has(paper.id)) continue;
    const entry: PaperEnrichment = { missing: [] };
    report.results.set(paper.id, entry);
    // Nothing to translate or summarise when arXiv gave no abstract.
    const wanted = paper.abstract.trim() === '' ? kinds.filter((kind) => kind === 'title') : kinds;
    for (const kind of wanted) {
      const cached = deps.cache.get(keyOf(paper, kind));
      if (cached === undefined) entry.missing.push(kind);
      else entry[FIELD[kind]] = withoutKey(cached, apiKey);
    }
    if (entry.missing.length === 0) report.fromCache += 1;
    else jobs.push({ paper, entry, kinds: [...entry.missing] });
  }
  const planned = jobs.slice(0, settings.budget);
  const waiting = jobs.length - planned.length;

  const refused = keyTransportProblem(settings.baseUrl, apiKey);
  if (refused || planned.length === 0) {
    const why = refused ?? (waiting > 0 ? budgetLine(settings.budget, waiting) : undefined);
    if (why) report.stoppedBecause = why;
    return report;
  }
  let stop: string | undefined;

  const client = new ChatClient({
    baseUrl: settings.baseUrl,
    model: settings.model,
    apiKey,
    transport: deps.transport,
    clock: deps.clock ?? systemClock,
    timeoutMs: settings.timeoutMs ?? 120_000,
    random: deps.random,
  });
  // One controller for the run: the person's cancel and a run-ending error both abort it.
  const run = new AbortController();
  const onCancel = () => run.abort();
  if (deps.signal?.aborted) run.abort();
  deps.signal?.addEventListener('abort', onCancel, { once: true });

  let done = 0;
  let next = 0;
  let failuresInRow = 0;
  deps.onProgress?.(0, planned.length);

  const enrichOne = async (job: Job): Promise<void> => {
    let asking = job.kinds;
    let problem: string | undefined;
    // A turned-down part is asked once more, alone with the others turned down, then left.
    for (let round = 0; round < 2 && asking.length > 0; round++) {
      const answer = await client.complete(
        buildMessages({ paper: job.paper, kinds: asking, languageOf: language, previousProblem: problem }),
        run.signal,
      );
      const checked = checkAnswer(answer.content, answer.finishReason, asking, job.paper, language);
      for (const [kind, text] of Object.entries(checked.accepted) as Array<[EnrichKind, string]>) {
        const safe = withoutKey(text, apiKey);
        deps.cache.set(keyOf(job.paper, kind), safe);
        job.entry[FIELD[kind]] = safe;
        job.entry.missing = job.entry.missing.filter((k) => k !== kind);
      }
      const rejected = Object.entries(checked.rejected) as Array<[EnrichKind, string]>;
      asking = rejected.map(([kind]) => kind);
      problem = rejected.map(([kind, why]) => `${kind}: ${why}`).join('; ');
    }
    if (asking.length > 0) report.failed.push({ id: job.paper.id, reason: `Answer turned down twice (${problem}).` });
  };

  const worker = async (): Promise<void> => {
    while (!stop && !run.signal.aborted && next < planned.length) {
      const job = planned[next++]!;
      try {
        await enrichOne(job);
        failuresInRow = 0;
      } catch (e) {
        if (!(e instanceof PaperFeedError)) {
          run.abort();
          throw e;
        }
        if (e.kind === 'cancelled') return;
        if (endsTheRun(e)) {
          stop ??= e.message;
          run.abort();
          return;
        }
        report.failed.push({ id: job.paper.id, reason: e.message });
        failuresInRow += 1;
        if (failuresInRow >= FAILURES_THAT_STOP_THE_RUN) {
          const last = e.message.split('. ')[0]!.replace(/\.$/, '');
          stop ??= `Enrichment stopped for this run after ${failuresInRow} papers in a row failed (${last}); the next run tries again.`;
          run.abort();
        }
      }
      done += 1;
      deps.onProgress?.(done, planned.length);
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, planned.length) }, worker));
  } finally {
    deps.signal?.removeEventListener('abort', onCancel);
    report.requests = client.requests;
  }

  if (!stop && deps.signal?.aborted) stop = `Cancelled after ${done} of ${planned.length} papers; the next run continues with the rest.`;
  if (!stop && waiting > 0) stop = budgetLine(settings.budget, waiting);
  if (stop) report.stoppedBecause = redactSecret(stop, apiKey);
  report.failed = report.failed.map(({ id, reason }) => ({ id, reason: redactSecret(reason, apiKey) }));
  return report;
}

/** URL.canParse is missing on older iOS WebViews (Obsidian mobile), hence the try. */
function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function budgetLine(budget: number, waiting: number): string {
  return `Reached the budget of ${budget} papers for this run; ${waiting} more wait for the next run.`;
}
