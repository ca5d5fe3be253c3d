// The CLI's vault index: notes found by frontmatter wherever they are, an incremental cache that
// re-reads only new or changed notes, and a damaged cache that is rebuilt instead of failing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FsVaultStore } from '../../core/node/fs-store';
import type { VaultIndex } from '../../core/vault/store';

let vault: string;
let store: FsVaultStore;

beforeEach(async () => {
  vault = await mkdtemp(join(tmpdir(), 'pf-index-'));
  store = new FsVaultStore(vault);
});
afterEach(async () => {
  await rm(vault, { recursive: true, force: true });
});

let tick = 0;
/** Writes a note last modified a while ago (each write a second apart), as notes usually are. */
async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(vault, path)), { recursive: true });
  await writeFile(join(vault, path), text);
  const when = new Date(Date.now() - 3_600_000 + (tick += 1000));
  await utimes(join(vault, path), when, when);
}

function paperNote(id: string, version: number, citekey: string): string {
  return `---\ntitle: 'A paper: with a colon'\narxiv_id: '${id}'\nversion: ${version}\ncitekey: ${citekey}\ntags:\n  - paper\n---\nbody\n`;
}

const daily = (date: string) => `---\ndate: ${date}\npapers: 3\ntags:\n  - paper-feed/daily\n---\n`;

function plain(index: VaultIndex) {
  return { papers: Object.fromEntries(index.papers), dailies: Object.fromEntries(index.dailies) };
}

