/**
 * The client's public contract (SPEC §11): `createVerifier(options)` and `verify(key, { scopes, ip })`
 * answering the shape and codes of Keyward's `verifyApiKey`.
 */

export type VerificationCode =
  | 'VALID'
  | 'MALFORMED'
  | 'NOT_FOUND'
  | 'REVOKED'
  | 'EXPIRED'
  | 'INSUFFICIENT_SCOPE'
  | 'RATE_LIMITED'
  | 'USAGE_EXCEEDED'
  | 'IP_NOT_ALLOWED';

export interface Verification {
  valid: boolean;
  code: VerificationCode;
  /** Every scope the key holds (empty unless the caller proved the secret). */
  scopes: string[];
  apiKey: { id: string; name: string } | null;
  organization: { id: string } | null;
  /** Credits left, for a key with credits (answered by the server). */
  remaining: number | null;
  rateLimits: Array<{ name: string; limit: number; remaining: number; resetAt: string }>;
  meta: Record<string, unknown> | null;
  retryAfterSeconds: number | null;
}

export interface VerifyOptions {
  /** Scopes the call needs: INSUFFICIENT_SCOPE when the key lacks one. */
  scopes?: readonly string[];
  /** The address of your own client, for keys with allowed addresses. */
  ip?: string | null;
}

export interface VerifierOptions {
  /** Keyward's GraphQL endpoint, e.g. http://keyward.internal:4000/graphql. */
  url: string;
  /** A service credential from `npm run service-token -- --name <name>`. */
  serviceToken: string;
  /** 'cache' (default): first presentations ask the server. 'replica': every key is held locally. */
  mode?: 'cache' | 'replica';
  /** While the feed has been down longer than this, no cached or replicated verdict is trusted (default 30 s). */
  staleAfterMs?: number;
  /**
   * Replica mode: how long after the feed dropped the replica may still answer when Keyward
   * itself cannot be reached; beyond it `verify()` throws KeywardUnavailableError (default 5 min).
   */
  maxStalenessMs?: number;
  /** Cache mode: at most this many verdicts held (default 10,000). */
  cacheSize?: number;
  /** Each call to Keyward gives up after this long (default 5 s). */
  requestTimeoutMs?: number;
  /** The feed reconnects with randomised exponential backoff from 100 ms up to this (default 5 s). */
  maxReconnectDelayMs?: number;
  /** Told when the feed drops, reconnects, goes stale or resynchronises. */
  logger?: VerifierLogger;
}

export interface VerifierLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

export interface VerifierMetrics {
  /** verify() calls answered here, without Keyward (cache hits, replica answers, MALFORMED). */
  hits: number;
  /** verify() calls that asked Keyward. */
  misses: number;
  /** Every request to Keyward: verifications, snapshot pages, key reloads. */
  serverCalls: number;
  /** The feed is connected and live (READY received on the current connection). */
  feedConnected: boolean;
  /** When the last feed event arrived (epoch ms), null before the first. */
  lastEventAt: number | null;
  /** The feed has been down longer than staleAfterMs: nothing held here is trusted. */
  stale: boolean;
  /** Verdicts cached (cache mode) or keys held (replica mode). */
  keys: number;
}

export interface Verifier {
  verify(key: string, options?: VerifyOptions): Promise<Verification>;
  close(): Promise<void>;
}

/** What createVerifier returns: a Verifier, plus readiness and metrics. */
export interface KeywardVerifier extends Verifier {
  /** Resolves when verifications can be answered: the feed is followed (and, for a replica, the snapshot loaded). */
  ready(): Promise<void>;
  metrics(): VerifierMetrics;
}
