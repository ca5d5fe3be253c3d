// A VaultIndex over plain maps, for stores that hold their index in memory (tests, Obsidian's
// snapshot). The citekey and path lookups are built on first use, once per index.

import type { LibraryItem } from '../rank/library';
import type { IndexedPaperNote, VaultIndex } from './store';

const NON_ASCII = /[\u0080-\uffff]/;

/** Paths compare as the strictest file systems do: Unicode-normalised and case-insensitive. */
export function pathKey(path: string): string {
  // Every new note's path passes through here; ASCII (most of them) is already NFC.
  return (NON_ASCII.test(path) ? path.normalize('NFC') : path).toLowerCase();
}

export function indexOfMaps(papers: ReadonlyMap<string, IndexedPaperNote>, dailies: ReadonlyMap<string, string>, library?: LibraryItem[]): VaultIndex {
  let citekeys: Set<string> | undefined;
  let paths: Set<string> | undefined;
  return {
    papers,
    dailies,
    hasCitekey(key) {
      citekeys ??= new Set([...papers.values()].flatMap((note) => (note.citekey ? [note.citekey.toLowerCase()] : [])));
      return citekeys.has(key.toLowerCase());
    },
    hasPath(path) {
      paths ??= new Set([...[...papers.values()].map((note) => note.path), ...dailies.values()].map(pathKey));
      return paths.has(pathKey(path));
    },
    ...(library ? { library } : {}),
  };
}
