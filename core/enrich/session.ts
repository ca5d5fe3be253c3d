// One run's enrichment, the same in every host (CLI, Obsidian, VS Code): the cache loaded once
// and saved when it changed, the paper budget and the time budget across every day of a run,
// the lines that say why it stopped and why papers were left untranslated, and the
// "translated"/"summarised" wording. A host supplies only the wiring: transport, key, where the
// cache lives (an EnrichCachePort) and where lines and progress go.

import type { Paper } from '../arxiv/paper';
import { systemClock, type Clock, type HttpTransport } from '../arxiv/http';
import { messageFor } from '../errors';
import { MemoryEnrichCache, type EnrichCacheData } from './cache';
import { ChatClient, keyTransportProblem } from './client';
import { endpointKey, enrichPapers, type EnrichReport, type PaperEnrichment } from './enrich';
import { overviewKey, overviewMessages, overviewPapers, overviewTokens, readOverview, type DailyOverview } from './overview';
import { redactSecret, withoutKey } from './redact';
import { enrichProgressText } from './progress';
import { reasonLines, type Untranslated } from './reasons';
import { DEFAULT_ENRICH_SETTINGS, type EnrichSettings } from './settings';

/** Translations and TL;DRs by arXiv id. */
export type EnrichResults = ReadonlyMap<string, PaperEnrichment>;

/** Where a host keeps the cache file. */
export interface EnrichCachePort {
  /** What was saved (this host's file first, then any other host's); unreadable data is fine. */
  load(): Promise<unknown[]>;
  /** Saves the cache whole; a throw becomes one line to show, never a failed run. */
  save(data: EnrichCacheData): Promise<void>;
}

export interface EnrichSessionDeps {
  transport: HttpTransport;
  /** From the host's secret store; sent to settings.baseUrl only. */
  apiKey?: string;
  cache: EnrichCachePort;
  clock?: Clock;
  /** The person's cancel: translating stops, what arrived is kept and written. */
  signal?: AbortSignal;
  /** `text` is "Translating 3/10…" (or "Summarising"), for the host's progress display. */
  onProgress?(done: number, total: number, text: string): void;
  /** Each line worth showing (why it stopped, a cache that could not be saved), once, as it happens. */
  onLine?(line: string): void;
  random?: () => number;
}

/** What a run's enrichment did, for the summary line and --json. */
export interface EnrichSummary {
  /** Papers whose every asked-for part is now known. */
  complete: number;
  fromCache: number;
  requests: number;
  /** Papers asked for and not translated (turned down or failed). */
  failed: number;
  /** Why enrichment stopped early, each reason once. */
  stopped: string[];
  /** Why papers were left untranslated: one line per reason. */
  reasons: string[];
  /** Every paper left untranslated, with its reason. */
  untranslated: Untranslated[];
}

/** "translated", or "summarised" when only TL;DRs are asked for. */
export function enrichVerb(settings: Pick<EnrichSettings, 'produce'>): string {
  return settings.produce.title || settings.produce.abstract ? 'translated' : 'summarised';
}

/** "translated: 7 papers · 0 from the cache · 0 failed", for a summary. */
export function enrichCountsText(summary: EnrichSummary, settings: Pick<EnrichSettings, 'produce'>): string {
  const papers = summary.complete === 1 ? '1 paper' : `${summary.complete} papers`;
  return `${enrichVerb(settings)}: ${papers} · ${summary.fromCache} from the cache · ${summary.failed} failed`;
}

const refuseRequests: HttpTransport = () => Promise.reject(new Error('no request while reading the cache'));

export class EnrichSession {
  private cache: MemoryEnrichCache | undefined;
  /** The cache as last loaded or saved; an unchanged cache is not written again. */
  private saved = '';
  private budget: number;
  /** Wall time the time budget ends at, set by the first fill. */
  private deadline: number | undefined;
  private readonly summaryData: EnrichSummary = { complete: 0, fromCache: 0, requests: 0, failed: 0, stopped: [], reasons: [], untranslated: [] };
  private readonly untranslated = new Map<string, Untranslated>();
  /** Lines shown (stop lines and problems), each once. */
  private readonly shown: string[] = [];

  constructor(
    readonly settings: EnrichSettings,
    private readonly deps: EnrichSessionDeps,
  ) {
    this.budget = settings.budget;
  }

  /** What the cache already holds for `papers`, with every other part marked missing. No request. */
  async known(papers: Paper[]): Promise<EnrichResults> {
    try {
      const cache = await this.loadCache();
      const report = await enrichPapers(
        papers,
        { ...this.settings, budget: 0 },
        { transport: refuseRequests, cache, ...(this.deps.apiKey ? { apiKey: this.deps.apiKey } : {}) },
      );
      return report.results;
    } catch (error) {
      this.note(messageFor(error));
      return new Map();
    }
  }

