// Which notes claim each arXiv id (or digest date) in the Obsidian note index: usually one, more
// where sync left a conflict copy. The one that stands is the original (core/vault/originals.ts).

/**
 * The notes claiming each id (or date). Nearly every id has one claim, which is the note the index
 * already holds for it (`standing`), so only ids with several are kept here: a vault of 50,000
 * notes pays for no second map of them. add and remove answer with the claim that now stands:
 * the original, as `original` chooses it.
 */
export class Claims {
  /** The keys that several notes claim (always two or more). */
  private readonly several = new Map<string, Set<string>>();

  constructor(
    private readonly original: (paths: Iterable<string>) => string,
    /** The claim the index holds for a key, as of the last add or remove. */
    private readonly standing: (key: string) => string | undefined,
  ) {}

  /** Every claim to `key` when there are several, the standing one first. */
  all(key: string): string[] | undefined {
    const held = this.several.get(key);
    if (held === undefined) return undefined;
    const standing = this.original(held);
    return [standing, ...[...held].filter((path) => path !== standing).sort()];
  }

  /** Every key with several claims, with them (walks only those). */
  contested(): Array<[string, string[]]> {
    const found: Array<[string, string[]]> = [];
    for (const key of this.several.keys()) found.push([key, this.all(key)!]);
    return found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  add(key: string, path: string): string {
    return this.addBeside(key, path, this.standing(key));
  }

  /** add() when the caller has just looked up the claim that stands for `key` (or none). */
  addBeside(key: string, path: string, standing: string | undefined): string {
    const held = this.several.get(key);
    if (held) return this.original(held.add(path));
    if (standing === undefined || standing === path) return path;
    const both = new Set([standing, path]);
    this.several.set(key, both);
    return this.original(both);
  }

  remove(key: string, path: string): string | undefined {
    const held = this.several.get(key);
    if (held === undefined) {
      const one = this.standing(key);
      return one === path ? undefined : one;
    }
    held.delete(path);
    if (held.size > 1) return this.original(held);
    this.several.delete(key);
    return held.values().next().value;
  }
}
