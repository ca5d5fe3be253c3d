// The note index and the Top picks library kept current note by note ("scaling by
// design"): what a run sees follows every create, edit, rename and delete, while a run with
// nothing changed reads no note and saves no cache.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, kit } from '../stand-ins/obsidian';
import { renderPaperNote } from '../../core/notes/paper-note';
import { DEFAULT_CONFIG } from '../../core/config';
import { LIBRARY_INDEX_FILE, LibraryNotes } from '../../obsidian-plugin/library-notes';
import { LIBRARY_NOTES_FILE, LIBRARY_NOTES_JOURNAL, LibraryNotesFile } from '../../obsidian-plugin/library-notes-file';
import { NoteEntries } from '../../obsidian-plugin/note-entries';
import { NoteStamp } from '../../obsidian-plugin/note-stamp';
import { VaultNoteIndex } from '../../obsidian-plugin/vault-note-index';
import { ObsidianStore } from '../../obsidian-plugin/vault-store';
import { makePaper } from '../support/papers';
import { startArxivServer } from '../support/arxiv-server';
import { keptNotes } from '../notes/kept-notes';
import { CONFIG_DIR, fixture, loadPlugin, MANIFEST, newApp, settle, storeSettings } from './support/harness';

const KEEP_KEYS = DEFAULT_CONFIG.library.keepKeys;
const PLUGIN_FOLDER = 'plugin-folder';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  kit.reset();
});

/** A paper note as Paper Feed writes it, nobody's writing in it yet. */
function paperNote(id: string, citekey = `key${id.replace('.', '')}`): string {
  return renderPaperNote(makePaper({ id, title: `Paper ${id}`, abstract: `What paper ${id} found.` }), { citekey, keywords: [], digests: ['2026-03-02'] });
}

const withProperty = (text: string, line: string) => text.replace('\ntags:\n', `\n${line}\ntags:\n`);

async function vaultOf(notes: Record<string, string>) {
  const app = new App();
  for (const [path, text] of Object.entries(notes)) await app.vault.seed(path, text);
  await app.metadataCache.settled();
  const index = new VaultNoteIndex(app as never);
  index.listeners();
  const library = new LibraryNotes(app as never, PLUGIN_FOLDER, index);
  const store = new ObsidianStore(app as never, index, library);
  /** The note names in the library a run would rank by, sorted. */
  const libraryNow = async (keepKeys: readonly string[] = KEEP_KEYS) =>
    ((await store.index({ keepKeys })).library ?? []).map((item) => `${item.id} ${item.noteName}`).sort();
  return { app, index, library, store, libraryNow };
}

/** Counts note reads and cache-file saves from here on. */
function countIo(app: App) {
  const reads = vi.spyOn(app.vault, 'cachedRead');
  const writes = vi.spyOn(app.vault.adapter, 'write');
  const appends = vi.spyOn(app.vault.adapter, 'append');
  return { reads: () => reads.mock.calls.length, saves: () => [...writes.mock.calls, ...appends.mock.calls].map(([path]) => path) };
}

async function edit(app: App, path: string, change: (text: string) => string): Promise<void> {
  await app.vault.modify(app.vault.getFileByPath(path)!, change(app.vault.text(path)!));
  await app.metadataCache.settled();
}