  /**
   * Asks the endpoint for what is missing in `papers`, within the paper budget and the time
   * budget left. `update` gets the results as answers arrive (one call at a time; answers that
   * come meanwhile wait for the next), so the host can write them into the notes.
   */
  async fill(papers: Paper[], update: (results: EnrichResults) => Promise<void>): Promise<void> {
    const cache = await this.loadCache();
    const current = new Map(await this.known(papers));
    const { timeUp, timer } = this.clockStarted();
    // Translating stops on the person's cancel, and when the notes can no longer be written.
    const stop = new AbortController();
    const cancel = () => stop.abort();
    if (this.deps.signal?.aborted) stop.abort();
    this.deps.signal?.addEventListener('abort', cancel, { once: true });

    // Typed wide: TypeScript does not see the callbacks below set them.
    let dirty = false as boolean;
    let writing: Promise<void> | undefined;
    let writeProblem = undefined as string | undefined;
    const flush = async () => {
      try {
        while (dirty && !writeProblem) {
          dirty = false;
          await update(new Map(current));
          await this.saveCache(cache);
        }
      } catch (error) {
        writeProblem = messageFor(error);
        stop.abort();
      }
    };
    const answered = (id: string, entry: PaperEnrichment) => {
      current.set(id, { ...entry, missing: [...entry.missing] });
      dirty = true;
      writing ??= flush().finally(() => {
        writing = undefined;
      });
    };

    let report: EnrichReport | undefined;
    try {
      report = await enrichPapers(
        papers,
        { ...this.settings, budget: this.budget },
        {
          transport: this.deps.transport,
          cache,
          ...(this.deps.apiKey ? { apiKey: this.deps.apiKey } : {}),
          ...(this.deps.clock ? { clock: this.deps.clock } : {}),
          ...(this.deps.random ? { random: this.deps.random } : {}),
          signal: stop.signal,
          timeUp: timeUp.signal,
          timeBudgetMs: this.settings.timeBudgetMs ?? DEFAULT_ENRICH_SETTINGS.timeBudgetMs!,
          runBudget: this.settings.budget,
          onProgress: (done, total) => this.deps.onProgress?.(done, total, enrichProgressText(done, total, this.settings)),
          onAnswer: answered,
        },
      );
    } catch (error) {
      this.note(messageFor(error));
    } finally {
      clearTimeout(timer);
      this.deps.signal?.removeEventListener('abort', cancel);
    }
    while (writing) await writing;
    if (dirty && !writeProblem) await flush();
    if (writeProblem) this.note(`The notes could not be updated with the translations (${writeProblem.replace(/\.$/, '')}); the next run writes them.`);
    // The budgets span the run: once one is spent, later days need not say so again.
    else if (report?.stoppedBecause && !this.spent(report)) this.note(report.stoppedBecause);
    await this.saveCache(cache);
    if (report) this.count(report);
  }

  /** The overview the cache holds for this day's matched papers, or undefined. No request. */
  async knownOverview(date: string, papers: Paper[]): Promise<DailyOverview | undefined> {
    if (!this.settings.overview || papers.length === 0) return undefined;
    const found = (await this.loadCache()).overview(this.overviewKeyOf(date, papers));
    return found ? { ...found, model: this.settings.model } : undefined;
  }

  /**
   * The day's overview: from the cache, or asked for (one request) while the time budget lasts.
   * Undefined when it is off or could not be written; why is one line.
   */
  async fillOverview(date: string, papers: Paper[]): Promise<DailyOverview | undefined> {
    const known = await this.knownOverview(date, papers);
    if (known || !this.settings.overview || papers.length === 0 || this.deps.signal?.aborted) return known;
    const apiKey = this.deps.apiKey?.trim() || undefined;
    const refused = keyTransportProblem(this.settings.baseUrl, apiKey);
    if (refused) {
      this.note(refused);
      return undefined;
    }
    const cache = await this.loadCache();
    const { timeUp, timer } = this.clockStarted();
    if (timeUp.signal.aborted) return undefined;
    const endpoint = endpointKey(this.settings);
    const client = new ChatClient({
      baseUrl: this.settings.baseUrl,
      model: this.settings.model,
      apiKey,
      transport: this.deps.transport,
      clock: this.deps.clock ?? systemClock,
      timeoutMs: this.settings.timeoutMs ?? DEFAULT_ENRICH_SETTINGS.timeoutMs!,
      random: this.deps.random,
      refused: cache.refusedBy(endpoint),
    });
    // Not AbortSignal.any: older iOS WebViews (Obsidian mobile) lack it.
    const stop = timeUp.signal;
    const cancel = () => timeUp.abort();
    if (this.deps.signal?.aborted) timeUp.abort();
    this.deps.signal?.addEventListener('abort', cancel, { once: true });
    const language = this.overviewLanguage();
    const words = this.settings.overviewWords ?? DEFAULT_ENRICH_SETTINGS.overviewWords!;
    const shown = overviewPapers(papers);
    let read: ReturnType<typeof readOverview>;
    try {
      this.deps.onProgress?.(0, 1, 'Writing the overview…');
      const answer = await client.complete(overviewMessages(shown, language, words), stop, overviewTokens(words));
      read = readOverview(answer.content, answer.finishReason, shown.length, language, words);
    } catch (error) {
      read = { problem: stop.aborted && !this.deps.signal?.aborted ? 'the time budget for this run ran out' : messageFor(error).replace(/\.$/, '') };
    } finally {
      clearTimeout(timer);
      this.deps.signal?.removeEventListener('abort', cancel);
      this.summaryData.requests += client.requests;
      cache.setRefused(endpoint, [...client.refused]);
    }
    if ('problem' in read) {
      if (!this.deps.signal?.aborted) this.note(redactSecret(`The overview of ${date} was not written (${read.problem}); the next run asks again.`, apiKey));
      return undefined;
    }
    const value = { text: withoutKey(read.text, apiKey), ids: shown.map((paper) => paper.id) };
    cache.setOverview(this.overviewKeyOf(date, papers), value);
    await this.saveCache(cache);
    return { ...value, model: this.settings.model };
  }

