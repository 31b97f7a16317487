import { rateLimited } from './auth/bcryptQueue';
import type { Principal } from './auth/principal';
import type { ScopeCatalog } from './auth/scopes';
import type { WrongKeyRate } from './auth/wrongKeys';
import type { UsageRecorder } from './db/usageRecorder';
import { KeywardError, unauthenticated } from './errors';
import { KEY_PREFIX } from './keys/format';
import type { RateLimitState } from './keys/usageGate';
import type { KeyVerifier, Verification } from './keys/verify';
import type { UsageCounter } from './usage/usageCounts';
import { andThen, oncePer } from './memo';
import { SERVICE_TOKEN_PREFIX, type CachedServiceToken, type ServiceTokenVerifier } from './serviceTokens/serviceTokens';
import type { CachedSession, SessionVerifier } from './sessions/sessions';

/**
 * What a request presents (SPEC §3): at most one credential, in `Authorization`
 * (`Bearer <token or key>`, `ApiKey <key>`) or `X-API-Key`. A header that is there but
 * says nothing usable is an error, never a quiet "anonymous".
 */
export type Credential = { kind: 'session'; token: string } | { kind: 'api_key'; key: string } | { kind: 'service'; token: string };

/** A request header by its lowercase name: from a Fetch `Headers` or a Node request alike. */
export type HeaderReader = (name: string) => string | null;

/** The credential in the `Authorization` and `X-API-Key` headers' values, if any. */
export function readCredential(header: HeaderReader): Credential | null {
  const authorization = header('authorization');
  const apiKeyHeader = header('x-api-key');
  if (authorization === null && apiKeyHeader === null) return null;
  if (authorization !== null && apiKeyHeader !== null) throw unauthenticated('Send one credential: Authorization or X-API-Key, not both');
  if (apiKeyHeader !== null) {
    if (!apiKeyHeader.trim()) throw unauthenticated('The X-API-Key header is empty');
    return { kind: 'api_key', key: apiKeyHeader.trim() };
  }

  const match = /^(Bearer|ApiKey)\s+(\S+)$/i.exec(authorization!.trim());
  if (!match) throw unauthenticated('Authorization must be "Bearer <token>" or "ApiKey <key>"');
  const [, scheme, value] = match as unknown as [string, string, string];
  // A Bearer credential is a key when it looks like one; session tokens start with kws_,
  // service credentials with kwsrv_.
  if (scheme.toLowerCase() === 'apikey' || value.startsWith(KEY_PREFIX)) return { kind: 'api_key', key: value };
  if (value.startsWith(SERVICE_TOKEN_PREFIX)) return { kind: 'service', token: value };
  return { kind: 'session', token: value };
}

/**
 * The one place that turns a request into a principal (SPEC §2–§3), composing the two
 * kinds of credential from above: sessions and keys know nothing of each other or of this.
 * A request presents at most one credential; one that is presented and fails makes the
 * whole request UNAUTHENTICATED; it is never quietly treated as anonymous — an empty
 * header included. Both kinds are answered from the credential cache when they can be.
 */
export interface Authenticators {
  keys: KeyVerifier;
  sessions: SessionVerifier;
  catalog: ScopeCatalog;
  /** lastUsedAt of API keys, written in batches. */
  usage: UsageRecorder;
  /** Uses of keys by outcome (SPEC §9 usage), written in batches. */
  usageCounts: UsageCounter;
  wrongKeys: WrongKeyRate;
  serviceTokens: ServiceTokenVerifier;
}

/**
 * Principals, one per cached credential: a verified key's VALID verdict and a session's
 * cache entry are the same object on every hit until the credential changes (a change
 * evicts the entry, and the next verification makes new ones), so every request that
 * presents the credential shares one principal and nothing is built per request.
 */
const memberOf = oncePer((session: CachedSession, catalog: ScopeCatalog): Principal => ({
  kind: 'MEMBER',
  organizationId: session.organizationId,
  memberId: session.memberId,
  // Cached with the session; a role change evicts it at once (db/notify.ts).
  role: session.role,
  sessionId: session.sessionId,
  scopes: catalog.forRole(session.role),
}));

