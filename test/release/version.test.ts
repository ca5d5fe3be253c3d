// One source for the version: the root package.json. Every other place that names it must agree,
// and `npm version` (with the "version" script) must move them all, tag X.Y.Z without a "v",
// and date the CHANGELOG's Unreleased section.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error: plain .mjs module shared with the release scripts, no type declarations.
import { VERSION_PLACES, disagreements, sourceVersion } from '../../scripts/release/version-files.mjs';

const repo = path.resolve(__dirname, '..', '..');
const FILES = [
  'package.json',
  '.npmrc',
  'CHANGELOG.md',
  'versions.json',
  'manifest.json',
  'obsidian-plugin/manifest.json',
  'vscode-extension/package.json',
  'core/arxiv/polite.ts',
  'scripts/release/sync-version.mjs',
  'scripts/release/version-files.mjs',
];

function copyOfTheVersionFiles(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pf-version-'));
  for (const file of FILES) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    cpSync(path.join(repo, file), path.join(root, file));
  }
  return root;
}

const json = (root: string, file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

describe('the version', () => {
  it('is the same in package.json, the Obsidian manifests, versions.json and the User-Agent', () => {
    expect(disagreements(repo)).toEqual([]);
    const version = sourceVersion(repo);
    expect(VERSION_PLACES.map((p: { read: (r: string) => string }) => p.read(repo))).toEqual([version, version, version, version, version]);
    expect(readFileSync(path.join(repo, 'core/arxiv/polite.ts'), 'utf8')).toContain(`'PaperFeed/${version} (+https://github.com/paper-feed/paper-feed;`);
    expect(readFileSync(path.join(repo, 'CHANGELOG.md'), 'utf8')).toMatch(
      new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
    );
  });

  it('names each place that disagrees', () => {
    const root = copyOfTheVersionFiles();
    try {
      const manifest = json(root, 'obsidian-plugin/manifest.json');
      writeFileSync(path.join(root, 'obsidian-plugin/manifest.json'), JSON.stringify({ ...manifest, version: '9.9.9' }));
      const polite = readFileSync(path.join(root, 'core/arxiv/polite.ts'), 'utf8');
      writeFileSync(path.join(root, 'core/arxiv/polite.ts'), polite.replace(/PaperFeed\/[^ ]+ /, 'PaperFeed/0.0.1 '));
      const version = sourceVersion(root);
      expect(disagreements(root)).toEqual([
        `obsidian-plugin/manifest.json says 9.9.9, package.json says ${version}`,
        `manifest.json says ${version} (and differs from obsidian-plugin/manifest.json), package.json says ${version}`,
        `core/arxiv/polite.ts says 0.0.1, package.json says ${version}`,
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('moves everywhere with `npm version`, which commits and tags X.Y.Z', () => {
    const root = copyOfTheVersionFiles();
    try {
      const before = sourceVersion(root);
      const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
      git('init', '-q');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'start');
      execFileSync('npm', ['version', '7.8.9'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' },
      });
      expect(disagreements(root)).toEqual([]);
      expect(json(root, 'obsidian-plugin/manifest.json').version).toBe('7.8.9');
      expect(json(root, 'manifest.json')).toEqual(json(root, 'obsidian-plugin/manifest.json'));
      expect(json(root, 'vscode-extension/package.json').version).toBe('7.8.9');
      const minApp = json(root, 'obsidian-plugin/manifest.json').minAppVersion;
      expect(json(root, 'versions.json')).toEqual({ ...json(repo, 'versions.json'), '7.8.9': minApp });
      const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toMatch(/## \[Unreleased\]\n\n## \[7\.8\.9\] - \d{4}-\d{2}-\d{2}\n/);
      expect(changelog).toContain(
        `[Unreleased]: https://github.com/paper-feed/paper-feed/compare/7.8.9...HEAD\n[7.8.9]: https://github.com/paper-feed/paper-feed/compare/${before}...7.8.9\n`,
      );
      expect(git('tag')).toBe('7.8.9');
      expect(git('log', '-1', '--format=%s')).toBe('Release 7.8.9');
      expect(git('status', '--porcelain')).toBe('');
      expect(git('show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual([
        'CHANGELOG.md',
        'core/arxiv/polite.ts',
        'manifest.json',
        'obsidian-plugin/manifest.json',
        'package.json',
        'versions.json',
        'vscode-extension/package.json',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