describe('the Top picks library, kept current', () => {
  it('reads no note and saves nothing on a run when nothing changed', async () => {
    const { app, library, libraryNow } = await vaultOf({ 'P/a.md': paperNote('2401.00001'), 'P/b.md': withProperty(paperNote('2401.00002'), 'rating: 3') });
    expect(await libraryNow()).toEqual(['2401.00002 P/b']);
    expect(library.lastReads).toBe(2);
    const io = countIo(app);
    expect(await libraryNow()).toEqual(['2401.00002 P/b']);
    expect([io.reads(), io.saves()]).toEqual([0, []]);
  });

  it('takes a note in when a property or a tag marks it kept, and lets it go when unmarked', async () => {
    const { app, libraryNow } = await vaultOf({ 'P/a.md': paperNote('2401.00001') });
    expect(await libraryNow()).toEqual([]);
    await app.fileManager.processFrontMatter(app.vault.getFileByPath('P/a.md')!, (fm: Record<string, unknown>) => {
      fm.status = 'read';
    });
    await app.metadataCache.settled();
    expect(await libraryNow()).toEqual(['2401.00001 P/a']);
    await app.fileManager.processFrontMatter(app.vault.getFileByPath('P/a.md')!, (fm: Record<string, unknown>) => {
      delete fm.status;
    });
    await app.metadataCache.settled();
    expect(await libraryNow()).toEqual([]);

    await edit(app, 'P/a.md', (text) => text.replace('tags:\n  - paper\n', 'tags:\n  - paper\n  - paper/keep\n'));
    expect(await libraryNow()).toEqual(['2401.00001 P/a']);
    await edit(app, 'P/a.md', (text) => text.replace('  - paper/keep\n', ''));
    expect(await libraryNow()).toEqual([]);
    // A tag in the body counts too; the metadata cache lists it.
    await edit(app, 'P/a.md', (text) => text.replace('## Notes\n', '## Notes\n\n#paper/keep/later\n'));
    expect(app.metadataCache.getCache('P/a.md')?.tags?.map((t) => t.tag)).toEqual(['#paper/keep/later']);
    expect(await libraryNow()).toEqual(['2401.00001 P/a']);
  });

  it('follows a kept note that is renamed, moved with its folder and deleted, reading none of it again', async () => {
    const { app, library, libraryNow } = await vaultOf({
      'Reading/a.md': withProperty(paperNote('2401.00001'), 'rating: 5'),
      'Reading/Sub/b.md': withProperty(paperNote('2401.00002'), 'rating: 4'),
    });
    expect(await libraryNow()).toEqual(['2401.00001 Reading/a', '2401.00002 Reading/Sub/b']);
    await app.vault.rename(app.vault.getFileByPath('Reading/a.md')!, 'Reading/renamed.md');
    await app.vault.eventsFired();
    expect(await libraryNow()).toEqual(['2401.00001 Reading/renamed', '2401.00002 Reading/Sub/b']);
    expect(library.lastReads).toBe(0);
    await app.vault.rename(app.vault.getFolderByPath('Reading')!, 'Archive');
    await app.vault.eventsFired();
    expect(await libraryNow()).toEqual(['2401.00001 Archive/renamed', '2401.00002 Archive/Sub/b']);
    expect(library.lastReads).toBe(0);
    const cached = async () => [...(await new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER).load()).keys()].sort();
    expect(await cached()).toEqual(['Archive/Sub/b.md', 'Archive/renamed.md']);
    await app.fileManager.trashFile(app.vault.getFileByPath('Archive/renamed.md')!);
    await app.vault.eventsFired();
    expect(await libraryNow()).toEqual(['2401.00002 Archive/Sub/b']);
    await app.fileManager.trashFile(app.vault.getFolderByPath('Archive')!);
    await app.vault.eventsFired();
    expect(await libraryNow()).toEqual([]);
    expect(await cached()).toEqual([]);
  });

  it('re-reads every note once when the keep keys change, by the new keys', async () => {
    const { app, library, libraryNow } = await vaultOf({
      'P/a.md': withProperty(paperNote('2401.00001'), 'priority: high'),
      'P/b.md': withProperty(paperNote('2401.00002'), 'rating: 2'),
    });
    expect(await libraryNow()).toEqual(['2401.00002 P/b']);
    expect(await libraryNow(['priority'])).toEqual(['2401.00001 P/a']);
    // Its title and abstract were never needed before; now they are.
    expect(library.lastReads).toBe(1);
    expect(await libraryNow(['priority: high', 'rating'])).toEqual(['2401.00001 P/a', '2401.00002 P/b']);
    // A note renamed just before the keys change is listed once, under its new name.
    await app.vault.rename(app.vault.getFileByPath('P/b.md')!, 'P/c.md');
    await app.vault.eventsFired();
    expect(await libraryNow()).toEqual(['2401.00002 P/c']);
  });

  it('judges a note Paper Feed just wrote by its text until the metadata cache has it', async () => {
    const { app, store, libraryNow } = await vaultOf({});
    expect(await libraryNow()).toEqual([]);
    app.metadataCache.hold();
    await store.create('P/new.md', withProperty(paperNote('2401.00003'), 'rating: 5'));
    expect(await libraryNow()).toEqual(['2401.00003 P/new']);
    app.metadataCache.release();
  });

  it('drops, on the first run, a cached note that went while Obsidian was closed', async () => {
    const first = await vaultOf({ 'P/a.md': withProperty(paperNote('2401.00001'), 'rating: 1'), 'P/b.md': withProperty(paperNote('2401.00002'), 'rating: 2') });
    expect(await first.libraryNow()).toEqual(['2401.00001 P/a', '2401.00002 P/b']);
    // The next session starts on the same files, minus one note.
    const app = new App();
    await app.vault.adapter.write(`${PLUGIN_FOLDER}/${LIBRARY_NOTES_FILE}`, await first.app.vault.adapter.read(`${PLUGIN_FOLDER}/${LIBRARY_NOTES_FILE}`));
    await app.vault.seed('P/a.md', first.app.vault.text('P/a.md')!);
    await app.metadataCache.settled();
    const index = new VaultNoteIndex(app as never);
    const store = new ObsidianStore(app as never, index, new LibraryNotes(app as never, PLUGIN_FOLDER, index));
    // Its mtime differs (a new vault wrote it), so it is read again; the gone one is dropped.
    expect((await store.index({ keepKeys: KEEP_KEYS })).library?.map((item) => item.noteName)).toEqual(['P/a']);
    expect([...(await new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER).load()).keys()]).toEqual(['P/a.md']);
  });
});

