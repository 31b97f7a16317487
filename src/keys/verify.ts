import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import { apiKeys, type ApiKeyRow } from '../db/schema';
import type { ScopeCatalog, Scopes } from '../auth/scopes';
import { parseKey } from './format';
import { scopesOfKey, statusOf } from './keys';
import { secretMatches } from './secrets';

/**
 * Checking a presented key (SPEC §3): parse and checksum → one lookup by key ID → one
 * bcrypt compare → status, expiry, scopes. Never a scan over several hashes: the key's
 * checksum says whether it claims the current secret or the one a rotation left behind.
 *
 * REVOKED and EXPIRED are told only to a caller who holds the right secret; a wrong
 * secret reads exactly like an unknown key.
 */
export type VerificationCode = 'VALID' | 'MALFORMED' | 'NOT_FOUND' | 'REVOKED' | 'EXPIRED' | 'INSUFFICIENT_SCOPE' | 'RATE_LIMITED';

export type Verification =
  | { code: 'VALID' | 'INSUFFICIENT_SCOPE'; key: ApiKeyRow; scopes: Scopes }
  | { code: Exclude<VerificationCode, 'VALID' | 'INSUFFICIENT_SCOPE'>; key: null; scopes: Scopes };

const EMPTY: Scopes = new Set();

/** The stored hash the presented checksum claims, if that secret is still honoured. */
function hashFor(key: ApiKeyRow, checksum: string, now: Date): string | null {
  if (checksum === key.checksum) return key.secretHash;
  if (key.previousSecretHash && checksum === key.previousChecksum && key.previousExpiresAt && key.previousExpiresAt > now) {
    return key.previousSecretHash;
  }
  return null;
}

export async function verifyKey(
  db: Queryable,
  catalog: ScopeCatalog,
  presented: string,
  requiredScopes: readonly string[] = [],
  now = new Date(),
): Promise<Verification> {
  const parsed = parseKey(presented);
  if (!parsed) return { code: 'MALFORMED', key: null, scopes: EMPTY };

  const [key] = await db.select().from(apiKeys).where(eq(apiKeys.id, parsed.keyId));
  const hash = key ? hashFor(key, parsed.checksum, now) : null;
  if (!key || !hash || !(await secretMatches(parsed.secret, hash))) return { code: 'NOT_FOUND', key: null, scopes: EMPTY };

  const status = statusOf(key, now);
  if (status !== 'ACTIVE') return { code: status, key: null, scopes: EMPTY };
  const scopes = scopesOfKey(catalog, key);
  const missing = requiredScopes.some((s) => !scopes.has(s));
  return { code: missing ? 'INSUFFICIENT_SCOPE' : 'VALID', key, scopes };
}
