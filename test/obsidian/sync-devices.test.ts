// Two devices, one vault, kept in step by sync (issue #14). Device A fetches day 2 first; sync
// then brings A's notes into device B (created, renamed, modified) while B's metadata cache lags
// behind, and B fetches day 2 at once. Whatever the lag, B must end with exactly A's notes: one per
// paper, one digest per date, no twin beside a synced note. Fake timers move the cache's lag.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../stand-ins/obsidian';
import { DEFAULT_CONFIG } from '../../core/config';
import { noteFacts } from '../../core/notes/note-index';
import { writeAnnouncement, type WriteReport } from '../../core/notes/write';
import { MemoryStore } from '../../core/vault/memory-store';
import type { Announcement } from '../../core/arxiv/paper';
import { CACHE_WAIT_MS, NoteIndex } from '../../obsidian-plugin/note-index';
import { ObsidianStore } from '../../obsidian-plugin/vault-store';
import { makeAnnouncement, makePaper } from '../support/papers';

const config = DEFAULT_CONFIG;
const realSetTimeout = globalThis.setTimeout.bind(globalThis);

/** Day 1: 8 new papers. Day 2: 16 new papers and new versions of 3 from day 1. */
export function days(): { day1: Announcement; day2: Announcement } {
  const paper = (n: number, version = 1) =>
    makePaper({ id: `2606.${String(1000 + n).padStart(5, '0')}`, version, title: `Language model study number ${n}`, abstract: `A language model, part ${n}.`, announceType: version > 1 ? 'replace' : 'new' });
  const day1 = makeAnnouncement(Array.from({ length: 8 }, (_, i) => paper(i + 1)), { date: '2026-05-29', announcedAt: '2026-05-28T20:00:00-04:00' });
  const day2 = makeAnnouncement([...Array.from({ length: 16 }, (_, i) => paper(i + 9)), paper(1, 2), paper(2, 2), paper(3, 2)], {
    date: '2026-06-01',
    announcedAt: '2026-05-31T20:00:00-04:00',
  });
  return { day1, day2 };
}

/** A device: the stand-in app with the plugin's index and store. */
export async function device(): Promise<{ app: App; store: ObsidianStore; index: NoteIndex }> {
  const app = new App();
  const index = new NoteIndex(app as never);
  index.listeners();
  const store = new ObsidianStore(app as never, index);
  return { app, store, index };
}

/** How many notes claim each arXiv id and each digest date. */
export function claimCounts(files: Record<string, string>): { papers: number[]; dailies: number[] } {
  const papers = new Map<string, number>();
  const dailies = new Map<string, number>();
  for (const [path, text] of Object.entries(files)) {
    if (!path.endsWith('.md')) continue;
    const facts = noteFacts(text);
    if (facts.arxivId) papers.set(facts.arxivId, (papers.get(facts.arxivId) ?? 0) + 1);
    if (facts.dailyDate) dailies.set(facts.dailyDate, (dailies.get(facts.dailyDate) ?? 0) + 1);
  }
  return { papers: [...papers.values()], dailies: [...dailies.values()] };
}

/** Runs `work` while moving fake time on, a step at a time, letting real timers (the vault's events) fire too. */
export async function withTimePassing<T>(work: Promise<T>, stepMs = 100): Promise<T> {
  let done = false;
  let result: { value: T } | { error: unknown } | undefined;
  work.then(
    (value) => ((result = { value }), (done = true)),
    (error: unknown) => ((result = { error }), (done = true)),
  );
  while (!done) {
    await new Promise((resolve) => realSetTimeout(resolve, 0));
    await vi.advanceTimersByTimeAsync(stepMs);
  }
  if (result && 'error' in result) throw result.error;
  return (result as { value: T }).value;
}

/** Brings `to` in step with `from`'s files as sync does: creates, renames (same text, new path), modifies. */
export async function syncInto(app: App, from: ReadonlyMap<string, string>): Promise<{ created: number; renamed: number; modified: number }> {
  const here = app.vault.snapshot();
  const counts = { created: 0, renamed: 0, modified: 0 };
  const gone = Object.keys(here).filter((path) => !from.has(path));
  for (const [path, text] of from) {
    if (here[path] === text) continue;
    if (here[path] !== undefined) {
      await app.vault.modify(app.vault.getFileByPath(path)!, text);
      counts.modified += 1;
      continue;
    }
    const movedFrom = gone.find((old) => here[old] === text);
    const folder = path.slice(0, path.lastIndexOf('/'));
    if (folder && !app.vault.getFolderByPath(folder)) await app.vault.createFolder(folder);
    if (movedFrom !== undefined) {
      await app.vault.rename(app.vault.getFileByPath(movedFrom)!, path);
      gone.splice(gone.indexOf(movedFrom), 1);
      counts.renamed += 1;
    } else {
      await app.vault.create(path, text);
      counts.created += 1;
    }
  }
  for (const path of gone) await app.vault.delete(app.vault.getFileByPath(path)!);
  return counts;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the note index after sync brought notes in', () => {
  it('learns of them from the vault’s events, waits for the cache at most CACHE_WAIT_MS, then reads them itself', async () => {
    const b = await device();
    await b.index.snapshot();
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
    await b.index.snapshot();
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
