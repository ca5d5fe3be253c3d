// A person typing in a paper note while a run updates it loses no keystroke: the edit lands
// between the run reading the note and writing it, and afterwards both the person's text and
// the new version are there. In memory (any text, property-based), on disk (the CLI's store) and
// in Obsidian (the plugin, through vault.process).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Paper } from '../../core/arxiv/paper';
import { DEFAULT_CONFIG, type PaperFeedConfig } from '../../core/config';
import { FsVaultStore } from '../../core/node/fs-store';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { writeAnnouncement } from '../../core/notes/write';
import { MemoryStore } from '../../core/notes/memory-store';
import type { VaultStore } from '../../core/vault/store';
import { kit, type TFile } from '../stand-ins/obsidian';
import { startArxivServer } from '../support/arxiv-server';
import { rssFeed, rssItem } from '../support/fault-feeds';
import { makeAnnouncement, makePaper } from '../support/papers';
import { PROPERTY_RUNS, hostileText } from './hostile';
import { loadPlugin, newApp, settle } from './obsidian-host';

const config: PaperFeedConfig = { ...DEFAULT_CONFIG, groups: [{ name: 'All', include: [], categories: ['cs'] }] };
const v1 = makePaper({
  id: '2605.10001',
  title: 'Typing While It Updates',
  abstract: 'First version.',
  categories: ['cs.LG'],
  published: '2026-05-27',
  updated: '2026-05-27',
});
const v2: Paper = {
  ...v1,
  version: 2,
  abstract: 'Second version, with new results.',
  updated: '2026-05-28',
  pdfUrl: 'https://arxiv.org/pdf/2605.10001v2',
  announceType: 'replace',
};
const day1 = makeAnnouncement([v1], { date: '2026-05-27' });
const day2 = makeAnnouncement([v2], { date: '2026-05-28' });

/** Makes `edit` happen to the note the first time the run writes it, after the run has read it. */
function typingDuringWrite<S extends VaultStore>(store: S, edit: (path: string) => Promise<void> | void): S {
  const process = store.process.bind(store);
  let typed = false;
  store.process = async (path, fn) => {
    if (!typed) {
      typed = true;
      await edit(path);
    }
    return process(path, fn);
  };
  return store;
}

function expectUpdated(text: string): void {
  expect(readFrontmatter(text)).toMatchObject({
    version: 2,
    updated: '2026-05-28',
    digests: ['[[arXiv/Daily/2026-05-27|2026-05-27]]', '[[arXiv/Daily/2026-05-28|2026-05-28]]'],
  });
  expect(text).toContain('Second version, with new results.');
  expect(text).not.toContain('First version.');
}

describe('a person typing while a run updates the note', () => {
  it(`keeps every keystroke typed outside Paper Feed's block, whatever was typed (${PROPERTY_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(), fc.nat(), fc.boolean(), async (typed, at, inFrontmatter) => {
        const store = new MemoryStore();
        await writeAnnouncement(day1, config, store);
        const path = [...store.files.keys()].find((p) => p.startsWith('arXiv/Papers/'))!;
        const original = store.files.get(path)!;
        // Somewhere in the person's part: anywhere in the Notes section, or a property of theirs.
        const notesStart = original.indexOf('## Notes');
        const offset = notesStart + (at % (original.length - notesStart + 1));
        const person = inFrontmatter
          ? original.replace('---\n', () => `---\nmy_note: ${JSON.stringify(typed)}\n`)
          : original.slice(0, offset) + typed + original.slice(offset);
        typingDuringWrite(store, (p) => void store.files.set(p, person));

        await writeAnnouncement(day2, config, store);
        const final = store.files.get(path)!;
        expectUpdated(final);
        if (inFrontmatter) expect(readFrontmatter(final).my_note).toBe(typed);
        else expect(final.slice(final.indexOf('## Notes'))).toBe(person.slice(person.indexOf('## Notes')));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  }, 120_000);

  describe('on disk, as the CLI writes', () => {
    let vault: string;
    beforeAll(async () => {
      vault = await mkdtemp(join(tmpdir(), 'pf-live-edit-'));
    });
    afterAll(() => rm(vault, { recursive: true, force: true }));

    it('redoes the update on the saved text when the file changes between read and write', async () => {
      await writeAnnouncement(day1, config, new FsVaultStore(vault));
      const path = 'arXiv/Papers/Typing While It Updates.md';
      const file = join(vault, path);
      const original = await readFile(file, 'utf8');
      const store = new FsVaultStore(vault);
      // The person's editor saves while Paper Feed is preparing its change to the note.
      const process = store.process.bind(store);
      let saved = false;
      store.process = (p, fn) =>
        process(p, (current) => {
          const next = fn(current);
          if (!saved) {
            saved = true;
            writeFileSync(file, `${current}My thought, typed during the run.\n`);
          }
          return next;
        });
      const report = await writeAnnouncement(day2, config, store);
      expect(report.updated).toEqual([path]);
      const final = await readFile(file, 'utf8');
      expectUpdated(final);
      expect(final.endsWith('## Notes\n\nMy thought, typed during the run.\n')).toBe(true);
      expect(final.length).toBeGreaterThan(original.length);
    });
  });

  describe('in Obsidian, through vault.process', () => {
    afterEach(() => {
      vi.useRealTimers();
      kit.reset();
    });

    it('keeps what the editor saved just before the plugin writes', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-05-28T13:00:00Z'));
      const server = await startArxivServer({ maxRequests: 10, lifetimeMs: 300_000 });
      try {
        const item = (version: number, abstract: string) =>
          rssItem({
            id: '2605.10001',
            version,
            title: 'Typing While It Updates',
            abstract,
            authors: 'Ada Lovelace',
            categories: ['cs.LG'],
            announceType: version > 1 ? 'replace' : 'new',
          });
        const path = '/rss/cs.LG+cs.CL+cs.AI+cs.CV+stat.ML';
        server.reply(`/day1${path}`, { body: rssFeed([item(1, 'First version.')], 'Wed, 27 May 2026 00:00:00 -0400') });
        server.reply(`/day2${path}`, { body: rssFeed([item(2, 'Second version, with new results.')]) });
        const app = newApp();
        const plugin = await loadPlugin(app, { rssBase: server.url('/day1/rss'), config: { groups: [{ name: 'All', include: [], categories: ['cs'] }] } });
        await plugin.fetcher.fetchToday('command');
        await settle(app, plugin);
        const note = app.vault.getFileByPath('arXiv/Papers/Typing While It Updates.md')!;

        // The editor's autosave lands after the plugin read the note, before its vault.process.
        const process = app.vault.process.bind(app.vault);
        let typed = false;
        app.vault.process = async (file: TFile, fn: (data: string) => string) => {
          if (!typed && file === note) {
            typed = true;
            await app.vault.modify(file, `${app.vault.text(file.path)}Typed while the plugin was busy.\n`);
          }
          return process(file, fn);
        };
        plugin.settings.rssBase = server.url('/day2/rss');
        plugin.waits.advance(60_000);
        await plugin.fetcher.fetchToday('command');
        await settle(app, plugin);

        expect(typed).toBe(true);
        const final = app.vault.text(note.path)!;
        expectUpdated(final);
        expect(final.endsWith('## Notes\n\nTyped while the plugin was busy.\n')).toBe(true);
      } finally {
        await server.close();
      }
    });
  });
});
