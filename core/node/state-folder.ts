// The vault's `.paper-feed/` folder (lock, index, caches), opened so that nothing Paper Feed
// keeps there can be written outside the vault: a symbolic link in its place, or in place of one
// of its files, is refused rather than followed, and a file or folder standing where Paper Feed
// needs the other kind is named, with what to do about it.

import { lstat, readlink } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { PaperFeedError } from '../errors';
import { isDiskFull, reasonFor } from './fs-reasons';
import { makeFolders } from './atomic-file';

export const STATE_FOLDER = '.paper-feed';

/** Every file Paper Feed keeps in the state folder. */
const STATE_FILES = ['lock', 'index.txt', 'index.log', 'library.json', 'enrich-cache.json', 'updates.json', 'folder-names.json'];

/** The absolute state folder of the vault at `realRoot`, created when missing; throws 'vault' when unsafe. */
export async function openStateFolder(realRoot: string): Promise<string> {
  const folder = nodePath.join(realRoot, STATE_FOLDER);
  const found = await kindOf(folder);
  if (found === 'link') {
    throw refusal(
      `"${folder}" is a symbolic link${await target(folder)}, and Paper Feed keeps its lock and index only in a real folder inside the vault; remove the link (Paper Feed makes the folder itself) and run again.`,
    );
  }
  if (found === 'file' || found === 'other') {
    throw refusal(`"${folder}" is a file, but Paper Feed needs a folder of that name for its lock and index; move or rename that file and run again.`);
  }
  if (found === 'missing') {
    await makeFolders(folder).catch((error: unknown) => {
      const what = isDiskFull(error) ? 'free some space on the disk' : 'check that the vault folder is writable';
      throw refusal(`Could not make Paper Feed's folder "${folder}": ${reasonFor(error)}; ${what} and run again.`);
    });
  }
  for (const name of STATE_FILES) {
    const file = nodePath.join(folder, name);
    const kind = await kindOf(file);
    if (kind === 'link') {
      throw refusal(
        `"${file}" is a symbolic link${await target(file)}, and Paper Feed does not follow links for its own files; remove the link and run again.`,
      );
    }
    if (kind === 'folder') {
      throw refusal(`"${file}" is a folder, but Paper Feed keeps a file of that name there; remove that folder (Paper Feed puts nothing in it) and run again.`);
    }
    if (kind === 'other') {
      throw refusal(
        `"${file}" is not a regular file (a pipe or device stands there), so Paper Feed cannot keep its own file of that name; remove it and run again.`,
      );
    }
  }
  return folder;
}

type Kind = 'missing' | 'link' | 'folder' | 'file' | 'other';

async function kindOf(path: string): Promise<Kind> {
  try {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return 'link';
    if (info.isDirectory()) return 'folder';
    return info.isFile() ? 'file' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw refusal(`Could not look at "${path}": ${reasonFor(error)}; check that the vault folder is readable and run again.`);
  }
}

async function target(link: string): Promise<string> {
  const to = await readlink(link).catch(() => null);
  return to === null ? '' : ` to "${to}"`;
}

function refusal(message: string): PaperFeedError {
  return new PaperFeedError('vault', message);
}
