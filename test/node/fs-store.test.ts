// The file-system vault store: atomic creates and updates, no-op updates that write nothing,
// a person's edit made during an update kept, and every way out of the vault refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsVaultStore } from '../../core/node/fs-store';
import { createFileAtomically, replaceFileIfUnchanged } from '../../core/node/atomic-file';
import { isPaperFeedError } from '../../core/errors';

let sandbox: string;
let vault: string;
let store: FsVaultStore;

beforeEach(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'pf-store-'));
  vault = join(sandbox, 'vault');
  store = new FsVaultStore(vault);
});
afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

/** Every file under `dir`, hidden ones included, as relative paths. */
async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

async function failure(promise: Promise<unknown>): Promise<{ kind: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (!isPaperFeedError(error)) throw error;
    return { kind: error.kind, message: error.message };
  }
  throw new Error('expected a PaperFeedError');
}

describe('FsVaultStore.create', () => {
  it('creates the note and its folders with exactly the given text, and leaves no temp file', async () => {
    await store.create('arXiv/Papers/Über Lie groups.md', '---\ntitle: x\n---\nbody ✓\n');
    expect(await readFile(join(vault, 'arXiv/Papers/Über Lie groups.md'), 'utf8')).toBe('---\ntitle: x\n---\nbody ✓\n');
    expect(await allFiles(vault)).toEqual(['arXiv/Papers/Über Lie groups.md']);
  });

  it('refuses a taken name with "File already exists." and keeps the old text', async () => {
    await store.create('a.md', 'first');
    await expect(store.create('a.md', 'second')).rejects.toThrow('File already exists.');
    expect(await readFile(join(vault, 'a.md'), 'utf8')).toBe('first');
    expect(await allFiles(vault)).toEqual(['a.md']);
  });

  it('lets exactly one of many simultaneous creates of one name win', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => store.create('race.md', `writer ${i}`)));
    const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(await readFile(join(vault, 'race.md'), 'utf8')).toBe(`writer ${winners[0]}`);
    expect(await allFiles(vault)).toEqual(['race.md']);
  });

  it('names the note and the cause when a file stands where a folder should be', async () => {
    await store.create('notes.md', 'x');
    const error = await failure(store.create('notes.md/inner.md', 'y'));
    expect(error.kind).toBe('vault');
    expect(error.message).toMatch(
      /^Could not create "notes\.md\/inner\.md": a file stands where a folder should be \((ENOTDIR|EEXIST)\)\. Check the vault folder and try again\.$/,
    );
  });
});

describe('folder flushes', () => {
  it('leaves each folder with new names for one flush, and flush() empties the list', async () => {
    const folders = new Set<string>();
    await createFileAtomically(join(vault, 'A', 'one.md'), 'one', folders);
    await createFileAtomically(join(vault, 'A', 'two.md'), 'two', folders);
    await replaceFileIfUnchanged(join(vault, 'A', 'one.md'), 'one again', () => Promise.resolve(true), folders);
    await createFileAtomically(join(vault, 'B', 'three.md'), 'three', folders);
    expect([...folders]).toEqual([join(vault, 'A'), join(vault, 'B')]);
    expect(await readFile(join(vault, 'A', 'one.md'), 'utf8')).toBe('one again');

    const store = new FsVaultStore(vault);
    await store.create('C/four.md', 'four');
    await store.process('C/four.md', () => 'four again');
    expect((store as unknown as { unflushed: Set<string> }).unflushed.size).toBe(1);
    await store.flush();
    expect((store as unknown as { unflushed: Set<string> }).unflushed.size).toBe(0);
    expect(await readFile(join(vault, 'C', 'four.md'), 'utf8')).toBe('four again');
  });
});

