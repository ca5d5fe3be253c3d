// `npm run release`: builds every file a GitHub release carries into dist/release/: the Obsidian
// plugin's main.js, manifest.json and styles.css (each its own file, as Obsidian and BRAT fetch
// them), the VS Code .vsix and the CLI's npm tarball. release.yml attaches exactly these.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
const out = path.join(repoRoot, 'dist', 'release');

function run(script, ...args) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, script), ...args], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${script} failed (exit code ${result.status}); see its output above.`);
    process.exit(1);
  }
}

run('scripts/package-vscode.mjs');
run('scripts/package-cli.mjs', '--no-build');

const RELEASE_FILES = ['main.js', 'manifest.json', 'styles.css', `paper-feed-${version}.vsix`, `paper-feed-${version}.tgz`];
const from = {
  'main.js': 'dist/obsidian/main.js',
  'manifest.json': 'dist/obsidian/manifest.json',
  'styles.css': 'dist/obsidian/styles.css',
  [`paper-feed-${version}.vsix`]: `dist/paper-feed-${version}.vsix`,
  [`paper-feed-${version}.tgz`]: `dist/paper-feed-${version}.tgz`,
};
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const name of RELEASE_FILES) copyFileSync(path.join(repoRoot, from[name]), path.join(out, name));
console.log(`\nRelease ${version} in dist/release/:`);
for (const name of RELEASE_FILES) console.log(`  ${name.padEnd(24)} ${(statSync(path.join(out, name)).size / 1024).toFixed(1)} KB`);
console.log('Check it with: npm run release:check');
