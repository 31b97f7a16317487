import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { KeywardUnavailableError } from './errors';
import { Feed, type FeedEvent, type FeedOptions } from './feed';
import { parseKey } from './keyFormat';
import { Lru } from './lru';
import type { Transport } from './transport';
import type { KeywardVerifier, Verification, VerifierMetrics, VerifyOptions } from './types';
import { askServer, fromServer, liveVerdict, refused, ScopeInterner, sha256, type LiveKey, type ServerVerification } from './verdicts';
import { untilLive } from './readiness';

/**
 * Cache mode: a key's first presentation asks Keyward; the verdict is kept in a bounded
 * LRU and dropped by the change feed.
 *
 * - Keyed by HMAC-SHA256 of the presented key under a random per-process key, so memory
 *   holds no key nor anything that could be checked against one elsewhere; each entry also
 *   holds the key's SHA-256, compared in constant time on a hit.
 * - One entry per key, not per (scopes, ip): a live key's entry holds all its scopes, and
 *   INSUFFICIENT_SCOPE is worked out here from them. Only keys whose verdict depends on
 *   nothing else are cached: never a key with allowed addresses, rate limits or credits
 *   (every use of those asks the server, which alone may spend a budget). REVOKED and
 *   EXPIRED are cached too (a feed event drops them like any other); NOT_FOUND is not
 *   cached, so made-up keys cannot push real ones out of the cache; MALFORMED never reaches
 *   the server.
 * - A verdict is stored only when it cannot have missed a change: the feed has a cursor
 *   (a drop while disconnected is replayed on reconnect) and nothing was dropped while the
 *   request was in flight (`generation`).
 * - While the feed is stale nothing is read from or written to the cache, and when it comes
 *   back after being stale the cache is emptied.
 */

interface CachedVerdict {
  keyId: string;
  /** SHA-256 of the presented key. */
  digest: Buffer;
  /** Epoch ms; the entry is not used from then on. */
  expiresAt: number | null;
  /** The key, for a live key; null for a REVOKED or EXPIRED verdict. */
  live: LiveKey | null;
  refusal: Verification | null;
}

export interface CacheVerifierOptions {
  transport: Transport;
  feed: FeedOptions;
  cacheSize: number;
}

export class CacheVerifier implements KeywardVerifier {
  private readonly hmacKey = randomBytes(32);
  private readonly byKeyId = new Map<string, Set<string>>();
  private readonly cache: Lru<string, CachedVerdict>;
  private readonly feed: Feed;
  private readonly transport: Transport;
  private readonly interner = new ScopeInterner();
  private generation = 0;
  private hits = 0;
  private misses = 0;
  private closed = false;

  constructor(options: CacheVerifierOptions) {
    this.transport = options.transport;
    this.cache = new Lru(options.cacheSize, (hash, entry) => this.unindex(hash, entry.keyId));
    this.feed = new Feed(options.feed, {
      onEvent: (event) => this.onEvent(event),
      onLive: (wasStale) => {
        if (wasStale) this.dropAll();
      },
    });
    this.feed.start(null);
  }

  ready(): Promise<void> {
    return untilLive(this.feed);
  }

  async verify(key: string, options: VerifyOptions = {}): Promise<Verification> {
    if (this.closed) throw new KeywardUnavailableError('the verifier is closed');
    const required = options.scopes ?? [];
    const parts = parseKey(key);
    if (!parts) {
      this.hits++;
      return refused('MALFORMED');
    }
    const hash = createHmac('sha256', this.hmacKey).update(key).digest('base64');
    const stale = this.feed.isStale();
    if (!stale) {
      const entry = this.cache.get(hash);
      if (entry && timingSafeEqual(entry.digest, sha256(key))) {
        if (entry.expiresAt === null || entry.expiresAt > Date.now()) {
          this.hits++;
          return entry.live ? liveVerdict(entry.live, required) : entry.refusal!;
        }
        this.cache.delete(hash);
      }
    }
    this.misses++;
    const generation = this.generation;
    const couldStore = !stale && this.feed.position !== null;
    const answer = await askServer(this.transport, key, required, options.ip ?? null);
    if (couldStore && generation === this.generation && !this.feed.isStale() && !this.closed) this.store(hash, key, parts.keyId, answer);
    return fromServer(answer);
  }

  metrics(): VerifierMetrics {
    return {
      hits: this.hits,
      misses: this.misses,
      serverCalls: this.transport.calls,
      feedConnected: this.feed.isConnected,
      lastEventAt: this.feed.lastEventAt,
      stale: this.feed.isStale(),
      keys: this.cache.size,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.feed.close();
    this.dropAll();
  }

  private store(hash: string, key: string, keyId: string, answer: ServerVerification): void {
    let entry: CachedVerdict;
    if ((answer.code === 'VALID' || answer.code === 'INSUFFICIENT_SCOPE') && answer.apiKey && answer.organization) {
      const apiKey = answer.apiKey;
      if (apiKey.allowedIps.length > 0 || apiKey.rateLimits.length > 0 || apiKey.credits) return;
      entry = {
        keyId,
        digest: sha256(key),
        expiresAt: apiKey.expiresAt ? Date.parse(apiKey.expiresAt) : null,
        live: { id: apiKey.id, name: apiKey.name, organizationId: answer.organization.id, ...this.interner.intern(answer.scopes), meta: (answer.meta as Record<string, unknown> | null | undefined) ?? null },
        refusal: null,
      };
    } else if (answer.code === 'REVOKED' || answer.code === 'EXPIRED') {
      entry = { keyId, digest: sha256(key), expiresAt: null, live: null, refusal: refused(answer.code) };
    } else {
      return;
    }
    this.cache.set(hash, entry);
    let hashes = this.byKeyId.get(keyId);
    if (!hashes) this.byKeyId.set(keyId, (hashes = new Set()));
    hashes.add(hash);
  }

  private onEvent(event: FeedEvent): void {
    if (event.kind === 'RESYNC' || (event.kind === 'CHANGE' && !event.apiKeyId)) this.dropAll();
    else if (event.kind === 'CHANGE') this.dropKey(event.apiKeyId!);
  }

  private dropKey(keyId: string): void {
    this.generation++;
    const hashes = this.byKeyId.get(keyId);
    if (!hashes) return;
    for (const hash of [...hashes]) this.cache.delete(hash);
    this.byKeyId.delete(keyId);
  }

  private dropAll(): void {
    this.generation++;
    this.cache.clear();
    this.byKeyId.clear();
  }

  private unindex(hash: string, keyId: string): void {
    const hashes = this.byKeyId.get(keyId);
    if (!hashes) return;
    hashes.delete(hash);
    if (hashes.size === 0) this.byKeyId.delete(keyId);
  }
}
