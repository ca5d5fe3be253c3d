// The CLI's vault index between full checks: unchanged folders are trusted, changed ones listed,
// recent notes stat-ed, Paper Feed's own writes recorded, and whatever happens it must agree with
// a fresh full scan (except for edits in place to old notes, which wait for the weekly check).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdir, mkdtemp, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_CONFIG } from '../../core/config';
import { FsVaultStore } from '../../core/node/fs-store';
import { FILE_SYSTEM_WRITES_AT_ONCE, writeAnnouncement } from '../../core/notes/write';
import type { VaultIndex } from '../../core/vault/store';
import { sampleAnnouncement } from '../support/papers';

const DAY = 24 * 60 * 60 * 1000;
let vault: string;

beforeEach(async () => {
  vault = await mkdtemp(join(tmpdir(), 'pf-incremental-'));
});
afterEach(async () => {
  await rm(vault, { recursive: true, force: true });
});

const paperNote = (id: string, version = 1, citekey = `k${id.replace(/\D/g, '')}`) =>
  `---\narxiv_id: '${id}'\nversion: ${version}\ncitekey: ${citekey}\n---\nbody\n`;

/** Writes a note and dates it (and its folder) `daysAgo` days back, as a vault at rest is. */
async function put(path: string, text: string, daysAgo = 60): Promise<void> {
  const absolute = join(vault, path);
  await mkdir(dirname(absolute), { recursive: true });
  await writeFile(absolute, text);
  const when = new Date(Date.now() - daysAgo * DAY);
  await utimes(absolute, when, when);
}

/** Puts a folder's mtime back a minute: the changes in it have settled. */
async function settle(folder: string): Promise<void> {
  const when = new Date(Date.now() - 60_000 - Math.random() * 1000);
  await utimes(join(vault, folder), when, when);
}

/** The index as plain data; `ids` walks the papers' keys first, which reads the ids alone (as a catch-up check does), before the whole map exists. */
function plain(index: VaultIndex) {
  const ids = [...index.papers.keys()];
  return { ids, papers: Object.fromEntries([...index.papers].sort()), dailies: Object.fromEntries(index.dailies) };
}

