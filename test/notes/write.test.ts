import { describe, expect, it } from 'vitest';
import { writeAnnouncement } from '../../core/notes/write';
import { MemoryStore } from '../../core/notes/memory-store';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { renderPaperNote } from '../../core/notes/paper-note';
import { BLOCK_END, BLOCK_START } from '../../core/notes/markers';
import { DEFAULT_CONFIG, type PaperFeedConfig } from '../../core/config';
import { PaperFeedError } from '../../core/errors';
import { makeAnnouncement, makePaper, sampleAnnouncement } from '../support/papers';

const config: PaperFeedConfig = DEFAULT_CONFIG;
const P = 'arXiv/Papers/';
const MICRO = `${P}Micro-Batch Scheduling for Large Language Model Training at Scale.md`;
const DAILY = 'arXiv/Daily/2026-05-29.md';

async function firstRun() {
  const store = new MemoryStore();
  const report = await writeAnnouncement(sampleAnnouncement(), config, store);
  return { store, report };
}

describe('writeAnnouncement', () => {
  it('creates one note per matched paper and the daily note, and reports it', async () => {
    const { store, report } = await firstRun();
    expect(report).toEqual({
      date: '2026-05-29',
      announcedAt: '2026-05-28T20:00:00-04:00',
      matched: 7,
      perGroup: [
        { name: 'Language models', count: 5 },
        { name: 'Reinforcement learning', count: 1 },
        { name: 'Diffusion', count: 2 },
      ],
      created: [
        MICRO,
        `${P}Policy Optimization with Verifiable Rewards - A Study of RLHF Failure Modes.md`,
        `${P}Flow Matching on Riemannian Manifolds - Theory and Practice.md`,
        `${P}Diffusion Models Are Secretly Energy-Based Language Models.md`,
        `${P}Sparse Autoencoders Find Interpretable Features in Protein Models.md`,
        `${P}Attention Is Still All You Need.md`,
        `${P}Attention Is Still All You Need (2605.28861).md`,
      ],
      updated: [],
      unchanged: 0,
      dailyNote: DAILY,
      dailyNoteChange: 'created',
      updatedPapers: [],
      skipped: [],
      duplicates: [],
    });
    expect(store.writes).toBe(8);
  });

  it('writes zero files on a second run of the same announcement', async () => {
    const { store } = await firstRun();
    const before = new Map(store.files);
    const again = await writeAnnouncement(sampleAnnouncement(), config, store);
    expect(store.writes).toBe(8);
    expect(store.files).toEqual(before);
    expect([again.created, again.updated, again.unchanged, again.dailyNoteChange]).toEqual([[], [], 7, 'unchanged']);
  });

  it('gives a paper matched by two groups one note carrying both groups', async () => {
    const { store } = await firstRun();
    const notes = [...store.files.values()].filter((t) => readFrontmatter(t).arxiv_id === '2605.28830');
    expect(notes).toHaveLength(1);
    expect(readFrontmatter(notes[0]!).keywords).toEqual(['Language models', 'Diffusion']);
  });

  it('keeps two papers with the same title apart', async () => {
    const { store } = await firstRun();
    const ids = [`${P}Attention Is Still All You Need.md`, `${P}Attention Is Still All You Need (2605.28861).md`].map(
      (path) => readFrontmatter(store.files.get(path)!).arxiv_id,
    );
    expect(ids).toEqual(['2605.28860', '2605.28861']);
  });

  it('makes citekeys unique against the vault and within the run', async () => {
    const a = makePaper({ id: '2605.00001', title: 'Language models a', authors: ['Ann Lee'], published: '2026-05-01' });
    const b = makePaper({ id: '2605.00002', title: 'Language models b', authors: ['Bo Lee'], published: '2026-05-01' });
    const store = new MemoryStore({ 'Other.md': renderPaperNote(makePaper({ id: '2401.00001' }), { citekey: 'lee2026language', keywords: [], digests: [] }) });
    await writeAnnouncement(makeAnnouncement([a, b]), config, store);
    const keys = [`${P}Language models a.md`, `${P}Language models b.md`].map((p) => readFrontmatter(store.files.get(p)!).citekey);
    expect(keys).toEqual(['lee2026languagea', 'lee2026languageb']);
  });

  it('keeps the person’s edits through reruns, moves, renames and a new version, byte for byte', async () => {
    const { store } = await firstRun();
    const original = store.files.get(MICRO)!;
    const edited = original
      .replace('\ntags:\n', '\nstatus: reading\nrating: 4\ntags:\n')
      .replace(BLOCK_START, `> Why I care: pipelines.\n${BLOCK_START}`)
      .replace('## Notes\n\n', '## Notes\n\nThis is **mine**. See [[Other note]].\n');
    store.files.set(MICRO, edited);
    store.rename(MICRO, 'Reading/Pipelines/MicroSched.md');

    const announcement = sampleAnnouncement();
    const v2 = {
      ...announcement.papers[0]!,
      version: 2,
      announceType: 'replace' as const,
      updated: '2026-06-01',
      abstract: 'Revised abstract.',
      pdfUrl: 'https://arxiv.org/pdf/2605.28801v2',
    };
    const next = makeAnnouncement([v2], { date: '2026-06-02', announcedAt: '2026-06-01T20:00:00-04:00' });
    const report = await writeAnnouncement(next, config, store);

    expect(report.updated).toEqual(['Reading/Pipelines/MicroSched.md']);
    expect(report.updatedPapers).toEqual(['2605.28801']);
    expect(report.created).toEqual([]);
    const text = store.files.get('Reading/Pipelines/MicroSched.md')!;
    const data = readFrontmatter(text);
    expect([data.version, data.updated, data.pdf, data.status, data.rating]).toEqual([2, '2026-06-01', 'https://arxiv.org/pdf/2605.28801v2', 'reading', 4]);
    expect(data.digests).toEqual(['[[arXiv/Daily/2026-05-29|2026-05-29]]', '[[arXiv/Daily/2026-06-02|2026-06-02]]']);
    expect(text).toContain('\nstatus: reading\nrating: 4\ntags:\n  - paper\n---\n> Why I care: pipelines.\n%% paper-feed:start %%\n');
    expect(text).toContain('Revised abstract.');
    expect(text.endsWith(`${BLOCK_END}\n\n## Notes\n\nThis is **mine**. See [[Other note]].\n`)).toBe(true);
    expect([...store.files.keys()].filter((p) => p.includes('Micro-Batch'))).toEqual([]);
    expect(store.files.get('arXiv/Daily/2026-06-02.md')).toContain(
      '- [[Reading/Pipelines/MicroSched|Micro-Batch Scheduling for Large Language Model Training at Scale]] — v2',
    );
  });

  it('updates a known paper’s note for a replacement and ignores replacements without notes', async () => {
    const old = makePaper({
      id: '2604.11111',
      version: 2,
      title: 'Scaling Laws for Reinforcement Learning from Human Feedback',
      abstract: 'Old.',
      published: '2026-04-10',
      updated: '2026-04-20',
    });
    const store = new MemoryStore({ 'Mine.md': renderPaperNote(old, { citekey: 'chen2026scaling', keywords: [], digests: [] }) });
    const report = await writeAnnouncement(sampleAnnouncement(), config, store);
    expect(report.updatedPapers).toEqual(['2604.11111']);
    expect(report.updated).toEqual(['Mine.md']);
    expect([...store.files.values()].some((t) => t.includes('2603.22222'))).toBe(false);
    expect(readFrontmatter(store.files.get('Mine.md')!)).toMatchObject({
      version: 3,
      updated: '2026-05-27',
      digests: ['[[arXiv/Daily/2026-05-29|2026-05-29]]'],
    });
    expect(store.files.get(DAILY)).toContain('## Updated (1)');
  });

  it('leaves the body of a note without markers alone', async () => {
    const { store } = await firstRun();
    const bare = store.files.get(MICRO)!.replace(`${BLOCK_START}\n`, '').replace(`${BLOCK_END}\n`, '');
    store.files.set(MICRO, bare);
    const v2 = { ...sampleAnnouncement().papers[0]!, version: 2, announceType: 'replace' as const, abstract: 'Changed.' };
    await writeAnnouncement(makeAnnouncement([v2], { date: '2026-06-02' }), config, store);
    const text = store.files.get(MICRO)!;
    expect(readFrontmatter(text).version).toBe(2);
    expect(text.slice(text.indexOf('\n---\n', 4))).toBe(bare.slice(bare.indexOf('\n---\n', 4)));
  });

  it('finds the daily note by its frontmatter wherever it is', async () => {
    const { store } = await firstRun();
    store.rename(DAILY, 'Journal/arXiv 29 May.md');
    const again = await writeAnnouncement(sampleAnnouncement(), config, store);
    expect(again.dailyNote).toBe('Journal/arXiv 29 May.md');
    expect(again.dailyNoteChange).toBe('unchanged');
    expect(store.files.has(DAILY)).toBe(false);
  });

  it('links digests to the daily note’s real name', async () => {
    const store = new MemoryStore({ [DAILY]: 'The person’s own note of that name.\n' });
    const report = await writeAnnouncement(sampleAnnouncement(), config, store);
    expect(report.dailyNote).toBe('arXiv/Daily/2026-05-29 arXiv.md');
    expect(store.files.get(DAILY)).toBe('The person’s own note of that name.\n');
    expect(readFrontmatter(store.files.get(MICRO)!).digests).toEqual(['[[arXiv/Daily/2026-05-29 arXiv|2026-05-29 arXiv]]']);
  });

  it('moves a new note aside from a file of the same name the index does not know', async () => {
    const store = new MemoryStore({ [MICRO.toLowerCase()]: 'Someone else’s file.\n' });
    const report = await writeAnnouncement(sampleAnnouncement(), config, store);
    expect(report.created[0]).toBe(`${P}Micro-Batch Scheduling for Large Language Model Training at Scale (2605.28801).md`);
    expect(store.files.get(MICRO.toLowerCase())).toBe('Someone else’s file.\n');
  });

  it('reads only the notes the run touches', async () => {
    const { store } = await firstRun();
    store.files.set('Unrelated/Big.md', 'x'.repeat(1000));
    store.reads.length = 0;
    await writeAnnouncement(sampleAnnouncement(), config, store);
    expect(store.reads.sort()).toEqual([...store.files.keys()].filter((p) => p.startsWith('arXiv/')).sort());
  });

  it('skips a note whose frontmatter the person broke, and says why', async () => {
    const { store } = await firstRun();
    const broken = store.files.get(MICRO)!.replace('\ntags:\n', '\nbad: [unclosed\ntags:\n');
    store.files.set(MICRO, broken);
    const announcement = sampleAnnouncement();
    const known = { ...announcement.papers[0]!, version: 2 };
    const report = await writeAnnouncement(makeAnnouncement([known], { date: '2026-06-02' }), config, store);
    expect(store.files.get(MICRO)).toBe(broken);
    expect(report.skipped).toEqual([
      {
        ref: '2605.28801',
        reason: expect.stringMatching(
          /^arXiv\/Papers\/Micro-Batch.*\.md was left as it is because its frontmatter is not valid YAML \(.*\); fix it and run again\.$/,
        ),
      },
    ]);
  });

  it('redoes its change on the text the person saved in between', async () => {
    const { store } = await firstRun();
    const process = store.process.bind(store);
    store.process = async (path, fn) => {
      if (path === MICRO) store.files.set(path, store.files.get(path)!.concat('Typed meanwhile.\n'));
      return process(path, fn);
    };
    const v2 = { ...sampleAnnouncement().papers[0]!, version: 2, announceType: 'replace' as const };
    await writeAnnouncement(makeAnnouncement([v2], { date: '2026-06-02' }), config, store);
    const text = store.files.get(MICRO)!;
    expect(readFrontmatter(text).version).toBe(2);
    expect(text.endsWith('## Notes\n\nTyped meanwhile.\n')).toBe(true);
  });

  it('reports progress and stops when cancelled', async () => {
    const progress: Array<[number, number]> = [];
    await writeAnnouncement(sampleAnnouncement(), config, new MemoryStore(), { onProgress: (d, t) => progress.push([d, t]) });
    expect(progress).toEqual([
      [0, 8],
      [1, 8],
      [2, 8],
      [3, 8],
      [4, 8],
      [5, 8],
      [6, 8],
      [7, 8],
      [8, 8],
    ]);

    const controller = new AbortController();
    const store = new MemoryStore();
    const run = writeAnnouncement(sampleAnnouncement(), config, store, {
      signal: controller.signal,
      onProgress: (done) => done === 2 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(run).rejects.toBeInstanceOf(PaperFeedError);
    expect(store.writes).toBe(2);
  });

  it('makes the paper notes durable before the daily note that links to them, and everything by the end', async () => {
    const events: string[] = [];
    class FlushingStore extends MemoryStore {
      override async create(path: string, content: string): Promise<void> {
        await super.create(path, content);
        events.push(path.startsWith(P) ? 'paper' : 'daily');
      }
      async flush(): Promise<void> {
        events.push('flush');
      }
    }
    await writeAnnouncement(sampleAnnouncement(), config, new FlushingStore(), { writesAtOnce: 4 });
    expect(events).toEqual([...Array(7).fill('paper'), 'flush', 'daily', 'flush']);
  });
});
