// Shared by the release tests: the CLI package packed into a test's own folder, and a way to run
// commands there and see what they printed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBuiltCli } from '../cli/support';
import { runProcess, type ProcessResult } from '../support/process';

export const REPO = path.resolve(__dirname, '..', '..');
export const VERSION: string = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;

/** Packs the published `paper-feed` package (npm run package:cli) into `folder`; returns the tarball. */
export function packCli(folder: string): string {
  ensureBuiltCli();
  const pack = run(process.execPath, ['scripts/package-cli.mjs', '--no-build', '--out', folder], REPO);
  if (pack.code !== 0) throw new Error(`npm run package:cli failed:\n${pack.stdout}\n${pack.stderr}`);
  return path.join(folder, `paper-feed-${VERSION}.tgz`);
}

export type Ran = ProcessResult;

export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Ran {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? result.error?.message ?? '' };
}

/** Like run, without blocking this process: needed when the command talks to a server in it. */
export function runAsync(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  return runProcess(command, args, { cwd, env, timeoutMs: 180_000 });
}

/** Every file under `folder`, relative, with "/" separators, sorted. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
