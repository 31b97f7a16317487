import { eq, sql } from 'drizzle-orm';
import type { BcryptQueue } from '../auth/bcryptQueue';
import type { CachedCredential, CredentialCache } from '../auth/credentialCache';
import type { FailureLimiter } from '../auth/limiter';
import type { ScopeCatalog, Scopes } from '../auth/scopes';
import type { Queryable } from '../db/open';
import { tagOf } from '../db/notify';
import { apiKeys, type ApiKeyRow } from '../db/schema';
import { KeywardError } from '../errors';
import { CHECKSUM_LENGTH, KEY_ID_LENGTH, KEY_LENGTH, KEY_PREFIX, parseKey, type ParsedKey } from './format';
import { scopesOfKey, statusOf } from './keys';
import { secretMatches } from './secrets';

/**
 * Checking a presented key (SPEC §3, §7): the cache → (a miss) parse and checksum → one
 * lookup by key ID → one bcrypt compare → status, expiry, scopes. Never a scan over several
 * hashes: the key's checksum says whether it claims the current secret or the one a
 * rotation left behind.
 *
 * REVOKED and EXPIRED are told only to a caller who holds the right secret; a wrong
 * secret reads exactly like an unknown key.
 *
 * Hot path: a key that verified is kept in the credential cache (slot = key ID + checksum,
 * so the current and the grace secret of a rotation each have their own), and later
 * presentations cost one keyed SHA-256 and a lookup. Expiry and the end of a rotation's grace period
 * are checked on every hit, since they pass without any change being announced. Cold
 * path: concurrent presentations of the same full key share one bcrypt compare; the
 * compare goes through the bounded bcrypt queue and the failure limits. A miss — a wrong
 * secret included — never touches the cached entry.
 */
export type VerificationCode = 'VALID' | 'MALFORMED' | 'NOT_FOUND' | 'REVOKED' | 'EXPIRED' | 'INSUFFICIENT_SCOPE' | 'RATE_LIMITED';

export type Verification =
  | { code: 'VALID' | 'INSUFFICIENT_SCOPE'; keyId: string; organizationId: string; scopes: Scopes }
  | {
      code: Exclude<VerificationCode, 'VALID' | 'INSUFFICIENT_SCOPE'>;
      keyId: null;
      organizationId: null;
      scopes: Scopes;
      /** For RATE_LIMITED: when trying again makes sense. */
      retryAfterSeconds?: number;
    };

/** What a verified key leaves in the cache: everything a principal needs, no secret. */
export interface CachedKey extends CachedCredential {
  kind: 'api_key';
  keyId: string;
  organizationId: string;
  scopes: Scopes;
  /** Epoch milliseconds, so that a hit compares numbers and makes no Date. */
  expiresAt: number | null;
  revokedAt: number | null;
  /** Set when the presented secret is the one a rotation left behind: honoured until then. */
  graceEndsAt: number | null;
  /** The VALID verdict, made once and handed to every request that presents this key. */
  valid: Verification & { code: 'VALID' };
  /**
   * The keyed digest of the stored bcrypt hash the key was proved against: when the entry
   * lapses, a row still holding that hash renews it without another compare.
   */
  provenHash: string;
}

const EMPTY: Scopes = new Set();
const refused = (code: Exclude<VerificationCode, 'VALID' | 'INSUFFICIENT_SCOPE'>): Verification & { keyId: null } => ({
  code,
  keyId: null,
  organizationId: null,
  scopes: EMPTY,
});

/** The stored hash the presented checksum claims, if that secret is still honoured. */
function hashFor(key: ApiKeyRow, checksum: string, now: number): { hash: string; graceEndsAt: number | null } | null {
  if (checksum === key.checksum) return { hash: key.secretHash, graceEndsAt: null };
  if (key.previousSecretHash && checksum === key.previousChecksum && key.previousExpiresAt && key.previousExpiresAt.getTime() > now) {
    return { hash: key.previousSecretHash, graceEndsAt: key.previousExpiresAt.getTime() };
  }
  return null;
}

