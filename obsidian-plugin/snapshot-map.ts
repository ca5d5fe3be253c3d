// A map the note index keeps current from vault events, which hands out read-only views frozen at
// the moment they were taken without copying it: each change records the value it replaced in
// every view still in use, so a run plans against one state of the vault however big it is.
import { LookupMap } from '../core/vault/lookup-map';

/** Marks a key the view did not have. */
const ABSENT: unique symbol = Symbol('absent');

export class SnapshotMap<K, V> {
  private readonly live = new Map<K, V>();
  /**
   * What each view still in use saw where the live map has changed since. Held weakly: a view
   * nobody holds any more is collected and stops costing anything.
   */
  private views: Array<WeakRef<Map<K, V | typeof ABSENT>>> = [];
  /** The latest view while nothing has changed since, so repeated snapshots share it. */
  private current: ReadonlyMap<K, V> | null = null;

  get(key: K): V | undefined {
    return this.live.get(key);
  }

  values(): IterableIterator<V> {
    return this.live.values();
  }

  entries(): IterableIterator<[K, V]> {
    return this.live.entries();
  }

  get size(): number {
    return this.live.size;
  }

  /**
   * set() for a map no view was ever taken of (the note index's first build): nothing to record
   * for anyone. Taken as set() once a view exists.
   */
  seed(key: K, value: V): void {
    if (this.views.length > 0 || this.current) this.set(key, value);
    else this.live.set(key, value);
  }

  /** Empties the map; what views saw stays as they saw it. */
  clear(): void {
    for (const key of [...this.live.keys()]) this.delete(key);
  }

  set(key: K, value: V): void {
    this.recordOld(key);
    this.live.set(key, value);
  }

  delete(key: K): void {
    if (!this.live.has(key)) return;
    this.recordOld(key);
    this.live.delete(key);
  }

  /** The map as it is now, unaffected by later changes. */
  view(): ReadonlyMap<K, V> {
    if (this.current) return this.current;
    const replaced = new Map<K, V | typeof ABSENT>();
    this.views.push(new WeakRef(replaced));
    this.current = new FrozenView(this.live, replaced);
    return this.current;
  }

  private recordOld(key: K): void {
    this.current = null;
    let alive = 0;
    for (const ref of this.views) {
      const replaced = ref.deref();
      if (!replaced) continue;
      this.views[alive++] = ref;
      if (!replaced.has(key)) replaced.set(key, this.live.has(key) ? (this.live.get(key) as V) : ABSENT);
    }
    this.views.length = alive;
  }
}

/** The live map seen through what changed since: lookups are O(1); walking it costs its size. */
class FrozenView<K, V> extends LookupMap<K, V> {
  constructor(
    private readonly live: ReadonlyMap<K, V>,
    private readonly replaced: ReadonlyMap<K, V | typeof ABSENT>,
  ) {
    super();
  }

  get(key: K): V | undefined {
    if (!this.replaced.has(key)) return this.live.get(key);
    const old = this.replaced.get(key);
    return old === ABSENT ? undefined : old;
  }

  has(key: K): boolean {
    return this.replaced.has(key) ? this.replaced.get(key) !== ABSENT : this.live.has(key);
  }

  override get size(): number {
    let size = this.live.size;
    for (const [key, old] of this.replaced) size += (old === ABSENT ? 0 : 1) - (this.live.has(key) ? 1 : 0);
    return size;
  }

  /** Copied in one synchronous step, so a change arriving while someone walks the view cannot tear it. */
  protected whole(): Map<K, V> {
    const copy = new Map<K, V>();
    for (const [key, value] of this.live) if (!this.replaced.has(key)) copy.set(key, value);
    for (const [key, old] of this.replaced) if (old !== ABSENT) copy.set(key, old);
    return copy;
  }
}