describe('the library notes file', () => {
  const entry = (m: number) => ({ m, s: 100, w: false });
  const FILE = `${PLUGIN_FOLDER}/${LIBRARY_NOTES_FILE}`;
  const JOURNAL = `${PLUGIN_FOLDER}/${LIBRARY_NOTES_JOURNAL}`;

  it('appends what changed to a journal, skips a torn line, and folds the journal in once it outgrows the file', async () => {
    const app = new App();
    const entries = new NoteEntries();
    const stamp = new NoteStamp();
    for (let i = 0; i < 3; i += 1) {
      entries.set(`n${i}.md`, entry(i));
      stamp.add(`n${i}.md`, i, 100);
    }
    entries.passKeys = '["rating"]';
    await new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER).save(entries, new Set(entries.keys()));
    expect(JSON.parse(await app.vault.adapter.read(FILE))).toEqual({
      paths: ['n0.md', 'n1.md', 'n2.md'],
      mtimes: [0, 1, 2],
      sizes: [100, 100, 100],
      written: [],
      kept: [],
      keys: '["rating"]',
      stamp: stamp.saved(),
    });

    // The next session changes one note and drops another: two lines, the file untouched.
    const file = new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER);
    const loaded = await file.load();
    loaded.set('n0.md', entry(10));
    loaded.delete('n1.md');
    const writes = vi.spyOn(app.vault.adapter, 'write');
    await file.save(loaded, new Set(['n0.md', 'n1.md']));
    await file.save(loaded, new Set());
    expect(writes.mock.calls.map(([path]) => path)).toEqual([JOURNAL]);
    expect(await app.vault.adapter.read(JOURNAL)).toBe('["n0.md",{"m":10,"s":100,"w":false}]\n["n1.md",null]\n');
    await app.vault.adapter.append(JOURNAL, '["n2.md",{"m":'); // a save cut short
    expect(Object.fromEntries(await new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER).load())).toEqual({ 'n0.md': entry(10), 'n2.md': entry(2) });

    const again = new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER);
    const many = await again.load();
    for (let i = 0; i < 1000; i += 1) many.set(`m${i}.md`, entry(i));
    // 1,003 journal lines would outnumber the 1,002 notes: the file is written whole instead.
    await again.save(many, new Set(Array.from({ length: 1000 }, (_, i) => `m${i}.md`)));
    expect(await app.vault.adapter.exists(JOURNAL)).toBe(false);
    expect((JSON.parse(await app.vault.adapter.read(FILE)) as { paths: string[] }).paths).toHaveLength(1002);
  });

  it('reads back every entry as saved, written and kept ones too, and leaves out a damaged row', async () => {
    const app = new App();
    const saved = new Map([
      ['P/plain.md', { m: 1_733_000_000_123, s: 4100, w: false }],
      ['P/written.md', { m: 2, s: 200, w: true }],
      ['P/kept.md', { m: 3, s: 300, w: false, t: 'A title', b: '', l: 1_700_000_000_000 }],
      ['P/both.md', { m: 4, s: 400, w: true, t: 'Another', b: 'Its abstract' }],
    ]);
    await new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER).save(saved, new Set(saved.keys()));
    const load = async () => Object.fromEntries(await new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER).load());
    expect(await load()).toEqual(Object.fromEntries(saved));
    const columns = JSON.parse(await app.vault.adapter.read(FILE)) as { sizes: unknown[] };
    columns.sizes[1] = 'big';
    await app.vault.adapter.write(FILE, JSON.stringify(columns));
    expect(Object.keys(await load())).toEqual(['P/plain.md', 'P/kept.md', 'P/both.md']);
  });

  it('keeps the keep keys of the last pass over every note and the stamp of the entries, in the file and in the journal', async () => {
    const app = new App();
    const file = new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER);
    const entries = await file.load();
    entries.set('a.md', entry(1)).set('b.md', entry(2));
    entries.passKeys = '["rating"]';
    await file.save(entries, new Set(['a.md', 'b.md']));
    // New keys with no entry changed: one journal line says so.
    entries.passKeys = '["status"]';
    await file.save(entries, new Set());
    expect(await app.vault.adapter.read(JOURNAL)).toBe('{"keys":"[\\"status\\"]"}\n');
    entries.delete('a.md');
    await file.save(entries, new Set(['a.md']));
    await file.save(entries, new Set());
    expect(await app.vault.adapter.read(JOURNAL)).toBe('{"keys":"[\\"status\\"]"}\n["a.md",null]\n');
    const loaded = await new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER).load();
    expect([loaded.passKeys, loaded.hasStamp(), loaded.stamp().saved()]).toEqual(['["status"]', true, entries.stamp().saved()]);
    expect(loaded.stamp().saved()).toEqual(
      (() => {
        const one = new NoteStamp();
        one.add('b.md', 2, 100);
        return one.saved();
      })(),
    );
  });

  it('writes a file saved without a stamp whole, with it, at the next save', async () => {
    const app = new App();
    await app.vault.adapter.write(FILE, JSON.stringify({ paths: ['a.md'], mtimes: [1], sizes: [100], written: [], kept: [] }));
    const file = new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER);
    const entries = await file.load();
    expect([entries.hasStamp(), entries.passKeys]).toEqual([false, null]);
    entries.set('b.md', entry(2));
    await file.save(entries, new Set(['b.md']));
    expect(await app.vault.adapter.exists(JOURNAL)).toBe(false);
    const saved = JSON.parse(await app.vault.adapter.read(FILE)) as { paths: string[]; stamp: unknown };
    expect([saved.paths, saved.stamp]).toEqual([['a.md', 'b.md'], entries.stamp().saved()]);
    expect((await new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER).load()).hasStamp()).toBe(true);
  });

  it('reads a file saved by an earlier version, one entry per path', async () => {
    const app = new App();
    const earlier = { 'P/a.md': { m: 1, s: 10, w: true }, 'P/b.md': { m: 2, s: 20, w: false, t: 'B', b: 'b', l: 5 }, 'P/bad.md': { m: 'x', s: 1, w: false } };
    await app.vault.adapter.write(FILE, JSON.stringify(earlier));
    const loaded = await new LibraryNotesFile(app.vault.adapter as never, PLUGIN_FOLDER).load();
    expect(Object.fromEntries(loaded)).toEqual({ 'P/a.md': earlier['P/a.md'], 'P/b.md': earlier['P/b.md'] });
  });
});

