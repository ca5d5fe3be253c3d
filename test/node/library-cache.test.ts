// The CLI's "Top picks" library on disk: kept notes found through the cached vault
// index, re-read only when they change, and the library index kept in .paper-feed/library.json.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_CONFIG } from '../../core/config';
import { FsVaultStore } from '../../core/node/fs-store';
import { fileLibraryCache } from '../../core/node/library-cache';
import { writeAnnouncement } from '../../core/notes/write';
import { makeAnnouncement, makePaper } from '../support/papers';
import { KEPT_PAPERS, keptNote, keptNotes } from '../notes/kept-notes';

const KEEP = DEFAULT_CONFIG.library.keepKeys;
let vault: string;
let store: FsVaultStore;

beforeEach(async () => {
  vault = await mkdtemp(join(tmpdir(), 'pf-library-'));
  store = new FsVaultStore(vault);
});
afterEach(async () => {
  await rm(vault, { recursive: true, force: true });
});

let tick = 0;
/** Writes a note last modified an hour ago (each a second apart), as notes at rest are. */
async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(vault, path)), { recursive: true });
  await writeFile(join(vault, path), text);
  const when = new Date(Date.now() - 3_600_000 + (tick += 1000));
  await utimes(join(vault, path), when, when);
}

async function seedKept(): Promise<void> {
  for (const [path, text] of Object.entries(keptNotes())) await put(path, text);
  // The folders too were last changed a while ago: one changed a moment before a run is listed
  // again by the next (its mtime could still move within the same clock tick), which these tests do not mean to test.
  const when = new Date(Date.now() - 3_600_000 + (tick += 1000));
  const folders = new Set<string>(['.']);
  for (const path of Object.keys(keptNotes())) for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) folders.add(folder);
  for (const folder of folders) await utimes(join(vault, folder), when, when);
}

/** The first kept paper's note as Paper Feed wrote it, before the person did anything. */
const untouched = keptNote(KEPT_PAPERS[0]!).replace('Read it twice; the key idea is in section 3.\n', '');

describe('the library in the vault index', () => {
  it('finds kept notes, however they were kept, and only those', async () => {
    await seedKept();
    await put('arXiv/Papers/Untouched.md', keptNote({ ...KEPT_PAPERS[0]!, id: '2499.00001' }).replace('Read it twice; the key idea is in section 3.\n', ''));
    await put('Journal/Plain.md', 'Just a journal entry with #paper/keep in it.\n');
    const index = await store.index({ keepKeys: KEEP });
    expect(index.library!.map((item) => item.noteName).sort()).toEqual(KEPT_PAPERS.map((p) => `Reading/${p.name}`).sort());
    const conformal = index.library!.find((item) => item.id === '2401.10001');
    expect(conformal).toEqual({
      id: '2401.10001',
      title: KEPT_PAPERS[0]!.title,
      abstract: KEPT_PAPERS[0]!.abstract,
      noteName: 'Reading/Conformal GNN',
      addedAt: Date.UTC(2026, 2, 2),
    });
  });

  it('lists the same library from the cache, reading no note again while the vault is unchanged', async () => {
    await seedKept();
    const first = await store.index({ keepKeys: KEEP });
    expect(store.lastIndexReads).toBe(6);
    const cacheBefore = await stat(join(vault, '.paper-feed/index.txt'));
    const nextRun = new FsVaultStore(vault);
    const again = await nextRun.index({ keepKeys: KEEP });
    expect(nextRun.lastIndexReads).toBe(0);
    expect(again.library).toEqual(first.library);
    expect((await stat(join(vault, '.paper-feed/index.txt'))).mtimeMs).toBe(cacheBefore.mtimeMs);
    await expect(stat(join(vault, '.paper-feed/index.log'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('makes a note kept once the person writes in it outside the generated block', async () => {
    await put('arXiv/Papers/Conformal.md', untouched);
    expect((await store.index({ keepKeys: KEEP })).library).toEqual([]);
    await put('arXiv/Papers/Conformal.md', untouched.replace('## Notes\n\n', '## Notes\n\nThe coverage proof is neat.\n'));
    const index = await store.index({ keepKeys: KEEP });
    expect(index.library!.map((item) => item.id)).toEqual(['2401.10001']);
    expect(store.lastIndexReads).toBe(1);
  });

  it('drops a note from the library when the person removes its keep key', async () => {
    const rated = untouched.replace('\ntags:\n', '\nrating: 5\ntags:\n');
    await put('arXiv/Papers/Conformal.md', rated);
    expect((await store.index({ keepKeys: KEEP })).library).toHaveLength(1);
    await put('arXiv/Papers/Conformal.md', untouched);
    expect((await store.index({ keepKeys: KEEP })).library).toEqual([]);
  });

  it('decides again by new keep keys, reading only the paper notes', async () => {
    await seedKept();
    await put('Journal/Plain.md', 'Just a journal entry.\n');
    await store.index({ keepKeys: KEEP });
    const onlyTags = await store.index({ keepKeys: ['tag: paper/keep'] });
    expect(store.lastIndexReads).toBe(6);
    // Written-in notes stay kept whatever the keys; the rating and the status no longer count.
    expect(onlyTags.library!.map((item) => item.noteName).sort()).toEqual([
      'Reading/Conformal GNN',
      'Reading/Conservative Q-learning',
      'Reading/Riemannian score models',
      'Reading/Speculative sampling',
    ]);
    await store.index({ keepKeys: ['tag: paper/keep'] });
    expect(store.lastIndexReads).toBe(0);
  });

  it('keeps the library facts when indexed without keep keys in between', async () => {
    await seedKept();
    await store.index({ keepKeys: KEEP });
    expect((await store.index()).library).toBeUndefined();
    const index = await store.index({ keepKeys: KEEP });
    expect(store.lastIndexReads).toBe(0);
    expect(index.library).toHaveLength(6);
  });
});

describe('.paper-feed/library.json', () => {
  const paper = makePaper({
    id: '2605.40001',
    title: 'Conformal Prediction Sets for Node Regression',
    abstract: 'Conformal prediction gives prediction sets with marginal coverage for node regression on graphs.',
  });
  const run = () => writeAnnouncement(makeAnnouncement([paper]), DEFAULT_CONFIG, store, { library: fileLibraryCache(join(vault, '.paper-feed')) });

  it('is written on the first run and left alone while the library is unchanged', async () => {
    await seedKept();
    const first = await run();
    expect(first.topPicks).toEqual({ coldStart: false, librarySize: 6, picks: ['2605.40001'], beyondGroups: 1 });
    const cache = JSON.parse(await readFile(join(vault, '.paper-feed/library.json'), 'utf8'));
    expect([cache.format, cache.docs.length]).toEqual(['paper-feed-library', 6]);
    const before = await stat(join(vault, '.paper-feed/library.json'));
    const again = await run();
    expect(again.topPicks).toEqual(first.topPicks);
    expect((await stat(join(vault, '.paper-feed/library.json'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('is rebuilt from the notes when damaged', async () => {
    await seedKept();
    await mkdir(join(vault, '.paper-feed'), { recursive: true });
    await writeFile(join(vault, '.paper-feed/library.json'), '{"format": "paper-feed-library", "analyzer"');
    expect((await run()).topPicks?.librarySize).toBe(6);
    expect(JSON.parse(await readFile(join(vault, '.paper-feed/library.json'), 'utf8')).docs).toHaveLength(6);
  });
});
