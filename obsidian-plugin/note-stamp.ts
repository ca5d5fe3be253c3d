// A stamp of a set of paper notes: each note's path (as its folded-name number, folded-paths.ts),
// mtime and size mixed into two 32-bit numbers, summed over the set, with the count beside them.
// A sum does not care about order, so the note index stamps the vault as it walks it at start-up,
// and the Top picks library keeps the stamp of the notes it has entries for current one change at
// a time. When the two agree, every paper note is as the library last saw it: the session can
// start from what the library saved instead of looking at 50,000 notes again. Two different sets
// agree by chance about once in 2^64.
import { slotOf } from './folded-paths';

/** The stamp as saved: [first sum, second sum, count]. */
export type SavedStamp = [number, number, number];

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** murmur3's finalizer: every bit of `h` reaches every bit of the answer. */
function mixed(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** One note's share of a sum, under `seed`: the mtime by its exact bits, so a change of a fraction of a millisecond counts. */
function share(seed: number, slot: number, mtime: number, size: number): number {
  bits[0] = mtime;
  let h = mixed(seed ^ slot);
  h = mixed(h ^ words[0]!);
  h = mixed(h ^ words[1]!);
  return mixed(h ^ size);
}

export class NoteStamp {
  private a = 0;
  private b = 0;
  count = 0;

  /** Adds the note at `path`, or a note whose path's number the caller has (FoldedPaths.add gives it). */
  add(path: string | number, mtime: number, size: number): void {
    const slot = typeof path === 'number' ? path : slotOf(path);
    this.a = (this.a + share(0x3c6ef372, slot, mtime, size)) | 0;
    this.b = (this.b + share(0x5be0cd19, slot, mtime, size)) | 0;
    this.count += 1;
  }

  /** Takes back a note added with the same path, mtime and size. */
  remove(path: string, mtime: number, size: number): void {
    const slot = slotOf(path);
    this.a = (this.a - share(0x3c6ef372, slot, mtime, size)) | 0;
    this.b = (this.b - share(0x5be0cd19, slot, mtime, size)) | 0;
    this.count -= 1;
  }

  equals(other: NoteStamp): boolean {
    return this.a === other.a && this.b === other.b && this.count === other.count;
  }

  saved(): SavedStamp {
    return [this.a, this.b, this.count];
  }

  /** The stamp saved as `value`, or null when it is not one. */
  static from(value: unknown): NoteStamp | null {
    if (!Array.isArray(value) || value.length !== 3 || !value.every((n) => Number.isInteger(n))) return null;
    const [a, b, count] = value as SavedStamp;
    if (a !== (a | 0) || b !== (b | 0) || count < 0) return null;
    const stamp = new NoteStamp();
    stamp.a = a;
    stamp.b = b;
    stamp.count = count;
    return stamp;
  }
}
