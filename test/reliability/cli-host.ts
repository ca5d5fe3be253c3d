// The built `paper-feed` CLI as the reliability tests drive it: built when stale, run as a child
// process with a clean environment, and vaults compared byte for byte before and after.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const CLI = join(REPO, 'dist', 'cli', 'paper-feed.js');

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds dist/cli/paper-feed.js with the project's build when it is older than its sources. */
export function ensureBuiltCli(): void {
  const sources = Math.max(newest(join(REPO, 'core')), newest(join(REPO, 'esbuild.config.mjs')), newest(join(REPO, 'package.json')));
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= sources) return;
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < sources) throw new Error(`The CLI could not be built:\n${build.stderr}`);
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment a person's shell would give, without any PAPER_FEED_* of the caller's. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => !k.startsWith('PAPER_FEED_') && v !== undefined)) as Record<
    string,
    string
  >;
  return { ...inherited, ...extra };
}

export function startCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

export function finished(child: ChildProcess): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return finished(startCli(args, cwd, env));
}

/** Every file under `dir`, hidden ones included, as relative path → bytes. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(full.slice(dir.length + 1), await readFile(full));
  }
  return files;
}

/** Text of every note (`.md`) under `dir`. */
export async function notes(dir: string): Promise<Map<string, string>> {
  const all = await snapshot(dir);
  return new Map([...all].filter(([path]) => path.endsWith('.md')).map(([path, bytes]) => [path, bytes.toString('utf8')]));
}

/** Paths whose bytes differ between two snapshots (added, removed or changed). */
export function differences(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .filter((p) => {
      const a = before.get(p);
      const b = after.get(p);
      return a === undefined || b === undefined || !a.equals(b);
    })
    .sort();
}

export async function copyVault(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
}
