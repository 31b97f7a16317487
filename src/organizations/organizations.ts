import { count, eq } from 'drizzle-orm';
import type { Passwords } from '../auth/passwords';
import { recordAudit, type Actor } from '../audit/audit';
import type { Queryable } from '../db/open';
import { isUniqueViolation } from '../db/errors';
import { members, organizations, type MemberRow, type OrganizationRow } from '../db/schema';
import { badInput } from '../errors';
import type { Tenant } from '../tenant';
import * as valid from '../validation';

export interface NewOrganization {
  organization: string;
  name: string;
  email: string;
  password: string;
}

/** Validated input with the password already hashed: ready to insert, nothing left to fail on. */
export interface PreparedOrganization {
  organizationName: string;
  owner: { name: string; email: string; passwordHash: string };
}

/**
 * Validates and hashes before any transaction opens, so bad input writes nothing and no
 * transaction waits on bcrypt; the hash goes through the bcrypt queue (SPEC §7), so a
 * flood of sign-ups waits its turn or is refused, like every other bcrypt work.
 */
export async function prepareOrganization(input: NewOrganization, passwords: Pick<Passwords, 'hash'>): Promise<PreparedOrganization> {
  const organizationName = valid.organizationName('organization', input.organization);
  const name = valid.personName('name', input.name);
  const email = valid.email('email', input.email);
  const password = valid.password('password', input.password);
  return { organizationName, owner: { name, email, passwordHash: await passwords.hash(password) } };
}

/** Who made the organization: Keyward at its first start, or a person signing up. */
export type OrganizationOrigin = { kind: 'bootstrap' } | { kind: 'signup'; ip: string | null };

export async function insertOrganization(
  tx: Queryable,
  prepared: PreparedOrganization,
  origin: OrganizationOrigin,
): Promise<{ organization: OrganizationRow; owner: MemberRow }> {
  try {
    const [organization] = await tx.insert(organizations).values({ name: prepared.organizationName }).returning();
    const [owner] = await tx
      .insert(members)
      .values({ organizationId: organization!.id, role: 'OWNER', ...prepared.owner })
      .returning();
    const actor: Actor =
      origin.kind === 'bootstrap' ? { kind: 'SYSTEM', id: null, ip: null } : { kind: 'MEMBER', id: owner!.id, ip: origin.ip };
    await recordAudit(tx, organization!.id, 'organization.created', actor, organization!.id);
    return { organization: organization!, owner: owner! };
  } catch (error) {
    if (isUniqueViolation(error)) throw badInput('organization', 'an organization with this name already exists');
    throw error;
  }
}

export async function organizationCount(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return row!.n;
}

export async function getOrganization(db: Queryable, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

export type LeakPolicy = 'REVOKE' | 'NOTIFY';

/**
 * The organization's settings (SPEC §10: `leakPolicy`, what a secret scanner's report of
 * one of its keys does). Audited as `organization.updated`; a change to nothing writes nothing.
 */
export async function updateOrganizationSettings(tenant: Tenant, settings: { leakPolicy?: LeakPolicy | null }): Promise<OrganizationRow> {
  return tenant.changes.transaction(async (tx, changed) => {
    const [current] = await tx.select().from(organizations).where(eq(organizations.id, tenant.organizationId)).for('update');
    if (!settings.leakPolicy || settings.leakPolicy === current!.leakPolicy) return current!;
    await changed({ organizationId: tenant.organizationId });
    const [row] = await tx.update(organizations).set({ leakPolicy: settings.leakPolicy }).where(eq(organizations.id, tenant.organizationId)).returning();
    await recordAudit(tx, tenant.organizationId, 'organization.updated', tenant.actor, tenant.organizationId, { leakPolicy: settings.leakPolicy });
    return row!;
  });
}
