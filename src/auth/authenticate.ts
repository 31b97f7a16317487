import { unauthenticated } from '../errors';
import type { Services } from '../services';
import { KEY_PREFIX } from '../keys/format';
import type { Verification } from '../keys/verify';
import { andThen, oncePer } from '../memo';
import type { CachedSession } from '../sessions/sessions';
import { rateLimited } from './bcryptQueue';
import type { Principal } from './principal';

/**
 * The one place that turns a request into a principal (SPEC §2–§3). A request presents
 * at most one credential; one that is presented and fails makes the whole request
 * UNAUTHENTICATED; it is never quietly treated as anonymous — an empty header included.
 * Both kinds are answered from the credential cache when they can be (see
 * keys/verify.ts and sessions/sessions.ts).
 */
export type Credential = { kind: 'session'; token: string } | { kind: 'api_key'; key: string };

/** A request header by its lowercase name: from a Fetch `Headers` or a Node request alike. */
export type HeaderReader = (name: string) => string | null;

/** The credential in the `Authorization` and `X-API-Key` headers' values, if any. */
function readCredential(authorization: string | null, apiKeyHeader: string | null): Credential | null {
  if (authorization === null && apiKeyHeader === null) return null;
  if (authorization !== null && apiKeyHeader !== null) throw unauthenticated('Send one credential: Authorization or X-API-Key, not both');
  if (apiKeyHeader !== null) {
    if (!apiKeyHeader.trim()) throw unauthenticated('The X-API-Key header is empty');
    return { kind: 'api_key', key: apiKeyHeader.trim() };
  }

  const match = /^(Bearer|ApiKey)\s+(\S+)$/i.exec(authorization!.trim());
  if (!match) throw unauthenticated('Authorization must be "Bearer <token>" or "ApiKey <key>"');
  const [, scheme, value] = match as unknown as [string, string, string];
  // A Bearer credential is a key when it looks like one; session tokens start with kws_.
  if (scheme.toLowerCase() === 'apikey' || value.startsWith(KEY_PREFIX)) return { kind: 'api_key', key: value };
  return { kind: 'session', token: value };
}

/**
 * Principals, one per cached credential: a verified key's VALID verdict and a session's
 * cache entry are the same object on every hit until the credential changes (a change
 * evicts the entry, and the next verification makes new ones), so every request that
 * presents the credential shares one principal and nothing is built per request.
 */
const memberOf = oncePer((session: CachedSession, services: Services): Principal => ({
  kind: 'MEMBER',
  organizationId: session.organizationId,
  memberId: session.memberId,
  // Cached with the session; a role change evicts it at once (db/notify.ts).
  role: session.role,
  sessionId: session.sessionId,
  scopes: services.catalog.forRole(session.role),
}));

const apiKeyOf = oncePer((verdict: Verification & { keyId: string; organizationId: string }): Principal => ({
  kind: 'API_KEY',
  organizationId: verdict.organizationId,
  apiKeyId: verdict.keyId,
  // Cached with the key; a change of access, scopes or expiry evicts it at once.
  scopes: verdict.scopes,
}));

function sessionPrincipal(session: CachedSession | null, services: Services): Principal | null {
  return session ? memberOf(session, services) : null;
}

function apiKeyPrincipal(verification: Verification, services: Services): Principal | null {
  // Too many failures or a full bcrypt queue: the whole request is refused with 429.
  if (verification.code === 'RATE_LIMITED') throw rateLimited(verification.retryAfterSeconds ?? 1);
  if (verification.code !== 'VALID') return null;
  services.usage.record(verification.keyId);
  return apiKeyOf(verification);
}

const presentedOrRefused = (principal: Principal | null): Principal => {
  if (!principal) throw unauthenticated('Invalid or expired credential');
  return principal;
};

/**
 * The request's principal, or null when it presents no credential. A credential the cache
 * holds is answered synchronously, without a promise: this runs for every request, and
 * each promise is a heap object and a turn of the microtask queue. Callers await it.
 */
export function authenticate(headers: Headers, services: Services, clientIp: string | null = null): Principal | null | Promise<Principal | null> {
  const credential = readCredential(headers.get('authorization'), headers.get('x-api-key'));
  if (!credential) return null;
  if (credential.kind === 'session') {
    return andThen(services.sessions.find(credential.token), (found) => presentedOrRefused(sessionPrincipal(found, services)));
  }
  return andThen(services.keys.verify(credential.key, [], clientIp), (verdict) => presentedOrRefused(apiKeyPrincipal(verdict, services)));
}

/**
 * When memory alone can tell that `authenticate` would refuse this request RATE_LIMITED
 * (an API key that is not cached while its key ID or the client has spent its failure
 * limit): the seconds to wait, else 0. The HTTP server answers such a request before any
 * GraphQL work (http/earlyRefusal.ts), so a flood of wrong secrets costs little more than
 * reading its headers; everything else, a malformed header included, is left to
 * `authenticate`. A number, not an error: this runs for every request of a flood, and an
 * Error would capture a stack trace for each.
 */
export function refusalFromMemory(header: HeaderReader, services: Services, clientIp: () => string | null): number {
  // No limit spent anywhere (no flood on): nothing to refuse, and no header need be read.
  if (!services.limiter.anySpent()) return 0;
  let credential: Credential | null;
  try {
    credential = readCredential(header('authorization'), header('x-api-key'));
  } catch {
    return 0;
  }
  return credential?.kind === 'api_key' ? services.keys.refusedFromMemory(credential.key, clientIp) : 0;
}
