import { and, count, eq, lt, desc } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import { auditEvents, type AuditEventRow } from '../db/schema';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from '../pagination';

/**
 * The audit log (SPEC §5): one row per change, written with the same transaction handle as
 * the change, so the two commit or roll back together. Rows hold IDs, never a secret,
 * key, password or token.
 */
export type AuditAction =
  | 'api_key.created'
  | 'api_key.updated'
  | 'api_key.rotated'
  | 'api_key.revoked'
  | 'member.added'
  | 'member.role_changed'
  | 'member.removed'
  | 'member.password_changed'
  | 'member.login'
  | 'member.login_failed'
  | 'organization.created';

/** SYSTEM: Keyward itself (the bootstrap); ANONYMOUS: a caller with no principal (a failed login). */
export type ActorKind = 'MEMBER' | 'API_KEY' | 'SYSTEM' | 'ANONYMOUS';

export interface Actor {
  kind: ActorKind;
  id: string | null;
  ip: string | null;
}

export async function recordAudit(
  tx: Queryable,
  organizationId: string,
  action: AuditAction,
  actor: Actor,
  targetId: string | null,
): Promise<void> {
  await tx.insert(auditEvents).values({
    organizationId,
    action,
    actorKind: actor.kind,
    actorId: actor.id,
    targetId,
    ip: actor.ip,
  });
}

export function auditCursor(event: AuditEventRow): string {
  return encodeCursor([String(event.id)]);
}

/** Newest first. */
export async function listAuditEvents(
  db: Queryable,
  organizationId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Page<AuditEventRow>> {
  const first = pageSize(args.first);
  const before = args.after ? Number(decodeCursor(args.after, 1, (p) => /^\d{1,15}$/.test(p))[0]) : null;
  const inOrganization = eq(auditEvents.organizationId, organizationId);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(before === null ? inOrganization : and(inOrganization, lt(auditEvents.id, before)))
    .orderBy(desc(auditEvents.id))
    .limit(first + 1);
  const [total] = await db.select({ n: count() }).from(auditEvents).where(inOrganization);
  return toPage(rows, first, total!.n);
}
