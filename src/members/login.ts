import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, recordLoginFailure } from '../audit/audit';
import type { Attempt, FailureLimiter } from '../auth/limiter';
import type { Passwords } from '../auth/passwords';
import type { Database } from '../db/open';
import { members, organizations, type MemberRow } from '../db/schema';
import { badInput, forbidden, unauthenticated } from '../errors';
import { insertOrganization, prepareOrganization, type NewOrganization } from '../organizations/organizations';
import { startSession } from '../sessions/sessions';
import { recognisedDevice, rememberDevice, type RememberedDevice } from './trustedDevices';
import { characterCount, normalizedEmail, PASSWORD_MAX } from '../validation';

export interface LoginResult {
  token: string;
  member: MemberRow;
  /** The client's device token, to keep (a cookie) and present at its next sign-in. */
  device: RememberedDevice;
}

const INVALID = 'Invalid email or password';

/**
 * Signs a member in. Failures are limited per (email, client address) tightly, and per
 * email and per address more loosely (src/auth/limiter.ts): an attacker hammering one
 * email from one address is stopped long before the member, signing in from elsewhere,
 * is. A client that has signed in to the account before and presents its device token
 * (trustedDevices.ts) is limited on its own instead: strangers spending the account's
 * limit (NIST's 100 failures) do not lock the member out of the clients it uses.
 *
 * Failures into a member's account are audited as one `member.login_failed` event per
 * 15 minutes with a count (audit.ts, recordLoginFailure). An unknown email is compared
 * against a decoy hash at the costliest stored hash's cost, so it takes as long as a
 * wrong password (passwords.ts); a member whose hash was made at another cost is rehashed
 * at the configured one on their next successful sign-in.
 */
/** What signing in uses. */
export interface SignInDeps {
  db: Database;
  passwords: Passwords;
  limiter: FailureLimiter;
}

export async function login(
  { db, passwords, limiter }: SignInDeps,
  input: { email: string; password: string; organization?: string | null; deviceToken?: string | null },
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
    if (member) await recordLoginFailure(db, member, clientIp);
  };
  const deviceId = member ? await recognisedDevice(db, member.id, input.deviceToken ?? null) : null;
  const client = clientIp ?? 'unknown';
  const attempt: Attempt = deviceId
    ? { loginDevice: deviceId }
    : { loginEmailClient: `${email}\n${client}`, loginEmail: email, loginClient: client };
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
  const signedIn = await db.transaction(async (tx) => {
    if (rehashed) {
      // Same password, same version: only if no password change committed meanwhile.
      await tx
        .update(members)
        .set({ passwordHash: rehashed })
        .where(and(eq(members.id, member.id), eq(members.passwordVersion, member.passwordVersion)));
    }
    const started = await startSession(tx, member);
    if (!started) return null;
    await recordAudit(tx, member.organizationId, 'member.login', { kind: 'MEMBER', id: member.id, ip: clientIp }, member.id);
    const known = deviceId ? { id: deviceId, token: input.deviceToken! } : null;
    return { token: started, device: await rememberDevice(tx, member.id, known) };
  });
  // The password changed while this login was checking the old one.
  if (!signedIn) throw unauthenticated(INVALID);
  // The costliest hash may just have gone: the decoy follows (PASSWORD_HASH_COST lowered).
  if (rehashed) void passwords.refreshDecoy();
  return { ...signedIn, member };
}

/** The cost of the costliest member password hash stored, in any organization: the decoy follows it (auth/passwords.ts). */
export async function highestPasswordCost(db: Database): Promise<number | null> {
  // A bcrypt hash reads $2b$<cost>$…: the cost is characters 5 and 6.
  const [row] = await db.select({ cost: sql<number | null>`max(substring(${members.passwordHash} from 5 for 2)::int)` }).from(members);
  return row?.cost == null ? null : Number(row.cost);
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
    return { token: (await startSession(tx, owner))!, member: owner, device: await rememberDevice(tx, owner.id, null) };
  });
}
