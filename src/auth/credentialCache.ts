import { LRUCache } from 'lru-cache';
import { ChangeMarks, type Ticket } from '../db/changeMarks';

/**
 * Credentials read from the database, held in memory (SPEC §7): an API key's row by its
 * key ID, a session by its token's digest. Only what verification needs is kept — stored
 * digests, never a presented secret — so a heap dump holds nothing that opens anything.
 *
 * - Each entry carries tags (`key:<id>`, `member:<id>`, `session:<id>`); `invalidate(tag)`
 *   evicts every entry with that tag. Changes call it locally after their commit and, on
 *   PostgreSQL, through NOTIFY on every other instance (db/notify.ts).
 * - A fill made from a row read before a change commits must not undo that change. So a
 *   reader takes a `ticket()` *before* it reads the row, and `fill()` drops the entry if any
 *   of its tags was invalidated after the ticket was taken, or if the whole cache was
 *   cleared since (db/changeMarks.ts).
 * - The TTL is a safety net against a change whose invalidation never arrived; an entry
 *   past it is read again, which costs one indexed read.
 * - `suspend()` clears the cache and makes it answer nothing and keep nothing (used while
 *   the NOTIFY listener is down: every request then reads its row); `resume()` turns it on
 *   again and refuses fills from tickets taken while it was off.
 */

export interface CachedCredential {
  /** Invalidation tags this entry belongs to. */
  tags: readonly string[];
}

export type { Ticket };

export interface CacheStats {
  size: number;
  hits: number;
  misses: number;
  fills: number;
  droppedFills: number;
  invalidations: number;
  bypassing: boolean;
}

export class CredentialCache<E extends CachedCredential> {
  private readonly entries: LRUCache<string, E>;
  private readonly changes = new ChangeMarks();
  private bypassing = false;
  private counters = { hits: 0, misses: 0, fills: 0, droppedFills: 0, invalidations: 0 };

  constructor(options: { max: number; ttlMs: number }) {
    this.entries = new LRUCache({ max: options.max, ttl: options.ttlMs, ttlAutopurge: false });
  }

  get(slot: string): E | undefined {
    if (this.bypassing) return undefined;
    const entry = this.entries.get(slot);
    if (entry) this.counters.hits++;
    else this.counters.misses++;
    return entry;
  }

  /** Take before reading the row a fill will be made from. */
  ticket(): Ticket {
    return this.changes.ticket();
  }

  /** Keeps an entry read from the database, unless something invalidated it since `ticket`. */
  fill(ticket: Ticket, slot: string, entry: E): boolean {
    if (this.bypassing || this.changes.isStale(ticket, entry.tags)) {
      this.counters.droppedFills++;
      return false;
    }
    this.entries.set(slot, entry);
    this.counters.fills++;
    return true;
  }

  /** Removes one slot (an entry found dead on a hit, or a row rewritten by its reader). */
  delete(slot: string): void {
    this.entries.delete(slot);
  }

  /** Evicts every entry carrying `tag`, and refuses later fills from earlier tickets. */
  invalidate(tag: string): void {
    this.changes.mark(tag);
    this.counters.invalidations++;
    const doomed: string[] = [];
    // A full scan: invalidations are rare (an admin's change) and the cache is bounded.
    for (const [slot, entry] of this.entries.entries()) if (entry.tags.includes(tag)) doomed.push(slot);
    for (const slot of doomed) this.entries.delete(slot);
  }

  clear(): void {
    this.entries.clear();
    this.changes.markAll();
  }

  suspend(): void {
    this.bypassing = true;
    this.clear();
  }

  resume(): void {
    this.bypassing = false;
    this.changes.markAll();
  }

  stats(): CacheStats {
    return { size: this.entries.size, ...this.counters, bypassing: this.bypassing };
  }
}
