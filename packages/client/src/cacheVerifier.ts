import { hash, randomBytes } from 'node:crypto';
import { KeywardUnavailableError } from './errors';
import { Feed, type FeedEvent, type FeedOptions } from './feed';
import { KEY_ID_LENGTH, KEY_LENGTH, KEY_PREFIX, parseKey } from './keyFormat';
import { Lru } from './lru';
import type { Transport } from './transport';
import type { KeywardVerifier, Verification, VerifierMetrics, VerifyOptions } from './types';
import { askServer, fromServer, liveVerdict, refused, sameString, ScopeInterner, type LiveKey, type ServerVerification } from './verdicts';
import { untilLive } from './readiness';

/**
 * Cache mode: a key's first presentation asks Keyward; the verdict is kept in a bounded
 * LRU and dropped by the change feed.
 *
 * - Entries are found by the key's public ID, and each holds a keyed digest of the full key
 *   it was given for — SHA-256 over a random per-process prefix and the key — compared in
 *   constant time on a hit. Memory thus holds no key, nor anything that could be checked
 *   against one elsewhere (Keyward stores plain SHA-256 digests). A prefix-keyed SHA-256
 *   serves as well as an HMAC here, because the digests never leave the process, and costs
 *   a sixth of one: a hit is the one-shot hash, a Map read and a 44-character comparison.
 *   Rotation's grace lets two secrets of one key be live at once, so an entry holds up to
 *   `SECRETS_PER_KEY` verdicts.
 * - A hit needs no format check: its digest matching proves the key is exactly one the
 *   server answered for. Anything else is parsed, and a malformed key never reaches the
 *   server.
 * - One verdict per key, not per (scopes, ip): a live key's verdict holds all its scopes, and
 *   INSUFFICIENT_SCOPE is worked out here from them. Only keys whose verdict depends on
 *   nothing else are cached: never a key with allowed addresses, rate limits or credits
 *   (every use of those asks the server, which alone may spend a budget). REVOKED and
 *   EXPIRED are cached too (a feed event drops them like any other); NOT_FOUND is not
 *   cached, so made-up keys cannot push real ones out of the cache.
 * - A verdict is stored only when it cannot have missed a change: the feed has a cursor
 *   (a drop while disconnected is replayed on reconnect) and nothing was dropped while the
 *   request was in flight (`generation`).
 * - While the feed is stale nothing is read from or written to the cache, and when it comes
 *   back after being stale the cache is emptied.
 */

interface CachedVerdict {
  /** The keyed digest of the presented key. */
  digest: string;
  /** Epoch ms; the verdict is not used from then on. */
  expiresAt: number | null;
  /** The key, for a live key; null for a REVOKED or EXPIRED verdict. */
  live: LiveKey | null;
  refusal: Verification | null;
}

/** The current secret and a rotated one in its grace, and one more should a rotation follow within the grace. */
const SECRETS_PER_KEY = 3;
const ID_START = KEY_PREFIX.length;
const ID_END = ID_START + KEY_ID_LENGTH;
const NO_SCOPES: readonly string[] = Object.freeze([]);

export interface CacheVerifierOptions {
  transport: Transport;
  feed: FeedOptions;
  cacheSize: number;
}

export class CacheVerifier implements KeywardVerifier {
  private readonly digestPrefix = randomBytes(32).toString('base64');
  /** Key ID → the verdicts of the secrets presented for it, newest last. */
  private readonly cache: Lru<string, CachedVerdict[]>;
  private readonly feed: Feed;
  private readonly transport: Transport;
  private readonly interner = new ScopeInterner();
  private generation = 0;
  private hits = 0;
  private misses = 0;
  private closed = false;

  constructor(options: CacheVerifierOptions) {
    this.transport = options.transport;
    this.cache = new Lru(options.cacheSize);
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

  async verify(key: string, options?: VerifyOptions): Promise<Verification> {
    if (this.closed) throw new KeywardUnavailableError('the verifier is closed');
    const required = options?.scopes ?? NO_SCOPES;
    const stale = this.feed.isStale();
    if (!stale && key.length === KEY_LENGTH) {
      const verdict = this.cached(key);
      if (verdict) {
        this.hits++;
        return verdict.live ? liveVerdict(verdict.live, required) : verdict.refusal!;
      }
    }
    const parts = parseKey(key);
    if (!parts) {
      this.hits++;
      return refused('MALFORMED');
    }
    this.misses++;
    const generation = this.generation;
    const couldStore = !stale && this.feed.position !== null;
    const answer = await askServer(this.transport, key, required, options?.ip ?? null);
    if (couldStore && generation === this.generation && !this.feed.isStale() && !this.closed) this.store(key, parts.keyId, answer);
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

  private digestOf(key: string): string {
    return hash('sha256', this.digestPrefix + key, 'base64');
  }

  /** The verdict kept for exactly this key, while it holds. */
  private cached(key: string): CachedVerdict | null {
    const keyId = key.slice(ID_START, ID_END);
    const verdicts = this.cache.get(keyId);
    if (!verdicts) return null;
    const digest = this.digestOf(key);
    for (let i = 0; i < verdicts.length; i++) {
      const verdict = verdicts[i]!;
      if (!sameString(verdict.digest, digest)) continue;
      if (verdict.expiresAt === null || verdict.expiresAt > Date.now()) return verdict;
      this.cache.delete(keyId);
      return null;
    }
    return null;
  }

  private store(key: string, keyId: string, answer: ServerVerification): void {
    let verdict: CachedVerdict;
    if ((answer.code === 'VALID' || answer.code === 'INSUFFICIENT_SCOPE') && answer.apiKey && answer.organization) {
      const apiKey = answer.apiKey;
      if (apiKey.allowedIps.length > 0 || apiKey.rateLimits.length > 0 || apiKey.credits) return;
      verdict = {
        digest: this.digestOf(key),
        expiresAt: apiKey.expiresAt ? Date.parse(apiKey.expiresAt) : null,
        live: { id: apiKey.id, name: apiKey.name, organizationId: answer.organization.id, ...this.interner.intern(answer.scopes), meta: (answer.meta as Record<string, unknown> | null | undefined) ?? null },
        refusal: null,
      };
    } else if (answer.code === 'REVOKED' || answer.code === 'EXPIRED') {
      verdict = { digest: this.digestOf(key), expiresAt: null, live: null, refusal: refused(answer.code) };
    } else {
      return;
    }
    const others = (this.cache.get(keyId) ?? []).filter((other) => other.digest !== verdict.digest);
    this.cache.set(keyId, [...others.slice(-(SECRETS_PER_KEY - 1)), verdict]);
  }

  private onEvent(event: FeedEvent): void {
    if (event.kind === 'RESYNC' || (event.kind === 'CHANGE' && !event.apiKeyId)) this.dropAll();
    else if (event.kind === 'CHANGE') this.dropKey(event.apiKeyId!);
  }

  private dropKey(keyId: string): void {
    this.generation++;
    this.cache.delete(keyId);
  }

  private dropAll(): void {
    this.generation++;
    this.cache.clear();
  }
}
