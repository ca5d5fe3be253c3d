// A read-only map that answers get/has its own way (a search, a view over changes) and is walked
// through a whole Map built on demand: the part of ReadonlyMap every such map would write again.

export abstract class LookupMap<K, V> implements ReadonlyMap<K, V> {
  abstract get(key: K): V | undefined;
  abstract has(key: K): boolean;
  /** Every entry, as a Map; called whenever the map is walked (subclasses may keep it). */
  protected abstract whole(): Map<K, V>;

  get size(): number {
    return this.whole().size;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.whole()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[K, V]> {
    return this.whole().entries();
  }

  keys(): MapIterator<K> {
    return this.whole().keys();
  }

  values(): MapIterator<V> {
    return this.whole().values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.whole().entries();
  }
}
