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
/** At most 100 keys a page at well under 1 KB each: a bound of about 20 MB in the worst case. */
export const KEY_LIST_ENTRIES = 200;

interface Stored<V> {
  organizationId: string;
  value: V;
}

export interface KeyListCacheStats {
  size: number;
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

  constructor(options: { max?: number; ttlMs?: number } = {}) {
    this.entries = new LRUCache({ max: options.max ?? KEY_LIST_ENTRIES, ttl: options.ttlMs ?? KEY_LIST_TTL_MS, ttlAutopurge: false });
  }

  get(organizationId: string, key: string): V | undefined {
    if (this.bypassing) return undefined;
    const stored = this.entries.get(`${organizationId} ${key}`);
    if (stored) this.counters.hits++;
    else this.counters.misses++;
    return stored?.value;
  }

  /** Take before the list is read. */
  ticket(): Ticket {
    return this.changes.ticket();
  }

  fill(ticket: Ticket, organizationId: string, key: string, value: V): boolean {
    if (this.bypassing || this.changes.isStale(ticket, [tagOf({ keysOf: organizationId })])) {
      this.counters.droppedFills++;
      return false;
    }
    this.entries.set(`${organizationId} ${key}`, { organizationId, value });
    this.counters.fills++;
    return true;
  }

  /** The invalidation channel's entry point: acts on `keys-of:` tags, ignores the rest. */
  invalidate(tag: string): void {
    if (!tag.startsWith(KEYS_OF_PREFIX)) return;
    this.changes.mark(tag);
    const organizationId = tag.slice(KEYS_OF_PREFIX.length);
    const doomed: string[] = [];
    // A scan of at most KEY_LIST_ENTRIES: key changes are admin actions, far rarer than reads.
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
    return { size: this.entries.size, ...this.counters };
  }
}
