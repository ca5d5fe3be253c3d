// Enriches a run's papers: cache first, then the endpoint within the budgets and the
// concurrency limit. It never blocks the digest (session.ts asks only after the notes are
// written): what fails is reported with its reason and left for a later run.

import type { Paper } from '../arxiv/paper';
import { systemClock, type Clock, type HttpTransport } from '../arxiv/http';
import { PaperFeedError } from '../errors';
import { paperKeyText, type EnrichCache, type EnrichCacheKey, type RememberedFailure } from './cache';
import { ChatClient, keyTransportProblem, type DroppableOption } from './client';
import { answerTokens, buildMessages } from './prompt';
import { shortReason, type Untranslated, type UntranslatedCode } from './reasons';
import { redactSecret, withoutKey } from './redact';
import { kindsToProduce, languageOf, type EnrichKind, type EnrichSettings } from './settings';
import { checkAnswer, type TurnDown } from './validate';

export interface PaperEnrichment {
  titleTranslated?: string;
  abstractTranslated?: string;
  tldr?: string;
  /** Parts asked for that this run could not get; the next run asks again. */
  missing: EnrichKind[];
  /** Set when the endpoint turned the missing parts down: why, and the day they are asked for again. */
  turnedDown?: TurnedDownNote;
}

export interface TurnedDownNote {
  /** A clause: "the model answered in English, not zh-CN". */
  reason: string;
  /** YYYY-MM-DD (UTC): the first daily run from that day asks again. */
  askAgainFrom: string;
}

export interface EnrichReport {
  /** One entry per paper given (none when enrichment is off), by arXiv id. */
  results: Map<string, PaperEnrichment>;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Papers whose every part came from the cache. */
  fromCache: number;
  /** Papers the endpoint failed for or whose answers were turned down. */
  failed: Untranslated[];
  /** Papers not asked this run (budget, time, an earlier turn-down, a stop), each with why. */
  waiting: Untranslated[];
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
  /** Aborts when the run's time budget is spent: like a cancel, with its own line. */
  timeUp?: AbortSignal;
  /** The time budget, for its line. */
  timeBudgetMs?: number;
  /** The paper budget as the person set it, for its line, when settings.budget is what is left of it. */
  runBudget?: number;
  onProgress?(done: number, total: number): void;
  /** A paper's entry changed: parts arrived from the endpoint, or they were turned down (it says why). */
  onAnswer?(id: string, entry: PaperEnrichment): void;
  /** 0 ≤ n < 1, for backoff jitter. */
  random?: () => number;
}

const FIELD: Record<EnrichKind, 'titleTranslated' | 'abstractTranslated' | 'tldr'> = {
  title: 'titleTranslated',
  abstract: 'abstractTranslated',
  tldr: 'tldr',
};

/** Failures in a row (turned-down answers included) that mean asking on is no use this run. */
const FAILURES_THAT_STOP_THE_RUN = 4;

const DAY_MS = 86_400_000;
/** The longest pause before a paper turned down again and again is asked once more. */
const LONGEST_PAUSE_MS = 30 * DAY_MS;

/**
 * When a paper turned down `times` runs in a row may be asked again: the next daily run after
 * the first, then after 2, 4, 8… days. Half a day early, so a daily run at a drifting hour counts.
 */
export function nextTryAt(failure: RememberedFailure): number {
  return failure.at + Math.min(LONGEST_PAUSE_MS, DAY_MS * 2 ** (failure.times - 1)) - DAY_MS / 2;
}

/**
 * The day shown for `nextTryAt`: the day the pause ends for a daily run at the same hour (the
 * half day early only lets a run at a drifting hour count), so the note never names today.
 */
export function askAgainDay(failure: RememberedFailure): string {
  return new Date(nextTryAt(failure) + DAY_MS / 2).toISOString().slice(0, 10);
}

/** Errors that would repeat for every paper: wrong key or URL, rate limit, endpoint gone. */
function endsTheRun(e: PaperFeedError): boolean {
  return e.kind === 'bad-config' || e.kind === 'rate-limited' || e.kind === 'network';
}

interface Job {
  paper: Paper;
  entry: PaperEnrichment;
  kinds: EnrichKind[];
  /** Turned down before: asked once, not twice. */
  before?: RememberedFailure;
}