/** What a verified key's entry says now: its status, then the scopes asked for. */
function verdictOf(entry: CachedKey, requiredScopes: readonly string[], now: number): Verification {
  const status = statusOf(entry, now);
  if (status !== 'ACTIVE') return refused(status);
  for (const scope of requiredScopes) if (!entry.scopes.has(scope)) return { ...entry.valid, code: 'INSUFFICIENT_SCOPE' };
  return entry.valid;
}

/**
 * Where a presented key's entry would sit: its key ID and checksum, read at their fixed
 * offsets. Null for anything without a key's length and prefix, which is malformed anyway.
 */
function slotOf(presented: string): string | null {
  if (presented.length !== KEY_LENGTH || !presented.startsWith(KEY_PREFIX)) return null;
  return `k:${keyIdIn(presented)}:${presented.slice(-CHECKSUM_LENGTH)}`;
}

/** The key ID of a string with a key's length and prefix, at its fixed offset. */
const keyIdIn = (presented: string) => presented.slice(KEY_PREFIX.length, KEY_PREFIX.length + KEY_ID_LENGTH);

/**
 * The lookup of a cold verification (the row, hashes included), built once: drizzle then
 * turns the query into SQL once rather than on every cold request, which on PGlite is
 * about a third of the lookup's time on the event loop, beside the bcrypt compares.
 */
function keyRowLookup(db: Queryable): (keyId: string) => Promise<ApiKeyRow | null> {
  const query = db.select().from(apiKeys).where(eq(apiKeys.id, sql.placeholder('keyId'))).prepare('keyward_verify_key_row');
  return async (keyId) => (await query.execute({ keyId }))[0] ?? null;
}

