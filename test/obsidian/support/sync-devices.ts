// Two devices sharing one vault through sync, for the sync tests: the announcements
// they fetch, a device (the stand-in app with the plugin's index and store), sync itself, and
// counts of the notes claiming each paper and each digest.
import { vi } from 'vitest';
import { App } from '../../stand-ins/obsidian';
import { noteFacts } from '../../../core/notes/note-facts';
import type { Announcement } from '../../../core/arxiv/paper';
import { VaultNoteIndex } from '../../../obsidian-plugin/vault-note-index';
import { ObsidianStore } from '../../../obsidian-plugin/vault-store';
import { makeAnnouncement, makePaper } from '../../support/papers';

const realSetTimeout = globalThis.setTimeout.bind(globalThis);

/** Day 1: 8 new papers. Day 2: 16 new papers and new versions of 3 from day 1. */
export function days(): { day1: Announcement; day2: Announcement } {
  const paper = (n: number, version = 1) =>
    makePaper({
      id: `2606.${String(1000 + n).padStart(5, '0')}`,
      version,
      title: `Language model study number ${n}`,
      abstract: `A language model, part ${n}.`,
      announceType: version > 1 ? 'replace' : 'new',
    });
  const day1 = makeAnnouncement(
    Array.from({ length: 8 }, (_, i) => paper(i + 1)),
    { date: '2026-05-29', announcedAt: '2026-05-28T20:00:00-04:00' },
  );
  const day2 = makeAnnouncement([...Array.from({ length: 16 }, (_, i) => paper(i + 9)), paper(1, 2), paper(2, 2), paper(3, 2)], {
    date: '2026-06-01',
    announcedAt: '2026-05-31T20:00:00-04:00',
  });
  return { day1, day2 };
}

/** A device: the stand-in app with the plugin's index and store. */
export async function device(): Promise<{ app: App; store: ObsidianStore; index: VaultNoteIndex }> {
  const app = new App();
  const index = new VaultNoteIndex(app as never);
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
