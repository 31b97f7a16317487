import { hash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { ChangeMarks, type Ticket } from '../db/changeMarks';
import { KEYS_OF_PREFIX } from '../db/notify';

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
 *   loaded server, and this runs on every authenticated request. The digest is base64
 *   text, compared in constant time by `sameDigest`: Node returns a one-shot digest as a
 *   string in about half the time it takes to wrap it in a Buffer (~0.5 µs against ~1.2).
 * - Each entry carries tags (`key:<id>`, `member:<id>`, `session:<id>`); `invalidate(tag)`
 *   evicts every entry with that tag. Changes call it locally after their commit and, on
 *   PostgreSQL, through NOTIFY on every other instance.
 * - A cold verification reads the row and then spends a bcrypt compare (~80 ms) before it
 *   fills the cache; a revocation that commits meanwhile must not be undone by that late
 *   fill. So a verification takes a `ticket()` *before* it reads the row, and `fill()`
 *   drops the entry if any of its tags was invalidated after the ticket was taken, or if
 *   the whole cache was cleared since (db/changeMarks.ts).
 * - The TTL is a safety net against a change whose invalidation never arrived. An entry past
 *   it is no longer answered from memory, but it is kept (until the LRU bound pushes it out)
 *   as proof that this very credential passed once: `passedBefore()` hands it to the verifier,
 *   which reads the row again and, if the stored hash is still the one it was proved
 *   against, renews it without a bcrypt compare or the failure limits — so a key in steady
 *   use is never locked out by a flood against its key ID when its entry's time is up.
 * - `suspend()` clears the cache and makes it answer nothing and keep nothing (used while
 *   the NOTIFY listener is down: every request then reads the row); `resume()` turns it on
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

interface Stored<E> {
  digest: string;
  entry: E;
}

/**
 * Equality of two digests in time that depends on their length only (base64 of SHA-256:
 * always 44 characters), like `crypto.timingSafeEqual` but for the strings kept here.
 */
function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

const STALE_TOO = { allowStale: true } as const;

export class CredentialCache<E extends CachedCredential> {
  /** The per-process key, as a prefix string: `hash()` then takes one string, no Buffer concat. */
  private readonly digestKey = randomBytes(32).toString('base64');
  private readonly entries: LRUCache<string, Stored<E>>;
  private readonly changes = new ChangeMarks();
  private bypassing = false;
  private counters = { hits: 0, misses: 0, fills: 0, droppedFills: 0, invalidations: 0 };

  constructor(options: { max: number; ttlMs: number }) {
    // noDeleteOnStaleGet: an entry past its TTL stays, for `passedBefore()`, until it is renewed or
    // the bound pushes it out. `invalidate()` does not see it (lru-cache iterates current
    // entries only), and need not: a renewal reads the row, and `clear()` removes it.
    this.entries = new LRUCache({ max: options.max, ttl: options.ttlMs, ttlAutopurge: false, noDeleteOnStaleGet: true });
  }

  /** The keyed digest of a presented credential; the credential itself is never kept. */
  digest(credential: string): string {
    return hash('sha256', this.digestKey + credential, 'base64');
  }

  get(slot: string, digest: string): E | undefined {
    const stored = this.matching(this.entries.get(slot), digest);
    if (stored) this.counters.hits++;
    else if (!this.bypassing) this.counters.misses++;
    return stored?.entry;
  }

  /**
   * The entry this very credential was cached with, whether still current or past its TTL
   * (`get` answers only current ones): proof that it passed once. Only to look — counts
   * neither a hit nor a miss and leaves the LRU order.
   */
  passedBefore(slot: string, digest: string): E | undefined {
    return this.matching(this.entries.peek(slot, STALE_TOO), digest)?.entry;
  }

  /** The stored entry when it was filled with this very credential (constant-time compare). */
  private matching(stored: Stored<E> | undefined, digest: string): Stored<E> | undefined {
    if (this.bypassing || !stored) return undefined;
    return sameDigest(stored.digest, digest) ? stored : undefined;
  }

  /** Take before reading the row a fill will be made from. */
  ticket(): Ticket {
    return this.changes.ticket();
  }

  /** Keeps a verified credential, unless something invalidated it since `ticket`. */
  fill(ticket: Ticket, slot: string, digest: string, entry: E): boolean {
    const stale =
      this.bypassing || this.changes.isStale(ticket, entry.tags);
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
    // The channel also carries changes to key lists, which no credential is tagged with:
    // they would only cost a scan.
    if (tag.startsWith(KEYS_OF_PREFIX)) return;
    this.changes.mark(tag);
    this.counters.invalidations++;
    const doomed: string[] = [];
    // A full scan: invalidations are rare (an admin's change) and the cache is bounded.
    for (const [slot, stored] of this.entries.entries()) if (stored.entry.tags.includes(tag)) doomed.push(slot);
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
