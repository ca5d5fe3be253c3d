// Two devices, one vault, kept in step by sync. Device A fetches day 2 first; sync
// then brings A's notes into device B (created, renamed, modified) while B's metadata cache lags
// behind, and B fetches day 2 at once. Whatever the lag, B must end with exactly A's notes: one per
// paper, one digest per date, no twin beside a synced note. Fake timers move the cache's lag.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { writeAnnouncement, type WriteReport } from '../../core/notes/write';
import { MemoryStore } from '../../core/notes/memory-store';
import { CACHE_WAIT_MS } from '../../obsidian-plugin/vault-note-index';
import { claimCounts, days, device, syncInto, withTimePassing } from './support/sync-devices';

const config = DEFAULT_CONFIG;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the note index after sync brought notes in', () => {
  it('learns of them from the vault’s events, waits for the cache at most CACHE_WAIT_MS, then reads them itself', async () => {
    const b = await device();
    await withTimePassing(b.index.snapshot());
    b.app.metadataCache.lagMs = 8000;
    await b.app.vault.create('Synced.md', '---\narxiv_id: "2606.01018"\nversion: 1\n---\n');
    await b.app.vault.eventsFired();
    const reads = vi.spyOn(b.app.vault, 'read');
    let known: string | undefined | null = null;
    const snapshot = b.index.snapshot().then((index) => (known = index.papers.get('2606.01018')?.path));
    await vi.advanceTimersByTimeAsync(CACHE_WAIT_MS - 1);
    expect(known).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    await snapshot;
    expect(known).toBe('Synced.md');
    expect(reads.mock.calls.map(([file]) => file.path)).toEqual(['Synced.md']);
  });

  it('does not wait when the cache catches up first', async () => {
    const b = await device();
    await withTimePassing(b.index.snapshot());
    b.app.metadataCache.lagMs = 300;
    await b.app.vault.create('Synced.md', '---\narxiv_id: "2606.01018"\n---\n');
    await b.app.vault.eventsFired();
    const reads = vi.spyOn(b.app.vault, 'read');
    let known: string | undefined | null = null;
    const snapshot = b.index.snapshot().then((index) => (known = index.papers.get('2606.01018')?.path));
    await vi.advanceTimersByTimeAsync(300);
    await snapshot;
    expect(known).toBe('Synced.md');
    expect(reads).not.toHaveBeenCalled();
  });
});

describe('device B fetches day 2 right after sync brought in device A’s day 2', () => {
  for (const lagMs of [0, 300, 1000, 8000]) {
    it(`ends with exactly A’s notes when the metadata cache lags by ${lagMs} ms`, async () => {
      const { day1, day2 } = days();
      // A fetched day 1 and day 2; the person renamed one of day 1's notes into Reading/ on A.
      const a = new MemoryStore();
      await writeAnnouncement(day1, config, a);
      const b = await device();
      await withTimePassing(writeAnnouncement(day1, config, b.store));
      await withTimePassing(b.app.metadataCache.settled());
      await writeAnnouncement(day2, config, a);
      const renamed = [...a.files.keys()].find((p) => p.includes('number 4'))!;
      a.rename(renamed, 'Reading/Study 4.md');

      b.app.metadataCache.lagMs = lagMs;
      const counts = await syncInto(b.app, a.files);
      expect(counts).toEqual({ created: 17, renamed: 1, modified: 3 });
      const report: WriteReport = await withTimePassing(writeAnnouncement(day2, config, b.store));

      expect(report.created).toEqual([]);
      expect(b.app.vault.snapshot()).toEqual(Object.fromEntries([...a.files].sort(([x], [y]) => x.localeCompare(y))));
      const { papers, dailies } = claimCounts(b.app.vault.snapshot());
      expect(papers.filter((n) => n !== 1)).toEqual([]);
      expect(dailies).toEqual([1, 1]);
    });
  }

  it('ends with one set of notes when both devices fetch before sync, whichever syncs first', async () => {
    const { day1, day2 } = days();
    const a = await device();
    const b = await device();
    for (const d of [a, b]) {
      await withTimePassing(writeAnnouncement(day1, config, d.store));
      await withTimePassing(writeAnnouncement(day2, config, d.store));
    }
    // Both wrote the same announcement the same way: the same names and the same text, so sync
    // has nothing to merge and no conflict copy to make.
    expect(b.app.vault.snapshot()).toEqual(a.app.vault.snapshot());
  });
});
