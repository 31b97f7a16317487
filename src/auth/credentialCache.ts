import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * Verified credentials held in memory (SPEC §7): once an API key or a session has been
 * checked against the database (and bcrypt), later presentations are answered from here.
 *
 * - Entries sit in a *slot* (an API key's ID and checksum; a session token's digest) and
 *   hold a keyed digest of the presented credential: SHA-256 over a random 256-bit key
 *   that lives only in this process followed by the credential, so a heap dump holds
 *   nothing that can be replayed or brute-forced offline. A presentation matches an entry
 *   only when its digest is equal (constant-time compare); a different secret is a plain
 *   miss and never touches the entry.
 * - Why not HMAC: the digest never leaves this process and is only compared for equality,
 *   so the length extension that HMAC's second pass guards against gives an attacker
 *   nothing (it needs a digest to extend). One-shot `crypto.hash` costs ~1 µs and no
 *   object; `createHmac` builds an OpenSSL context per call, several times that on a
 *   loaded server, and this runs on every authenticated request.
 * - Each entry carries tags (`key:<id>`, `member:<id>`, `session:<id>`); `invalidate(tag)`
 *   evicts every entry with that tag. Changes call it locally after their commit and, on
 *   PostgreSQL, through NOTIFY on every other instance.
 * - A cold verification reads the row and then spends a bcrypt compare (~80 ms) before it
 *   fills the cache; a revocation that commits meanwhile must not be undone by that late
 *   fill. So a verification takes a `ticket()` *before* it reads the row, and `fill()`
 *   drops the entry if any of its tags was invalidated after the ticket was taken, or if
 *   the whole cache was cleared since.
 * - `suspend()` clears the cache and makes it answer nothing and keep nothing (used while
 *   the NOTIFY listener is down: every request then reads the row); `resume()` turns it on
 *   again and refuses fills from tickets taken while it was off.
 */

export interface CachedCredential {
  /** Invalidation tags this entry belongs to. */
  tags: readonly string[];
}

export interface Ticket {
  readonly seq: number;
}

export interface CacheStats {
  size: number;
  hits: number;
  misses: number;
  fills: number;
  droppedFills: number;
  invalidations: number;
  bypassing: boolean;
}

interface Stored<E> {
  digest: Buffer;
  entry: E;
}

/** How long a mark of an invalidation is kept; far longer than any verification can take. */
const MARK_TTL_MS = 5 * 60_000;
const MAX_MARKS = 100_000;

export class CredentialCache<E extends CachedCredential> {
  /** The per-process key, as a prefix string: `hash()` then takes one string, no Buffer concat. */
  private readonly digestKey = randomBytes(32).toString('base64');
  private readonly entries: LRUCache<string, Stored<E>>;
  /** tag → sequence number of its last invalidation. */
  private readonly marks: LRUCache<string, number>;
  private seq = 0;
  /** Fills from tickets older than this are refused (cache cleared, or a mark was lost). */
  private floor = 0;
  private bypassing = false;
  private counters = { hits: 0, misses: 0, fills: 0, droppedFills: 0, invalidations: 0 };

  constructor(options: { max: number; ttlMs: number }) {
    this.entries = new LRUCache({ max: options.max, ttl: options.ttlMs, ttlAutopurge: false });
    this.marks = new LRUCache({
      max: MAX_MARKS,
      ttl: MARK_TTL_MS,
      // A mark that is dropped (pushed out or timed out) could let a late stale fill
      // through: refuse every fill whose ticket predates it instead.
      dispose: (markSeq, _tag, reason) => {
        if ((reason === 'evict' || reason === 'expire') && markSeq > this.floor) this.floor = markSeq;
      },
    });
  }

  /** The keyed digest of a presented credential; the credential itself is never kept. */
  digest(credential: string): Buffer {
    return hash('sha256', this.digestKey + credential, 'buffer');
  }

  get(slot: string, digest: Buffer): E | undefined {
    const stored = this.matching(this.entries.get(slot), digest);
    if (stored) this.counters.hits++;
    else if (!this.bypassing) this.counters.misses++;
    return stored?.entry;
  }

  /** Like `get`, but only to look: counts neither a hit nor a miss, and leaves the LRU order. */
  holds(slot: string, digest: Buffer): boolean {
    return this.matching(this.entries.peek(slot), digest) !== undefined;
  }

  /** The stored entry when it was filled with this very credential (constant-time compare). */
  private matching(stored: Stored<E> | undefined, digest: Buffer): Stored<E> | undefined {
    if (this.bypassing || !stored) return undefined;
    return stored.digest.length === digest.length && timingSafeEqual(stored.digest, digest) ? stored : undefined;
  }

  /** Take before reading the row a fill will be made from. */
  ticket(): Ticket {
    return { seq: ++this.seq };
  }

  /** Keeps a verified credential, unless something invalidated it since `ticket`. */
  fill(ticket: Ticket, slot: string, digest: Buffer, entry: E): boolean {
    const stale =
      this.bypassing || ticket.seq <= this.floor || entry.tags.some((tag) => (this.marks.get(tag) ?? 0) > ticket.seq);
    if (stale) {
      this.counters.droppedFills++;
      return false;
    }
    this.entries.set(slot, { digest, entry });
    this.counters.fills++;
    return true;
  }

  /** Removes one slot (a credential found dead on a hit, e.g. past its grace end). */
  delete(slot: string): void {
    this.entries.delete(slot);
  }

  /** Evicts every entry carrying `tag`, and refuses later fills from earlier tickets. */
  invalidate(tag: string): void {
    this.marks.set(tag, ++this.seq);
    this.counters.invalidations++;
    const doomed: string[] = [];
    // A full scan: invalidations are rare (an admin's change) and the cache is bounded.
    for (const [slot, stored] of this.entries.entries()) if (stored.entry.tags.includes(tag)) doomed.push(slot);
    for (const slot of doomed) this.entries.delete(slot);
  }

  clear(): void {
    this.entries.clear();
    this.floor = ++this.seq;
  }

  suspend(): void {
    this.bypassing = true;
    this.clear();
  }

  resume(): void {
    this.bypassing = false;
    this.floor = ++this.seq;
  }

  stats(): CacheStats {
    return { size: this.entries.size, ...this.counters, bypassing: this.bypassing };
  }
}