export class KeyVerifier {
  private readonly inFlight = new Map<string, Promise<CachedKey | null>>();
  /** Made on the first cold verification, so that building a verifier touches no database. */
  private loadKeyRow: ((keyId: string) => Promise<ApiKeyRow | null>) | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly catalog: ScopeCatalog,
    private readonly cache: CredentialCache<CachedCredential>,
    private readonly bcrypt: BcryptQueue,
    private readonly limiter: FailureLimiter,
  ) {}

  /**
   * The verdict on a presented key. RATE_LIMITED comes back as a code here; the caller
   * decides whether that refuses a whole request. A cached key is answered synchronously —
   * no promise, no extra turn of the event loop on the hot path — and, when no scope is
   * asked for, with the very verdict object its entry holds, so a hit allocates nothing
   * but its digest. Callers `await` it either way.
   */
  verify(presented: string, requiredScopes: readonly string[], clientIp: string | null, now = Date.now()): Verification | Promise<Verification> {
    // The cache is asked before the key is parsed: a hit means the digest equals that of a
    // key which parsed and verified, i.e. (short of a SHA-256 collision) the very same
    // string, so parsing it again and recomputing its checksum would only cost time.
    const slot = slotOf(presented);
    if (!slot) return refused('MALFORMED');
    const digest = this.cache.digest(presented);
    const entry = this.cache.get(slot, digest) as CachedKey | undefined;
    if (!entry) return this.verifyCold(presented, slot, digest, requiredScopes, clientIp, now);
    if (entry.graceEndsAt !== null && entry.graceEndsAt <= now) {
      this.cache.delete(slot);
      return refused('NOT_FOUND');
    }
    return verdictOf(entry, requiredScopes, now);
  }

  private async verifyCold(
    presented: string,
    slot: string,
    digest: string,
    requiredScopes: readonly string[],
    clientIp: string | null,
    now: number,
  ): Promise<Verification> {
    const parsed = parseKey(presented);
    if (!parsed) return refused('MALFORMED');
    // Only a miss gets here: an entry this key left is one past its TTL.
    const lapsed = this.cache.passedBefore(slot, digest) as CachedKey | undefined;
    let entry: CachedKey | null;
    try {
      entry = await this.coldOnce(parsed, slot, digest, clientIp, now, lapsed?.provenHash ?? null);
    } catch (error) {
      if (error instanceof KeywardError && error.code === 'RATE_LIMITED') {
        return { ...refused('RATE_LIMITED'), retryAfterSeconds: error.retryAfterSeconds };
      }
      throw error;
    }
    return entry ? verdictOf(entry, requiredScopes, now) : refused('NOT_FOUND');
  }

  /**
   * Seconds to wait, when memory alone already says this key would be refused RATE_LIMITED:
   * it is not a cached key, and its key ID or the client has spent its failure limit. 0
   * otherwise, and then nothing is decided: `verify` gives the verdict. Costs two lookups
   * for every request, and the digest only while one of those limits is spent, so that the
   * cached real key of a flooded key ID still passes.
   */
  refusedFromMemory(presented: string, clientIp: () => string | null): number {
    const slot = slotOf(presented);
    if (!slot) return 0;
    // The client's address only for a request that presents a key (with TRUST_PROXY it
    // means parsing X-Forwarded-For).
    const attempt = { keyId: keyIdIn(presented), keyClient: clientIp() ?? 'unknown' };
    if (this.limiter.spentForMs(attempt) === 0) return 0;
    // What verify would say first: a key cached (or lapsed) passes, a malformed one is UNAUTHENTICATED.
    if (this.cache.passedBefore(slot, this.cache.digest(presented)) || !parseKey(presented)) return 0;
    return this.limiter.spentForMs(attempt, true) / 1000;
  }

  /** Concurrent first presentations of one full key share a single verification. */
  private coldOnce(parsed: ParsedKey, slot: string, digest: string, clientIp: string | null, now: number, provenHash: string | null): Promise<CachedKey | null> {
    let pending = this.inFlight.get(digest);
    if (!pending) {
      pending = this.cold(parsed, slot, digest, clientIp, now, provenHash).finally(() => this.inFlight.delete(digest));
      this.inFlight.set(digest, pending);
    }
    return pending;
  }

  /**
   * The row, then the compare. `provenHash` comes from a lapsed entry of this very key (its
   * digest matched): if the row still holds that hash, the key was proved against it
   * already, and the entry is renewed from the row with neither a compare nor the limits,
   * which are there to stop guessing, and this is no guess.
   */
  private async cold(parsed: ParsedKey, slot: string, digest: string, clientIp: string | null, now: number, provenHash: string | null): Promise<CachedKey | null> {
    const attempt = { keyId: parsed.keyId, keyClient: clientIp ?? 'unknown' };
    if (!provenHash) this.limiter.refuseIfSpent(attempt);
    // Taken before the row is read: a change committed from here on refuses the fill below.
    const ticket = this.cache.ticket();
    const row = await (this.loadKeyRow ??= keyRowLookup(this.db))(parsed.keyId);
    const claimed = row ? hashFor(row, parsed.checksum, now) : null;
    if (!row || !claimed) {
      if (provenHash) this.cache.delete(slot);
      return null;
    }
    const hashDigest = this.cache.digest(claimed.hash);
    if (hashDigest !== provenHash) {
      // A renewal whose row no longer holds that hash is a first presentation again.
      if (provenHash) this.limiter.refuseIfSpent(attempt);
      // Limits count bcrypt work: an unknown key ID costs one indexed read and no compare.
      const admission = await this.limiter.admit(attempt);
      let matches: boolean;
      try {
        matches = await this.bcrypt.run(() => secretMatches(parsed.secret, claimed.hash));
      } catch (error) {
        await this.limiter.settle(admission, 'abandoned');
        throw error;
      }
      await this.limiter.settle(admission, matches ? 'right' : 'wrong');
      if (!matches) return null;
    }

    const scopes = scopesOfKey(this.catalog, row);
    const entry: CachedKey = {
      kind: 'api_key',
      tags: [tagOf({ apiKeyId: row.id })],
      keyId: row.id,
      organizationId: row.organizationId,
      scopes,
      expiresAt: row.expiresAt?.getTime() ?? null,
      revokedAt: row.revokedAt?.getTime() ?? null,
      graceEndsAt: claimed.graceEndsAt,
      valid: Object.freeze({ code: 'VALID', keyId: row.id, organizationId: row.organizationId, scopes }),
      provenHash: hashDigest,
    };
    this.cache.fill(ticket, slot, digest, entry);
    return entry;
  }
}
