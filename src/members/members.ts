import { and, asc, count, eq, sql } from 'drizzle-orm';
import { forgetDevices } from './trustedDevices';
import { recordAudit } from '../audit/audit';
import type { FailureLimiter } from '../auth/limiter';
import type { Passwords } from '../auth/passwords';
import type { MemberRole } from '../auth/scopes';
import { isUniqueViolation } from '../db/errors';
import type { Queryable } from '../db/open';
import { members, type MemberRow } from '../db/schema';
import { badInput, forbidden, notFound } from '../errors';
import { isUuid } from '../ids';
import { afterTimePosition, decodeTimeCursor, timeCursor } from '../db/keyset';
import { pageSize, toPage, type Page } from '../pagination';
import { endOtherSessions } from '../sessions/sessions';
import type { Tenant } from '../tenant';
import * as valid from '../validation';

/**
 * Members of the tenant's organization (SPEC §2, §4). Owner rules: only an owner makes,
 * demotes or removes an owner, and an organization always keeps at least one.
 */

const inTenant = (tenant: Tenant) => eq(members.organizationId, tenant.organizationId);

export const memberCursor = timeCursor;

/** Oldest first: the founding owner leads the list. */
export async function listMembers(tenant: Tenant, args: { first?: number | null; after?: string | null }): Promise<Page<MemberRow>> {
  const first = pageSize(args.first);
  const after = decodeTimeCursor(args.after, isUuid);
  const rows = await tenant.db
    .select()
    .from(members)
    .where(and(inTenant(tenant), afterTimePosition(members, after, 'asc')))
    .orderBy(asc(members.createdAt), asc(members.id))
    .limit(first + 1);
  const [total] = await tenant.db.select({ n: count() }).from(members).where(inTenant(tenant));
  return toPage(rows, first, total!.n);
}

async function findMember(db: Queryable, tenant: Tenant, id: string, forUpdate = false): Promise<MemberRow> {
  if (!isUuid(id)) throw notFound('Member');
  const query = db.select().from(members).where(and(inTenant(tenant), eq(members.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Member');
  return row;
}

function actingRole(tenant: Tenant): MemberRole | null {
  return tenant.principal.kind === 'MEMBER' ? tenant.principal.role : null;
}

function requireOwnerFor(tenant: Tenant, what: string): void {
  if (actingRole(tenant) !== 'OWNER') throw forbidden(`Only an owner can ${what}`);
}

/**
 * Locks the organization's owner rows and counts them. Two owners demoting each other at
 * once then queue on the same rows, and the second sees the first one's change.
 */
async function lockedOwnerCount(tx: Queryable, tenant: Tenant): Promise<number> {
  const owners = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(inTenant(tenant), eq(members.role, 'OWNER')))
    .for('update');
  return owners.length;
}

export interface NewMember {
  email: string;
  name: string;
  role: MemberRole;
  password: string;
}

export async function addMember(tenant: Tenant, passwords: Passwords, input: NewMember): Promise<MemberRow> {
  const email = valid.email('email', input.email);
  const name = valid.personName('name', input.name);
  const password = valid.password('password', input.password);
  if (input.role === 'OWNER') requireOwnerFor(tenant, 'add an owner');
  const passwordHash = await passwords.hash(password);

  try {
    return await tenant.db.transaction(async (tx) => {
      const [member] = await tx
        .insert(members)
        .values({ organizationId: tenant.organizationId, email, name, role: input.role, passwordHash })
        .returning();
      await recordAudit(tx, tenant.organizationId, 'member.added', tenant.actor, member!.id);
      return member!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw badInput('email', 'a member with this email already exists');
    throw error;
  }
}

export async function updateMemberRole(tenant: Tenant, id: string, role: MemberRole): Promise<MemberRow> {
  return tenant.changes.transaction(async (tx, changed) => {
    const ownerCount = await lockedOwnerCount(tx, tenant);
    const member = await findMember(tx, tenant, id, true);
    if (member.role === role) return member;
    if (member.role === 'OWNER' || role === 'OWNER') requireOwnerFor(tenant, 'make or demote an owner');
    if (member.role === 'OWNER' && ownerCount <= 1) throw badInput('role', 'the organization must keep at least one owner');

    await changed({ memberId: member.id });
    const [updated] = await tx
      .update(members)
      .set({ role })
      .where(and(inTenant(tenant), eq(members.id, member.id)))
      .returning();
    await recordAudit(tx, tenant.organizationId, 'member.role_changed', tenant.actor, member.id);
    return updated!;
  });
}

/** Removes the member; their sessions go with them (foreign key cascade). */
export async function removeMember(tenant: Tenant, id: string): Promise<MemberRow> {
  return tenant.changes.transaction(async (tx, changed) => {
    const ownerCount = await lockedOwnerCount(tx, tenant);
    const member = await findMember(tx, tenant, id, true);
    if (member.role === 'OWNER') {
      requireOwnerFor(tenant, 'remove an owner');
      if (ownerCount <= 1) throw badInput('id', 'the organization must keep at least one owner');
    }
    await changed({ memberId: member.id });
    await tx.delete(members).where(and(inTenant(tenant), eq(members.id, member.id)));
    await recordAudit(tx, tenant.organizationId, 'member.removed', tenant.actor, member.id);
    return member;
  });
}

/**
 * The signed-in member changes their own password. Wrong current passwords count against a
 * per-member failure limit, and both bcrypt runs go through the bcrypt queue. The password
 * version goes up in the same transaction, so every session made with the old password —
 * including one whose login was still in its bcrypt check — stops working; the member's
 * other sessions end, and the one making the change moves to the new version.
 */
export async function changePassword(
  tenant: Tenant,
  guards: { passwords: Passwords; limiter: FailureLimiter },
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const principal = tenant.principal;
  if (principal.kind !== 'MEMBER') throw forbidden('Only a signed-in member can change a password');
  const next = valid.password('newPassword', newPassword);
  const { passwords, limiter } = guards;
  const attempt = { passwordCheck: principal.memberId };
  await limiter.begin(attempt);
  const member = await findMember(tenant.db, tenant, principal.memberId);
  if (!(await passwords.matches(currentPassword, member.passwordHash))) {
    throw badInput('currentPassword', 'is not the current password');
  }
  await limiter.succeeded(attempt);
  const passwordHash = await passwords.hash(next);
  await tenant.changes.transaction(async (tx, changed) => {
    await changed({ memberId: member.id });
    const [row] = await tx
      .update(members)
      .set({ passwordHash, passwordVersion: sql`${members.passwordVersion} + 1` })
      .where(and(inTenant(tenant), eq(members.id, member.id), eq(members.passwordVersion, member.passwordVersion)))
      .returning({ passwordVersion: members.passwordVersion });
    if (!row) throw badInput('currentPassword', 'the password was changed meanwhile: sign in again');
    await endOtherSessions(tx, member.id, principal.sessionId, row.passwordVersion);
    await forgetDevices(tx, member.id);
    await recordAudit(tx, tenant.organizationId, 'member.password_changed', tenant.actor, member.id);
  });
}

export async function getMember(tenant: Tenant, id: string): Promise<MemberRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await tenant.db.select().from(members).where(and(inTenant(tenant), eq(members.id, id)));
  return row ?? null;
}