/** What a scan that trusts nothing finds: a copy of the vault without the state folder. */
async function freshScan(): Promise<ReturnType<typeof plain>> {
  const copy = await mkdtemp(join(tmpdir(), 'pf-incremental-copy-'));
  try {
    const { cp } = await import('node:fs/promises');
    await cp(vault, copy, { recursive: true, filter: (source) => !source.includes('.paper-feed') });
    return plain(await new FsVaultStore(copy).index());
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

describe('the vault index between full checks', () => {
  it('reads nothing and lists no unchanged folder; an old note edited in place waits for the weekly check', async () => {
    await put('Papers/a.md', paperNote('2301.00001'));
    await put('Papers/b.md', paperNote('2301.00002'));
    await settle('Papers');
    await settle('.');
    const first = new FsVaultStore(vault);
    await first.index();
    expect([first.lastIndexWasFullCheck, first.lastIndexReads]).toEqual([true, 2]);

    // Edited in place (same file, so the folder's mtime stays) and dated back again.
    await put('Papers/a.md', paperNote('2301.00001', 2));
    const next = new FsVaultStore(vault);
    expect((await next.index()).papers.get('2301.00001')?.version).toBe(1);
    expect([next.lastIndexWasFullCheck, next.lastIndexReads]).toEqual([false, 0]);

    const weekLater = new FsVaultStore(vault, { now: () => Date.now() + 7 * DAY + 1 });
    expect((await weekLater.index()).papers.get('2301.00001')?.version).toBe(2);
    expect([weekLater.lastIndexWasFullCheck, weekLater.lastIndexReads]).toEqual([true, 1]);
  });

  it('sees an edit in place to a note changed in the last 30 days on the next run', async () => {
    await put('Papers/a.md', paperNote('2301.00001'), 29);
    await settle('Papers');
    const store = new FsVaultStore(vault);
    await store.index();
    await put('Papers/a.md', paperNote('2301.00001', 3), 1);
    expect((await store.index()).papers.get('2301.00001')?.version).toBe(3);
    expect([store.lastIndexWasFullCheck, store.lastIndexReads]).toEqual([false, 1]);
  });

  it('follows new, deleted and renamed notes and folders, reading only the new ones', async () => {
    await put('Papers/a.md', paperNote('2301.00001'));
    await put('Papers/b.md', paperNote('2301.00002'));
    await put('Old/deep/c.md', paperNote('2301.00003'));
    await put('Daily/2026-05-01.md', '---\ndate: 2026-05-01\ntags: [paper-feed/daily]\n---\n');
    const store = new FsVaultStore(vault);
    await store.index();

    await rm(join(vault, 'Papers/b.md'));
    await rename(join(vault, 'Papers/a.md'), join(vault, 'Papers/a renamed.md'));
    await rm(join(vault, 'Old'), { recursive: true });
    await put('New/sub/d.md', paperNote('2301.00004'));
    await put('Daily/2026-05-02.md', '---\ndate: 2026-05-02\ntags: [paper-feed/daily]\n---\n');
    const index = await store.index();
    expect(plain(index)).toEqual(await freshScan());
    expect(Object.keys(plain(index).papers)).toEqual(['2301.00001', '2301.00004']);
    expect([...(await new FsVaultStore(vault).index()).papers.keys()]).toEqual(['2301.00001', '2301.00004']);
    expect(index.papers.get('2301.00001')?.path).toBe('Papers/a renamed.md');
    expect([store.lastIndexWasFullCheck, store.lastIndexReads]).toEqual([false, 3]);
    // Names and citekeys are taken while a note holds them; those of deleted and renamed notes are freed once the index sees them gone.
    expect([index.hasPath('papers/A RENAMED.md'), index.hasCitekey('K230100004'), index.hasPath('Papers/never.md'), index.hasCitekey('k999')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([index.hasPath('Papers/a.md'), index.hasCitekey('k230100003'), index.hasCitekey('k230100001')]).toEqual([false, false, true]);
    expect([...(index.citekeysStartingWith?.('k2301') ?? [])].sort()).toEqual(['k230100001', 'k230100004']);
    const weekLater = await new FsVaultStore(vault, { now: () => Date.now() + 7 * 24 * 3600 * 1000 }).index();
    expect([weekLater.hasPath('Papers/a.md'), weekLater.hasCitekey('k230100003'), weekLater.hasPath('papers/A RENAMED.md')]).toEqual([false, false, true]);
  });

  it('lists the citekeys starting with a prefix, from index.txt and from the changes since, as hasCitekey counts them', async () => {
    await put('Papers/a.md', paperNote('2301.00001', 1, 'feng2026micro'));
    await put('Papers/b.md', paperNote('2301.00002', 1, 'Feng2026MicroA'));
    await put('Papers/c.md', paperNote('2301.00003', 1, 'feng2026macro'));
    await put('Papers/d.md', paperNote('2301.00004', 1, 'feng2026micr'));
    await new FsVaultStore(vault).index();
    await put('Papers/e.md', paperNote('2301.00005', 1, 'feng2026microz'), 0);
    const index = await new FsVaultStore(vault).index();
    const twins = [...(index.citekeysStartingWith?.('feng2026micro') ?? [])].sort();
    expect(twins).toEqual(['feng2026micro', 'feng2026microa', 'feng2026microz']);
    expect(twins.every((key) => index.hasCitekey(key))).toBe(true);
    expect([...(index.citekeysStartingWith?.('zhang2026') ?? [])]).toEqual([]);
  });

  it('knows the notes a run wrote without reading them, and does not list their folder again', async () => {
    const store = new FsVaultStore(vault);
    const report = await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, { writesAtOnce: FILE_SYSTEM_WRITES_AT_ONCE });
    const next = new FsVaultStore(vault);
    const index = await next.index();
    // The folders were made by that run, so they are listed once; the notes are already known.
    expect(next.lastIndexReads).toBe(0);
    expect(plain(index)).toEqual(await freshScan());
    expect(index.dailies.get('2026-05-29')).toBe(report.dailyNote);

    // A second run (a moment later, as tomorrow's would be) writes into folders that existed
    // before it and that nothing else changed: their new mtimes are recorded as it writes.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await writeAnnouncement({ ...sampleAnnouncement(), date: '2026-05-30' }, DEFAULT_CONFIG, next, { writesAtOnce: FILE_SYSTEM_WRITES_AT_ONCE });
    const log = (await readFile(join(vault, '.paper-feed/index.log'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { op?: string; p?: string; m?: number });
    const papersFolder = log.filter((entry) => entry.op === 'f' && entry.p === 'arXiv/Papers').pop();
    expect(papersFolder?.m).toBeGreaterThan(0);
    const third = new FsVaultStore(vault);
    expect(plain(await third.index())).toEqual(await freshScan());
    expect(third.lastIndexReads).toBe(0);
  });

  it('still finds a note another program added to a folder before the run wrote into it', async () => {
    await put('arXiv/Papers/Mine.md', paperNote('2301.00001'));
    await settle('arXiv/Papers');
    const store = new FsVaultStore(vault);
    await store.index();
    await writeFile(join(vault, 'arXiv/Papers/Synced in.md'), paperNote('2301.00009'));
    await store.create('arXiv/Papers/Written.md', paperNote('2301.00005'));
    await store.flush();
    const next = new FsVaultStore(vault);
    const index = await next.index();
    expect(index.papers.get('2301.00009')?.path).toBe('arXiv/Papers/Synced in.md');
    expect(plain(index)).toEqual(await freshScan());
  });

  it('lists a folder again when its log line was cut off by a crash, and ignores a log of an older index', async () => {
    await put('Papers/a.md', paperNote('2301.00001'));
    const store = new FsVaultStore(vault);
    await store.index();
    await put('Papers/b.md', paperNote('2301.00002'));
    await store.index();
    const logPath = join(vault, '.paper-feed/index.log');
    const log = await readFile(logPath, 'utf8');
    // The run died while appending: its last line (the folder's new mtime) is half there.
    await writeFile(logPath, log.slice(0, log.lastIndexOf('{') + 12));
    await put('Papers/c.md', paperNote('2301.00003'));
    expect(plain(await new FsVaultStore(vault).index())).toEqual(await freshScan());

    // index.txt lost and built again (a new generation); the old log, come back from a backup, is not laid over it.
    const oldLog = await readFile(logPath, 'utf8');
    await rm(join(vault, '.paper-feed/index.txt'));
    await new FsVaultStore(vault).index();
    await writeFile(logPath, `${oldLog}${JSON.stringify({ op: '+', r: { path: 'Papers/ghost.md', m: 1, s: 1, a: '2301.09999' } })}\n`);
    const after = await new FsVaultStore(vault).index();
    expect(after.papers.has('2301.09999')).toBe(false);
    expect(plain(after)).toEqual(await freshScan());
  });

  it('records a weekly check that found nothing changed as one line in the log, and counts the week from it', async () => {
    await put('Papers/a.md', paperNote('2301.00001'));
    await put('Papers/b.md', paperNote('2301.00002'));
    await settle('Papers');
    await settle('.');
    await new FsVaultStore(vault).index();
    const indexPath = join(vault, '.paper-feed/index.txt');
    const logPath = join(vault, '.paper-feed/index.log');
    const written = await readFile(indexPath, 'utf8');

    const checkedAt = Date.now() + 7 * DAY + 1;
    const weekLater = new FsVaultStore(vault, { now: () => checkedAt });
    await weekLater.index();
    expect([weekLater.lastIndexWasFullCheck, weekLater.lastIndexReads]).toEqual([true, 0]);
    // index.txt is left as it was; the log says when every note was looked at.
    expect(await readFile(indexPath, 'utf8')).toBe(written);
    // (Besides the vault folder's new mtime: Paper Feed's own state folder was made in it.)
    const logged = (await readFile(logPath, 'utf8'))
      .split('\n')
      .slice(1)
      .filter((line) => !line.startsWith('{"op":"f","p":"",'));
    expect(logged).toEqual([JSON.stringify({ op: 'c', at: checkedAt }), '']);

    const dayAfter = new FsVaultStore(vault, { now: () => checkedAt + DAY });
    await dayAfter.index();
    expect(dayAfter.lastIndexWasFullCheck).toBe(false);
    // An edit in place to an old note waits for the next week's check, counted from the last one.
    await put('Papers/b.md', paperNote('2301.00002', 4));
    const sixDaysOn = new FsVaultStore(vault, { now: () => checkedAt + 6 * DAY });
    expect((await sixDaysOn.index()).papers.get('2301.00002')?.version).toBe(1);
    const weekOn = new FsVaultStore(vault, { now: () => checkedAt + 7 * DAY });
    expect((await weekOn.index()).papers.get('2301.00002')?.version).toBe(4);
    expect([weekOn.lastIndexWasFullCheck, weekOn.lastIndexReads]).toEqual([true, 1]);
    expect(await readFile(indexPath, 'utf8')).toBe(written);
  });

  it('checks everything again when the clock has gone back past the last check, then counts from then', async () => {
    await put('Papers/a.md', paperNote('2301.00001'));
    await new FsVaultStore(vault, { now: () => Date.now() + 30 * DAY }).index();
    const back = new FsVaultStore(vault);
    await back.index();
    expect(back.lastIndexWasFullCheck).toBe(true);
    const next = new FsVaultStore(vault, { now: () => Date.now() + DAY });
    await next.index();
    expect(next.lastIndexWasFullCheck).toBe(false);
  });

  it('finds in the weekly check what changed in folders it did not list since, and forgets a folder that is gone', async () => {
    await put('Papers/a.md', paperNote('2301.00001'));
    await put('Old/deep/c.md', paperNote('2301.00003'));
    await settle('Papers');
    await settle('Old/deep');
    await settle('Old');
    await settle('.');
    await new FsVaultStore(vault).index();
    // Gone, and the vault's own folder dated back as if nothing had changed there.
    await rm(join(vault, 'Old'), { recursive: true });
    await put('Papers/a.md', paperNote('2301.00001', 2));
    await settle('.');
    const weekLater = new FsVaultStore(vault, { now: () => Date.now() + 7 * DAY + 1 });
    const index = await weekLater.index();
    expect([...index.papers.keys()]).toEqual(['2301.00001']);
    expect(index.papers.get('2301.00001')?.version).toBe(2);
    expect([index.hasCitekey('k230100003'), index.hasPath('Old/deep/c.md')]).toEqual([false, false]);
    const log = (await readFile(join(vault, '.paper-feed/index.log'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .slice(1)
      .map((line) => JSON.parse(line) as { op: string; p?: string; m?: unknown });
    expect(
      log
        .filter((entry) => entry.op === 'f' && entry.m === null)
        .map((entry) => entry.p)
        .sort(),
    ).toEqual(['Old', 'Old/deep']);
    expect(log.filter((entry) => entry.op === '-').map((entry) => entry.p)).toEqual(['Old/deep/c.md']);
    expect(plain(await new FsVaultStore(vault, { now: () => Date.now() + 7 * DAY + 2 }).index())).toEqual(await freshScan());
  });

  it('writes a long log again with only what holds now, keeping index.txt, when that is short', async () => {
    await put('Papers/a.md', paperNote('2301.00001'));
    await settle('Papers');
    await settle('.');
    await new FsVaultStore(vault).index();
    const indexPath = join(vault, '.paper-feed/index.txt');
    const logPath = join(vault, '.paper-feed/index.log');
    await put('Papers/b.md', paperNote('2301.00002'), 1);
    await new FsVaultStore(vault).index();
    const before = await readFile(indexPath, 'utf8');
    // Runs' worth of changes: the same folder fact over and over, past the log's limit of 5,000 lines.
    const log = await readFile(logPath, 'utf8');
    const lines = log.split('\n').filter(Boolean);
    const folderLine = lines.find((line) => line.includes('"op":"f"') && line.includes('"p":"Papers"'))!;
    await writeFile(logPath, log + `${folderLine}\n`.repeat(5000));
    const store = new FsVaultStore(vault);
    const index = await store.index();
    expect([store.lastIndexWasFullCheck, store.lastIndexReads]).toEqual([false, 0]);
    expect(await readFile(indexPath, 'utf8')).toBe(before);
    // One line per change that holds: the header, b's record and the folders' mtimes.
    const compacted = (await readFile(logPath, 'utf8')).split('\n').filter(Boolean);
    expect(compacted[0]).toBe(lines[0]);
    expect(compacted.filter((line) => line.includes('"op":"+"')).length).toBe(1);
    expect(compacted.length).toBeLessThan(6);
    expect(plain(index)).toEqual(await freshScan());
    expect(plain(await new FsVaultStore(vault).index())).toEqual(await freshScan());
  });

  it('folds a log of more changed notes than half its limit into a fresh index.txt, without looking at every note again', async () => {
    const count = 2600;
    const ids = Array.from({ length: count }, (_, i) => `2302.${String(i).padStart(5, '0')}`);
    for (let i = 0; i < count; i += 200) await Promise.all(ids.slice(i, i + 200).map((id) => put(`Papers/${id}.md`, paperNote(id), 2)));
    await settle('Papers');
    await settle('.');
    await new FsVaultStore(vault).index();
    const indexPath = join(vault, '.paper-feed/index.txt');
    const logPath = join(vault, '.paper-feed/index.log');
    const generation = (text: string) => (JSON.parse(text.split('\n')[1]!) as { generation: string }).generation;
    const first = generation(await readFile(indexPath, 'utf8'));
    // Every note edited in place (recently, so each run stats it), twice: 5,200 lines in the log, 2,600 notes changed.
    for (const version of [2, 3]) {
      for (let i = 0; i < count; i += 200)
        await Promise.all(ids.slice(i, i + 200).map((id) => put(`Papers/${id}.md`, paperNote(id, version), 1 - version / 10)));
      const store = new FsVaultStore(vault);
      const index = await store.index();
      expect([store.lastIndexWasFullCheck, store.lastIndexReads]).toEqual([false, count]);
      expect(index.papers.get(ids[count - 1]!)?.version).toBe(version);
    }
    expect(generation(await readFile(indexPath, 'utf8'))).not.toBe(first);
    await expect(readFile(logPath, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(plain(await new FsVaultStore(vault).index())).toEqual(await freshScan());
  }, 30_000);

  it('removes the index file of earlier versions', async () => {
    await mkdir(join(vault, '.paper-feed'), { recursive: true });
    await writeFile(join(vault, '.paper-feed/index.json'), '{"version": 1, "notes": {}}');
    await new FsVaultStore(vault).index();
    await expect(readFile(join(vault, '.paper-feed/index.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('agrees with a fresh scan after any mix of creates, deletes, moves, recent edits and runs', async () => {
    type Op =
      | { kind: 'create'; folder: number; id: number; old: boolean }
      | { kind: 'delete'; pick: number }
      | { kind: 'move'; pick: number; folder: number }
      | { kind: 'edit'; pick: number; version: number }
      | { kind: 'drop-folder'; folder: number }
      | { kind: 'index' };
    const FOLDERS = ['', 'A', 'A/B', 'C', 'arXiv/Papers'];
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), folder: fc.nat(FOLDERS.length - 1), id: fc.nat(30), old: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), folder: fc.nat(FOLDERS.length - 1) }),
      fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), version: fc.integer({ min: 2, max: 9 }) }),
      fc.record({ kind: fc.constant('drop-folder' as const), folder: fc.integer({ min: 1, max: FOLDERS.length - 1 }) }),
      fc.constant({ kind: 'index' as const }),
    );
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const root = join(vault, `round-${(round += 1)}`);
        await mkdir(root, { recursive: true });
        const notes = new Map<string, { id: number; recent: boolean }>();
        const store = new FsVaultStore(root);
        await store.index();
        let serial = 0;
        const picked = (n: number) => [...notes.keys()].sort()[n % Math.max(1, notes.size)];
        for (const step of ops) {
          if (step.kind === 'create') {
            const path = [FOLDERS[step.folder], `n${(serial += 1)}.md`].filter(Boolean).join('/');
            await mkdir(dirname(join(root, path)), { recursive: true });
            await writeFile(join(root, path), paperNote(`2301.${String(step.id).padStart(5, '0')}`));
            if (step.old) await utimes(join(root, path), new Date(Date.now() - 90 * DAY), new Date(Date.now() - 90 * DAY));
            notes.set(path, { id: step.id, recent: !step.old });
          } else if (step.kind === 'delete' && notes.size > 0) {
            const path = picked(step.pick)!;
            await rm(join(root, path));
            notes.delete(path);
          } else if (step.kind === 'move' && notes.size > 0) {
            const path = picked(step.pick)!;
            const to = [FOLDERS[step.folder], `m${(serial += 1)}.md`].filter(Boolean).join('/');
            await mkdir(dirname(join(root, to)), { recursive: true });
            await rename(join(root, path), join(root, to));
            notes.set(to, notes.get(path)!);
            notes.delete(path);
          } else if (step.kind === 'edit' && notes.size > 0) {
            // Edits in place are promised only for recent notes (old ones wait for the weekly check).
            const path = [...notes]
              .filter(([, n]) => n.recent)
              .map(([p]) => p)
              .sort()[step.pick % Math.max(1, notes.size)];
            if (path) await writeFile(join(root, path), paperNote(`2301.${String(notes.get(path)!.id).padStart(5, '0')}`, step.version));
          } else if (step.kind === 'drop-folder') {
            const folder = FOLDERS[step.folder]!;
            await rm(join(root, folder), { recursive: true, force: true });
            for (const path of [...notes.keys()]) if (path.startsWith(`${folder}/`)) notes.delete(path);
          } else if (step.kind === 'index') {
            // Folders changed a moment ago are listed again anyway; settled ones are trusted.
            await new Promise((resolve) => setTimeout(resolve, 110));
            await new FsVaultStore(root).index();
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 110));
        const incremental = plain(await new FsVaultStore(root).index());
        const copy = await mkdtemp(join(tmpdir(), 'pf-incremental-copy-'));
        try {
          const { cp } = await import('node:fs/promises');
          await cp(root, copy, { recursive: true, filter: (source) => !source.includes('.paper-feed') });
          expect(incremental).toEqual(plain(await new FsVaultStore(copy).index()));
        } finally {
          await rm(copy, { recursive: true, force: true });
          await rm(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
