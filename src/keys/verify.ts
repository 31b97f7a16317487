import { and, eq, sql } from 'drizzle-orm';
import type { BcryptQueue } from '../auth/bcryptQueue';
import type { CachedCredential, CredentialCache } from '../auth/credentialCache';
import type { ScopeCatalog, Scopes } from '../auth/scopes';
import type { Queryable } from '../db/open';
import { tagOf } from '../db/notify';
import { apiKeys, type ApiKeyRow } from '../db/schema';
import { KeywardError } from '../errors';
import { CHECKSUM_LENGTH, KEY_ID_LENGTH, KEY_LENGTH, KEY_PREFIX, parseKey } from './format';
import { andThen } from '../memo';
import { ipMatcher } from './controls';
import { scopesOfKey, statusOf } from './keys';
import type { Leases } from './leases';
import { useBudgets, type UsageOutcome, type UsageRules, type UseRequest } from './usageGate';
import { digestOf, legacySecretMatches, sameDigest } from './secrets';

/**
 * Checking a presented key (SPEC §3, §7): format → the key's row by its key ID (from the
 * credential cache, else one indexed read) → the SHA-256 digest of the presented key,
 * compared in constant time with the stored one → status, expiry, scopes. Never a scan
 * over several hashes: the key's checksum says whether it claims the current secret or
 * the one a rotation left behind.
 *
 * A wrong secret costs what a right one does — a digest, and a row read the first time
 * this instance meets the key ID — so nothing needs limiting: no count of failures per key
 * ID or per address can refuse a right key because of somebody else's guesses, since
 * there is none. REVOKED and EXPIRED are told only to a caller who holds the right secret;
 * a wrong secret reads exactly like an unknown key.
 *
 * Keys stored by earlier releases as bcrypt of the secret are checked with bcrypt (through
 * the bounded bcrypt queue) on their next use, and rewritten to the digest in the same step.
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

/** Codes told only to a caller who proved the secret, with the key they are about. */
type KeyCode = 'VALID' | 'INSUFFICIENT_SCOPE' | 'IP_NOT_ALLOWED' | 'RATE_LIMITED' | 'USAGE_EXCEEDED';

export type Verification =
  | {
      code: KeyCode;
      keyId: string;
      organizationId: string;
      scopes: Scopes;
      /** For a key with rate limits or credits: what this use left of them. */
      usage?: UsageOutcome;
      /** For such a key, its VALID verdict without this use's figures: the same object every use. */
      verdict?: Verification & { code: 'VALID' };
      meta: Record<string, unknown> | null;
      retryAfterSeconds?: number;
      about?: never;
    }
  | {
      code: Exclude<VerificationCode, KeyCode> | 'RATE_LIMITED';
      keyId: null;
      organizationId: null;
      scopes: Scopes;
      /** For RATE_LIMITED: when trying again makes sense. */
      retryAfterSeconds?: number;
      /** REVOKED and EXPIRED: the key, for its usage counts only (the caller is told nothing more). */
      about?: { keyId: string; organizationId: string };
    };

/** What a use asks besides scopes: the client's address and the usage to apply (SPEC §9). */
export interface KeyUse extends UseRequest {
  /** Null when unknown: a key with allowed addresses then refuses (fail closed). */
  ip: string | null;
}

/** One stored secret of a key: the current one, or the one a rotation left behind. */
interface StoredSecret {
  checksum: string;
  hash: string;
  kind: 'SHA256' | 'BCRYPT';
  /** Epoch ms when a rotation's grace ends; null for the current secret. */
  endsAt: number | null;
}

/** A key's row as verification needs it, cached by key ID: stored digests, never a secret. */
export interface CachedKey extends CachedCredential {
  kind: 'api_key';
  keyId: string;
  organizationId: string;
  scopes: Scopes;
  /** Epoch milliseconds, so that a hit compares numbers and makes no Date. */
  expiresAt: number | null;
  revokedAt: number | null;
  secrets: readonly StoredSecret[];
  /** The VALID verdict, made once and handed to every request that presents this key. */
  valid: Verification & { code: 'VALID' };
  /** Null for a key with no allowed-address list. */
  ipAllowed: ((ip: string | null) => boolean) | null;
  /** Null for a key with neither rate limits nor credits: its uses touch no budget. */
  budgets: UsageRules | null;
}

