// `npm run package:vscode [-- --no-build --out DIR]`: builds, stages the extension in
// dist/vscode (bundles from the build, plus manifest, README, CHANGELOG, LICENSE and media) and
// packs it with @vscode/vsce into dist/paper-feed-VERSION.vsix. Works offline: vsce comes from node_modules and the bundles
// already hold every dependency (--no-dependencies).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(repoRoot, 'vscode-extension');
// `--out DIR` stages and packs there instead of dist/ (tests use their own folder); the build
// itself always goes to dist/.
const outFlag = process.argv.indexOf('--out');
const out = outFlag >= 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(repoRoot, 'dist');
const built = path.join(repoRoot, 'dist', 'vscode');
const stage = path.join(out, 'vscode');

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${[command, ...args].join(' ')} failed (${result.error?.message ?? `exit code ${result.status}`}); see its output above.`);
    process.exit(1);
  }
}

if (!process.argv.includes('--no-build')) run(process.execPath, [path.join(repoRoot, 'esbuild.config.mjs')], repoRoot);
if (stage !== built) {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const bundle of ['extension.js', 'web/extension.js']) cpSync(path.join(built, bundle), path.join(stage, bundle));
}

for (const bundle of ['extension.js', 'web/extension.js']) {
  if (!existsSync(path.join(stage, bundle))) {
    console.error(`The build did not write dist/vscode/${bundle}; check esbuild.config.mjs.`);
    process.exit(1);
  }
}

const manifest = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
copyFileSync(path.join(source, 'package.json'), path.join(stage, 'package.json'));
copyFileSync(path.join(source, 'README.md'), path.join(stage, 'README.md'));
copyFileSync(path.join(source, 'LICENSE'), path.join(stage, 'LICENSE'));
// One changelog for every channel, kept at the repository root; the Marketplace shows it as a tab.
copyFileSync(path.join(repoRoot, 'CHANGELOG.md'), path.join(stage, 'CHANGELOG.md'));
rmSync(path.join(stage, 'media'), { recursive: true, force: true });
cpSync(path.join(source, 'media'), path.join(stage, 'media'), { recursive: true });
// Only what the extension needs at run time goes into the package: icon.svg is the PNG's source.
writeFileSync(path.join(stage, '.vscodeignore'), '**/*.map\n.vscodeignore\nmedia/icon.svg\n');

const vsix = path.join(out, `${manifest.name}-${manifest.version}.vsix`);
rmSync(vsix, { force: true });
const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], stage);
console.log(`Packaged ${path.relative(repoRoot, vsix)}`);