describe('the note index, kept current', () => {
  it('lets the original stand for an id two notes share, not the conflict copy, and the copy once the original is deleted', async () => {
    const { app, store, index, libraryNow } = await vaultOf({
      'P/a 1.md': withProperty(paperNote('2401.00001'), 'rating: 5'),
      'P/a.md': paperNote('2401.00001'),
    });
    expect((await index.snapshot()).papers.get('2401.00001')?.path).toBe('P/a.md');
    // The note that stands for the id is the untouched one, so the library has none.
    expect(await libraryNow()).toEqual([]);
    await app.fileManager.trashFile(app.vault.getFileByPath('P/a.md')!);
    await app.vault.eventsFired();
    expect((await index.snapshot()).papers.get('2401.00001')?.path).toBe('P/a 1.md');
    expect(await libraryNow()).toEqual(['2401.00001 P/a 1']);
    await app.vault.seed('P/z.md', paperNote('2401.00001'));
    await app.metadataCache.settled();
    expect((await store.index()).papers.get('2401.00001')?.path).toBe('P/z.md');
    expect(await libraryNow()).toEqual([]);
  });

  it('does the same for two daily notes of one date', async () => {
    const daily = '---\ndate: 2026-05-29\ntags: [paper-feed/daily]\n---\n';
    // Both created in the same millisecond, so neither is older and the path decides (on a loaded
    // machine the two creations could fall in different milliseconds, which would decide instead).
    const created = vi.spyOn(Date, 'now').mockReturnValue(1_780_000_000_000);
    const { app, index } = await vaultOf({ 'D/b.md': daily, 'D/a.md': daily }).finally(() => created.mockRestore());
    expect((await index.snapshot()).dailies.get('2026-05-29')).toBe('D/a.md');
    await app.vault.rename(app.vault.getFileByPath('D/a.md')!, 'D/c.md');
    await app.vault.eventsFired();
    expect((await index.snapshot()).dailies.get('2026-05-29')).toBe('D/b.md');
    await app.fileManager.trashFile(app.vault.getFileByPath('D/b.md')!);
    await app.vault.eventsFired();
    expect((await index.snapshot()).dailies.get('2026-05-29')).toBe('D/c.md');
  });

  it('answers hasCitekey and hasPath after notes are created, renamed and deleted', async () => {
    const { app, store, index } = await vaultOf({ 'P/a.md': paperNote('2401.00001', 'smith2024') });
    const ask = async () => {
      const now = await index.snapshot();
      return [now.hasCitekey('Smith2024'), now.hasCitekey('jones2025'), now.hasPath('p/A.md'), now.hasPath('Q/b.md'), now.hasPath('Q/c.md')];
    };
    expect(await ask()).toEqual([true, false, true, false, false]);
    await app.vault.seed('Q/b.md', paperNote('2401.00002', 'jones2025'));
    await app.metadataCache.settled();
    expect(await ask()).toEqual([true, true, true, true, false]);
    await app.vault.rename(app.vault.getFileByPath('Q/b.md')!, 'Q/c.md');
    await app.vault.eventsFired();
    expect(await ask()).toEqual([true, true, true, false, true]);
    await app.fileManager.trashFile(app.vault.getFileByPath('P/a.md')!);
    await app.vault.eventsFired();
    await app.fileManager.trashFile(app.vault.getFileByPath('Q/c.md')!);
    await app.vault.eventsFired();
    expect(await ask()).toEqual([false, false, false, false, false]);
    // A note the store writes counts at once, before the metadata cache has read it.
    app.metadataCache.hold();
    await store.create('Q/b.md', paperNote('2401.00003', 'smith2024'));
    expect(await ask()).toEqual([true, false, false, true, false]);
    app.metadataCache.release();
  });

  it('hands out snapshots that stay as they were while the vault changes', async () => {
    const { app, index } = await vaultOf({ 'P/a.md': paperNote('2401.00001'), 'P/b.md': paperNote('2401.00002') });
    const before = await index.snapshot();
    await app.vault.rename(app.vault.getFileByPath('P/a.md')!, 'P/moved.md');
    await app.vault.eventsFired();
    await app.fileManager.trashFile(app.vault.getFileByPath('P/b.md')!);
    await app.vault.eventsFired();
    await app.vault.seed('P/c.md', paperNote('2401.00003'));
    await app.metadataCache.settled();
    const after = await index.snapshot();
    const paths = (map: ReadonlyMap<string, { path: string }>) => [...map].map(([id, note]) => `${id} ${note.path}`).sort();
    expect(paths(before.papers)).toEqual(['2401.00001 P/a.md', '2401.00002 P/b.md']);
    expect([before.papers.size, before.papers.has('2401.00003'), before.papers.get('2401.00002')?.path]).toEqual([2, false, 'P/b.md']);
    expect(paths(after.papers)).toEqual(['2401.00001 P/moved.md', '2401.00003 P/c.md']);
    expect([after.papers.size, after.papers.has('2401.00002')]).toEqual([2, false]);
  });
});