const EMPTY: Scopes = new Set();
const refused = (code: Exclude<VerificationCode, KeyCode> | 'RATE_LIMITED'): Verification & { keyId: null } => ({
  code,
  keyId: null,
  organizationId: null,
  scopes: EMPTY,
});
const MALFORMED = refused('MALFORMED');
const NO_USE: KeyUse = { ip: null };
const NOT_FOUND = refused('NOT_FOUND');

/** The key ID of a string with a key's length and prefix, at its fixed offset; null for anything else. */
function keyIdIn(presented: string): string | null {
  if (presented.length !== KEY_LENGTH || !presented.startsWith(KEY_PREFIX)) return null;
  return presented.slice(KEY_PREFIX.length, KEY_PREFIX.length + KEY_ID_LENGTH);
}

/** The stored secret the presented key's checksum claims, if it is still honoured. */
function claimedSecret(entry: CachedKey, presented: string, now: number): StoredSecret | null {
  const checksum = presented.slice(-CHECKSUM_LENGTH);
  for (const secret of entry.secrets) {
    if (secret.checksum === checksum && (secret.endsAt === null || secret.endsAt > now)) return secret;
  }
  return null;
}

/** A wrong key: MALFORMED when it does not even parse (format comes first), else NOT_FOUND. */
const wrong = (presented: string) => (parseKey(presented) ? NOT_FOUND : MALFORMED);

/**
 * The verdict on a key whose stored secret is a digest (or that claims none): the digest,
 * then what the entry says now (verdictOf).
 */
function digestVerdict(entry: CachedKey, secret: StoredSecret | null, presented: string, requiredScopes: readonly string[], use: KeyUse, leases: Leases, now: number): Verification | Promise<Verification> {
  // Equal digests mean the very key that was issued, which parsed: no need to parse it again.
  if (!secret || !sameDigest(digestOf(presented), secret.hash)) return wrong(presented);
  return verdictOf(entry, requiredScopes, use, leases, now);
}

/**
 * What a verified key's entry says now, in SPEC §9's order: status, allowed address,
 * scopes, then its rate limits and credits — the only step that may wait for the database
 * (when this instance's leases run short).
 */
function verdictOf(entry: CachedKey, requiredScopes: readonly string[], use: KeyUse, leases: Leases, now: number): Verification | Promise<Verification> {
  const status = statusOf(entry, now);
  if (status !== 'ACTIVE') return { ...refused(status), about: { keyId: entry.keyId, organizationId: entry.organizationId } };
  if (entry.ipAllowed && !entry.ipAllowed(use.ip)) return { ...entry.valid, code: 'IP_NOT_ALLOWED' };
  for (const scope of requiredScopes) if (!entry.scopes.has(scope)) return { ...entry.valid, code: 'INSUFFICIENT_SCOPE' };
  if (!entry.budgets) return entry.valid;
  return andThen(useBudgets(entry.budgets, use, leases, now), (usage) => ({
    ...entry.valid,
    code: usage.code,
    usage,
    retryAfterSeconds: usage.retryAfterSeconds,
    // What stays the same from use to use: a request's principal is made once per key from it.
    verdict: entry.valid,
  }));
}

function entryOf(row: ApiKeyRow, catalog: ScopeCatalog): CachedKey {
  const scopes = scopesOfKey(catalog, row);
  const secrets: StoredSecret[] = [{ checksum: row.checksum, hash: row.secretHash, kind: row.secretHashKind, endsAt: null }];
  if (row.previousSecretHash && row.previousChecksum && row.previousExpiresAt) {
    secrets.push({
      checksum: row.previousChecksum,
      hash: row.previousSecretHash,
      kind: row.previousSecretHashKind ?? 'BCRYPT',
      endsAt: row.previousExpiresAt.getTime(),
    });
  }
  return {
    kind: 'api_key',
    tags: [tagOf({ apiKeyId: row.id })],
    keyId: row.id,
    organizationId: row.organizationId,
    scopes,
    expiresAt: row.expiresAt?.getTime() ?? null,
    revokedAt: row.revokedAt?.getTime() ?? null,
    secrets,
    valid: Object.freeze({ code: 'VALID', keyId: row.id, organizationId: row.organizationId, scopes, meta: row.meta ?? null }),
    ipAllowed: row.allowedIps.length > 0 ? ipMatcher(row.allowedIps) : null,
    budgets:
      row.rateLimits.length > 0 || row.creditsRemaining !== null
        ? {
            keyId: row.id,
            organizationId: row.organizationId,
            owner: row.owner,
            rateLimits: row.rateLimits,
            credits: row.creditsRemaining !== null ? { refill: row.creditsRefill } : null,
          }
        : null,
  };
}