describe('FsVaultStore.index', () => {
  it('finds paper and daily notes anywhere by frontmatter, and skips tool folders', async () => {
    await put('arXiv/Papers/One.md', paperNote('2605.21412', 2, 'lefevre2026score'));
    await put('Reading/deep/Two.md', paperNote('hep-th/9901001', 1, 'maldacena1999large'));
    await put('Journal/2026-05-29.md', daily('2026-05-29'));
    await put('Journal/not-daily.md', '---\ndate: 2026-05-30\ntags: [journal]\n---\n');
    await put('Plain.md', '# no frontmatter\narxiv_id: 9999.99999\n');
    await put('.obsidian/cache.md', paperNote('1111.11111', 1, 'x'));
    await put('.trash/Old.md', paperNote('2222.22222', 1, 'y'));
    await put('node_modules/pkg/README.md', paperNote('3333.33333', 1, 'z'));
    await put('arXiv/Papers/notes.txt', paperNote('4444.44444', 1, 'w'));
    expect(plain(await store.index())).toEqual({
      papers: {
        '2605.21412': { path: 'arXiv/Papers/One.md', version: 2, citekey: 'lefevre2026score' },
        'hep-th/9901001': { path: 'Reading/deep/Two.md', version: 1, citekey: 'maldacena1999large' },
      },
      dailies: { '2026-05-29': 'Journal/2026-05-29.md' },
    });
  });

  it('reads each note once, then only stats it while it is unchanged', async () => {
    await put('a.md', paperNote('2605.00001', 1, 'a2026a'));
    await put('b.md', paperNote('2605.00002', 1, 'b2026b'));
    await put('c.md', 'just a note');
    await store.index();
    expect(store.lastIndexReads).toBe(3);
    const cacheBefore = await stat(join(vault, '.paper-feed/index.txt'));
    const again = await store.index();
    expect(store.lastIndexReads).toBe(0);
    expect(again.papers.get('2605.00002')).toEqual({ path: 'b.md', version: 1, citekey: 'b2026b' });
    // Nothing changed, so the index is not rewritten and nothing is added to its log.
    expect((await stat(join(vault, '.paper-feed/index.txt'))).mtimeMs).toBe(cacheBefore.mtimeMs);
    await expect(stat(join(vault, '.paper-feed/index.log'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('still finds a note the person renamed and moved', async () => {
    await put('arXiv/Papers/Old name.md', paperNote('2605.21412', 1, 'k'));
    await store.index();
    await mkdir(join(vault, 'Projects/Thesis'), { recursive: true });
    await rename(join(vault, 'arXiv/Papers/Old name.md'), join(vault, 'Projects/Thesis/Key paper.md'));
    const index = await store.index();
    expect(index.papers.get('2605.21412')?.path).toBe('Projects/Thesis/Key paper.md');
    expect(index.papers.size).toBe(1);
    expect(store.lastIndexReads).toBe(1);
  });

  it('re-reads an edited note and forgets a deleted one', async () => {
    await put('a.md', paperNote('2605.00001', 1, 'a2026a'));
    await put('b.md', paperNote('2605.00002', 1, 'b2026b'));
    await store.index();
    await put('a.md', paperNote('2605.00001', 3, 'a2026a'));
    await rm(join(vault, 'b.md'));
    const index = await store.index();
    expect(plain(index).papers).toEqual({ '2605.00001': { path: 'a.md', version: 3, citekey: 'a2026a' } });
    expect(store.lastIndexReads).toBe(1);
  });

  it('reads a just-changed note again next time, in case it changes again within the same mtime', async () => {
    const path = join(vault, 'fresh.md');
    await writeFile(path, paperNote('2605.00001', 1, 'k'));
    // Whole seconds, as on disks with a coarse mtime (and exactly restorable below).
    const mtime = Math.floor(Date.now() / 1000);
    await utimes(path, mtime, mtime);
    expect((await store.index()).papers.get('2605.00001')?.version).toBe(1);
    // Edited again at once, on a disk whose mtime did not move: same size, same mtime.
    await writeFile(path, paperNote('2605.00001', 2, 'k'));
    await utimes(path, mtime, mtime);
    expect((await store.index()).papers.get('2605.00001')?.version).toBe(2);
  });

  const damaged: Array<[string, (text: string) => string]> = [
    ['cut short', (text) => text.slice(0, Math.floor(text.length * 0.7))],
    ['of another version', (text) => text.replace('paper-feed vault index 3', 'paper-feed vault index 9')],
    ['with a broken header', (text) => text.replace('"generation"', '"generation')],
    ['longer than its header says', (text) => `${text}"x.md"\t{}\n`],
    ['with wrong values in its header', (text) => text.replace('"dailies":[', '"dailies":[7,').replace(/"folders":\{"":[^,}]+/, '"folders":{"":"yesterday"')],
    ['the old JSON index', () => '{"version": 1, "notes": {"a.md": {"m": 1, "s": 10, "a": "2605.00009"}}}'],
    ['empty', () => ''],
  ];
  for (const [what, damage] of damaged) {
    it(`rebuilds an index that is ${what}, with the same result as a fresh scan`, async () => {
      await put('a.md', paperNote('2605.00001', 2, 'a2026a'));
      await put('d.md', daily('2026-05-28'));
      const fresh = plain(await store.index());
      const file = join(vault, '.paper-feed/index.txt');
      await writeFile(file, damage(await readFile(file, 'utf8')));
      const again = new FsVaultStore(vault);
      const rebuilt = await again.index();
      expect(plain(rebuilt)).toEqual(fresh);
      expect(again.lastIndexWasFullCheck).toBe(true);
      expect((await readFile(file, 'utf8')).startsWith('paper-feed vault index 3\n')).toBe(true);
      const next = new FsVaultStore(vault);
      expect(plain(await next.index())).toEqual(fresh);
      expect([next.lastIndexWasFullCheck, next.lastIndexReads]).toEqual([false, 0]);
    });
  }

  it('picks the same note every run when two claim one arXiv id', async () => {
    await put('Z copy.md', paperNote('2605.00001', 1, 'z'));
    await put('A original.md', paperNote('2605.00001', 1, 'a'));
    expect((await store.index()).papers.get('2605.00001')?.path).toBe('A original.md');
    expect((await new FsVaultStore(vault).index()).papers.get('2605.00001')?.path).toBe('A original.md');
  });

  it('reads a frontmatter longer than the first chunk', async () => {
    const padding = Array.from({ length: 400 }, (_, i) => `note_${i}: ${'x'.repeat(60)}`).join('\n');
    await put('long.md', `---\n${padding}\narxiv_id: '2605.77777'\nversion: 4\n---\nbody`);
    expect((await store.index()).papers.get('2605.77777')).toEqual({ path: 'long.md', version: 4 });
  });
});
