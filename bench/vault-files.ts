// File-level facts about a vault folder for the vault benchmarks: every file with its text, and a
// snapshot of each file's identity (inode, size, mtime) to count what a run really wrote.

import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Every file under `root` (vault-relative paths, "/" separators), state folder included. */
export async function listFiles(root: string, folder = ''): Promise<string[]> {
  const entries = await readdir(join(root, folder), { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await listFiles(root, path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

export async function readFiles(root: string, paths: readonly string[]): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for (const path of paths) out.push([path, await readFile(join(root, path), 'utf8')]);
  return out;
}

/**
 * The index cache reads again any note changed in the 2 s before a scan (it could change again
 * within the same mtime tick, as git knows of racily clean files); a person runs again later.
 */
export const SETTLE_MS = 2100;

export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

export type Snapshot = Map<string, string>;

export async function snapshot(root: string): Promise<Snapshot> {
  const shot: Snapshot = new Map();
  for (const path of await listFiles(root)) {
    const info = await stat(join(root, path));
    shot.set(path, `${info.ino}:${info.size}:${info.mtimeMs}`);
  }
  return shot;
}

/** Paths created, replaced or changed between two snapshots. */
export function written(before: Snapshot, after: Snapshot): string[] {
  return [...after].filter(([path, id]) => before.get(path) !== id).map(([path]) => path);
}

/**
 * The floor: the same files written with plain fs.writeFile, one after another, each folder made
 * once; returns the milliseconds it took.
 */
export async function writeFloor(root: string, files: ReadonlyArray<readonly [string, string]>): Promise<number> {
  const start = performance.now();
  const made = new Set<string>();
  for (const [path, text] of files) {
    const absolute = join(root, path);
    const folder = dirname(absolute);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    await writeFile(absolute, text);
  }
  return performance.now() - start;
}
