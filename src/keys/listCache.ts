import { LRUCache } from 'lru-cache';
import { ChangeMarks, type Ticket } from '../db/changeMarks';
import { KEYS_OF_PREFIX, tagOf } from '../db/notify';

/**
 * Answers to "list this organization's keys", held for a moment. A page of 50 keys with
 * every field costs about ten empty requests (reading the rows, then resolving some 700
 * fields), and the admin console asks for the same page again and again; from here a
 * repeat costs a lookup.
 *
 * - An entry belongs to one organization and is found only by the exact key its caller
 *   builds (who asks, with which scopes, which document and variables: see
 *   graphql/keyListCache.ts).
 * - Every change to an organization's keys (create, update, rotate, revoke) announces
 *   `keys-of:<organization>` on the invalidation channel, in the change's transaction
 *   (db/notify.ts): this instance evicts that organization's entries as soon as the change
 *   commits, the others when the NOTIFY reaches them (on PostgreSQL, well within 1 s).
 * - What changes without an announcement is bounded by the TTL: `lastUsedAt` (written in
 *   batches every 5 s, so a list is at most 5 + 2 s behind, within SPEC §7's 10 s) and a
 *   status that turns EXPIRED when an expiry passes (shown at most 2 s late; verification
 *   itself always checks expiry on the spot).
 * - A fill is refused when a change was announced after its read began (a ticket, as in
 *   the credential cache), and nothing is kept or served while the channel is down.
 */
export const KEY_LIST_TTL_MS = 2_000;
/**
 * The bound, in characters of what an entry holds: the answer's JSON text and its cache
 * key. Measured, an entry takes about 4.2 bytes of heap per character (the text and the
 * result objects behind it), so this is about 10 MB. A console page of 20 keys is about
 * 10,000 characters (44 KB): some 250 of them fit.
 */
export const KEY_LIST_MAX_CHARS = 2_500_000;
/** Larger answers are not kept: they would push out many pages that are asked for more often. */
export const KEY_LIST_MAX_ENTRY_CHARS = 250_000;

interface Stored<V> {
  organizationId: string;
  value: V;
  /** Characters the entry holds (its answer's text and its key), counted against the bound. */
  size: number;
}

export interface KeyListCacheStats {
  size: number;
  /** Characters held, against KEY_LIST_MAX_CHARS. */
  chars: number;
  hits: number;
  misses: number;
  fills: number;
  droppedFills: number;
}

export class KeyListCache<V extends object> {
  private readonly entries: LRUCache<string, Stored<V>>;
  private readonly changes = new ChangeMarks();
  private bypassing = false;
  private counters = { hits: 0, misses: 0, fills: 0, droppedFills: 0 };

  private readonly enabled: boolean;

  /** `ttlMs` 0 turns the cache off: nothing is kept (KEY_LIST_CACHE_TTL_MS=0). */
  constructor(options: { maxChars?: number; ttlMs?: number } = {}) {
    const ttl = options.ttlMs ?? KEY_LIST_TTL_MS;
    this.enabled = ttl > 0;
    this.entries = new LRUCache({
      maxSize: options.maxChars ?? KEY_LIST_MAX_CHARS,
      sizeCalculation: (stored) => stored.size,
      ttl: Math.max(ttl, 1),
      ttlAutopurge: false,
    });
  }

  get(organizationId: string, key: string): V | undefined {
    if (this.bypassing || !this.enabled) return undefined;
    const stored = this.entries.get(`${organizationId} ${key}`);
    if (stored) this.counters.hits++;
    else this.counters.misses++;
    return stored?.value;
  }

  /** Take before the list is read. */
  ticket(): Ticket {
    return this.changes.ticket();
  }

  /** Keeps `value` (`chars` long as sent) unless a change was announced since `ticket`. */
  fill(ticket: Ticket, organizationId: string, key: string, value: V, chars: number): boolean {
    if (!this.enabled) return false;
    const size = chars + key.length;
    if (this.bypassing || size > KEY_LIST_MAX_ENTRY_CHARS || this.changes.isStale(ticket, [tagOf({ keysOf: organizationId })])) {
      this.counters.droppedFills++;
      return false;
    }
    this.entries.set(`${organizationId} ${key}`, { organizationId, value, size });
    this.counters.fills++;
    return true;
  }

  /** The invalidation channel's entry point: acts on `keys-of:` tags, ignores the rest. */
  invalidate(tag: string): void {
    if (!tag.startsWith(KEYS_OF_PREFIX)) return;
    this.changes.mark(tag);
    const organizationId = tag.slice(KEYS_OF_PREFIX.length);
    const doomed: string[] = [];
    // A scan of the few hundred entries the bound allows: key changes are admin actions, far
    // rarer than reads.
    for (const [key, stored] of this.entries.entries()) if (stored.organizationId === organizationId) doomed.push(key);
    for (const key of doomed) this.entries.delete(key);
  }

  suspend(): void {
    this.bypassing = true;
    this.entries.clear();
    this.changes.markAll();
  }

  resume(): void {
    this.bypassing = false;
    this.changes.markAll();
  }

  stats(): KeyListCacheStats {
    return { size: this.entries.size, chars: this.entries.calculatedSize, ...this.counters };
  }
}
