import { eq, inArray, sql } from 'drizzle-orm';
import type { BcryptQueue } from '../auth/bcryptQueue';
import { recordAudits, type Actor, type AuditRecord } from '../audit/audit';
import type { Changed } from '../db/notify';
import type { Queryable } from '../db/open';
import { apiKeys, organizations } from '../db/schema';
import { CHECKSUM_LENGTH, KEY_LENGTH, parseKey } from './format';
import { digestOf, legacySecretMatches, sameDigest } from './secrets';

/**
 * Keys found where they should not be (SPEC §10): reported by a secret scanner (GitHub's
 * partner program), or by anyone who holds one (`revokeLeakedApiKeys`). A report names
 * full keys; each is judged by its digest as verification would, and a genuine live key
 * is then revoked — or, when its organization's policy is NOTIFY and the report came from
 * a scanner, flagged — in one transaction for the whole batch, audited as
 * `api_key.leaked` (with the report's source and URL) and announced to every instance.
 *
 * A leaked *previous* secret (still honoured after a rotation) ends that grace period: the
 * key's current secret was never exposed, and revoking the key would undo the rotation
 * that is probably the owner's answer to the leak.
 */

export interface LeakReport {
  token: string;
  /** Where it was found: e.g. `content`, `commit`, `issue_comment` (GitHub), or `public`. */
  source: string;
  url: string | null;
}

export type LeakLabel = 'true_positive' | 'false_positive';

/** Whose policy decides: the key's organization (a scanner's report), or always revoke (a holder's). */
export type LeakPolicyMode = 'organization' | 'revoke';

interface Finding {
  keyId: string;
  organizationId: string;
  /** The previous secret of a rotation, still in its grace period. */
  previous: boolean;
  live: boolean;
  report: LeakReport;
}

type LockedRow = {
  id: string;
  organizationId: string;
  secretHash: string;
  secretHashKind: 'SHA256' | 'BCRYPT';
  checksum: string;
  previousSecretHash: string | null;
  previousSecretHashKind: 'SHA256' | 'BCRYPT' | null;
  previousChecksum: string | null;
  previousExpiresAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  leakPolicy: 'REVOKE' | 'NOTIFY';
};

/** Does `token` hold the current or the previous secret of `row`? Null when neither. */
async function secretOf(row: LockedRow, token: string, now: number, bcrypt: Pick<BcryptQueue, 'run'>): Promise<'current' | 'previous' | null> {
  const checksum = token.slice(-CHECKSUM_LENGTH);
  const candidates: Array<['current' | 'previous', string, 'SHA256' | 'BCRYPT']> = [];
  if (checksum === row.checksum) candidates.push(['current', row.secretHash, row.secretHashKind]);
  if (checksum === row.previousChecksum && row.previousSecretHash && row.previousExpiresAt && row.previousExpiresAt.getTime() > now) {
    candidates.push(['previous', row.previousSecretHash, row.previousSecretHashKind ?? 'BCRYPT']);
  }
  for (const [which, stored, kind] of candidates) {
    // A secret an earlier release stored as bcrypt is checked as verification checks it:
    // through the bounded bcrypt queue (SPEC §7), never as a compare of its own.
    const matches = kind === 'SHA256' ? sameDigest(digestOf(token), stored) : await bcrypt.run(() => legacySecretMatches(parseKey(token)!.secret, stored));
    if (matches) return which;
  }
  return null;
}

/**
 * Judges and acts on every report; answers one label per report, in order. `actor` is who
 * reported (SYSTEM for a scanner, ANONYMOUS for a holder), with the client's address.
 */
