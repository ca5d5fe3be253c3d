// Random interleavings of what happens to a synced vault: two devices fetch day 1 and
// day 2 in any order, sync mirrors one device into the other at any moment (renames included),
// sync tools leave conflict copies, the person moves a note, and the metadata cache lags by 0 ms to
// 8 s. After every step, on every device: Paper Feed wrote no second note for any paper and no
// second digest for any date (conflict copies aside), every paper a fetch listed has exactly one
// note, and no fetch changed a conflict copy.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../core/config';
import { noteFacts } from '../../core/notes/note-facts';
import { writeAnnouncement } from '../../core/notes/write';
import type { Announcement } from '../../core/arxiv/paper';
import { days, device, withTimePassing } from './support/sync-devices';

type Device = Awaited<ReturnType<typeof device>>;

type Step =
  | { kind: 'fetch'; on: 0 | 1; day: 0 | 1 }
  | { kind: 'sync'; from: 0 | 1 }
  | { kind: 'conflict-copy'; on: 0 | 1; pick: number; ending: string }
  | { kind: 'move'; on: 0 | 1; pick: number }
  | { kind: 'lag'; on: 0 | 1; ms: number };

const side = fc.constantFrom<0 | 1>(0, 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('fetch' as const), on: side, day: fc.constantFrom<0 | 1>(0, 1) }),
  fc.record({ kind: fc.constant('sync' as const), from: side }),
  fc.record({
    kind: fc.constant('conflict-copy' as const),
    on: side,
    pick: fc.nat(),
    ending: fc.constantFrom(' 1', ' 2', ' (conflicted copy 2026-06-01)', '.sync-conflict-20260601-101500-ABCDEFG', ' (Conflicted copy Phone 202606011015)'),
  }),
  fc.record({ kind: fc.constant('move' as const), on: side, pick: fc.nat() }),
  fc.record({ kind: fc.constant('lag' as const), on: side, ms: fc.constantFrom(0, 300, 1000, 8000) }),
);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** The paper notes on a device, by path (conflict copies the test made excluded or not). */
function paperNotes(d: Device): Array<[string, string]> {
  return Object.entries(d.app.vault.snapshot()).filter(([path, text]) => path.endsWith('.md') && noteFacts(text).arxivId !== undefined);
}

/** Brings `to` to exactly `from`'s files, as a sync that has caught up does (renames and deletions included). */
async function mirror(from: Device, to: Device): Promise<void> {
  const source = from.app.vault.snapshot();
  const here = to.app.vault.snapshot();
  for (const [path, text] of Object.entries(source)) {
    if (here[path] === text) continue;
    const existing = to.app.vault.getFileByPath(path);
    if (existing) {
      await to.app.vault.modify(existing, text);
      continue;
    }
    const folder = path.slice(0, path.lastIndexOf('/'));
    if (folder && !to.app.vault.getFolderByPath(folder)) await to.app.vault.createFolder(folder);
    await to.app.vault.create(path, text);
  }
  for (const path of Object.keys(here)) if (!(path in source)) await to.app.vault.delete(to.app.vault.getFileByPath(path)!);
}

function expectOneNoteEach(d: Device, copies: ReadonlySet<string>, fetched: readonly Announcement[]): void {
  const papers = new Map<string, string[]>();
  const dailies = new Map<string, string[]>();
  for (const [path, text] of Object.entries(d.app.vault.snapshot())) {
    if (copies.has(path) || !path.endsWith('.md')) continue;
    const facts = noteFacts(text);
    if (facts.arxivId) papers.set(facts.arxivId, [...(papers.get(facts.arxivId) ?? []), path]);
    if (facts.dailyDate) dailies.set(facts.dailyDate, [...(dailies.get(facts.dailyDate) ?? []), path]);
  }
  expect([...papers.values()].filter((paths) => paths.length > 1)).toEqual([]);
  expect([...dailies.values()].filter((paths) => paths.length > 1)).toEqual([]);
  for (const announcement of fetched) {
    expect(dailies.get(announcement.date)).toHaveLength(1);
    for (const paper of announcement.papers) if (paper.announceType === 'new') expect(papers.get(paper.id)).toHaveLength(1);
  }
}

describe('random interleavings of sync, conflict copies and fetches', () => {
  it('leave exactly one note per paper and one digest per date, and no conflict copy written to', async () => {
    const announcements = Object.values(days());
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 10 }), async (steps) => {
        const devices = [await device(), await device()] as const;
        /** Conflict copies the "sync tool" made, per device. */
        const copies = [new Set<string>(), new Set<string>()];
        // Both devices have used Paper Feed before (their indexes are built), as when two devices each ran Paper Feed before syncing.
        for (const d of devices) await withTimePassing(writeAnnouncement(announcements[0]!, DEFAULT_CONFIG, d.store));
        const fetched: Announcement[][] = [[announcements[0]!], [announcements[0]!]];
        for (const s of steps) {
          if (s.kind === 'fetch') {
            const d = devices[s.on];
            const announcement = announcements[s.day]!;
            const before = Object.fromEntries([...copies[s.on]!].map((path) => [path, d.app.vault.text(path)]));
            await withTimePassing(writeAnnouncement(announcement, DEFAULT_CONFIG, d.store));
            expect(Object.fromEntries([...copies[s.on]!].map((path) => [path, d.app.vault.text(path)]))).toEqual(before);
            if (!fetched[s.on]!.includes(announcement)) fetched[s.on]!.push(announcement);
          } else if (s.kind === 'sync') {
            const to = 1 - s.from;
            await mirror(devices[s.from], devices[to]!);
            copies[to] = new Set(copies[s.from]);
            fetched[to] = [...fetched[s.from]!];
          } else if (s.kind === 'conflict-copy' || s.kind === 'move') {
            const d = devices[s.on];
            const notes = paperNotes(d).filter(([path]) => !copies[s.on]!.has(path));
            if (notes.length === 0) continue;
            const [path, text] = notes[s.pick % notes.length]!;
            if (s.kind === 'conflict-copy') {
              const copy = path.replace(/\.md$/, `${s.ending}.md`);
              if (d.app.vault.getAbstractFileByPath(copy)) continue;
              await d.app.vault.create(copy, text.replace('## Notes', '## Notes\n\nEdited on the other device.'));
              copies[s.on]!.add(copy);
            } else {
              if (!d.app.vault.getFolderByPath('Reading')) await d.app.vault.createFolder('Reading');
              const to = `Reading/${path.slice(path.lastIndexOf('/') + 1)}`;
              if (d.app.vault.getAbstractFileByPath(to)) continue;
              await d.app.vault.rename(d.app.vault.getFileByPath(path)!, to);
            }
          } else {
            devices[s.on].app.metadataCache.lagMs = s.ms;
          }
          for (const [i, d] of devices.entries()) expectOneNoteEach(d, copies[i]!, fetched[i]!);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