describe('the plugin after a restart', () => {
  it('runs again with no note read and no cache saved when nothing changed', async () => {
    const server = await startArxivServer();
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-05-29T13:00:00Z'));
      server.reply('/rss/cs.LG+cs.CL+cs.AI+cs.CV+stat.ML', { body: fixture('rss-2026-05-29.xml') });
      const app = newApp();
      for (const [path, text] of Object.entries(keptNotes())) await app.vault.seed(path, text);
      await app.metadataCache.settled();
      await storeSettings(app, { rssBase: server.url('/rss'), linkFromDailyNote: false });
      const fetchToday = async (plugin: Awaited<ReturnType<typeof loadPlugin>>) => {
        const outcome = await plugin.fetcher.fetchToday('command');
        await settle(app, plugin);
        if (outcome.kind !== 'written') throw new Error(`The fetch did not write: ${outcome.kind}`);
        return outcome.report;
      };
      const first = await loadPlugin(app);
      await fetchToday(first);
      await fetchToday(first); // reads the five notes the first run wrote
      first.unload();

      const plugin = await loadPlugin(app);
      const io = countIo(app);
      const writes = app.vault.writes;
      for (let run = 0; run < 2; run += 1) {
        const report = await fetchToday(plugin);
        expect([report.created.length, report.updated.length, report.dailyNoteChange, report.topPicks?.librarySize]).toEqual([0, 0, 'unchanged', 6]);
      }
      const caches = [LIBRARY_NOTES_FILE, LIBRARY_NOTES_JOURNAL, LIBRARY_INDEX_FILE].map((name) => `${CONFIG_DIR}/plugins/${MANIFEST.id}/${name}`);
      expect([io.reads(), io.saves().filter((path) => caches.includes(path)), app.vault.writes - writes]).toEqual([0, [], 0]);
    } finally {
      await server.close();
    }
  });
});

