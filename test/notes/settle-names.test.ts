// A run whose index is behind the vault: sync brought notes in after the index last
// looked, or brings one in between the run's look and its write. The run reads what holds a name
// before it takes it, and adopts a note for the same paper or digest instead of writing a twin.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import { noteFacts } from '../../core/notes/note-facts';
import { writeAnnouncement } from '../../core/notes/write';
import { buildVaultIndex } from '../../core/notes/index-of-texts';
import { MemoryStore } from '../../core/notes/memory-store';
import type { VaultIndex } from '../../core/vault/store';
import { sampleAnnouncement } from '../support/papers';

const config = DEFAULT_CONFIG;
const P = 'arXiv/Papers/';
const MICRO = `${P}Micro-Batch Scheduling for Large Language Model Training at Scale.md`;
const MICRO_ID = '2605.28801';
const DAILY = 'arXiv/Daily/2026-05-29.md';

/** A vault whose index was taken before sync brought files in (the index a device had). */
class StaleStore extends MemoryStore {
  stale: Map<string, string> | undefined;
  /** Called before each create, once per path: what sync brings in just then. */
  beforeCreate: ((path: string) => void) | undefined;

  override async index(): Promise<VaultIndex> {
    return this.stale ? buildVaultIndex(this.stale) : super.index();
  }

  override async create(path: string, content: string): Promise<void> {
    const sync = this.beforeCreate;
    this.beforeCreate = undefined;
    sync?.(path);
    return super.create(path, content);
  }
}

/** How many notes claim each arXiv id and each digest date. */
function claims(store: MemoryStore): { papers: Map<string, number>; dailies: Map<string, number> } {
  const papers = new Map<string, number>();
  const dailies = new Map<string, number>();
  for (const text of store.files.values()) {
    const facts = noteFacts(text);
    if (facts.arxivId) papers.set(facts.arxivId, (papers.get(facts.arxivId) ?? 0) + 1);
    if (facts.dailyDate) dailies.set(facts.dailyDate, (dailies.get(facts.dailyDate) ?? 0) + 1);
  }
  return { papers, dailies };
}

function expectOneNoteEach(store: MemoryStore): void {
  const { papers, dailies } = claims(store);
  expect([...papers.values()].filter((n) => n !== 1)).toEqual([]);
  expect([...dailies.values()].filter((n) => n !== 1)).toEqual([]);
}

/** Device A's notes for the sample announcement, as sync delivers them. */
async function deviceAFiles(): Promise<Map<string, string>> {
  const a = new MemoryStore();
  await writeAnnouncement(sampleAnnouncement(), config, a);
  return a.files;
}

describe('a run whose index is behind the vault', () => {
  it('updates the notes sync brought in at the names it would take, and writes no twin', async () => {
    const synced = await deviceAFiles();
    const b = new StaleStore(synced);
    b.stale = new Map();
    const report = await writeAnnouncement(sampleAnnouncement(), config, b);
    expect(report.created).toEqual([]);
    expect(report.dailyNote).toBe(DAILY);
    expect(report.dailyNoteChange).toBe('unchanged');
    expect([...b.files.keys()].sort()).toEqual([...synced.keys()].sort());
    expect(b.writes).toBe(0);
    expectOneNoteEach(b);
  });

  it('adopts a note sync brings in between the look and the write, for the same paper', async () => {
    const synced = await deviceAFiles();
    const b = new StaleStore();
    b.beforeCreate = () => {
      for (const [path, text] of synced) b.files.set(path, text.replace('## Notes', '## Notes\n\nFrom the phone.'));
    };
    const report = await writeAnnouncement(sampleAnnouncement(), config, b);
    expect([...b.files.keys()].sort()).toEqual([...synced.keys()].sort());
    expect(report.created).toEqual([]);
    expect(b.files.get(MICRO)).toContain('From the phone.');
    expectOneNoteEach(b);
  });

  it('steps to the next name when something else takes the name just before the write, and finishes the run', async () => {
    const b = new StaleStore();
    b.beforeCreate = (path) => b.files.set(path.toUpperCase(), 'A file of the person’s, synced in.\n');
    const report = await writeAnnouncement(sampleAnnouncement(), config, b);
    expect(report.created).toContain(`${P}Micro-Batch Scheduling for Large Language Model Training at Scale (${MICRO_ID}).md`);
    expect(report.dailyNoteChange).toBe('created');
    expect(b.files.get(MICRO.toUpperCase())).toBe('A file of the person’s, synced in.\n');
    expect(b.files.get(DAILY)).toContain(`Micro-Batch Scheduling for Large Language Model Training at Scale (${MICRO_ID})`);
    expectOneNoteEach(b);
  });

  it('adopts a digest for the same date that sync brought in under another name', async () => {
    const synced = await deviceAFiles();
    const b = new StaleStore();
    // A's digest arrives where B's planned name clashes only in case.
    b.files.set(DAILY.toUpperCase(), synced.get(DAILY)!);
    b.stale = new Map();
    const report = await writeAnnouncement(sampleAnnouncement(), config, b);
    expect(report.dailyNote).toBe(DAILY.toUpperCase());
    expect(b.files.has(DAILY)).toBe(false);
    expect(b.files.has('arXiv/Daily/2026-05-29 arXiv.md')).toBe(false);
    expectOneNoteEach(b);
  });
});

describe('sync conflict copies', () => {
  it('updates the original, not the copy that sorts first, and says so once', async () => {
    const store = new MemoryStore(await deviceAFiles());
    const copy = `${P}Micro-Batch Scheduling for Large Language Model Training at Scale (Conflicted copy Phone 202605291200).md`;
    store.files.set(copy, store.files.get(MICRO)!);
    const announcement = sampleAnnouncement();
    const v2 = { ...announcement, papers: announcement.papers.map((p) => (p.id === MICRO_ID ? { ...p, version: 2 } : p)) };
    const report = await writeAnnouncement(v2, config, store);
    expect(report.updated).toEqual([MICRO]);
    expect(store.files.get(copy)).not.toContain('version: 2');
    expect(store.files.get(MICRO)).toContain('version: 2');
    expect(report.duplicates).toEqual([{ what: `arXiv:${MICRO_ID}`, paths: [MICRO, copy] }]);
  });

  it('prefers the note the daily note links to when neither name is a conflict copy', async () => {
    const store = new MemoryStore(await deviceAFiles());
    const moved = `Reading/Micro-Batch.md`;
    store.files.set(`Aaa/Micro-Batch Scheduling.md`, store.files.get(MICRO)!);
    store.files.set(moved, store.files.get(MICRO)!);
    store.files.delete(MICRO);
    // The daily note links to the note at "Reading/Micro-Batch" (it was written there).
    store.files.set(DAILY, store.files.get(DAILY)!.replaceAll(MICRO.replace(/\.md$/, ''), moved.replace(/\.md$/, '')));
    const report = await writeAnnouncement(sampleAnnouncement(), config, store);
    expect(report.duplicates).toEqual([{ what: `arXiv:${MICRO_ID}`, paths: [moved, 'Aaa/Micro-Batch Scheduling.md'] }]);
  });
});
