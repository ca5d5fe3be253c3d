// The .vsix as the Marketplace and Open VSX get it: `vsce ls` lists only what the extension runs
// on, the package carries the CHANGELOG and the 128×128 icon, and `ovsx publish` accepts it,
// uploading to a local stand-in registry (ovsx has no dry-run; nothing is published).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOpenVsx, type OpenVsxStandIn } from '../support/open-vsx';
import { ensureBuiltCli } from '../cli/support';
import { REPO, VERSION, run, runAsync } from './support';

let work: string;
let vsix: string;

beforeAll(() => {
  ensureBuiltCli(); // builds every bundle, the extension's too
  work = mkdtempSync(path.join(tmpdir(), 'pf-vsix-'));
  const packed = run(process.execPath, ['scripts/package-vscode.mjs', '--no-build', '--out', work], REPO);
  if (packed.code !== 0) throw new Error(`package:vscode failed:\n${packed.stdout}\n${packed.stderr}`);
  vsix = path.join(work, `paper-feed-${VERSION}.vsix`);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the VS Code package', () => {
  it('holds only what the extension runs on (vsce ls), with its CHANGELOG and icon', () => {
    const listed = run(process.execPath, [path.join(REPO, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], path.join(work, 'vscode'));
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n').sort()).toEqual(
      ['CHANGELOG.md', 'LICENSE', 'README.md', 'extension.js', 'media/icon.png', 'media/paper-feed.svg', 'package.json', 'web/extension.js'].sort(),
    );
    expect(run('unzip', ['-Z1', vsix], work).stdout.trim().split('\n').sort()).toEqual(
      [
        '[Content_Types].xml',
        'extension.vsixmanifest',
        'extension/LICENSE.txt',
        'extension/changelog.md',
        'extension/extension.js',
        'extension/media/icon.png',
        'extension/media/paper-feed.svg',
        'extension/package.json',
        'extension/readme.md',
        'extension/web/extension.js',
      ].sort(),
    );
    const manifest = run('unzip', ['-p', vsix, 'extension.vsixmanifest'], work).stdout;
    expect(manifest).toContain('<Property Id="Microsoft.VisualStudio.Services.Links.Source" Value="https://github.com/paper-feed/paper-feed.git" />');
    expect(manifest).toContain('<Property Id="Microsoft.VisualStudio.Services.Branding.Color" Value="#1d3557" />');
    expect(manifest).toContain('<Asset Type="Microsoft.VisualStudio.Services.Content.Changelog" Path="extension/changelog.md" Addressable="true" />');
    expect(manifest).toContain('<Asset Type="Microsoft.VisualStudio.Services.Icons.Default" Path="extension/media/icon.png" Addressable="true" />');
  });

  describe('ovsx publish', () => {
    let registry: OpenVsxStandIn;
    beforeAll(async () => {
      registry = await startOpenVsx({ namespace: 'paper-feed', name: 'paper-feed', version: VERSION });
    });
    afterAll(() => registry.close());

    it('accepts the .vsix and uploads exactly it', async () => {
      const env = { ...process.env, CI: 'true', OVSX_PAT: '' };
      const published = await runAsync(
        process.execPath,
        [path.join(REPO, 'node_modules/ovsx/bin/ovsx'), 'publish', vsix, '--registryUrl', registry.url, '--pat', 'stand-in-token'],
        work,
        env,
      );
      expect(published.code, published.stderr).toBe(0);
      expect(published.stdout).toContain(`Published paper-feed.paper-feed v${VERSION}`);
      expect(registry.requests).toContain('POST /api/-/publish');
      expect(registry.uploads).toHaveLength(1);
      expect(registry.uploads[0]!.equals(readFileSync(vsix))).toBe(true);
    }, 60_000);
  });
});
