// Results already paid for, by arXiv id + version + language + model + kind, so a re-run or
// the other host never asks twice. Hosts load and save it as JSON (CLI: the vault's state
// folder; Obsidian: the plugin's data folder); a lost cache only costs requests.

import type { EnrichKind } from './settings';

export interface EnrichCacheKey {
  id: string;
  version: number;
  /** BCP 47 tag of the text stored ("zh-CN", or "en" for an English TL;DR). */
  language: string;
  model: string;
  kind: EnrichKind;
}

export interface EnrichCacheData {
  format: 1;
  /** Key string → text. */
  entries: Record<string, string>;
}

export interface EnrichCache {
  get(key: EnrichCacheKey): string | undefined;
  set(key: EnrichCacheKey, value: string): void;
  /** Plain data for JSON.stringify; the host writes it after each run. */
  toJSON(): EnrichCacheData;
}

/** One line per fact, so two hosts build the same key for the same result. */
export function cacheKeyText(key: EnrichCacheKey): string {
  return [key.id, `v${key.version}`, key.language, key.model, key.kind].join('|');
}

export class MemoryEnrichCache implements EnrichCache {
  private readonly entries = new Map<string, string>();

  get(key: EnrichCacheKey): string | undefined {
    return this.entries.get(cacheKeyText(key));
  }

  set(key: EnrichCacheKey, value: string): void {
    this.entries.set(cacheKeyText(key), value);
  }

  get size(): number {
    return this.entries.size;
  }

  toJSON(): EnrichCacheData {
    return { format: 1, entries: Object.fromEntries(this.entries) };
  }

  /**
   * A cache from what toJSON wrote; several sources (this host's file, then another host's
   * on the same vault) merge, earlier ones winning. Anything unreadable (an older format, a
   * hand-edited or half-written file) adds nothing rather than failing: it only costs requests.
   */
  static fromJSON(...sources: unknown[]): MemoryEnrichCache {
    const cache = new MemoryEnrichCache();
    for (const data of sources) {
      if (typeof data !== 'object' || data === null) continue;
      const { format, entries } = data as Partial<EnrichCacheData>;
      if (format !== 1 || typeof entries !== 'object' || entries === null) continue;
      for (const [key, value] of Object.entries(entries)) {
        if (typeof value === 'string' && value !== '' && !cache.entries.has(key)) cache.entries.set(key, value);
      }
    }
    return cache;
  }
}
