import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { FailureLimiter } from '../auth/limiter';
import type { Passwords } from '../auth/passwords';
import type { Database } from '../db/open';
import { members, organizations, type MemberRow } from '../db/schema';
import { badInput, forbidden, unauthenticated } from '../errors';
import { insertOrganization, prepareOrganization, type NewOrganization } from '../organizations/organizations';
import { startSession } from '../sessions/sessions';
import { characterCount, normalizedEmail, PASSWORD_MAX } from '../validation';

export interface LoginResult {
  token: string;
  member: MemberRow;
}

const INVALID = 'Invalid email or password';

/**
 * Signs a member in. Failures are limited per (email, client address) tightly, and per
 * email and per address more loosely (src/auth/limiter.ts): an attacker hammering one
 * email from one address is stopped long before the member, signing in from elsewhere,
 * is. A refused attempt is audited as `member.login_failed` like a wrong password.
 *
 * An unknown email is compared against a decoy hash made at start at the configured
 * cost, so it costs the same bcrypt time as a wrong password; a member whose hash was made
 * at another cost is rehashed at the configured one on their next successful login, so
 * that a change of PASSWORD_HASH_COST does not tell existing emails from unknown ones.
 */
/** What signing in uses. */
export interface SignInDeps {
  db: Database;
  passwords: Passwords;
  limiter: FailureLimiter;
}

export async function login(
  { db, passwords, limiter }: SignInDeps,
  input: { email: string; password: string; organization?: string | null },
  clientIp: string | null,
): Promise<LoginResult> {
  const email = normalizedEmail(input.email);
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
  const failed = async () => {
    if (member) {
      await recordAudit(db, member.organizationId, 'member.login_failed', { kind: 'ANONYMOUS', id: null, ip: clientIp }, member.id);
    }
  };
  const client = clientIp ?? 'unknown';
  const attempt = { loginEmailClient: `${email}\n${client}`, loginEmail: email, loginClient: client };
  try {
    await limiter.begin(attempt);
  } catch (error) {
    await failed();
    throw error;
  }

  const passwordFits = characterCount(input.password) <= PASSWORD_MAX;
  const matches = await passwords.matches(passwordFits ? input.password : '', member?.passwordHash ?? null);
  if (!member || !matches || !passwordFits) {
    await failed();
    throw unauthenticated(INVALID);
  }
  await limiter.succeeded(attempt);

  const rehashed = passwords.outdated(member.passwordHash) ? await passwords.hash(input.password) : null;
  const token = await db.transaction(async (tx) => {
    if (rehashed) {
      // Same password, same version: only if no password change committed meanwhile.
      await tx
        .update(members)
        .set({ passwordHash: rehashed })
        .where(and(eq(members.id, member.id), eq(members.passwordVersion, member.passwordVersion)));
    }
    const started = await startSession(tx, member);
    if (started) await recordAudit(tx, member.organizationId, 'member.login', { kind: 'MEMBER', id: member.id, ip: clientIp }, member.id);
    return started;
  });
  // The password changed while this login was checking the old one.
  if (!token) throw unauthenticated(INVALID);
  return { token, member };
}

/** A new organization with its owner, signed in at once; only while ALLOW_SIGNUP allows it. */
export async function signUp(
  { db, passwords, allowSignup }: { db: Database; passwords: Passwords; allowSignup: boolean },
  input: NewOrganization,
  clientIp: string | null,
): Promise<LoginResult> {
  if (!allowSignup) throw forbidden('Sign-up is disabled on this server');
  const prepared = await prepareOrganization(input, passwords);
  return db.transaction(async (tx) => {
    const { owner } = await insertOrganization(tx, prepared, { kind: 'signup', ip: clientIp });
    // A member made in this very transaction: nothing can have changed their password.
    return { token: (await startSession(tx, owner))!, member: owner };
  });
}
