// Where the CLI keeps the "Top picks" library index between runs: beside the vault
// index in `.paper-feed/library.json`, written atomically, so a run tokenises only new or edited
// library papers.

import { readFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import type { LibraryCache } from '../notes/library-source';
import { replaceFileAtomically } from './atomic-file';

const LIBRARY_CACHE_FILE = 'library.json';
/** The library as the running Zotero last gave it, beside the index. */
export const ZOTERO_CACHE_FILE = 'zotero-library.json';

/** The cache in `stateFolder` (the vault's `.paper-feed`); a missing or damaged file reads as none. */
export function fileLibraryCache(stateFolder: string, name = LIBRARY_CACHE_FILE): LibraryCache {
  const path = nodePath.join(stateFolder, name);
  return {
    async load() {
      try {
        return JSON.parse(await readFile(path, 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    save: (json) => replaceFileAtomically(path, JSON.stringify(json)),
  };
}
