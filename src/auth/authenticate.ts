import { unauthenticated } from '../errors';
import type { Services } from '../services';
import { KEY_PREFIX } from '../keys/format';
import { verifyKey } from '../keys/verify';
import { findSession } from '../sessions/sessions';
import type { Principal } from './principal';

/**
 * The one place that turns a request into a principal (SPEC §2–§3). A request presents
 * at most one credential; one that is presented and fails makes the whole request
 * UNAUTHENTICATED; it is never quietly treated as anonymous.
 */
export type Credential = { kind: 'session'; token: string } | { kind: 'api_key'; key: string };

function readCredential(headers: Headers): Credential | null {
  const authorization = headers.get('authorization')?.trim();
  const apiKeyHeader = headers.get('x-api-key')?.trim();
  if (authorization && apiKeyHeader) throw unauthenticated('Send one credential: Authorization or X-API-Key, not both');
  if (apiKeyHeader) return { kind: 'api_key', key: apiKeyHeader };
  if (!authorization) return null;

  const match = /^(Bearer|ApiKey)\s+(\S+)$/i.exec(authorization);
  if (!match) throw unauthenticated('Authorization must be "Bearer <token>" or "ApiKey <key>"');
  const [, scheme, value] = match as unknown as [string, string, string];
  // A Bearer credential is a key when it looks like one; session tokens start with kws_.
  if (scheme.toLowerCase() === 'apikey' || value.startsWith(KEY_PREFIX)) return { kind: 'api_key', key: value };
  return { kind: 'session', token: value };
}

async function sessionPrincipal(token: string, services: Services): Promise<Principal | null> {
  const found = await findSession(services.database.db, token);
  if (!found) return null;
  const { session, member } = found;
  return {
    kind: 'MEMBER',
    organizationId: member.organizationId,
    memberId: member.id,
    // Read from the member row on every request, so a role change applies at once.
    role: member.role,
    sessionId: session.id,
    scopes: services.catalog.forRole(member.role),
  };
}

async function apiKeyPrincipal(key: string, services: Services): Promise<Principal | null> {
  const verification = await verifyKey(services.database.db, services.catalog, key);
  if (verification.code !== 'VALID') return null;
  services.usage.record(verification.key.id);
  return {
    kind: 'API_KEY',
    organizationId: verification.key.organizationId,
    apiKeyId: verification.key.id,
    // Read from the key row on every request, so a change of access applies at once.
    scopes: verification.scopes,
  };
}

export async function authenticate(headers: Headers, services: Services): Promise<Principal | null> {
  const credential = readCredential(headers);
  if (!credential) return null;
  const principal =
    credential.kind === 'session'
      ? await sessionPrincipal(credential.token, services)
      : await apiKeyPrincipal(credential.key, services);
  if (!principal) throw unauthenticated('Invalid or expired credential');
  return principal;
}
