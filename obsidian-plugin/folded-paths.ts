// Paths grouped by their folded name (pathKey: case and Unicode form folded), as the note index
// asks "does anything hold this name?". In a vault of 50,000 notes a map keyed by the folded
// names would keep a lower-case copy of every path; this one keys each group by a small number
// computed from the folded name and holds only the app's own path strings, checking the folded
// name again on lookup (two names can share a number).
import { pathKey } from '../core/vault/index-of';

export class FoldedPaths {
  /** Folded-name number → the path held, or the paths in the order they came when several share it. */
  private readonly groups = new Map<number, string | string[]>();

  /** Adds `path` (a path already held stays where it was); answers with its folded name's number (slotOf). */
  add(path: string): number {
    const slot = slotOf(path);
    const held = this.groups.get(slot);
    if (held === undefined) this.groups.set(slot, path);
    else if (typeof held === 'string') {
      if (held !== path) this.groups.set(slot, [held, path]);
    } else if (!held.includes(path)) held.push(path);
    return slot;
  }

  delete(path: string): void {
    const slot = slotOf(path);
    const held = this.groups.get(slot);
    if (held === path) this.groups.delete(slot);
    else if (Array.isArray(held)) {
      const at = held.indexOf(path);
      if (at < 0) return;
      held.splice(at, 1);
      if (held.length === 1) this.groups.set(slot, held[0]!);
    }
  }

  /** The first path held whose folded name is `path`'s (and that `accept` takes, when given), or null. */
  holderOf(path: string, accept?: (held: string) => boolean): string | null {
    const held = this.groups.get(slotOf(path));
    if (held === undefined) return null;
    const key = pathKey(path);
    const holds = (candidate: string) => pathKey(candidate) === key && (!accept || accept(candidate));
    if (typeof held === 'string') return holds(held) ? held : null;
    return held.find(holds) ?? null;
  }

  has(path: string): boolean {
    return this.holderOf(path) !== null;
  }
}

/**
 * FNV-1a over the folded name (`fold`: pathKey, or lower case alone), cut to 30 bits so the engine
 * keeps it as a small integer. An ASCII name (nearly all) is folded letter by letter as it is
 * hashed, without building the folded copy; the first other character sends it to `fold`.
 */
export function slotOf(name: string, fold: (name: string) => string = pathKey): number {
  const ascii = fnv(name, true);
  return ascii !== NOT_ASCII ? ascii : fnv(fold(name), false);
}

const NOT_ASCII = -1;

function fnv(key: string, asciiOnly: boolean): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    if (asciiOnly && c >= 0x80) return NOT_ASCII;
    hash = Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
  }
  return hash & 0x3fffffff;
}