class TurnedDown extends Error {
  constructor(
    readonly code: TurnDown,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** The endpoint and model, as the cache remembers what they refused. */
export function endpointKey(settings: Pick<EnrichSettings, 'baseUrl' | 'model'>): string {
  return `${settings.baseUrl}|${settings.model}`;
}

export async function enrichPapers(papers: Paper[], settings: EnrichSettings, deps: EnrichDeps): Promise<EnrichReport> {
  const report: EnrichReport = { results: new Map(), requests: 0, fromCache: 0, failed: [], waiting: [] };
  const kinds = kindsToProduce(settings);
  if (!settings.enabled || kinds.length === 0) return report;
  if (!isHttpUrl(settings.baseUrl)) {
    // Settings that skipped validateEnrichSettings; the value itself is not echoed, it may hold secrets.
    report.stoppedBecause = 'Setting enrich.baseUrl is not an http(s) URL; use e.g. http://localhost:11434/v1.';
    return report;
  }

  const clock = deps.clock ?? systemClock;
  const apiKey = deps.apiKey?.trim() || undefined;
  const language = (kind: EnrichKind) => languageOf(kind, settings);
  const keyOf = (paper: Paper, kind: EnrichKind): EnrichCacheKey => ({
    id: paper.id,
    version: paper.version,
    language: language(kind),
    model: settings.model,
    kind,
  });
  const paperKey = (paper: Paper) => paperKeyText(paper, settings.targetLanguage, settings.model);
  const wait = (job: Job, code: UntranslatedCode, reason = shortReason(code, language(job.kinds[0]!))) =>
    report.waiting.push({ id: job.paper.id, code, reason: `${sentence(reason)}.` });

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
    if (entry.missing.length === 0) {
      report.fromCache += 1;
      continue;
    }
    const before = deps.cache.failure(paperKey(paper));
    const job: Job = { paper, entry, kinds: [...entry.missing], ...(before ? { before } : {}) };
    // The note says why until an answer is accepted or turned down anew, while it waits and while it is asked.
    if (before) entry.turnedDown = turnedDownNote(before, language(job.kinds[0]!));
    if (before && clock.now() < nextTryAt(before)) {
      wait(
        job,
        'backed-off',
        `${entry.turnedDown!.reason} in ${before.times === 1 ? 'an earlier run' : `${before.times} runs in a row`}; asked again from ${entry.turnedDown!.askAgainFrom}`,
      );
    } else jobs.push(job);
  }
  const planned = jobs.slice(0, settings.budget);
  const budget = deps.runBudget ?? settings.budget;
  for (const job of jobs.slice(settings.budget)) wait(job, 'budget', `past the budget of ${budget} papers for this run`);
  const overBudget = jobs.length - planned.length;

  const refused = keyTransportProblem(settings.baseUrl, apiKey);
  if (refused || planned.length === 0) {
    for (const job of refused ? planned : []) wait(job, 'stopped', refused);
    const why = refused ?? (overBudget > 0 ? budgetLine(budget, overBudget) : undefined);
    if (why) report.stoppedBecause = why;
    return report;
  }
  let stop: string | undefined;

  const endpoint = endpointKey(settings);
  const client = new ChatClient({
    baseUrl: settings.baseUrl,
    model: settings.model,
    apiKey,
    transport: deps.transport,
    clock,
    timeoutMs: settings.timeoutMs ?? 120_000,
    random: deps.random,
    refused: deps.cache.refusedBy(endpoint),
  });
  // One controller for the run: the person's cancel, the time budget and a run-ending error all abort it.
  const run = new AbortController();
  const onCancel = () => run.abort();
  if (deps.signal?.aborted || deps.timeUp?.aborted) run.abort();
  deps.signal?.addEventListener('abort', onCancel, { once: true });
  deps.timeUp?.addEventListener('abort', onCancel, { once: true });

  let done = 0;
  let next = 0;
  let failuresInRow = 0;
  const finished = new Set<Job>();
  deps.onProgress?.(0, planned.length);

  const enrichOne = async (job: Job): Promise<void> => {
    let asking = job.kinds;
    let problem: string | undefined;
    let code: TurnDown | undefined;
    // A turned-down part is asked once more, alone with the others turned down, then left;
    // a paper turned down in an earlier run is asked once.
    for (let round = 0; round < (job.before ? 1 : 2) && asking.length > 0; round++) {
      const answer = await client.complete(
        buildMessages({ paper: job.paper, kinds: asking, languageOf: language, previousProblem: problem }),
        run.signal,
        answerTokens(job.paper, asking),
      );
      const checked = checkAnswer(answer.content, answer.finishReason, asking, job.paper, language);
      const accepted = Object.entries(checked.accepted) as Array<[EnrichKind, string]>;
      for (const [kind, text] of accepted) {
        const safe = withoutKey(text, apiKey);
        deps.cache.set(keyOf(job.paper, kind), safe);
        job.entry[FIELD[kind]] = safe;
        job.entry.missing = job.entry.missing.filter((k) => k !== kind);
      }
      if (job.entry.missing.length === 0) delete job.entry.turnedDown;
      if (accepted.length > 0) deps.onAnswer?.(job.paper.id, job.entry);
      const rejected = Object.entries(checked.rejected) as Array<[EnrichKind, string]>;
      asking = rejected.map(([kind]) => kind);
      problem = rejected.map(([kind, why]) => `${kind}: ${why}`).join('; ');
      code = asking.length > 0 ? checked.codes[asking[0]!] : undefined;
    }
    if (asking.length > 0 && code) throw new TurnedDown(code, problem ?? '');
  };

  const remember = (job: Job, code: TurnDown | undefined) => {
    const key = paperKey(job.paper);
    if (!code) return deps.cache.setFailure(key, undefined);
    const times = job.before?.reason === code ? job.before.times + 1 : 1;
    const failure = { reason: code, times, at: clock.now() };
    deps.cache.setFailure(key, failure);
    // The note now says why, and when it is asked again.
    job.entry.turnedDown = turnedDownNote(failure, language(job.kinds[0]!));
    deps.onAnswer?.(job.paper.id, job.entry);
  };

  const failedInRow = (last: string) => {
    failuresInRow += 1;
    if (failuresInRow >= FAILURES_THAT_STOP_THE_RUN) {
      stop ??= `Enrichment stopped for this run after ${failuresInRow} papers in a row failed (${last}); the next run tries again.`;
      run.abort();
    }
  };

  const worker = async (): Promise<void> => {
    while (!stop && !run.signal.aborted && next < planned.length) {
      const job = planned[next++]!;
      try {
        await enrichOne(job);
        remember(job, undefined);
        finished.add(job);
        failuresInRow = 0;
      } catch (e) {
        if (e instanceof TurnedDown) {
          finished.add(job);
          remember(job, e.code);
          const clause = shortReason(e.code, language(job.kinds[0]!));
          report.failed.push({ id: job.paper.id, code: e.code, reason: `${sentence(clause)} (${e.detail}).` });
          failedInRow(clause);
        } else {
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
          finished.add(job);
          report.failed.push({ id: job.paper.id, code: e.kind === 'timeout' ? 'timeout' : 'server', reason: e.message });
          failedInRow(e.message.split('. ')[0]!.replace(/\.$/, ''));
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
    deps.timeUp?.removeEventListener('abort', onCancel);
    report.requests = client.requests;
    deps.cache.setRefused(endpoint, [...client.refused] as DroppableOption[]);
  }

  const unasked = planned.filter((job) => !finished.has(job));
  if (!stop && deps.timeUp?.aborted && !deps.signal?.aborted) {
    stop = timeLine(deps.timeBudgetMs, unasked.length + overBudget);
    for (const job of unasked) wait(job, 'time-budget');
  } else if (!stop && deps.signal?.aborted) {
    stop = `Cancelled after ${done} of ${planned.length} papers; the next run continues with the rest.`;
    for (const job of unasked) wait(job, 'cancelled');
  } else {
    for (const job of unasked) wait(job, 'stopped', stop ? `enrichment stopped early this run: ${stop.replace(/\.$/, '')}` : undefined);
  }
  if (!stop && overBudget > 0) stop = budgetLine(budget, overBudget);
  if (stop) report.stoppedBecause = redactSecret(stop, apiKey);
  report.failed = report.failed.map((item) => ({ ...item, reason: redactSecret(item.reason, apiKey) }));
  report.waiting = report.waiting.map((item) => ({ ...item, reason: redactSecret(item.reason, apiKey) }));
  return report;
}

function turnedDownNote(failure: RememberedFailure, language: string): TurnedDownNote {
  return { reason: shortReason(failure.reason as UntranslatedCode, language), askAgainFrom: askAgainDay(failure) };
}

/** URL.canParse is missing on older iOS WebViews (Obsidian mobile), hence the try. */
function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function sentence(clause: string): string {
  return `${clause[0]!.toUpperCase()}${clause.slice(1)}`;
}

function budgetLine(budget: number, waiting: number): string {
  return `Reached the budget of ${budget} papers for this run; ${waiting} more wait for the next run.`;
}

/** "5 min", "90 s": how long the time budget was. */
export function durationText(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 100) / 10} s`;
}

function timeLine(budgetMs: number | undefined, waiting: number): string {
  const budget = budgetMs === undefined ? 'the time budget' : `the time budget of ${durationText(budgetMs)}`;
  return `Stopped translating at ${budget} for this run; ${waiting} more ${waiting === 1 ? 'paper waits' : 'papers wait'} for the next run.`;
}
