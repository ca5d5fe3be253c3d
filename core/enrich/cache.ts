// Results already paid for, by arXiv id + version + language + model + kind, so a re-run or
// the other host never asks twice. Beside them, what the endpoint taught us: papers it turned
// down the same way before (asked again only after a pause that grows) and request options it
// refused. Hosts load and save it as JSON through an EnrichCachePort (session.ts); a lost cache
// only costs requests.

import type { DroppableOption } from './client';
import type { EnrichKind } from './settings';
import { isRecord } from '../record';

export interface EnrichCacheKey {
  id: string;
  version: number;
  /** BCP 47 tag of the text stored ("zh-CN", or "en" for an English TL;DR). */
  language: string;
  model: string;
  kind: EnrichKind;
}

/** A paper the endpoint failed on, by reason; `times` counts runs in a row that failed so. */
export interface RememberedFailure {
  /** A TurnDown code ("english", "too-long") or an endpoint failure ("timeout", "server"). */
  reason: string;
  times: number;
  /** When it last failed, ms since the epoch. */
  at: number;
}

export interface EnrichCacheData {
  format: 1;
  /** Key string → text. */
  entries: Record<string, string>;
  /** Paper key (paperKeyText) → how it last failed. */
  failures?: Record<string, RememberedFailure>;
  /** "baseUrl|model" → request options that endpoint refused. */
  refused?: Record<string, DroppableOption[]>;
  /** Overview key (overview.ts) → the day's overview. */
  overviews?: Record<string, { text: string; ids: string[] }>;
}

export interface EnrichCache {
  get(key: EnrichCacheKey): string | undefined;
  set(key: EnrichCacheKey, value: string): void;
  /** Plain data for JSON.stringify; the host writes it after each run. */
  toJSON(): EnrichCacheData;
  failure(paperKey: string): RememberedFailure | undefined;
  /** Records a failure, or forgets it (undefined) once the paper is done. */
  setFailure(paperKey: string, failure: RememberedFailure | undefined): void;
  refusedBy(endpoint: string): DroppableOption[];
  setRefused(endpoint: string, options: DroppableOption[]): void;
  overview(key: string): { text: string; ids: string[] } | undefined;
  setOverview(key: string, value: { text: string; ids: string[] }): void;
}

/** One line per fact, so two hosts build the same key for the same result. */
export function cacheKeyText(key: EnrichCacheKey): string {
  return [key.id, `v${key.version}`, key.language, key.model, key.kind].join('|');
}

/** The key a paper's failures are remembered by: a new version or model starts afresh. */
export function paperKeyText(paper: { id: string; version: number }, language: string, model: string): string {
  return [paper.id, `v${paper.version}`, language, model].join('|');
}

const DROPPABLE: readonly string[] = ['response_format', 'temperature', 'max_tokens'];

function readFailure(value: unknown): RememberedFailure | undefined {
  if (!isRecord(value)) return undefined;
  const { reason, times, at } = value;
  if (typeof reason !== 'string' || typeof times !== 'number' || typeof at !== 'number' || !(times >= 1) || !Number.isFinite(at)) return undefined;
  return { reason, times: Math.floor(times), at };
}

export class MemoryEnrichCache implements EnrichCache {
  private readonly entries = new Map<string, string>();
  private readonly failures = new Map<string, RememberedFailure>();
  private readonly refused = new Map<string, DroppableOption[]>();
  private readonly overviews = new Map<string, { text: string; ids: string[] }>();

  get(key: EnrichCacheKey): string | undefined {
    return this.entries.get(cacheKeyText(key));
  }

  set(key: EnrichCacheKey, value: string): void {
    this.entries.set(cacheKeyText(key), value);
  }

  failure(paperKey: string): RememberedFailure | undefined {
    return this.failures.get(paperKey);
  }

  setFailure(paperKey: string, failure: RememberedFailure | undefined): void {
    if (failure) this.failures.set(paperKey, failure);
    else this.failures.delete(paperKey);
  }

  refusedBy(endpoint: string): DroppableOption[] {
    return this.refused.get(endpoint) ?? [];
  }

  setRefused(endpoint: string, options: DroppableOption[]): void {
    if (options.length > 0) this.refused.set(endpoint, [...options].sort());
  }

  overview(key: string): { text: string; ids: string[] } | undefined {
    return this.overviews.get(key);
  }

  setOverview(key: string, value: { text: string; ids: string[] }): void {
    this.overviews.set(key, { text: value.text, ids: [...value.ids] });
  }

  get size(): number {
    return this.entries.size;
  }

  toJSON(): EnrichCacheData {
    const data: EnrichCacheData = { format: 1, entries: Object.fromEntries(this.entries) };
    if (this.failures.size > 0) data.failures = Object.fromEntries(this.failures);
    if (this.refused.size > 0) data.refused = Object.fromEntries(this.refused);
    if (this.overviews.size > 0) data.overviews = Object.fromEntries(this.overviews);
    return data;
  }

  /**
   * A cache from what toJSON wrote; several sources (this host's file, then another host's
   * on the same vault) merge, earlier ones winning. Anything unreadable (an older format, a
   * hand-edited or half-written file) adds nothing rather than failing: it only costs requests.
   */
  static fromJSON(...sources: unknown[]): MemoryEnrichCache {
    const cache = new MemoryEnrichCache();
    for (const data of sources) {
      if (!isRecord(data)) continue;
      const { format, entries, failures, refused, overviews } = data;
      if (format !== 1 || !isRecord(entries)) continue;
      for (const [key, value] of Object.entries(entries)) {
        if (typeof value === 'string' && value !== '' && !cache.entries.has(key)) cache.entries.set(key, value);
      }
      for (const [key, value] of Object.entries(isRecord(failures) ? failures : {})) {
        const failure = readFailure(value);
        if (failure && !cache.failures.has(key)) cache.failures.set(key, failure);
      }
      for (const [key, value] of Object.entries(isRecord(refused) ? refused : {})) {
        if (!Array.isArray(value)) continue;
        const options = value.filter((o): o is DroppableOption => typeof o === 'string' && DROPPABLE.includes(o));
        cache.setRefused(key, [...new Set([...cache.refusedBy(key), ...options])]);
      }
      for (const [key, value] of Object.entries(isRecord(overviews) ? overviews : {})) {
        const { text, ids } = isRecord(value) ? value : {};
        if (typeof text !== 'string' || text === '' || !Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) continue;
        if (!cache.overviews.has(key)) cache.overviews.set(key, { text, ids });
      }
    }
    return cache;
  }
}
