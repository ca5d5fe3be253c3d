// `npm run package:cli [-- --no-build --out DIR]`: builds, stages the published `paper-feed`
// package in dist/npm (the CLI bundle, which holds everything it runs, so the package has no
// dependencies; a package.json with `bin` and a `files` whitelist; README, LICENSE, CHANGELOG)
// and packs it with `npm pack` into dist/paper-feed-VERSION.tgz. The repository's own
// package.json stays private: it is the development workspace (devDependencies, scripts).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--out DIR` packs somewhere else (tests pack into their own folder); the default is dist/.
const outFlag = process.argv.indexOf('--out');
const out = outFlag >= 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(repoRoot, 'dist');
const stage = path.join(out, 'npm');
const root = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

function run(command, args, cwd, capture = false) {
  const result = spawnSync(command, args, { cwd, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`${[command, ...args].join(' ')} failed (${result.error?.message ?? `exit code ${result.status}`}); see its output above.`);
    process.exit(1);
  }
  return result.stdout;
}

if (!process.argv.includes('--no-build')) run(process.execPath, [path.join(repoRoot, 'esbuild.config.mjs')], repoRoot);

/** What `npm i -g paper-feed` installs: the fields npm and the registry page read, nothing else. */
const PUBLISHED_MANIFEST = {
  name: 'paper-feed',
  version: root.version,
  description: "arXiv's daily announcement as linked notes in a Markdown (Obsidian) vault, from the command line or a schedule.",
  keywords: ['arxiv', 'papers', 'obsidian', 'markdown', 'notes', 'cli', 'research'],
  homepage: 'https://github.com/paper-feed/paper-feed#readme',
  bugs: { url: 'https://github.com/paper-feed/paper-feed/issues' },
  repository: { type: 'git', url: 'git+https://github.com/paper-feed/paper-feed.git' },
  license: root.license,
  type: 'module',
  bin: { 'paper-feed': 'paper-feed.js' },
  files: ['paper-feed.js', 'CHANGELOG.md'],
  engines: root.engines,
};

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
copyFileSync(path.join(repoRoot, 'dist', 'cli', 'paper-feed.js'), path.join(stage, 'paper-feed.js'));
chmodSync(path.join(stage, 'paper-feed.js'), 0o755);
copyFileSync(path.join(repoRoot, 'cli', 'README.md'), path.join(stage, 'README.md'));
copyFileSync(path.join(repoRoot, 'LICENSE'), path.join(stage, 'LICENSE'));
copyFileSync(path.join(repoRoot, 'CHANGELOG.md'), path.join(stage, 'CHANGELOG.md'));
writeFileSync(path.join(stage, 'package.json'), JSON.stringify(PUBLISHED_MANIFEST, null, 2) + '\n');

const tarball = path.join(out, `paper-feed-${root.version}.tgz`);
rmSync(tarball, { force: true });
const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', path.dirname(tarball)], stage, true));
console.log(
  `Packaged ${path.relative(repoRoot, tarball)}: ${packed.entryCount} files, ${(statSync(tarball).size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB installed, no dependencies`,
);
