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
}

export interface Verifier {
  verify(key: string, options?: VerifyOptions): Promise<Verification>;
  close(): Promise<void>;
}