describe('the Top picks library at the start of a session', () => {
  /** Eight paper notes, two kept (a rating, a keep tag), one written in. */
  const notes = () => ({
    ...Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`P/n${i}.md`, paperNote(`2401.0000${i}`)])),
    'P/rated.md': withProperty(paperNote('2401.00010'), 'rating: 4'),
    'P/tagged.md': paperNote('2401.00011').replace('tags:\n  - paper\n', 'tags:\n  - paper\n  - paper/keep\n'),
    'P/written.md': `${paperNote('2401.00012')}\nMy own reading of it.\n`,
    'P/daily.md': '---\ndate: 2026-03-02\n---\n# A note of mine\n',
  });

  /** The plugin's index and library on `app` (a session), until close() detaches them as unload would. */
  function session(app: App) {
    const index = new VaultNoteIndex(app as never);
    const refs = index.listeners();
    const library = new LibraryNotes(app as never, PLUGIN_FOLDER, index);
    const store = new ObsidianStore(app as never, index, library);
    return {
      index,
      library,
      /** The library a run would rank by, and how many notes the pass asked the metadata cache about (the build's walk left out). */
      async libraryNow(keepKeys: readonly string[] = KEEP_KEYS) {
        await index.ready();
        const looks = vi.spyOn(app.metadataCache, 'getFileCache');
        const items = ((await store.index({ keepKeys })).library ?? []).map((item) => `${item.id} ${item.noteName}`).sort();
        const asked = new Set(looks.mock.calls.map(([file]) => (file as { path: string }).path)).size;
        looks.mockRestore();
        await store.flush();
        return { items, asked, reads: library.lastReads };
      },
      close() {
        for (const ref of refs) (ref as { emitter: { offref(r: unknown): void } }).emitter.offref(ref);
      },
    };
  }

  async function lastSession(): Promise<App> {
    const app = new App();
    for (const [path, text] of Object.entries(notes())) await app.vault.seed(path, text);
    await app.metadataCache.settled();
    const first = session(app);
    expect(await first.libraryNow()).toEqual({
      items: ['2401.00010 P/rated', '2401.00011 P/tagged', '2401.00012 P/written'],
      asked: 8,
      reads: 8,
    });
    first.close();
    return app;
  }

  const KEPT = ['2401.00010 P/rated', '2401.00011 P/tagged', '2401.00012 P/written'];

  it('looks only at the notes that may be kept when no paper note changed while Obsidian was closed', async () => {
    const app = await lastSession();
    const next = session(app);
    expect(await next.libraryNow()).toEqual({ items: KEPT, asked: 3, reads: 0 });
    // The runs after it look at what changed, as before: a note newly kept is read for its abstract.
    await edit(app, 'P/n1.md', (text) => text.replace('tags:\n  - paper\n', 'tags:\n  - paper\n  - paper/keep\n'));
    expect(await next.libraryNow()).toEqual({ items: ['2401.00001 P/n1', ...KEPT], asked: 1, reads: 1 });
    next.close();
    // And the session after that starts from what this one saved.
    expect(await session(app).libraryNow()).toEqual({ items: ['2401.00001 P/n1', ...KEPT], asked: 4, reads: 0 });
  });

  it('takes in a note changed after start-up, before the first run', async () => {
    const app = await lastSession();
    const next = session(app);
    await next.index.ready();
    await edit(app, 'P/n2.md', (text) => withProperty(text, 'status: read'));
    expect(await next.libraryNow()).toEqual({ items: ['2401.00002 P/n2', ...KEPT], asked: 4, reads: 1 });
  });

  it.each([
    ['edited', async (app: App) => edit(app, 'P/n3.md', (text) => withProperty(text, 'rating: 1')), ['2401.00003 P/n3', ...KEPT], 1],
    ['deleted', async (app: App) => app.fileManager.trashFile(app.vault.getFileByPath('P/rated.md')!), KEPT.slice(1), 0],
    [
      'renamed (its mtime unchanged)',
      async (app: App) => app.vault.rename(app.vault.getFileByPath('P/tagged.md')!, 'P/kept.md'),
      [KEPT[0]!, '2401.00011 P/kept', KEPT[2]!],
      1,
    ],
    ['created', async (app: App) => app.vault.seed('P/new.md', paperNote('2401.00020')), KEPT, 1],
    // Its stamp is the same (names fold case), but the note it had is not there any more.
    [
      'renamed in case only',
      async (app: App) => app.vault.rename(app.vault.getFileByPath('P/tagged.md')!, 'P/Tagged.md'),
      [KEPT[0]!, '2401.00011 P/Tagged', KEPT[2]!],
      1,
    ],
  ])('looks at every paper note again when one was %s while Obsidian was closed', async (_what, change, items, reads) => {
    const app = await lastSession();
    await change(app);
    await app.vault.eventsFired();
    await app.metadataCache.settled();
    const next = session(app);
    const notesNow = app.vault.getMarkdownFiles().filter((file) => file.path !== 'P/daily.md').length;
    expect(await next.libraryNow()).toEqual({ items, asked: notesNow, reads });
  });

  it('looks at every paper note when the library began listening after the index was built', async () => {
    const app = await lastSession();
    const index = new VaultNoteIndex(app as never);
    index.listeners();
    await index.ready();
    // A change now would reach no library: it must not trust the stamp the build took.
    const library = new LibraryNotes(app as never, PLUGIN_FOLDER, index);
    const store = new ObsidianStore(app as never, index, library);
    expect(await index.paperStampAtBuild()).toBeNull();
    expect((await store.index({ keepKeys: KEEP_KEYS })).library?.map((item) => item.noteName).sort()).toEqual(['P/rated', 'P/tagged', 'P/written']);
    expect(library.lastReads).toBe(0);
  });

  it('looks at every paper note again under keep keys other than the last session’s', async () => {
    const app = await lastSession();
    expect(await session(app).libraryNow(['rating'])).toEqual({ items: ['2401.00010 P/rated', '2401.00012 P/written'], asked: 8, reads: 0 });
  });

  it('looks at every paper note again when its saved entries are damaged', async () => {
    const app = await lastSession();
    const file = `${PLUGIN_FOLDER}/${LIBRARY_NOTES_FILE}`;
    const columns = JSON.parse(await app.vault.adapter.read(file)) as { stamp: [number, number, number] };
    columns.stamp[0] += 1;
    await app.vault.adapter.write(file, JSON.stringify(columns));
    expect(await session(app).libraryNow()).toEqual({ items: KEPT, asked: 8, reads: 0 });
  });
});