  private overviewLanguage(): string {
    return this.settings.overviewLanguage === 'en' ? 'en' : this.settings.targetLanguage;
  }

  private overviewKeyOf(date: string, papers: Paper[]): string {
    return overviewKey(date, papers, this.overviewLanguage(), this.settings.model, this.settings.overviewWords ?? DEFAULT_ENRICH_SETTINGS.overviewWords!);
  }

  /** The run's time budget, started by the first call that asks the endpoint. */
  private clockStarted(): { timeUp: AbortController; timer: ReturnType<typeof setTimeout> } {
    this.deadline ??= Date.now() + (this.settings.timeBudgetMs ?? DEFAULT_ENRICH_SETTINGS.timeBudgetMs!);
    const timeUp = new AbortController();
    const left = this.deadline - Date.now();
    if (left <= 0) timeUp.abort();
    return { timeUp, timer: setTimeout(() => timeUp.abort(), Math.max(0, left)) };
  }

  /** Runs a note update outside fill (the overview's); a failure becomes one line. */
  async guard(update: () => Promise<void>): Promise<void> {
    try {
      await update();
    } catch (error) {
      this.note(`The notes could not be updated with the overview (${messageFor(error).replace(/\.$/, '')}); the next run writes it.`);
    }
  }

  /** What the session did so far. */
  summary(): EnrichSummary {
    const untranslated = [...this.untranslated.values()];
    return { ...this.summaryData, stopped: [...this.summaryData.stopped], reasons: reasonLines(untranslated, this.settings.targetLanguage), untranslated };
  }

  /** "19 translated" (or "summarised"), for a closing notice. */
  doneText(): string {
    return `${this.summaryData.complete} ${enrichVerb(this.settings)}`;
  }

  /** Every line to show at the end: why it stopped, then why papers were left untranslated. */
  lines(): string[] {
    return [...this.shown, ...this.summary().reasons];
  }

  /** True when this report stopped at a budget an earlier day of the run already reported spent. */
  private spent(report: EnrichReport): boolean {
    const codes = new Set(report.waiting.map((w) => w.code));
    const said = [...this.untranslated.values()].map((u) => u.code);
    return (codes.has('time-budget') && said.includes('time-budget')) || (codes.has('budget') && !codes.has('time-budget') && said.includes('budget'));
  }

  private count(report: EnrichReport): void {
    const s = this.summaryData;
    const notAsked = report.waiting.filter((w) => w.code === 'budget' || w.code === 'backed-off').length;
    this.budget = Math.max(0, this.budget - (report.results.size - report.fromCache - notAsked));
    s.complete += [...report.results.values()].filter((r) => r.missing.length === 0).length;
    s.fromCache += report.fromCache;
    s.requests += report.requests;
    s.failed += report.failed.length;
    for (const item of [...report.failed, ...report.waiting]) this.untranslated.set(item.id, item);
    for (const [id, result] of report.results) if (result.missing.length === 0) this.untranslated.delete(id);
  }

  /** A line to show (once): why enrichment stopped or could not start; kept for --json too. */
  note(text: string): void {
    if (this.shown.includes(text)) return;
    this.shown.push(text);
    this.summaryData.stopped.push(text);
    this.deps.onLine?.(text);
  }

  private async loadCache(): Promise<MemoryEnrichCache> {
    if (!this.cache) {
      let sources: unknown[] = [];
      try {
        sources = await this.deps.cache.load();
      } catch {
        sources = []; // an unreadable cache only costs requests
      }
      this.cache = MemoryEnrichCache.fromJSON(...sources);
      this.saved = JSON.stringify(this.cache.toJSON());
    }
    return this.cache;
  }

  private async saveCache(cache: MemoryEnrichCache): Promise<void> {
    const text = JSON.stringify(cache.toJSON());
    if (text === this.saved) return;
    try {
      await this.deps.cache.save(cache.toJSON());
      this.saved = text;
    } catch (error) {
      this.note(messageFor(error));
    }
  }
}
