// The enrichment cache: its key, its JSON round trip, and tolerance of files it did not write.
import { describe, expect, it } from 'vitest';
import { cacheKeyText, MemoryEnrichCache } from '../../core/enrich/cache';

const key = { id: '2605.28828', version: 2, language: 'zh-CN', model: 'qwen2.5:7b', kind: 'title' as const };

describe('enrichment cache', () => {
  it('keys a result by id, version, language, model and kind', () => {
    expect(cacheKeyText(key)).toBe('2605.28828|v2|zh-CN|qwen2.5:7b|title');
    const cache = new MemoryEnrichCache();
    cache.set(key, '稀疏注意力');
    expect(cache.get(key)).toBe('稀疏注意力');
    for (const other of [{ version: 3 }, { language: 'ja' }, { model: 'gpt-4o-mini' }, { kind: 'tldr' as const }, { id: '2605.28829' }]) {
      expect(cache.get({ ...key, ...other })).toBeUndefined();
    }
  });

  it('survives a JSON round trip, as a host saves and loads it', () => {
    const cache = new MemoryEnrichCache();
    cache.set(key, '稀疏注意力');
    const loaded = MemoryEnrichCache.fromJSON(JSON.parse(JSON.stringify(cache)));
    expect(loaded.get(key)).toBe('稀疏注意力');
    expect(loaded.toJSON()).toEqual({ format: 1, entries: { '2605.28828|v2|zh-CN|qwen2.5:7b|title': '稀疏注意力' } });
  });

  it('starts empty from anything it did not write, rather than failing the run', () => {
    for (const data of [null, 'text', [], { format: 2, entries: {} }, { format: 1, entries: null }]) {
      expect(MemoryEnrichCache.fromJSON(data).size).toBe(0);
    }
    const mixed = MemoryEnrichCache.fromJSON({ format: 1, entries: { a: 'kept', b: 3, c: '' } });
    expect(mixed.toJSON().entries).toEqual({ a: 'kept' });
  });

  it("merges another host's cache file, keeping this host's entry where both have one", () => {
    const mine = { format: 1, entries: { a: 'mine', b: 'mine' } };
    const theirs = { format: 1, entries: { b: 'theirs', c: 'theirs' } };
    expect(MemoryEnrichCache.fromJSON(mine, undefined, theirs).toJSON().entries).toEqual({ a: 'mine', b: 'mine', c: 'theirs' });
  });
});
