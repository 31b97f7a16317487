import { and, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import { apiKeys, auditEvents, members, organizations, type AuditEventRow } from '../db/schema';
import { badInput } from '../errors';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from '../pagination';
import * as valid from '../validation';
import { FEED_ACTIONS, recordVerificationChanges } from '../feed/changes';
import { enqueueEvents, isWebhookEvent, type QueuedEvent } from '../webhooks/outbox';

/**
 * The audit log (SPEC §5): one row per change, written with the same transaction handle as
 * the change, so the two commit or roll back together. Rows hold IDs, never a secret,
 * key, password or token.
 */
export const AUDIT_ACTIONS = [
  'api_key.created',
  'api_key.updated',
  'api_key.rotated',
  'api_key.revoked',
  'api_key.leaked',
  'member.added',
  'member.role_changed',
  'member.removed',
  'member.password_changed',
  'member.login',
  'member.login_failed',
  'organization.created',
  'organization.updated',
  // The platform's own: no organization's log shows them (organization_id is null).
  'service_token.created',
  'service_token.revoked',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.disabled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * SYSTEM: Keyward itself (the bootstrap, expiry reminders) or a trusted reporter it names by
 * `id` (`github`: the secret-scanning partner program); ANONYMOUS: a caller with no
 * principal (a failed login, a holder revoking a leaked key).
 */
export type ActorKind = 'MEMBER' | 'API_KEY' | 'SYSTEM' | 'ANONYMOUS';

export interface Actor {
  kind: ActorKind;
  id: string | null;
  ip: string | null;
}

/**
 * Writes the event, and, for the events webhooks carry, queues it for the organization's
 * endpoints in the same transaction (webhooks/outbox.ts): every change that is audited is
 * announced, and nothing is announced that did not commit.
 */
export async function recordAudit(
  tx: Queryable,
  organizationId: string,
  action: AuditAction,
  actor: Actor,
  targetId: string | null,
  details?: Record<string, string>,
): Promise<void> {
  await recordAudits(tx, [{ organizationId, action, actor, targetId, details }]);
}

/**
 * An event of the platform itself (a service credential made or revoked by the operator):
 * no organization's, so no organization's log lists it; read with `npm run service-token -- --audit`.
 */
export async function recordPlatformAudit(tx: Queryable, action: 'service_token.created' | 'service_token.revoked', targetId: string, details: Record<string, string>): Promise<void> {
  await tx.insert(auditEvents).values({ organizationId: null, action, actorKind: 'SYSTEM', actorId: 'operator', targetId, ip: null, details });
}

export interface AuditRecord {
  organizationId: string;
  action: AuditAction;
  actor: Actor;
  targetId: string | null;
  /** Where a leak was reported (source, URL); never a secret. */
  details?: Record<string, string>;
}

/** Several events of one transaction in one insert (a batch of leaked keys), announced as `recordAudit` does. */
export async function recordAudits(tx: Queryable, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.insert(auditEvents).values(
    records.map((r) => ({
      organizationId: r.organizationId,
      action: r.action,
      actorKind: r.actor.kind,
      actorId: r.actor.id,
      targetId: r.targetId,
      ip: r.actor.ip,
      details: r.details ?? null,
    })),
  );
  const events: QueuedEvent[] = [];
  const changes: Parameters<typeof recordVerificationChanges>[1] = [];
  for (const r of records) {
    if (isWebhookEvent(r.action)) events.push({ organizationId: r.organizationId, type: r.action, data: { id: r.targetId, ...r.details } });
    if (FEED_ACTIONS.has(r.action)) changes.push({ organizationId: r.organizationId, apiKeyId: r.action.startsWith('api_key.') ? r.targetId : null, action: r.action });
  }
  await enqueueEvents(tx, events);
  // What changes a verification also goes to the service credentials' change feed (feed/changes.ts).
  await recordVerificationChanges(tx, changes);
}

/** Failed sign-ins into one account within this window are one event with a count. */
const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Records a failed sign-in into a member's account, bounded: the first failure in a
 * 15-minute window (aligned to the clock) writes the event, with the address it came from;
 * every further one in that window, from any address, adds 1 to its `count` and moves its
 * `lastAt`. A flood of any size, from any number of addresses, thus leaves at most four
 * events per account per hour, each one row, and keeps its place in the log (by its first
 * failure) instead of burying the changes made meanwhile.
 */
export async function recordLoginFailure(tx: Queryable, member: { id: string; organizationId: string }, ip: string | null): Promise<void> {
  const window = Math.floor(Date.now() / LOGIN_FAILURE_WINDOW_MS);
  await tx
    .insert(auditEvents)
    .values({
      organizationId: member.organizationId,
      action: 'member.login_failed',
      actorKind: 'ANONYMOUS',
      actorId: null,
      targetId: member.id,
      ip,
      repeatKey: `member.login_failed:${member.id}:${window}`,
    })
    .onConflictDoUpdate({ target: auditEvents.repeatKey, set: { count: sql`${auditEvents.count} + 1`, lastAt: sql`now()` } });
}

export function auditCursor(event: AuditEventRow): string {
  return encodeCursor([String(event.id)]);
}

export interface AuditEventFilter {
  /** One of AUDIT_ACTIONS. */
  action?: string | null;
  actorId?: string | null;
}

/** Newest first, optionally only one action and/or one actor's events. */
export async function listAuditEvents(
  db: Queryable,
  organizationId: string,
  args: { first?: number | null; after?: string | null; filter?: AuditEventFilter | null },
): Promise<Page<AuditEventRow>> {
  const first = pageSize(args.first);
  const before = args.after ? Number(decodeCursor(args.after, 1, (p) => /^\d{1,15}$/.test(p))[0]) : null;
  const { action, actorId } = args.filter ?? {};
  if (action != null && !(AUDIT_ACTIONS as readonly string[]).includes(action)) throw badInput('action', 'is not an audit action');
  const filtered = and(
    eq(auditEvents.organizationId, organizationId),
    action != null ? eq(auditEvents.action, action) : undefined,
    actorId != null ? eq(auditEvents.actorId, valid.text('actorId', actorId, { min: 1, max: 100 })) : undefined,
  );
  const rows = await db
    .select()
    .from(auditEvents)
    .where(before === null ? filtered : and(filtered, lt(auditEvents.id, before)))
    .orderBy(desc(auditEvents.id))
    .limit(first + 1);
  const [total] = await db.select({ n: count() }).from(auditEvents).where(filtered);
  return toPage(rows, first, total!.n);
}

/** An event as people read it: who and what by name, and a sentence saying what happened. */
export interface DescribedAuditEvent extends AuditEventRow {
  /** The member's email, the key's name, "Keyward" for the system; null for an anonymous caller or one that no longer exists. */
  actorName: string | null;
  /** The key's or member's name, or the organization's; null when there is none, it no longer exists, or it is the actor itself. */
  targetName: string | null;
  summary: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const targetsAMember = (action: string) => action.startsWith('member.');
const targetsAKey = (action: string) => action.startsWith('api_key.');
const targetsAWebhook = (action: string) => action.startsWith('webhook.');

/**
 * Names for a page of events, looked up in one query per kind of thing named (members by
 * email, keys by name) and only in the event's own organization. The log keeps IDs, so a
 * member removed since is no longer named; a key is never deleted, only revoked.
 */
export async function describeAuditEvents(db: Queryable, organizationId: string, events: readonly AuditEventRow[]): Promise<DescribedAuditEvent[]> {
  const memberIds = new Set<string>();
  const keyIds = new Set<string>();
  for (const e of events) {
    if (e.actorId && e.actorKind === 'MEMBER') memberIds.add(e.actorId);
    if (e.actorId && e.actorKind === 'API_KEY') keyIds.add(e.actorId);
    if (e.targetId && targetsAMember(e.action)) memberIds.add(e.targetId);
    if (e.targetId && targetsAKey(e.action)) keyIds.add(e.targetId);
  }
  const memberUuids = [...memberIds].filter((id) => UUID.test(id));
  const none: Promise<{ id: string; name: string }[]> = Promise.resolve([]);
  const [memberRows, keyRows, organizationRows] = await Promise.all([
    memberUuids.length
      ? db
          .select({ id: members.id, name: members.email })
          .from(members)
          .where(and(eq(members.organizationId, organizationId), inArray(members.id, memberUuids)))
      : none,
    keyIds.size
      ? db
          .select({ id: apiKeys.id, name: apiKeys.name })
          .from(apiKeys)
          .where(and(eq(apiKeys.organizationId, organizationId), inArray(apiKeys.id, [...keyIds])))
      : none,
    events.some((e) => e.action === 'organization.created')
      ? db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId))
      : none,
  ]);
  const memberNames = new Map(memberRows.map((m) => [m.id, m.name]));
  const keyNames = new Map(keyRows.map((k) => [k.id, k.name]));
  const organizationName = organizationRows[0]?.name ?? null;

  const actorNames: Partial<Record<string, Map<string, string>>> = { MEMBER: memberNames, API_KEY: keyNames };

  return events.map((event) => {
    const actorName =
      event.actorKind === 'SYSTEM' ? (event.actorId === 'github' ? 'GitHub secret scanning' : 'Keyward') : event.actorId === null ? null : (actorNames[event.actorKind]?.get(event.actorId) ?? null);
    const self = event.targetId !== null && event.targetId === event.actorId;
    const targetName =
      event.targetId === null
        ? null
        : targetsAMember(event.action)
          ? (memberNames.get(event.targetId) ?? null)
          : targetsAKey(event.action)
            ? (keyNames.get(event.targetId) ?? null)
            : event.action === 'organization.created'
              ? organizationName
              : // An endpoint is named by the host recorded with the event: its URL may carry a token.
                targetsAWebhook(event.action)
                ? (event.details?.host ?? null)
                : null;
    return { ...event, actorName, targetName: self ? null : targetName, summary: summaryOf(event.action, targetName, self, event.count) };
  });
}

/**
 * One sentence per action, naming its target: a key or organization in quotes, a member by
 * email (a member removed since is "a member": the log keeps IDs, not names).
 */
function summaryOf(action: string, target: string | null, self: boolean, times: number): string {
  const key = target === null ? 'a key' : `key "${target}"`;
  const member = target ?? 'a member';
  switch (action) {
    case 'api_key.created':
      return `Created ${key}`;
    case 'api_key.updated':
      return `Edited ${key}`;
    case 'api_key.rotated':
      return `Rotated ${key}`;
    case 'api_key.revoked':
      return `Revoked ${key}`;
    case 'api_key.leaked':
      return `Reported ${key} as leaked`;
    case 'member.added':
      return target === null ? 'Added a member' : `Added member ${target}`;
    case 'member.role_changed':
      return `Changed the role of ${member}`;
    case 'member.removed':
      return target === null ? 'Removed a member' : `Removed member ${target}`;
    case 'member.password_changed':
      return self ? 'Changed their password' : `Changed the password of ${member}`;
    case 'member.login':
      return 'Signed in';
    case 'member.login_failed':
      return `${times > 1 ? `${times} failed sign-ins` : 'Failed sign-in'}${target === null ? '' : ` as ${target}`}`;
    case 'organization.created':
      return target === null ? 'Created the organization' : `Created organization "${target}"`;
    case 'webhook.created':
      return target === null ? 'Added a webhook endpoint' : `Added a webhook endpoint at ${target}`;
    case 'webhook.updated':
      return target === null ? 'Edited a webhook endpoint' : `Edited the webhook endpoint at ${target}`;
    case 'webhook.deleted':
      return target === null ? 'Removed a webhook endpoint' : `Removed the webhook endpoint at ${target}`;
    case 'webhook.disabled':
      return `Disabled ${target === null ? 'a webhook endpoint' : `the webhook endpoint at ${target}`} after a day of failed deliveries`;
    case 'service_token.created':
      return 'Made a service token';
    case 'service_token.revoked':
      return 'Revoked a service token';
    case 'organization.updated':
      return "Changed the organization's settings";
    default:
      return action;
  }
}
