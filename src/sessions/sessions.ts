import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import { members, sessions, type MemberRow, type SessionRow } from '../db/schema';

/**
 * Sessions (SPEC §2): an opaque token of 256 random bits, stored only as its SHA-256.
 * A fast hash is enough here: the token is random, so there is nothing to brute-force,
 * and lookups stay one indexed query.
 */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** last_used_at is refreshed at most this often, so a busy session is not a write per request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

const TOKEN_PREFIX = 'kws_';
const TOKEN_FORMAT = /^kws_[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Opens a session for the member; returns the token, which exists nowhere else from then on. */
export async function startSession(tx: Queryable, member: MemberRow, now = new Date()): Promise<string> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  await tx.insert(sessions).values({
    organizationId: member.organizationId,
    memberId: member.id,
    tokenHash: hashToken(token),
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
  });
  return token;
}

/** The live session a token names, with its member; null for anything else. */
export async function findSession(
  db: Queryable,
  token: string,
  now = new Date(),
): Promise<{ session: SessionRow; member: MemberRow } | null> {
  if (!TOKEN_FORMAT.test(token)) return null;
  const [row] = await db
    .select({ session: sessions, member: members })
    .from(sessions)
    .innerJoin(members, eq(members.id, sessions.memberId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        gt(sessions.expiresAt, now),
        gt(sessions.lastUsedAt, new Date(now.getTime() - SESSION_IDLE_MS)),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.session.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, row.session.id));
  }
  return row;
}

export async function endSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of the member but `keep` (the one that changed the password). */
export async function endOtherSessions(tx: Queryable, memberId: string, keep: string | null): Promise<void> {
  await tx
    .delete(sessions)
    .where(keep ? and(eq(sessions.memberId, memberId), ne(sessions.id, keep)) : eq(sessions.memberId, memberId));
}

/** Housekeeping: sessions past either limit are dead already; this only frees the rows. */
export async function deleteExpiredSessions(db: Queryable, now = new Date()): Promise<void> {
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastUsedAt, new Date(now.getTime() - SESSION_IDLE_MS))));
}
