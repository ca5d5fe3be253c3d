// The CLI as people get it from npm: `npm pack` of the published package, installed into an empty
// prefix with no dev dependencies and no network, then `npm i -g paper-feed` and
// `npx paper-feed@VERSION` through a local registry stand-in. Each runs the sample and --version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startNpmRegistry, npmEnvironment, type NpmRegistryStandIn } from '../support/npm-registry';
import { VERSION, filesUnder, packCli, run, runAsync } from './support';

const SAMPLE_LINE = '19 papers matched · 19 notes created · 0 updated · daily note arXiv/Daily/2026-05-29.md';
const INSTALLED = ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'paper-feed.js'];

let work: string;
let tarball: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'pf-npm-'));
  tarball = packCli(path.join(work, 'pack'));
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function expectSampleVault(vault: string) {
  const notes = filesUnder(vault).filter((file) => file.endsWith('.md'));
  expect(notes.filter((file) => file.startsWith('arXiv/Papers/'))).toHaveLength(19);
  expect(notes.filter((file) => !file.startsWith('arXiv/Papers/'))).toEqual(['arXiv/Daily/2026-05-29.md']);
  expect(readFileSync(path.join(vault, 'arXiv/Daily/2026-05-29.md'), 'utf8')).toMatch(/^---\ndate: 2026-05-29\n/);
}

describe('the packed CLI', () => {
  it('holds the bundle, its papers and a manifest with a bin, a files list and no dependencies', () => {
    expect(run('tar', ['-tzf', tarball], work).stdout.trim().split('\n').sort()).toEqual(INSTALLED.map((file) => `package/${file}`));
    const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], work).stdout);
    expect(manifest).toMatchObject({
      name: 'paper-feed',
      version: VERSION,
      license: 'MIT',
      bin: { 'paper-feed': 'paper-feed.js' },
      files: ['paper-feed.js', 'CHANGELOG.md'],
    });
    expect(Object.keys(manifest).filter((key) => /ependencies$|^scripts$|^private$/.test(key))).toEqual([]);
  });

  it('installs offline into an empty prefix and writes the sample vault', () => {
    const prefix = path.join(work, 'offline');
    const env = { ...npmEnvironment('http://127.0.0.1:9/', prefix), npm_config_offline: 'true' };
    const install = run('npm', ['install', '--global', tarball], work, env);
    expect(install.code, install.stderr).toBe(0);
    expect(filesUnder(path.join(prefix, 'prefix', 'lib', 'node_modules', 'paper-feed'))).toEqual(INSTALLED);
    const bin = path.join(prefix, 'prefix', 'bin', 'paper-feed');
    expect(run(bin, ['--version'], work, env)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const vault = path.join(work, 'offline-vault');
    const daily = run(bin, ['daily', '--sample', '--vault', vault], work, env);
    expect([daily.code, daily.stdout.split('\n')[0], daily.stderr]).toEqual([0, SAMPLE_LINE, '']);
    expectSampleVault(vault);
  }, 120_000);

  describe('from a registry', () => {
    let registry: NpmRegistryStandIn;
    beforeAll(async () => {
      registry = await startNpmRegistry([tarball]);
    });
    afterAll(() => registry.close());

    it('`npm i -g paper-feed` installs the command', async () => {
      const env = npmEnvironment(registry.url, path.join(work, 'global'));
      const install = await runAsync('npm', ['install', '--global', 'paper-feed'], work, env);
      expect(install.code, install.stderr).toBe(0);
      expect(registry.requests).toContain(`GET /paper-feed/-/paper-feed-${VERSION}.tgz`);
      expect(await runAsync('paper-feed', ['--version'], work, env)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
      const vault = path.join(work, 'global-vault');
      expect((await runAsync('paper-feed', ['daily', '--sample', '--vault', vault, '--quiet'], work, env)).code).toBe(0);
      expectSampleVault(vault);
    }, 120_000);

    it('`npx paper-feed@VERSION daily` runs it without installing anything globally', async () => {
      const env = npmEnvironment(registry.url, path.join(work, 'npx'));
      const vault = path.join(work, 'npx-vault');
      const daily = await runAsync('npx', ['--yes', `paper-feed@${VERSION}`, 'daily', '--sample', '--vault', vault], work, env);
      expect([daily.code, daily.stdout.split('\n')[0]], daily.stderr).toEqual([0, SAMPLE_LINE]);
      expectSampleVault(vault);
      expect((await runAsync('npx', ['--yes', 'paper-feed', '--version'], work, env)).stdout).toBe(`${VERSION}\n`);
    }, 120_000);
  });
});
