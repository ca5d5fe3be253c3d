// `npm run install:obsidian`: copies the three plugin files into <vault>/<config dir>/plugins/paper-feed/,
// all or none, and refuses a folder that is not an opened vault.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/install-obsidian.mjs', import.meta.url));

function install(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
}

function release(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'paper-feed-release-'));
  for (const file of files) writeFileSync(join(dir, file), `contents of ${file}`);
  return dir;
}

describe('install:obsidian', () => {
  it('copies main.js, manifest.json and styles.css into the vault’s own config folder', () => {
    const vault = mkdtempSync(join(tmpdir(), 'paper-feed-vault-'));
    mkdirSync(join(vault, '.obsidian-laptop'));
    const result = install('--vault', vault, '--config-dir', '.obsidian-laptop', '--from', release(['main.js', 'manifest.json', 'styles.css']));
    expect(result.status).toBe(0);
    const target = join(vault, '.obsidian-laptop', 'plugins', 'paper-feed');
    expect(readdirSync(target).sort()).toEqual(['main.js', 'manifest.json', 'styles.css']);
    expect(readFileSync(join(target, 'main.js'), 'utf8')).toBe('contents of main.js');
  });

  it('installs nothing when a file is missing, and says which', () => {
    const vault = mkdtempSync(join(tmpdir(), 'paper-feed-vault-'));
    mkdirSync(join(vault, '.obsidian'));
    const from = release(['main.js', 'manifest.json']);
    const result = install('--vault', vault, '--from', from);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join(from, 'styles.css')} is missing`);
    expect(readdirSync(join(vault, '.obsidian'))).toEqual([]);
  });

  it('refuses a folder that has never been opened as a vault', () => {
    const folder = mkdtempSync(join(tmpdir(), 'paper-feed-notes-'));
    const result = install('--vault', folder, '--no-build');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${folder} has no .obsidian folder; open it as a vault in Obsidian once`);
  });
});
