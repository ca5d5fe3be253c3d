// The citekeys of the indexed notes, as hasCitekey asks for them: in any case. A vault of 50,000
// notes would keep a lower-case copy of every key in a map keyed by them; this one keys each
// group by a number computed from the lower-case key (folded-paths.ts) and holds the metadata
// cache's own strings, comparing in lower case only on lookup (two keys can share a number).
import { slotOf } from './folded-paths';

const lowerCase = (key: string) => key.toLowerCase();

export class CitekeyCounts {
  /** Number → the citekey of each note counted under it, one per note (a key two notes share is there twice). */
  private readonly groups = new Map<number, string | string[]>();

  add(key: string): void {
    const slot = slotOf(key, lowerCase);
    const held = this.groups.get(slot);
    if (held === undefined) this.groups.set(slot, key);
    else if (typeof held === 'string') this.groups.set(slot, [held, key]);
    else held.push(key);
  }

  /** Takes back one note's count of `key`, in any case. */
  delete(key: string): void {
    const slot = slotOf(key, lowerCase);
    const held = this.groups.get(slot);
    if (held === undefined) return;
    const lower = key.toLowerCase();
    if (typeof held === 'string') {
      if (held.toLowerCase() === lower) this.groups.delete(slot);
      return;
    }
    const at = held.findIndex((one) => one.toLowerCase() === lower);
    if (at < 0) return;
    held.splice(at, 1);
    if (held.length === 1) this.groups.set(slot, held[0]!);
  }

  /** Whether any note counted has `key`, in any case. */
  has(key: string): boolean {
    const held = this.groups.get(slotOf(key, lowerCase));
    if (held === undefined) return false;
    const lower = key.toLowerCase();
    return typeof held === 'string' ? held.toLowerCase() === lower : held.some((one) => one.toLowerCase() === lower);
  }
}
