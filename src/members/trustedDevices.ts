import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import { trustedDevices } from '../db/schema';

/**
 * Clients a member has signed in from (OWASP's device cookies against account lockout).
 * A successful sign-in hands the client an opaque token; a later sign-in into the same
 * account presenting it is limited per device rather than by the account's lockout, which
 * strangers can spend. The token proves only an earlier sign-in: the password is still
 * checked every time. Stored as SHA-256, like session tokens.
 */

const DEVICE_LIFETIME_MS = 90 * 86_400_000;
const PREFIX = 'kwd_';

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export interface RememberedDevice {
  token: string;
  expiresAt: Date;
}

/** The device's ID when `token` is a live device token of this member, else null. */
export async function recognisedDevice(db: Queryable, memberId: string, token: string | null): Promise<string | null> {
  if (!token?.startsWith(PREFIX) || token.length > 100) return null;
  const [row] = await db
    .select({ id: trustedDevices.id })
    .from(trustedDevices)
    .where(and(eq(trustedDevices.tokenHash, digest(token)), eq(trustedDevices.memberId, memberId), gt(trustedDevices.expiresAt, new Date())));
  return row?.id ?? null;
}

/**
 * After a successful sign-in: the device presented is kept for another 90 days, or a new
 * one is made (and the member's lapsed ones go).
 */
export async function rememberDevice(tx: Queryable, memberId: string, known: { id: string; token: string } | null): Promise<RememberedDevice> {
  const expiresAt = new Date(Date.now() + DEVICE_LIFETIME_MS);
  if (known) {
    await tx.update(trustedDevices).set({ expiresAt }).where(eq(trustedDevices.id, known.id));
    return { token: known.token, expiresAt };
  }
  await tx.delete(trustedDevices).where(and(eq(trustedDevices.memberId, memberId), lte(trustedDevices.expiresAt, new Date())));
  const token = PREFIX + randomBytes(32).toString('base64url');
  await tx.insert(trustedDevices).values({ memberId, tokenHash: digest(token), expiresAt });
  return { token, expiresAt };
}

/** A new password: no earlier client stays trusted. */
export async function forgetDevices(tx: Queryable, memberId: string): Promise<void> {
  await tx.delete(trustedDevices).where(eq(trustedDevices.memberId, memberId));
}