/** At most this many key IDs in one read. */
const MAX_BATCH = 500;

/**
 * The reads of cold verifications: one indexed read by key ID, or, when first presentations
 * of different keys come together (a restart under load, a burst of new keys), one read for
 * all of them — each query has a fixed cost, on PGlite most of it, and PGlite runs one at a
 * time anyway. At most `inFlight` reads run at once; key IDs asked for meanwhile wait and go
 * together in the next. The query is prepared once (`= any($1)`), so drizzle does not build
 * its SQL per request.
 */
export class KeyRowReader {
  /** Key ID → its reader: one each, since the verifier shares a read per key ID already. */
  private readonly waiting = new Map<string, (row: ApiKeyRow | null | Error) => void>();
  private running = 0;
  private scheduled = false;
  /** Queries sent, for the tests and metrics: fewer than keys read when reads went together. */
  queries = 0;
  private query: { execute(values: { ids: string[] }): Promise<ApiKeyRow[]> } | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly inFlight: number,
  ) {}

  read(keyId: string): Promise<ApiKeyRow | null> {
    return new Promise((resolve, reject) => {
      this.waiting.set(keyId, (row) => (row instanceof Error ? reject(row) : resolve(row)));
      this.schedule();
    });
  }

  /**
   * Sends what waits once this turn of the event loop has taken in its requests (PGlite runs
   * a query on this very thread: while it runs, nothing else arrives to join the next one).
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /** The prepared read, as a promise even if preparing it throws (this runs from a timer). */
  private async execute(ids: string[]): Promise<ApiKeyRow[]> {
    this.query ??= this.db
      .select()
      .from(apiKeys)
      .where(sql`${apiKeys.id} = any(${sql.placeholder('ids')}::text[])`)
      .prepare('keyward_verify_key_rows');
    return this.query.execute({ ids });
  }

  private pump(): void {
    while (this.running < this.inFlight && this.waiting.size > 0) {
      const batch = new Map<string, (row: ApiKeyRow | null | Error) => void>();
      for (const [keyId, settle] of this.waiting) {
        if (batch.size === MAX_BATCH) break;
        batch.set(keyId, settle);
      }
      for (const keyId of batch.keys()) this.waiting.delete(keyId);
      this.running++;
      this.queries++;
      this.execute([...batch.keys()])
        .then(
          (rows) => {
            const found = new Map(rows.map((row) => [row.id, row]));
            for (const [keyId, settle] of batch) settle(found.get(keyId) ?? null);
          },
          (error: unknown) => {
            const failure = error instanceof Error ? error : new Error(String(error));
            for (const settle of batch.values()) settle(failure);
          },
        )
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }
}

export class KeyVerifier {
  /** Concurrent first presentations of one key ID share one row read. */
  private readonly reading = new Map<string, Promise<CachedKey | null>>();
  /** Concurrent first uses of one bcrypt-stored key share one compare. */
  private readonly upgrading = new Map<string, Promise<boolean>>();
  /** The reads of cold verifications (`rows.queries` counts them). */
  readonly rows: KeyRowReader;

  /** `concurrentReads`: how many row reads may run at once (1 on PGlite, which runs one at a time). */
  constructor(
    private readonly db: Queryable,
    private readonly catalog: ScopeCatalog,
    private readonly cache: CredentialCache<CachedCredential>,
    private readonly bcrypt: BcryptQueue,
    /** The shares of rate limits and credits this instance holds. */
    private readonly leases: Leases,
    concurrentReads = 1,
  ) {
    this.rows = new KeyRowReader(db, concurrentReads);
  }

  /**
   * The verdict on a presented key. RATE_LIMITED (only ever a full bcrypt queue, for a key
   * still stored as bcrypt) comes back as a code; the caller decides whether that refuses a
   * whole request. A key whose row is cached is answered synchronously — no promise, no
   * extra turn of the event loop on the hot path — and, when no scope is asked for, with
   * the very verdict object its entry holds. Callers `await` it either way.
   */
  verify(presented: string, requiredScopes: readonly string[], use: KeyUse = NO_USE, now = Date.now()): Verification | Promise<Verification> {
    const keyId = keyIdIn(presented);
    if (!keyId) return MALFORMED;
    const entry = this.cache.get(`k:${keyId}`) as CachedKey | undefined;
    if (!entry) return this.verifyCold(presented, keyId, requiredScopes, use, now);
    return this.check(entry, presented, requiredScopes, use, now);
  }

