// Vault shapes, through the built `paper-feed` CLI on real folders: a linked
// `.paper-feed/` is refused without writing through it, a file or folder in the way of Paper
// Feed's own is named, and a paper note that is a symbolic link is named in the run's summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyVault, ensureBuiltCli, runCli } from './cli-host';

let work: string;
let base: string;
let copies = 0;

beforeAll(async () => {
  ensureBuiltCli();
  work = await mkdtemp(join(tmpdir(), 'pf-shapes-'));
  base = join(work, 'base');
  const first = await runCli(['daily', '--vault', base, '--sample'], work);
  expect(first.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function vaultCopy(): Promise<{ vault: string; outside: string }> {
  copies += 1;
  const vault = join(work, `vault-${copies}`);
  const outside = join(work, `outside-${copies}`);
  await copyVault(base, vault);
  await mkdir(outside);
  return { vault, outside };
}

describe('the CLI on vaults with links and things in the way', () => {
  it('refuses a .paper-feed that links out of the vault, and writes nothing through it', async () => {
    const { vault, outside } = await vaultCopy();
    await rm(join(vault, '.paper-feed'), { recursive: true });
    await writeFile(join(outside, 'index.txt'), 'my own index.txt\n');
    await symlink(outside, join(vault, '.paper-feed'));
    const result = await runCli(['daily', '--vault', vault, '--sample'], work);
    expect(result).toEqual({
      code: 3,
      signal: null,
      stdout: '',
      stderr: `"${join(vault, '.paper-feed')}" is a symbolic link to "${outside}", and Paper Feed keeps its lock and index only in a real folder inside the vault; remove the link (Paper Feed makes the folder itself) and run again.\n`,
    });
    expect(await readdir(outside)).toEqual(['index.txt']);
    expect(await readFile(join(outside, 'index.txt'), 'utf8')).toBe('my own index.txt\n');
  });

  it('names a file where .paper-feed should be, and a folder where its lock should be (exit 3, no EEXIST or EISDIR)', async () => {
    const asFile = await vaultCopy();
    await rm(join(asFile.vault, '.paper-feed'), { recursive: true });
    await writeFile(join(asFile.vault, '.paper-feed'), 'not a folder');
    const file = await runCli(['daily', '--vault', asFile.vault, '--sample'], work);
    expect([file.code, file.stderr]).toEqual([
      3,
      `"${join(asFile.vault, '.paper-feed')}" is a file, but Paper Feed needs a folder of that name for its lock and index; move or rename that file and run again.\n`,
    ]);
    const lockFolder = await vaultCopy();
    await mkdir(join(lockFolder.vault, '.paper-feed', 'lock'));
    const folder = await runCli(['daily', '--vault', lockFolder.vault, '--sample'], work);
    expect([folder.code, folder.stderr]).toEqual([
      3,
      `"${join(lockFolder.vault, '.paper-feed', 'lock')}" is a folder, but Paper Feed keeps a file of that name there; remove that folder (Paper Feed puts nothing in it) and run again.\n`,
    ]);
  });

  it('takes an empty lock (what a full disk leaves) at once, without "Another Paper Feed run"', async () => {
    const { vault } = await vaultCopy();
    await writeFile(join(vault, '.paper-feed', 'lock'), '');
    const result = await runCli(['daily', '--vault', vault, '--sample'], work);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(existsSync(join(vault, '.paper-feed', 'lock'))).toBe(false);
  });

  it('names a paper note that is a symbolic link in the summary and the JSON, and never writes through it', async () => {
    const { vault, outside } = await vaultCopy();
    const name = 'Calibrated Abstention for Large Language Models under Distribution Shift.md';
    const note = join(vault, 'arXiv', 'Papers', name);
    await rename(note, join(outside, name));
    const before = await readFile(join(outside, name), 'utf8');
    await symlink(join(outside, name), note);
    const reason = 'a symbolic link; Paper Feed does not follow links, so it neither reads nor updates this note';
    const text = await runCli(['daily', '--vault', vault, '--sample', '--check-all'], work);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`\n  skipped 1 item: arXiv/Papers/${name} (${reason})\n`);
    const json = await runCli(['daily', '--vault', vault, '--sample', '--check-all', '--json'], work);
    expect(JSON.parse(json.stdout).skipped).toEqual([{ ref: `arXiv/Papers/${name}`, reason }]);
    expect(await readFile(join(outside, name), 'utf8')).toBe(before);
  });
});
