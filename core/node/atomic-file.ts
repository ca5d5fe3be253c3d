// Crash-safe file writes: the text goes to a hidden temp file in the same folder, is flushed to
// disk, then renamed (or hard-linked, for a create) over the target, so a note is always either
// the old text or the new text, never half of it. Flushing the folder (which makes the new name
// itself survive a power cut) can be left to the caller, to do once for many files.

import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import * as nodePath from 'node:path';

/** Temp files look like `.paper-feed-<pid>-<hex>.tmp`: hidden, never `.md`, and tied to a process. */
const TEMP_NAME = /^\.paper-feed-(\d+)-[0-9a-f]+\.tmp$/;

/** A temp file older than this is debris from a crash even if its pid now belongs to another process. */
const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

function tempPathBeside(target: string): string {
  return nodePath.join(nodePath.dirname(target), `.paper-feed-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * mkdir -p, one level at a time. (Node's recursive mkdir spins forever on file systems that
 * answer ENOENT under an existing folder, such as /proc.)
 */
export async function makeFolders(path: string): Promise<void> {
  try {
    await mkdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(path)).isDirectory()) return;
      throw error;
    }
    const parent = nodePath.dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    await makeFolders(parent);
    await mkdir(path).catch((again: unknown) => {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    });
  }
}

/** Writes a file's bytes a piece at a time, each piece at its position in the file. */
export type PieceWriter = (put: (bytes: Uint8Array, position: number) => Promise<void>) => Promise<void>;

/** What a file is written from: text, bytes, or a writer of its pieces. */
export type FileContent = string | Uint8Array | PieceWriter;

/** Writes `content` to a fresh temp file beside `target` and flushes it; returns the temp path. */
async function writeFlushedTemp(target: string, content: FileContent, mode: number): Promise<string> {
  await makeFolders(nodePath.dirname(target));
  const temp = tempPathBeside(target);
  const handle = await open(temp, 'wx', mode);
  try {
    if (typeof content !== 'function') await handle.writeFile(content, 'utf8');
    else {
      await content(async (bytes, position) => {
        for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done, bytes.length - done, position + done)).bytesWritten;
      });
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Where a write leaves its folder's flush: undefined flushes it at once; a set collects the folder
 * for the caller to flush later with syncFolder (once per folder rather than once per file).
 */
export type FolderSync = Set<string> | undefined;

function afterRename(target: string, folders: FolderSync): Promise<void> {
  const folder = nodePath.dirname(target);
  if (!folders) return syncFolder(folder);
  folders.add(folder);
  return Promise.resolve();
}

/** Flushes a folder so a rename in it survives a power cut; not possible on every platform. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open folders for syncing; the rename itself is still atomic there.
  } finally {
    await handle?.close();
  }
}

export class FileExistsError extends Error {
  constructor() {
    super('File already exists.');
  }
}

/**
 * Creates `target` with `content`, atomically and only if nothing is there: a hard link of the
 * flushed temp file fails when the name is taken, even against a concurrent creator.
 */
export async function createFileAtomically(target: string, content: string, folders?: FolderSync): Promise<void> {
  const temp = await writeFlushedTemp(target, content, 0o644);
  try {
    try {
      await link(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError();
      if (!linkUnsupported(code)) throw error;
      // Some file systems (FAT, some network shares) have no hard links; under the vault lock a
      // check followed by a rename is the best they allow.
      if (await pathExists(target)) throw new FileExistsError();
      await rename(temp, target);
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await afterRename(target, folders);
}

/**
 * Creates `target` holding `content`, or throws FileExistsError: like createFileAtomically, so
 * the file is never seen empty, except that where hard links are missing it falls back to an
 * exclusive open (still only one creator wins; the file is empty for the moment of the write).
 * On any failure, nothing of this call is left behind.
 */
export async function createFileExclusively(target: string, content: string): Promise<void> {
  const temp = await writeFlushedTemp(target, content, 0o644);
  try {
    await link(temp, target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError();
    if (!linkUnsupported(code)) throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  let handle;
  try {
    handle = await open(target, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError();
    throw error;
  }
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(target).catch(() => undefined);
    throw error;
  }
}

function linkUnsupported(code: string | undefined): boolean {
  return code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP' || code === 'EXDEV';
}

/** Replaces `target` with `content` atomically, keeping the file's permission bits. */
export async function replaceFileAtomically(target: string, content: FileContent): Promise<void> {
  const temp = await writeFlushedTemp(target, content, await modeOf(target));
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(nodePath.dirname(target));
}

/**
 * Like replaceFileAtomically, but between flushing and renaming checks with `stillCurrent` that
 * nobody changed the file meanwhile; when someone did, drops the temp file and returns false.
 */
export async function replaceFileIfUnchanged(target: string, content: string, stillCurrent: () => Promise<boolean>, folders?: FolderSync): Promise<boolean> {
  const temp = await writeFlushedTemp(target, content, await modeOf(target));
  try {
    if (!(await stillCurrent())) {
      await unlink(temp).catch(() => undefined);
      return false;
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await afterRename(target, folders);
  return true;
}

async function modeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return 0o644;
  }
}

async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes a temp file left by a crashed run. Ours and live processes' temp files are kept,
 * unless they are so old that the pid must have been reused.
 */
export async function removeIfAbandonedTemp(path: string, mtimeMs: number, now = Date.now()): Promise<boolean> {
  const pid = Number(TEMP_NAME.exec(nodePath.basename(path))?.[1]);
  if (!Number.isFinite(pid)) return false;
  const old = now - mtimeMs > TEMP_MAX_AGE_MS;
  if (!old && (pid === process.pid || processIsAlive(pid))) return false;
  await unlink(path).catch(() => undefined);
  return true;
}

/** Whether a process with this id runs on this machine (EPERM: it runs, as another user). */
export function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
