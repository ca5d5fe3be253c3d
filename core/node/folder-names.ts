// The names in one vault folder, as the disks a vault syncs to compare them (folded by pathKey),
// to answer "is a name that differs only in case or accents taken?" for each new note. A folder
// of 50,000 notes is kept as 50,000 sorted 32-bit fingerprints (200 KB) rather than two strings
// a name (about 15 MB); the rare fingerprint that matches is confirmed by listing the folder again.

import { pathKey } from '../vault/index-of';

export class FolderNames {
  /** Names this run added to the folder since it was listed, by folded name. */
  private readonly added = new Map<string, string>();

  private constructor(
    private readonly sorted: Uint32Array,
    private readonly list: () => AsyncIterable<readonly string[]>,
  ) {}

  /** The folder's names as `list` gives them now, a batch at a time (it is called again to confirm a match). */
  static async of(list: () => AsyncIterable<readonly string[]>): Promise<FolderNames> {
    let found = new Uint32Array(1024);
    let count = 0;
    for await (const batch of list()) {
      if (count + batch.length > found.length) {
        const grown = new Uint32Array(Math.max(found.length * 2, count + batch.length));
        grown.set(found.subarray(0, count));
        found = grown;
      }
      for (const name of batch) found[count++] = foldedFingerprint(name);
    }
    return new FolderNames(found.slice(0, count).sort(), list);
  }

  /** The names as fingerprints saved by fingerprints() (sorted), for a folder unchanged since; `list` confirms a match. */
  static saved(fingerprints: Uint32Array, list: () => AsyncIterable<readonly string[]>): FolderNames {
    return new FolderNames(fingerprints, list);
  }

  /** Every name's fingerprint, the names added since the listing too, sorted: what saved() takes back. */
  fingerprints(): Uint32Array {
    if (this.added.size === 0) return this.sorted;
    const all = new Uint32Array(this.sorted.length + this.added.size);
    all.set(this.sorted);
    let at = this.sorted.length;
    for (const key of this.added.keys()) all[at++] = fingerprint(key);
    return all.sort();
  }

  /** The folder's name that folds to `key` (a pathKey), or undefined; of several, the one listed last. */
  async find(key: string): Promise<string | undefined> {
    const added = this.added.get(key);
    if (added !== undefined) return added;
    if (!this.mayHold(fingerprint(key))) return undefined;
    let found: string | undefined;
    for await (const batch of this.list()) for (const name of batch) if (pathKey(name) === key) found = name;
    return found;
  }

  /** A name created in the folder after it was listed. */
  add(name: string): void {
    this.added.set(pathKey(name), name);
  }

  private mayHold(wanted: number): boolean {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle]! < wanted) low = middle + 1;
      else high = middle;
    }
    return this.sorted[low] === wanted;
  }
}

/** The fingerprint of a name's pathKey; an ASCII name (most) is folded as it is read, with no copy made. */
function foldedFingerprint(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) {
    const unit = name.charCodeAt(i);
    if (unit > 0x7f) return fingerprint(pathKey(name));
    hash = Math.imul(hash ^ (unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit), 0x01000193);
  }
  return hash >>> 0;
}

/** FNV-1a over the key's UTF-16 units (foldedFingerprint gives the same for an ASCII name, lower-casing as it goes). */
function fingerprint(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