const apiKeyOf = oncePer((verdict: Verification & { keyId: string; organizationId: string }): Principal => ({
  kind: 'API_KEY',
  organizationId: verdict.organizationId,
  apiKeyId: verdict.keyId,
  // Cached with the key; a change of access, scopes or expiry evicts it at once.
  scopes: verdict.scopes,
}));

const serviceOf = oncePer((token: CachedServiceToken): Principal => ({
  kind: 'SERVICE',
  organizationId: null,
  serviceTokenId: token.serviceTokenId,
  scopes: NO_SCOPES,
}));
const NO_SCOPES: ReadonlySet<string> = new Set();

const refusedCredential = () => unauthenticated('Invalid or expired credential');

/**
 * IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers): each applied limit as a
 * policy (`q` uses per `w` seconds) and what is left of it (`r`) until its window ends (`t`).
 */
export function rateLimitHeaders(limits: readonly RateLimitState[], now = Date.now()): Record<string, string> {
  if (limits.length === 0) return {};
  const name = (limit: RateLimitState) => `"${limit.name.replace(/["\\]/g, '')}"`;
  return {
    'RateLimit-Policy': limits.map((l) => `${name(l)};q=${l.limit};w=${l.durationSeconds}`).join(', '),
    RateLimit: limits.map((l) => `${name(l)};r=${Math.max(0, l.remaining)};t=${Math.max(0, Math.ceil((l.resetAt - now) / 1000))}`).join(', '),
  };
}

/** A key that is genuine and live but whose use is refused (SPEC §9): 429 or 403, never 401. */
function usageRefusal(verification: Verification & { keyId: string }): KeywardError {
  const headers = rateLimitHeaders(verification.usage?.rateLimits ?? []);
  if (verification.code === 'RATE_LIMITED') {
    return new KeywardError('RATE_LIMITED', 'This API key is over its rate limit; try again later', undefined, verification.retryAfterSeconds ?? 1, headers);
  }
  if (verification.code === 'USAGE_EXCEEDED') return new KeywardError('USAGE_EXCEEDED', 'This API key has no credits left', undefined, undefined, headers);
  return new KeywardError('IP_NOT_ALLOWED', 'This API key may not be used from this address');
}

function apiKeyPrincipal(verification: Verification, auth: Authenticators): Principal {
  if (verification.keyId) auth.usageCounts.count(verification.organizationId, verification.keyId, verification.code);
  else if (verification.about) auth.usageCounts.count(verification.about.organizationId, verification.about.keyId, verification.code);
  if (verification.code === 'VALID') {
    auth.usage.record(verification.keyId);
    // A metered key's verdict is new at every use (it carries what is left); its principal is not.
    return apiKeyOf(verification.verdict ?? verification);
  }
  if (verification.keyId) throw usageRefusal(verification);
  // A key still stored as bcrypt met a full bcrypt queue: the whole request is refused with 429.
  if (verification.code === 'RATE_LIMITED') throw rateLimited(verification.retryAfterSeconds ?? 1);
  auth.wrongKeys.record();
  throw refusedCredential();
}

/**
 * The request's principal, or null when it presents no credential. A credential the cache
 * holds is answered synchronously, without a promise: this runs for every request, and
 * each promise is a heap object and a turn of the microtask queue. Callers await it.
 */
export function authenticate(headers: Headers, clientIp: string | null, auth: Authenticators): Principal | null | Promise<Principal | null> {
  const credential = readCredential((name) => headers.get(name));
  if (!credential) return null;
  if (credential.kind === 'service') {
    return andThen(auth.serviceTokens.find(credential.token), (token) => {
      if (!token) throw refusedCredential();
      return serviceOf(token);
    });
  }
  if (credential.kind === 'session') {
    return andThen(auth.sessions.find(credential.token), (session) => {
      if (!session) throw refusedCredential();
      return memberOf(session, auth.catalog);
    });
  }
  // A request is a use like a verifyApiKey call (SPEC §9): from its client's address, cost 1, auto-applied limits.
  return andThen(auth.keys.verify(credential.key, [], { ip: clientIp }), (verdict) => apiKeyPrincipal(verdict, auth));
}