describe('FsVaultStore.process', () => {
  it('writes nothing when the function returns the text unchanged', async () => {
    await store.create('n.md', 'same');
    const before = await stat(join(vault, 'n.md'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.process('n.md', (text) => text)).toBe('same');
    const after = await stat(join(vault, 'n.md'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('replaces the file by rename (a new inode), keeping its permission bits', async () => {
    await store.create('n.md', 'old');
    await chmod(join(vault, 'n.md'), 0o600);
    const before = await stat(join(vault, 'n.md'));
    expect(await store.process('n.md', (text) => `${text} + new`)).toBe('old + new');
    const after = await stat(join(vault, 'n.md'));
    expect(await readFile(join(vault, 'n.md'), 'utf8')).toBe('old + new');
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o600);
    expect(await allFiles(vault)).toEqual(['n.md']);
  });

  it("runs the change again on the person's text when they edit the note during the update", async () => {
    await store.create('n.md', 'generated\n');
    const seen: string[] = [];
    const result = await store.process('n.md', (current) => {
      seen.push(current);
      // The first time, the person types into the note while Paper Feed prepares its change.
      if (seen.length === 1) spawnSync('sh', ['-c', `printf 'generated\\nmy thought\\n' > "${join(vault, 'n.md')}"`]);
      return current.replace('generated', 'regenerated');
    });
    expect(seen).toEqual(['generated\n', 'generated\nmy thought\n']);
    expect(result).toBe('regenerated\nmy thought\n');
    expect(await readFile(join(vault, 'n.md'), 'utf8')).toBe('regenerated\nmy thought\n');
    expect(await allFiles(vault)).toEqual(['n.md']);
  });

  it('says so when the note is gone', async () => {
    const error = await failure(store.process('missing.md', (t) => t));
    expect(error).toEqual({ kind: 'vault', message: '"missing.md" disappeared while Paper Feed was updating it; run Paper Feed again.' });
  });
});

describe('FsVaultStore.read and occupant', () => {
  it('reads a note, and gives null for a missing one', async () => {
    await store.create('a/b.md', 'text');
    expect(await store.read('a/b.md')).toBe('text');
    expect(await store.occupant('a/b.md')).toBe('a/b.md');
    expect(await store.read('a/c.md')).toBeNull();
    expect(await store.occupant('a/c.md')).toBeNull();
  });

  it('finds what holds a name once case and Unicode form are folded, a dangling link and a folder included', async () => {
    await mkdir(join(vault, 'a', 'Sub'), { recursive: true });
    await writeFile(join(vault, 'a', 'Cafe\u0301 Notes.md'), 'NFD');
    await writeFile(join(vault, 'a', 'HeavySkill.md'), 'mine');
    await symlink(join(vault, 'a', 'gone.md'), join(vault, 'a', 'Dangling.md'));
    expect(await store.occupant('a/caf\u00e9 notes.md')).toBe('a/Cafe\u0301 Notes.md');
    expect(await store.occupant('a/heavyskill.md')).toBe('a/HeavySkill.md');
    expect(await store.occupant('a/Dangling.md')).toBe('a/Dangling.md');
    expect(await store.occupant('a/dangling.md')).toBe('a/Dangling.md');
    expect(await store.occupant('a/sub')).toBe('a/Sub');
    expect(await store.occupant('a/other.md')).toBeNull();
  });
});

describe('paths that would leave the vault', () => {
  const refusals: Array<[string, string]> = [
    ['../outside.md', 'it climbs out of the vault with ".."'],
    ['arXiv/../../outside.md', 'it climbs out of the vault with ".."'],
    ['/etc/passwd', 'it is absolute; vault paths are relative to the vault'],
    ['C:/Windows/x.md', 'it is absolute; vault paths are relative to the vault'],
    ['arXiv\\..\\..\\x.md', 'it holds a backslash; vault paths use "/"'],
    ['a//b.md', 'it has an empty or "." part'],
    ['', 'it is empty'],
    ['a\0.md', 'it holds a NUL character'],
  ];
  for (const [path, why] of refusals) {
    it(`refuses ${JSON.stringify(path)} for every operation`, async () => {
      const expected = { kind: 'vault', message: `Paper Feed refused the note path "${path.replace('\0', '?')}": ${why}. Check the folders in your config.` };
      expect(await failure(store.create(path, 'x'))).toEqual(expected);
      expect(await failure(store.process(path, () => 'x'))).toEqual(expected);
      expect(await failure(store.read(path))).toEqual(expected);
      expect(await failure(store.occupant(path))).toEqual(expected);
      expect((await allFiles(sandbox)).filter((f) => !f.startsWith('vault/'))).toEqual([]);
    });
  }

  it('refuses to write through a symlinked folder that leads outside the vault', async () => {
    await mkdir(join(sandbox, 'elsewhere'));
    await mkdir(vault, { recursive: true });
    await symlink(join(sandbox, 'elsewhere'), join(vault, 'arXiv'));
    const error = await failure(store.create('arXiv/Papers/x.md', 'x'));
    expect(error).toEqual({
      kind: 'vault',
      message: 'Paper Feed refused the note path "arXiv/Papers/x.md": a symlink in it leads outside the vault. Remove the link or choose another folder.',
    });
    expect(await readdir(join(sandbox, 'elsewhere'))).toEqual([]);
  });

  it('refuses to read or update a note that is a symlink to a file outside', async () => {
    await writeFile(join(sandbox, 'secret.txt'), 'secret');
    await mkdir(vault, { recursive: true });
    await symlink(join(sandbox, 'secret.txt'), join(vault, 'evil.md'));
    expect((await failure(store.read('evil.md'))).message).toContain('a symlink in it leads outside the vault');
    expect((await failure(store.process('evil.md', () => 'owned'))).message).toContain('a symlink in it leads outside the vault');
    expect(await readFile(join(sandbox, 'secret.txt'), 'utf8')).toBe('secret');
  });

  it('allows symlinks that stay inside the vault, and a vault that is itself a symlink', async () => {
    await mkdir(join(sandbox, 'real-vault', 'Inbox'), { recursive: true });
    await symlink(join(sandbox, 'real-vault'), vault);
    await symlink(join(sandbox, 'real-vault', 'Inbox'), join(sandbox, 'real-vault', 'Shortcut'));
    await store.create('Shortcut/n.md', 'inside');
    expect(await readFile(join(sandbox, 'real-vault', 'Inbox', 'n.md'), 'utf8')).toBe('inside');
  });
});

describe('temp files', () => {
  it('removes temp files left by a dead run on the next index, and keeps a live run’s', async () => {
    await store.create('arXiv/Papers/a.md', 'x');
    const finished = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(finished.stdout.toString());
    const dead = `.paper-feed-${deadPid}-0a1b2c3d4e5f.tmp`;
    const live = `.paper-feed-${process.pid}-aaaaaaaaaaaa.tmp`;
    await writeFile(join(vault, 'arXiv/Papers', dead), 'half a no');
    await writeFile(join(vault, 'arXiv/Papers', live), 'being written');
    await mkdir(join(vault, '.paper-feed'), { recursive: true });
    await writeFile(join(vault, '.paper-feed', dead), '{"half":');
    await store.index();
    const files = await allFiles(vault);
    expect(files).toContain(`arXiv/Papers/${live}`);
    expect(files).not.toContain(`arXiv/Papers/${dead}`);
    expect(files).not.toContain(`.paper-feed/${dead}`);
  });
});

describe('the vault folder itself', () => {
  it('is created when missing', async () => {
    await store.create('n.md', 'x');
    expect(await allFiles(vault)).toEqual(['n.md']);
  });

  it('names the problem when a file stands where the vault should be', async () => {
    await writeFile(join(sandbox, 'not-a-folder'), 'x');
    const error = await failure(new FsVaultStore(join(sandbox, 'not-a-folder', 'vault')).index());
    expect(error).toEqual({
      kind: 'vault',
      message: `Could not open the vault folder "${join(sandbox, 'not-a-folder', 'vault')}": a file stands where a folder should be (ENOTDIR). Check the vault folder and try again.`,
    });
  });
});

describe('a folder’s names between runs', () => {
  const HOUR = 3600 * 1000;
  /** A run on the vault with the clock `hours` ahead (so the folders' mtimes are settled): index, `work`, flush. */
  async function run(hours: number, work: (store: FsVaultStore) => Promise<void>): Promise<FsVaultStore> {
    const at = new FsVaultStore(vault, { now: () => Date.now() + hours * HOUR });
    await at.index();
    await work(at);
    await at.flush();
    return at;
  }
  const cacheFile = () => join(vault, '.paper-feed', 'folder-names.json');

  beforeEach(async () => {
    await mkdir(join(vault, 'P'), { recursive: true });
    await writeFile(join(vault, 'P', 'Old Note.md'), 'old');
    // The first run's index is a full check, which lists every folder: a second run begins the test.
    await run(1, async () => undefined);
  });

  it('keeps the names of a folder a run wrote into, and lists it again only once something else changed it', async () => {
    const first = await run(2, async (at) => {
      expect(await at.occupant('P/new note.md')).toBeNull();
      await at.create('P/New Note.md', 'new');
    });
    expect([first.lastIndexWasFullCheck, first.foldersListed]).toEqual([false, 1]);
    const second = await run(3, async (at) => {
      expect(await at.occupant('P/another.md')).toBeNull();
      // A fingerprint that matches is confirmed by listing the folder, as ever.
      expect(await at.occupant('P/old note.md')).toBe('P/Old Note.md');
      expect(await at.occupant('P/NEW NOTE.md')).toBe('P/New Note.md');
      await at.create('P/Another.md', 'another');
    });
    expect(second.foldersListed).toBe(0);
    // Another program adds a note: the folder's mtime moves, and the next run lists it.
    await writeFile(join(vault, 'P', 'From Sync.md'), 'synced');
    const third = await run(4, async (at) => {
      expect(await at.occupant('P/from sync.md')).toBe('P/From Sync.md');
      expect(await at.occupant('P/another.md')).toBe('P/Another.md');
    });
    expect(third.foldersListed).toBe(1);
  });

  it('lists a folder again when the saved names are damaged, and a week after they were listed', async () => {
    const saveNames = (hours: number) =>
      run(hours, async (at) => {
        await at.occupant(`P/n${hours}.md`);
        await at.create(`P/N${hours}.md`, 'n');
      });
    await saveNames(2);
    const saved = JSON.parse(await readFile(cacheFile(), 'utf8')) as { folders: Record<string, { m: number; listedAt: number; names: string }> };
    expect(Object.keys(saved.folders)).toEqual(['P']);
    expect(Buffer.from(saved.folders.P!.names, 'base64').length).toBe(4 * 2);
    const listings = async (hours: number) => (await run(hours, async (at) => expect(await at.occupant('P/n2.md')).toBe('P/N2.md'))).foldersListed;
    expect(await listings(3)).toBe(0);
    // Names saved out of order are not trusted (a search in them could miss one), nor a torn file.
    const names = Buffer.alloc(8);
    names.writeUInt32LE(9, 0);
    names.writeUInt32LE(1, 4);
    await writeFile(cacheFile(), JSON.stringify({ folders: { P: { ...saved.folders.P, names: names.toString('base64') } } }));
    expect(await listings(4)).toBe(1);
    await writeFile(cacheFile(), '{"folders": {"P": ');
    expect(await listings(5)).toBe(1);
    // Saved again by a run that writes there; six days on they still answer, eight days on the folder is listed.
    await saveNames(6);
    expect(await listings(6 * 24)).toBe(0);
    expect(await listings(8 * 24)).toBe(1);
  });
});
