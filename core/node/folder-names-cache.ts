// The names of the folders a run wrote into, kept between runs in `.paper-feed/folder-names.json`
// as their fingerprints (folder-names.ts), each with the folder's mtime after the run's writes. A
// folder whose mtime is still that has gained, lost and renamed no entries since, so the next run
// need not list it again: a folder of 35,000 notes takes about 50 ms to list and fingerprint, every
// run. The vault index trusts folder mtimes the same way (vault-index.ts). A folder is listed again
// a week after its last listing, as the index's full check looks at every folder once a week.

import { readFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { isRecord } from '../record';
import { replaceFileAtomically } from './atomic-file';
import { FULL_CHECK_MS } from './vault-index';

export const FOLDER_NAMES_FILE = 'folder-names.json';

/** A folder's names as saved: its mtime, when they were last listed (ms), and the fingerprints (sorted, 4 bytes each little-endian, base64). */
interface SavedFolder {
  m: number;
  listedAt: number;
  names: string;
}

export interface SavedNames {
  fingerprints: Uint32Array;
  listedAt: number;
}

export class FolderNamesCache {
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly folders: Map<string, SavedFolder>,
  ) {}

  /** The cache in `stateFolder`; empty when it is missing or damaged (each folder is then listed once). */
  static async load(stateFolder: string): Promise<FolderNamesCache> {
    const file = nodePath.join(stateFolder, FOLDER_NAMES_FILE);
    const folders = new Map<string, SavedFolder>();
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as unknown;
      if (isRecord(stored) && isRecord(stored.folders)) {
        for (const [folder, saved] of Object.entries(stored.folders)) if (isSavedFolder(saved)) folders.set(folder, saved);
      }
    } catch {
      // Missing or damaged: the folders are listed.
    }
    return new FolderNamesCache(file, folders);
  }

  /** The names of `folder` saved when its mtime was `mtimeMs`, if it still is, they are sound, and their listing is under a week old at `now`. */
  take(folder: string, mtimeMs: number, now: number): SavedNames | null {
    const saved = this.folders.get(folder);
    if (saved?.m !== mtimeMs) return null;
    if (now - saved.listedAt >= FULL_CHECK_MS || now < saved.listedAt) return null;
    const fingerprints = decode(saved.names);
    return fingerprints ? { fingerprints, listedAt: saved.listedAt } : null;
  }

  put(folder: string, mtimeMs: number, names: SavedNames): void {
    this.folders.set(folder, { m: mtimeMs, listedAt: names.listedAt, names: encode(names.fingerprints) });
    this.changed = true;
  }

  /** Writes the cache when anything was put; a failure only costs the next run a listing. */
  async save(): Promise<void> {
    if (!this.changed) return;
    this.changed = false;
    const folders = Object.fromEntries(this.folders);
    await replaceFileAtomically(this.file, `${JSON.stringify({ version: 1, folders })}\n`).catch(() => undefined);
  }
}

function isSavedFolder(value: unknown): value is SavedFolder {
  return isRecord(value) && typeof value.m === 'number' && typeof value.listedAt === 'number' && typeof value.names === 'string';
}

function encode(fingerprints: Uint32Array): string {
  const bytes = Buffer.alloc(fingerprints.length * 4);
  for (let i = 0; i < fingerprints.length; i += 1) bytes.writeUInt32LE(fingerprints[i]!, i * 4);
  return bytes.toString('base64');
}

/** The fingerprints saved, or null unless they are whole and sorted (a search in them would miss names otherwise). */
function decode(text: string): Uint32Array | null {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) return null;
  const fingerprints = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < fingerprints.length; i += 1) {
    fingerprints[i] = bytes.readUInt32LE(i * 4);
    if (i > 0 && fingerprints[i - 1]! > fingerprints[i]!) return null;
  }
  return fingerprints;
}
