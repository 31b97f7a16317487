import { hash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { CachedCredential, CredentialCache } from '../auth/credentialCache';
import { recordPlatformAudit } from '../audit/audit';
import { isUniqueViolation } from '../db/errors';
import { tagOf, type Changed } from '../db/notify';
import type { Queryable } from '../db/open';
import { serviceTokens, type ServiceTokenRow } from '../db/schema';
import type { UsageRecorder } from '../db/usageRecorder';
import { badInput, notFound } from '../errors';

/**
 * Service credentials (SPEC §11): platform-level tokens for the platform's own services —
 * its gateway, its API servers — which verify keys and follow the change feed and may do
 * nothing else. Not tied to an organization, so no organization's member can make, see or
 * end one: the operator does, with `npm run service-token`. Like a session token, the
 * token is 256 random bits stored only as its SHA-256, so a lookup is one indexed read.
 */

export const SERVICE_TOKEN_PREFIX = 'kwsrv_';
const TOKEN_FORMAT = /^kwsrv_[A-Za-z0-9_-]{43}$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/;

const hashToken = (token: string) => hash('sha256', token, 'hex');

export type ServiceTokenView = Omit<ServiceTokenRow, 'tokenHash'>;

/** Runs a change in a transaction and announces it (db/notify.ts), as key changes do. */
export interface Changes {
  transaction<T>(work: (tx: Queryable, changed: Changed) => Promise<T>): Promise<T>;
}

/** Makes a token; returns it this once — it exists nowhere else afterwards. */
export async function createServiceToken(changes: Changes, name: string): Promise<{ serviceToken: ServiceTokenView; token: string }> {
  const trimmed = name.trim();
  if (!NAME.test(trimmed)) throw badInput('name', 'a name is 1–64 letters, digits, spaces or _ . -, starting with a letter or digit');
  const token = SERVICE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  try {
    const row = await changes.transaction(async (tx) => {
      const [created] = await tx.insert(serviceTokens).values({ name: trimmed, tokenHash: hashToken(token) }).returning();
      await recordPlatformAudit(tx, 'service_token.created', created!.id, { name: trimmed });
      return created!;
    });
    const { tokenHash: _hash, ...serviceToken } = row;
    return { serviceToken, token };
  } catch (error) {
    if (isUniqueViolation(error)) throw badInput('name', `a service token named "${trimmed}" exists already`);
    throw error;
  }
}

export async function listServiceTokens(db: Queryable): Promise<ServiceTokenView[]> {
  return db
    .select({ id: serviceTokens.id, name: serviceTokens.name, createdAt: serviceTokens.createdAt, lastUsedAt: serviceTokens.lastUsedAt, revokedAt: serviceTokens.revokedAt })
    .from(serviceTokens)
    .orderBy(asc(serviceTokens.createdAt));
}

/** Ends a token, by ID or name, at once on every instance. Revoking a revoked token changes nothing. */
export async function revokeServiceToken(changes: Changes, idOrName: string): Promise<ServiceTokenView> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  return changes.transaction(async (tx, changed) => {
    const [row] = await tx
      .select()
      .from(serviceTokens)
      .where(byId ? or(eq(serviceTokens.id, idOrName), eq(serviceTokens.name, idOrName)) : eq(serviceTokens.name, idOrName))
      .for('update');
    if (!row) throw notFound('Service token');
    const { tokenHash: _hash, ...view } = row;
    if (row.revokedAt) return view;
    const [revoked] = await tx.update(serviceTokens).set({ revokedAt: new Date() }).where(eq(serviceTokens.id, row.id)).returning();
    await changed({ serviceTokenId: row.id });
    await recordPlatformAudit(tx, 'service_token.revoked', row.id, { name: row.name });
    return { ...view, revokedAt: revoked!.revokedAt };
  });
}

/** What a live service token leaves in the credential cache: never the token. */
export interface CachedServiceToken extends CachedCredential {
  kind: 'service';
  serviceTokenId: string;
}

/**
 * Finds the live service token a request presents, from the credential cache when it can
 * (answered synchronously then); a revocation evicts it everywhere through the channel.
 */
export class ServiceTokenVerifier {
  constructor(
    private readonly db: Queryable,
    private readonly cache: CredentialCache<CachedCredential>,
    private readonly touches: UsageRecorder,
  ) {}

  find(token: string): CachedServiceToken | null | Promise<CachedServiceToken | null> {
    if (!TOKEN_FORMAT.test(token)) return null;
    const tokenHash = hashToken(token);
    const slot = `t:${tokenHash}`;
    const entry = this.cache.get(slot) as CachedServiceToken | undefined;
    if (entry) return this.used(entry);
    return this.findCold(tokenHash, slot);
  }

  private async findCold(tokenHash: string, slot: string): Promise<CachedServiceToken | null> {
    const ticket = this.cache.ticket();
    const [row] = await this.db
      .select({ id: serviceTokens.id })
      .from(serviceTokens)
      .where(and(eq(serviceTokens.tokenHash, tokenHash), isNull(serviceTokens.revokedAt)));
    if (!row) return null;
    const entry: CachedServiceToken = { kind: 'service', tags: [tagOf({ serviceTokenId: row.id })], serviceTokenId: row.id };
    this.cache.fill(ticket, slot, entry);
    return this.used(entry);
  }

  private used(entry: CachedServiceToken): CachedServiceToken {
    this.touches.record(entry.serviceTokenId);
    return entry;
  }
}
