import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { members, organizations, type MemberRow } from '../db/schema';
import { badInput, forbidden, unauthenticated } from '../errors';
import { insertOrganization, prepareOrganization, type NewOrganization } from '../organizations/organizations';
import type { Services } from '../services';
import { startSession } from '../sessions/sessions';
import { characterCount, PASSWORD_MAX } from '../validation';

export interface LoginResult {
  token: string;
  member: MemberRow;
}

const INVALID = 'Invalid email or password';

/**
 * A hash of nothing anyone knows, at the configured cost: an unknown email is compared
 * against it so that it costs the same bcrypt time as a wrong password.
 */
const decoys = new Map<number, Promise<string>>();
function decoyHash(cost: number): Promise<string> {
  let hash = decoys.get(cost);
  if (!hash) decoys.set(cost, (hash = hashPassword(randomBytes(32).toString('hex'), cost)));
  return hash;
}

export async function login(
  services: Services,
  input: { email: string; password: string; organization?: string | null },
  clientIp: string | null,
): Promise<LoginResult> {
  const { db } = services.database;
  const email = input.email.trim().toLowerCase();
  const candidates = await db
    .select({ member: members })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(
      and(
        sql`lower(${members.email}) = ${email}`,
        input.organization ? sql`lower(${organizations.name}) = lower(${input.organization.trim()})` : undefined,
      ),
    );
  if (candidates.length > 1) {
    throw badInput('organization', 'this email belongs to several organizations: name the organization');
  }

  const member = candidates[0]?.member;
  const passwordFits = characterCount(input.password) <= PASSWORD_MAX;
  const matches = await verifyPassword(
    passwordFits ? input.password : '',
    member?.passwordHash ?? (await decoyHash(services.config.passwordHashCost)),
  );
  if (!member || !matches || !passwordFits) {
    if (member) {
      await recordAudit(db, member.organizationId, 'member.login_failed', { kind: 'ANONYMOUS', id: null, ip: clientIp }, member.id);
    }
    throw unauthenticated(INVALID);
  }

  return db.transaction(async (tx) => {
    const token = await startSession(tx, member);
    await recordAudit(tx, member.organizationId, 'member.login', { kind: 'MEMBER', id: member.id, ip: clientIp }, member.id);
    return { token, member };
  });
}

/** A new organization with its owner, signed in at once; only while ALLOW_SIGNUP allows it. */
export async function signUp(services: Services, input: NewOrganization, clientIp: string | null): Promise<LoginResult> {
  if (!services.config.allowSignup) throw forbidden('Sign-up is disabled on this server');
  const prepared = await prepareOrganization(input, services.config.passwordHashCost);
  return services.database.db.transaction(async (tx) => {
    const { owner } = await insertOrganization(tx, prepared, { kind: 'signup', ip: clientIp });
    return { token: await startSession(tx, owner), member: owner };
  });
}
