// Which notes claim each arXiv id (or digest date) in the Obsidian note index: usually one, more
// where sync left a conflict copy. The one that stands is the original (core/vault/originals.ts).

/**
 * The notes claiming each id (or date). Nearly every id has one, held as its path; a set only
 * where a sync conflict left more. add and remove answer with the claim that now stands: the
 * original, as `original` chooses it.
 */
export class Claims {
  private readonly byKey = new Map<string, string | Set<string>>();

  constructor(private readonly original: (paths: Iterable<string>) => string) {}

  /** Every claim to `key` when there are several, the standing one first. */
  all(key: string): string[] | undefined {
    const held = this.byKey.get(key);
    if (held === undefined || typeof held === 'string') return undefined;
    const standing = this.standing(key)!;
    return [standing, ...[...held].filter((path) => path !== standing).sort()];
  }

  /** Every key with several claims, with them (walks only those). */
  several(): Array<[string, string[]]> {
    const found: Array<[string, string[]]> = [];
    for (const [key, held] of this.byKey) if (typeof held !== 'string') found.push([key, this.all(key)!]);
    return found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  add(key: string, path: string): string {
    const held = this.byKey.get(key);
    if (held === undefined || held === path) this.byKey.set(key, path);
    else if (typeof held === 'string') this.byKey.set(key, new Set([held, path]));
    else held.add(path);
    return this.standing(key)!;
  }

  remove(key: string, path: string): string | undefined {
    const held = this.byKey.get(key);
    if (held === path) this.byKey.delete(key);
    else if (held instanceof Set) {
      held.delete(path);
      if (held.size === 1) this.byKey.set(key, held.values().next().value!);
    }
    return this.standing(key);
  }

  private standing(key: string): string | undefined {
    const held = this.byKey.get(key);
    if (held === undefined || typeof held === 'string') return held;
    return this.original(held);
  }
}
