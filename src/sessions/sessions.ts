import { hash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { CachedCredential, CredentialCache } from '../auth/credentialCache';
import type { MemberRole } from '../auth/scopes';
import { tagOf } from '../db/notify';
import type { Queryable } from '../db/open';
import { members, sessions, type MemberRow, type SessionRow } from '../db/schema';
import type { InvalidationChannel } from '../db/notify';
import type { UsageRecorder } from '../db/usageRecorder';

/**
 * Sessions (SPEC §2): an opaque token of 256 random bits, stored only as its SHA-256.
 * A fast hash is enough here: the token is random, so there is nothing to brute-force,
 * and lookups stay one indexed query. last_used_at (the idle limit) is written in batches
 * by a UsageRecorder, off the request path.
 */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

const TOKEN_PREFIX = 'kws_';
const TOKEN_FORMAT = /^kws_[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => hash('sha256', token, 'hex');

/**
 * Opens a session for the member; returns the token, which exists nowhere else from then on.
 * The session is bound to the password the member proved: if a password change committed
 * since `member` was read (a login's bcrypt check takes a while), no session is made. The
 * member row is locked for share, so a password change cannot commit between this check
 * and the insert either; it waits, and then ends this session with the others.
 */
export async function startSession(tx: Queryable, member: MemberRow, now = new Date()): Promise<string | null> {
  const [current] = await tx
    .select({ passwordVersion: members.passwordVersion })
    .from(members)
    .where(eq(members.id, member.id))
    .for('share');
  if (!current || current.passwordVersion !== member.passwordVersion) return null;
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  await tx.insert(sessions).values({
    organizationId: member.organizationId,
    memberId: member.id,
    tokenHash: hashToken(token),
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
    passwordVersion: member.passwordVersion,
  });
  return token;
}

/** What a live session leaves in the credential cache: never the token. */
export interface CachedSession extends CachedCredential {
  kind: 'session';
  sessionId: string;
  memberId: string;
  organizationId: string;
  role: MemberRole;
  /** Epoch milliseconds, so that a hit compares numbers and makes no Date. */
  expiresAt: number;
  /** Refreshed in memory on every use; written to the row in batches. */
  lastUsedAt: number;
}

/**
 * Finds the live session a token names (SPEC §2), from the credential cache when it can.
 * The cache holds the member's role too: a role change, removal, password change or
 * logout invalidates the member's (or the session's) entries through the one invalidation
 * channel. The absolute expiry is checked on every hit; an idle limit passed in this
 * instance's memory sends the request back to the row, since another instance may have
 * seen the session used meanwhile.
 */
export class SessionVerifier {
  constructor(
    private readonly db: Queryable,
    private readonly cache: CredentialCache<CachedCredential>,
    private readonly touches: UsageRecorder,
  ) {}

  /** A cached session is answered synchronously (no promise on the hot path); callers await either. */
  find(token: string, now = Date.now()): CachedSession | null | Promise<CachedSession | null> {
    if (!TOKEN_FORMAT.test(token)) return null;
    // The slot is the token's digest, as stored: a hit is the token that digest was made of.
    const tokenHash = hashToken(token);
    const slot = `s:${tokenHash}`;
    const entry = this.cache.get(slot) as CachedSession | undefined;
    if (entry && entry.expiresAt > now && now - entry.lastUsedAt <= SESSION_IDLE_MS) return this.used(entry, now);
    if (entry) this.cache.delete(slot);
    return this.findCold(tokenHash, slot, now);
  }

  private async findCold(tokenHash: string, slot: string, now: number): Promise<CachedSession | null> {
    const ticket = this.cache.ticket();
    const row = await this.read(tokenHash, new Date(now));
    if (!row) return null;
    const entry: CachedSession = {
      kind: 'session',
      tags: [tagOf({ sessionId: row.session.id }), tagOf({ memberId: row.member.id })],
      sessionId: row.session.id,
      memberId: row.member.id,
      organizationId: row.member.organizationId,
      role: row.member.role,
      expiresAt: row.session.expiresAt.getTime(),
      lastUsedAt: row.session.lastUsedAt.getTime(),
    };
    this.cache.fill(ticket, slot, entry);
    return this.used(entry, now);
  }

  private used(entry: CachedSession, now: number): CachedSession {
    entry.lastUsedAt = now;
    this.touches.record(entry.sessionId, now);
    return entry;
  }

  private async read(tokenHash: string, now: Date): Promise<{ session: SessionRow; member: MemberRow } | null> {
    const [row] = await this.db
      .select({ session: sessions, member: members })
      .from(sessions)
      .innerJoin(members, eq(members.id, sessions.memberId))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          // Made with the member's current password, not a superseded one.
          eq(sessions.passwordVersion, members.passwordVersion),
          gt(sessions.expiresAt, now),
          gt(sessions.lastUsedAt, new Date(now.getTime() - SESSION_IDLE_MS)),
        ),
      );
    return row ?? null;
  }
}

/** Logout: the session ends here and, through the invalidation channel, on every instance. */
export async function endSession(changes: Pick<InvalidationChannel, 'transaction'>, sessionId: string): Promise<void> {
  await changes.transaction(async (tx, changed) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await changed({ sessionId });
  });
}

/**
 * After a password change: ends every session of the member but `keep` (the one that
 * changed it), which moves to the new password version. The caller announces the change
 * of the member, which evicts all their cached sessions.
 */
export async function endOtherSessions(tx: Queryable, memberId: string, keep: string | null, passwordVersion: number): Promise<void> {
  await tx
    .delete(sessions)
    .where(keep ? and(eq(sessions.memberId, memberId), ne(sessions.id, keep)) : eq(sessions.memberId, memberId));
  if (keep) await tx.update(sessions).set({ passwordVersion }).where(eq(sessions.id, keep));
}

/** Housekeeping: sessions past either limit are dead already; this only frees the rows. */
export async function deleteExpiredSessions(db: Queryable, now = new Date()): Promise<void> {
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastUsedAt, new Date(now.getTime() - SESSION_IDLE_MS))));
}
