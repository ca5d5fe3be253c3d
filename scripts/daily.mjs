// `npm run daily -- [options]`: builds the CLI when dist/cli/paper-feed.js is missing or older
// than its sources, then runs `paper-feed daily` (or the command given) into ./vault.
// With no arguments it fetches the real latest announcement; offline, it says to add --sample.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'dist', 'cli', 'paper-feed.js');
const SOURCES = ['core', 'package.json', 'package-lock.json', 'esbuild.config.mjs'].map((p) => join(REPO, p));

function newestSourceTime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return /\.(ts|json|mjs)$/.test(path) ? info.mtimeMs : 0;
  return Math.max(0, ...readdirSync(path).map((name) => newestSourceTime(join(path, name))));
}

function cliIsCurrent() {
  if (!existsSync(CLI)) return false;
  const sources = Math.max(...SOURCES.filter((p) => existsSync(p)).map(newestSourceTime));
  return statSync(CLI).mtimeMs >= sources;
}

if (!cliIsCurrent()) {
  process.stderr.write('Building the Paper Feed CLI…\n');
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0 && !cliIsCurrent()) {
    process.stderr.write('The Paper Feed CLI could not be built (see above); run "npm run build" to see why.\n');
    process.exit(4);
  }
}

const args = process.argv.slice(2);
// The child gets Ctrl-C from the terminal itself and stops cleanly; this wrapper just waits.
process.on('SIGINT', () => undefined);
const run = spawnSync(process.execPath, [CLI, ...(args.length === 0 ? ['daily'] : args)], {
  stdio: 'inherit',
  env: { ...process.env, PAPER_FEED_SAMPLE_COMMAND: 'npm run daily -- --sample' },
});
process.exit(run.status ?? 1);
