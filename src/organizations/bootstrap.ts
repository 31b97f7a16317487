import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Bootstrap } from '../config';
import { MIGRATION_LOCK_ID, type Database } from '../db/open';
import { hashPassword } from '../auth/passwords';
import { insertOrganization, organizationCount, prepareOrganization } from './organizations';

export const DEFAULT_ORGANIZATION = 'default';
export const DEFAULT_ADMIN_EMAIL = 'admin@localhost';

export type BootstrapResult =
  | { created: false }
  | { created: true; organization: string; email: string; /** Set only when Keyward made it up. */ generatedPassword?: string };

/**
 * On a database with no organization, creates the first one and its owner (SPEC §1).
 * The check and the insert run under the same advisory lock as the migrations, so two
 * instances starting together create one organization between them.
 */
export async function bootstrapFirstOrganization(
  db: Database,
  given: Bootstrap | null,
  passwordHashCost: number,
): Promise<BootstrapResult> {
  if ((await organizationCount(db)) > 0) return { created: false };

  // 24 random bytes → 32 base64url characters: well inside the 12–128 password rule.
  const generatedPassword = given ? undefined : randomBytes(24).toString('base64url');
  const wanted = given ?? { organization: DEFAULT_ORGANIZATION, email: DEFAULT_ADMIN_EMAIL, password: generatedPassword! };
  const prepared = await prepareOrganization(
    { organization: wanted.organization, name: 'Administrator', email: wanted.email, password: wanted.password },
    { hash: (password) => hashPassword(password, passwordHashCost) },
  );

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`);
    if ((await organizationCount(tx)) > 0) return { created: false } as const;
    await insertOrganization(tx, prepared, { kind: 'bootstrap' });
    return { created: true, organization: prepared.organizationName, email: prepared.owner.email, generatedPassword };
  });
}
