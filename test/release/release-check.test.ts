// `npm run release:check`: the real release folder passes; each rule of Obsidian's community
// checklist, the VS Code package and the CLI tarball catches what it is there to catch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error: plain .mjs module of the release scripts, no type declarations.
import { desktopOnlyProblems, manifestProblems, pngSize, releaseProblems } from '../../scripts/release/checks.mjs';
import { REPO, VERSION, packCli, run } from './support';

let work: string;
let release: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'pf-release-'));
  release = path.join(work, 'release');
  mkdirSync(release);
  const tarball = packCli(path.join(work, 'cli'));
  const vscode = run(process.execPath, ['scripts/package-vscode.mjs', '--no-build', '--out', path.join(work, 'vscode')], REPO);
  if (vscode.code !== 0) throw new Error(`package:vscode failed:\n${vscode.stdout}\n${vscode.stderr}`);
  for (const name of ['main.js', 'manifest.json', 'styles.css']) copyFileSync(path.join(REPO, 'dist', 'obsidian', name), path.join(release, name));
  copyFileSync(path.join(work, 'vscode', `paper-feed-${VERSION}.vsix`), path.join(release, `paper-feed-${VERSION}.vsix`));
  copyFileSync(tarball, path.join(release, `paper-feed-${VERSION}.tgz`));
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const manifest = JSON.parse(readFileSync(path.join(REPO, 'manifest.json'), 'utf8'));

describe('release:check', () => {
  it('passes the repository and a release built from it, tagged with its version', () => {
    expect(releaseProblems({ root: REPO, dir: release, tag: VERSION })).toEqual([]);
    const cli = run(process.execPath, ['scripts/release/check.mjs', '--dir', release, '--tag', VERSION], REPO);
    expect([cli.code, cli.stderr]).toEqual([0, '']);
  });

  it('refuses a tag with a "v", a missing file and a manifest that differs from the repository', () => {
    const broken = path.join(work, 'broken');
    mkdirSync(broken);
    for (const name of ['main.js', `paper-feed-${VERSION}.vsix`, `paper-feed-${VERSION}.tgz`]) copyFileSync(path.join(release, name), path.join(broken, name));
    writeFileSync(path.join(broken, 'manifest.json'), JSON.stringify({ ...manifest, version: '0.0.9' }));
    expect(releaseProblems({ root: REPO, dir: broken, tag: `v${VERSION}` })).toEqual([
      `The tag "v${VERSION}" is not the version ${VERSION}; Obsidian needs a release named exactly ${VERSION}, without "v".`,
      `${path.relative(REPO, path.join(broken, 'styles.css'))} is missing: a release must carry the plugin's styles.css as its own file.`,
      "The release's manifest.json differs from the repository's; rebuild with npm run release.",
    ]);
  });

  it('keeps the community rules for the id, the name and the description', () => {
    expect(manifestProblems(manifest)).toEqual([]);
    expect(
      manifestProblems({
        ...manifest,
        id: 'obsidian-paper-feed-plugin',
        name: 'Obsidian Paper Feed Plugin',
        description: 'This plugin brings arXiv into Obsidian 📄',
        author: 'ada@example.org',
        version: 'v1.0',
      }),
    ).toEqual([
      'manifest.json: id "obsidian-paper-feed-plugin" must not contain "obsidian".',
      'manifest.json: id "obsidian-paper-feed-plugin" must not end with "plugin".',
      'manifest.json: name "Obsidian Paper Feed Plugin" must not contain "Obsidian".',
      'manifest.json: name "Obsidian Paper Feed Plugin" must not contain "Plugin".',
      'manifest.json: description must end with a period.',
      'manifest.json: description must not mention "Obsidian".',
      'manifest.json: description must say what it does, not refer to "this plugin".',
      'manifest.json: description must not hold emoji.',
      'manifest.json: version "v1.0" must be X.Y.Z, digits and dots only.',
      'manifest.json: author should be a name, not an e-mail address.',
    ]);
    expect(manifestProblems({ ...manifest, description: 'Read papers. '.repeat(20).trim() })).toEqual([
      'manifest.json: description has 259 characters; keep it to 250.',
    ]);
  });

  it('holds isDesktopOnly: false to the bundle: no Node or Electron on the plugin path', () => {
    expect(desktopOnlyProblems(manifest, readFileSync(path.join(release, 'main.js'), 'utf8'))).toEqual([]);
    const bundle =
      'const o=require("obsidian"),v=require("@codemirror/view"),f=require("fs");const e=require(\'electron\');x(process.env.HOME);try{m.require("util")}catch{}';
    expect(desktopOnlyProblems(manifest, bundle)).toEqual([
      'main.js uses "fs", "electron", "process.env", which Obsidian mobile does not have, yet manifest.json says isDesktopOnly: false.',
    ]);
    expect(desktopOnlyProblems({ ...manifest, isDesktopOnly: true }, bundle)).toEqual([]);
  });

  it('reads a PNG size from its header', () => {
    expect(pngSize(readFileSync(path.join(REPO, 'vscode-extension', 'media', 'icon.png')))).toEqual({ width: 128, height: 128 });
    expect(pngSize(Buffer.from('<svg/>'))).toBeUndefined();
  });
});
