/**
 * A bounded map that evicts the least recently used entry, on a Map's insertion order.
 *
 * Recency is refreshed lazily: a hit moves its entry to the end only when at least half the
 * map's bound has been inserted or moved since that entry was last placed. Moving costs a
 * delete and an insert, which would be most of a cache hit's time; skipping it for entries
 * already in the newer half changes nothing that matters — an entry used at least once
 * every `max / 2` insertions is never evicted.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, { value: V; placed: number }>();
  private placements = 0;
  private readonly refreshAfter: number;

  constructor(private readonly max: number) {
    this.refreshAfter = Math.max(1, Math.floor(max / 2));
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const slot = this.map.get(key);
    if (slot === undefined) return undefined;
    if (this.placements - slot.placed >= this.refreshAfter) {
      this.map.delete(key);
      this.place(key, slot);
    }
    return slot.value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.place(key, { value, placed: 0 });
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  private place(key: K, slot: { value: V; placed: number }): void {
    slot.placed = ++this.placements;
    this.map.set(key, slot);
  }
}