  /**
   * The verdict memory alone can give: for a key whose row is cached (and stored as a
   * digest), what `verify` would answer; undefined when it would read the database first.
   */
  verifyFromMemory(presented: string, now = Date.now()): Verification | undefined {
    const keyId = keyIdIn(presented);
    if (!keyId) return MALFORMED;
    const entry = this.cache.get(`k:${keyId}`) as CachedKey | undefined;
    if (!entry) return undefined;
    const secret = claimedSecret(entry, presented, now);
    if (secret?.kind === 'BCRYPT') return undefined;
    // A wrong secret is answered here whatever the key's controls; a right one is a use, which
    // only the full path may count against the key's address list, limits and credits.
    if (!secret || !sameDigest(digestOf(presented), secret.hash)) return wrong(presented);
    if (entry.ipAllowed || entry.budgets) return undefined;
    return verdictOf(entry, [], NO_USE, this.leases, now) as Verification;
  }

  private check(entry: CachedKey, presented: string, requiredScopes: readonly string[], use: KeyUse, now: number): Verification | Promise<Verification> {
    const secret = claimedSecret(entry, presented, now);
    if (secret?.kind === 'BCRYPT') return this.checkLegacy(entry, secret, presented, requiredScopes, use, now);
    return digestVerdict(entry, secret, presented, requiredScopes, use, this.leases, now);
  }

  private async verifyCold(presented: string, keyId: string, requiredScopes: readonly string[], use: KeyUse, now: number): Promise<Verification> {
    // Format first (SPEC §9's order), and no read for a string that is not a key.
    if (!parseKey(presented)) return MALFORMED;
    const entry = await this.entryFor(keyId);
    return entry ? this.check(entry, presented, requiredScopes, use, now) : NOT_FOUND;
  }

  /** The key's row, read once however many presentations wait for it, and cached. */
  private entryFor(keyId: string): Promise<CachedKey | null> {
    let pending = this.reading.get(keyId);
    if (!pending) {
      pending = this.read(keyId).finally(() => this.reading.delete(keyId));
      this.reading.set(keyId, pending);
    }
    return pending;
  }

  private async read(keyId: string): Promise<CachedKey | null> {
    // Taken before the row is read: a change committed from here on refuses the fill below.
    const ticket = this.cache.ticket();
    const row = await this.rows.read(keyId);
    if (!row) return null;
    const entry = entryOf(row, this.catalog);
    this.cache.fill(ticket, `k:${keyId}`, entry);
    return entry;
  }

  /**
   * A key an earlier release stored as bcrypt of its secret: one compare, and when it
   * matches, the stored hash is replaced by the digest — only if the row still holds that
   * very hash, so that instances racing on it, or a rotation committed meanwhile, lose
   * nothing. The cached entry goes: the next presentation reads the digest.
   */
  private async checkLegacy(
    entry: CachedKey,
    secret: StoredSecret,
    presented: string,
    requiredScopes: readonly string[],
    use: KeyUse,
    now: number,
  ): Promise<Verification> {
    const parsed = parseKey(presented);
    if (!parsed) return MALFORMED;
    const digest = digestOf(presented);
    let pending = this.upgrading.get(digest);
    if (!pending) {
      pending = this.upgrade(entry, secret, parsed.secret, digest).finally(() => this.upgrading.delete(digest));
      this.upgrading.set(digest, pending);
    }
    let matches: boolean;
    try {
      matches = await pending;
    } catch (error) {
      if (error instanceof KeywardError && error.code === 'RATE_LIMITED') {
        return { ...refused('RATE_LIMITED'), retryAfterSeconds: error.retryAfterSeconds };
      }
      throw error;
    }
    return matches ? verdictOf(entry, requiredScopes, use, this.leases, now) : NOT_FOUND;
  }

  private async upgrade(entry: CachedKey, secret: StoredSecret, plainSecret: string, digest: string): Promise<boolean> {
    if (!(await this.bcrypt.run(() => legacySecretMatches(plainSecret, secret.hash)))) return false;
    const current = secret.endsAt === null;
    await this.db
      .update(apiKeys)
      .set(current ? { secretHash: digest, secretHashKind: 'SHA256' } : { previousSecretHash: digest, previousSecretHashKind: 'SHA256' })
      .where(and(eq(apiKeys.id, entry.keyId), eq(current ? apiKeys.secretHash : apiKeys.previousSecretHash, secret.hash)));
    this.cache.delete(`k:${entry.keyId}`);
    return true;
  }
}