export async function reportLeakedKeys(
  changes: { transaction<T>(work: (tx: Queryable, changed: Changed) => Promise<T>): Promise<T> },
  bcrypt: Pick<BcryptQueue, 'run'>,
  reports: readonly LeakReport[],
  actor: Actor,
  mode: LeakPolicyMode,
): Promise<LeakLabel[]> {
  const keyIds = new Set<string>();
  const parsed = reports.map((report) => {
    // Only a string of a key's exact shape is looked up: the rest is no Keyward key.
    const key = report.token.length === KEY_LENGTH ? parseKey(report.token) : null;
    if (key) keyIds.add(key.keyId);
    return key;
  });
  if (keyIds.size === 0) return reports.map(() => 'false_positive');

  return changes.transaction(async (tx, changed) => {
    const rows = await tx
      .select({
        id: apiKeys.id,
        organizationId: apiKeys.organizationId,
        secretHash: apiKeys.secretHash,
        secretHashKind: apiKeys.secretHashKind,
        checksum: apiKeys.checksum,
        previousSecretHash: apiKeys.previousSecretHash,
        previousSecretHashKind: apiKeys.previousSecretHashKind,
        previousChecksum: apiKeys.previousChecksum,
        previousExpiresAt: apiKeys.previousExpiresAt,
        revokedAt: apiKeys.revokedAt,
        expiresAt: apiKeys.expiresAt,
        leakPolicy: organizations.leakPolicy,
      })
      .from(apiKeys)
      .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
      .where(inArray(apiKeys.id, [...keyIds]))
      // Locked, as every change to a key is: a concurrent rotation or revocation waits.
      .for('update', { of: apiKeys });
    const byId = new Map(rows.map((row) => [row.id, row as LockedRow]));
    const now = Date.now();

    const labels: LeakLabel[] = [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const [i, report] of reports.entries()) {
      const row = parsed[i] ? byId.get(parsed[i]!.keyId) : undefined;
      const which = row ? await secretOf(row, report.token, now, bcrypt) : null;
      labels.push(which ? 'true_positive' : 'false_positive');
      if (!row || !which || seen.has(`${row.id}:${which}`)) continue;
      seen.add(`${row.id}:${which}`);
      findings.push({ keyId: row.id, organizationId: row.organizationId, previous: which === 'previous', live: row.revokedAt === null, report });
    }

    const revoke: string[] = [];
    const endGrace: string[] = [];
    const flag: string[] = [];
    const audits: AuditRecord[] = [];
    for (const finding of findings) {
      if (!finding.live) continue;
      const details = { source: finding.report.source, ...(finding.report.url ? { url: finding.report.url } : {}), ...(finding.previous ? { secret: 'previous' } : {}) };
      audits.push({ organizationId: finding.organizationId, action: 'api_key.leaked', actor, targetId: finding.keyId, details });
      const policy = mode === 'revoke' ? 'REVOKE' : byId.get(finding.keyId)!.leakPolicy;
      if (policy === 'NOTIFY') flag.push(finding.keyId);
      else if (finding.previous) endGrace.push(finding.keyId);
      else {
        revoke.push(finding.keyId);
        audits.push({ organizationId: finding.organizationId, action: 'api_key.revoked', actor, targetId: finding.keyId });
      }
    }
    // A key reported twice in one batch, once by each secret: revoking it covers both.
    const graceOnly = endGrace.filter((id) => !revoke.includes(id));
    const clearPrevious = { previousSecretHash: null, previousSecretHashKind: null, previousChecksum: null, previousExpiresAt: null };
    if (revoke.length > 0) await tx.update(apiKeys).set({ revokedAt: new Date(now), leakedAt: sql`coalesce(${apiKeys.leakedAt}, now())`, ...clearPrevious }).where(inArray(apiKeys.id, revoke));
    if (graceOnly.length > 0) await tx.update(apiKeys).set({ leakedAt: sql`coalesce(${apiKeys.leakedAt}, now())`, ...clearPrevious }).where(inArray(apiKeys.id, graceOnly));
    if (flag.length > 0) await tx.update(apiKeys).set({ leakedAt: sql`coalesce(${apiKeys.leakedAt}, now())` }).where(inArray(apiKeys.id, flag));
    const ended = [...new Set([...revoke, ...graceOnly])];
    if (ended.length > 0) await changed(...ended.map((apiKeyId) => ({ apiKeyId })));
    // A flagged key changes nothing cached: its organization's notice only wakes the change feed.
    const flaggedIn = [...new Set(findings.filter((f) => flag.includes(f.keyId)).map((f) => f.organizationId))];
    if (flaggedIn.length > 0) await changed(...flaggedIn.map((organizationId) => ({ organizationId })));
    await recordAudits(tx, audits);
    return labels;
  });
}
