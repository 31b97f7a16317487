import { and, asc, gt, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import { apiKeys } from '../db/schema';
import { feedPosition } from './changes';

/**
 * What a service credential's replica needs to verify keys on its own (SPEC §11, replica
 * mode): every key's stored digests with their checksums, and what decides a verdict —
 * access and scopes, expiry, revocation, allowed addresses, meta — plus whether the key has
 * budgets (rate limits or credits), which only the server can spend. `position` is the
 * feed's number read before the keys: following the feed from it misses nothing (a change
 * seen twice is harmless). Digests of 256-bit secrets reveal nothing usable, but they are
 * still for service credentials only.
 */

export const SNAPSHOT_PAGE_MAX = 1_000;

export interface SnapshotKey {
  id: string;
  organizationId: string;
  access: 'FULL' | 'RESTRICTED' | 'READ_ONLY';
  /** The listed scopes of a RESTRICTED key. */
  scopes: string[];
  secrets: Array<{ checksum: string; digest: string; kind: 'SHA256' | 'BCRYPT'; endsAt: Date | null }>;
  expiresAt: Date | null;
  revokedAt: Date | null;
  allowedIps: string[];
  metered: boolean;
  meta: Record<string, unknown> | null;
  name: string;
}

export async function verificationSnapshot(
  db: Queryable,
  args: { after?: string | null; first?: number | null; ids?: readonly string[] | null },
): Promise<{ position: number; keys: SnapshotKey[]; endCursor: string | null; hasMore: boolean }> {
  const first = Math.min(Math.max(args.first ?? SNAPSHOT_PAGE_MAX, 1), SNAPSHOT_PAGE_MAX);
  const position = await feedPosition(db);
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(args.after ? gt(apiKeys.id, args.after) : undefined, args.ids ? inArray(apiKeys.id, [...args.ids]) : undefined))
    .orderBy(asc(apiKeys.id))
    .limit(first + 1);
  const page = rows.slice(0, first);
  const keys = page.map((row) => ({
    id: row.id,
    organizationId: row.organizationId,
    access: row.access,
    scopes: row.scopes,
    secrets: [
      { checksum: row.checksum, digest: row.secretHash, kind: row.secretHashKind, endsAt: null },
      ...(row.previousSecretHash && row.previousChecksum && row.previousExpiresAt
        ? [{ checksum: row.previousChecksum, digest: row.previousSecretHash, kind: row.previousSecretHashKind ?? ('BCRYPT' as const), endsAt: row.previousExpiresAt }]
        : []),
    ],
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    allowedIps: row.allowedIps,
    metered: row.rateLimits.length > 0 || row.creditsRemaining !== null,
    meta: row.meta ?? null,
    name: row.name,
  }));
  return { position, keys, endCursor: page.at(-1)?.id ?? null, hasMore: rows.length > first };
}
