import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { Queryable } from '../db/open';
import { organizations, webhookAttempts, webhookMessages, webhooks, type WebhookMessageRow } from '../db/schema';
import { badInput, notFound } from '../errors';
import { isUuid } from '../ids';
import { pageSize } from '../pagination';
import type { Tenant } from '../tenant';
import { bareHost, isRefusedHost } from './addresses';
import { enqueueEvent, isWebhookEvent, WEBHOOK_EVENTS, type WebhookEvent } from './outbox';

/**
 * An organization's webhook endpoints (SPEC §10): what the console's Webhooks page does.
 * Input is checked before a transaction opens, so bad input writes nothing; each change and
 * its audit row commit together. The signing secret is returned once, by createWebhook.
 */

export const MAX_WEBHOOKS_PER_ORGANIZATION = 20;
export const WEBHOOK_URL_MAX = 2_000;

/** What the operator allows endpoints to be (WEBHOOK_ALLOW_PRIVATE). */
export interface UrlPolicy {
  /** Plain http, loopback, private and link-local receivers: tests and closed networks only. */
  allowPrivate: boolean;
}

/** Every column but the organization and the secret: what a client may see of an endpoint. */
const { organizationId: _org, secret: _secret, ...VIEW_COLUMNS } = getTableColumns(webhooks);
export type WebhookView = { [K in keyof typeof VIEW_COLUMNS]: (typeof webhooks.$inferSelect)[K] };

const inTenant = (tenant: Tenant) => eq(webhooks.organizationId, tenant.organizationId);

/** The endpoint URL as it will be requested (normalized by the URL parser), or BAD_USER_INPUT on `field`. */
export function webhookUrl(field: string, value: string, policy: UrlPolicy): string {
  const trimmed = value.trim();
  if (trimmed.length > WEBHOOK_URL_MAX) throw badInput(field, `must be at most ${WEBHOOK_URL_MAX} characters`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw badInput(field, 'must be an absolute http or https URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput(field, 'must be an absolute http or https URL');
  if (url.protocol !== 'https:' && !policy.allowPrivate) throw badInput(field, 'must use https');
  // Credentials in a URL end up in logs and in every listing; signatures authenticate us.
  if (url.username || url.password) throw badInput(field, 'must not contain a user name or password');
  if (!policy.allowPrivate && isRefusedHost(bareHost(url))) {
    throw badInput(field, 'must not point to a loopback, private or link-local address');
  }
  if (url.href.length > WEBHOOK_URL_MAX) throw badInput(field, `must be at most ${WEBHOOK_URL_MAX} characters`);
  return url.href;
}

/** At least one event, each known, none twice; kept in catalog order. */
export function webhookEvents(field: string, value: readonly string[]): WebhookEvent[] {
  if (value.length === 0) throw badInput(field, 'must name at least one event');
  const seen = new Set<string>();
  for (const [index, event] of value.entries()) {
    // Named by position: the value is whatever the caller sent.
    if (!isWebhookEvent(event)) throw badInput(field, `item ${index + 1} is not an event; expected one of ${WEBHOOK_EVENTS.join(', ')}`);
    if (seen.has(event)) throw badInput(field, `lists ${event} twice`);
    seen.add(event);
  }
  return WEBHOOK_EVENTS.filter((e) => seen.has(e));
}

/** `whsec_` + base64 of 24 random bytes: the Standard Webhooks secret format. */
const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export async function listWebhooks(tenant: Tenant): Promise<WebhookView[]> {
  return tenant.db.select(VIEW_COLUMNS).from(webhooks).where(inTenant(tenant)).orderBy(asc(webhooks.createdAt), asc(webhooks.id));
}

async function findWebhook(db: Queryable, tenant: Tenant, id: string, forUpdate = false): Promise<WebhookView> {
  if (!isUuid(id)) throw notFound('Webhook');
  const query = db.select(VIEW_COLUMNS).from(webhooks).where(and(inTenant(tenant), eq(webhooks.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Webhook');
  return row;
}

export async function getWebhook(tenant: Tenant, id: string): Promise<WebhookView> {
  return findWebhook(tenant.db, tenant, id);
}

export interface NewWebhook {
  url: string;
  events: readonly string[];
}

export async function createWebhook(tenant: Tenant, input: NewWebhook, policy: UrlPolicy): Promise<{ webhook: WebhookView; secret: string }> {
  const url = webhookUrl('url', input.url, policy);
  const events = webhookEvents('events', input.events);
  const secret = newSecret();
  const webhook = await tenant.db.transaction(async (tx) => {
    // The organization's row lock makes count-then-insert one step: two creations at 19
    // endpoints cannot both pass.
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, tenant.organizationId)).for('update');
    const [held] = await tx.select({ n: count() }).from(webhooks).where(inTenant(tenant));
    if (held!.n >= MAX_WEBHOOKS_PER_ORGANIZATION) {
      throw badInput('url', `an organization has at most ${MAX_WEBHOOKS_PER_ORGANIZATION} webhook endpoints`);
    }
    const [row] = await tx.insert(webhooks).values({ organizationId: tenant.organizationId, url, events, secret }).returning(VIEW_COLUMNS);
    await recordAudit(tx, tenant.organizationId, 'webhook.created', tenant.actor, row!.id, { host: new URL(url).host });
    return row!;
  });
  return { webhook, secret };
}

export interface WebhookChanges {
  /** Null or absent: unchanged, for each field. */
  url?: string | null;
  events?: readonly string[] | null;
  enabled?: boolean | null;
}

/**
 * Changes an endpoint. Enabling it clears why it was disabled; enabling it or changing its
 * URL makes its pending messages due at once, so a fixed receiver gets them now rather
 * than at the end of their backoff.
 */
export async function updateWebhook(tenant: Tenant, id: string, changes: WebhookChanges, policy: UrlPolicy): Promise<WebhookView> {
  const set: Partial<typeof webhooks.$inferInsert> = {};
  if (changes.url != null) set.url = webhookUrl('url', changes.url, policy);
  if (changes.events != null) set.events = webhookEvents('events', changes.events);
  if (changes.enabled != null) {
    set.enabled = changes.enabled;
    set.disabledReason = null;
  }
  return tenant.db.transaction(async (tx) => {
    const current = await findWebhook(tx, tenant, id, true);
    if (Object.keys(set).length === 0) return current;
    const [row] = await tx.update(webhooks).set(set).where(eq(webhooks.id, current.id)).returning(VIEW_COLUMNS);
    const resumed = (changes.enabled === true && !current.enabled) || (set.url !== undefined && set.url !== current.url);
    if (resumed && row!.enabled) {
      await tx
        .update(webhookMessages)
        .set({ nextAttemptAt: sql`now()` })
        .where(and(eq(webhookMessages.webhookId, current.id), isNull(webhookMessages.deliveredAt), isNull(webhookMessages.failedAt)));
    }
    await recordAudit(tx, tenant.organizationId, 'webhook.updated', tenant.actor, current.id, { host: new URL(row!.url).host });
    return row!;
  });
}

/** Deletes the endpoint with its messages and their attempts (foreign-key cascades). */
export async function deleteWebhook(tenant: Tenant, id: string): Promise<WebhookView> {
  return tenant.db.transaction(async (tx) => {
    const current = await findWebhook(tx, tenant, id, true);
    await tx.delete(webhooks).where(eq(webhooks.id, current.id));
    await recordAudit(tx, tenant.organizationId, 'webhook.deleted', tenant.actor, current.id, { host: new URL(current.url).host });
    return current;
  });
}

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface DeliveryAttempt {
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** A message with every attempt made to deliver it, oldest attempt first. */
export interface Delivery extends WebhookMessageRow {
  status: DeliveryStatus;
  attemptLog: DeliveryAttempt[];
}

export const deliveryStatus = (m: Pick<WebhookMessageRow, 'deliveredAt' | 'failedAt'>): DeliveryStatus =>
  m.deliveredAt ? 'DELIVERED' : m.failedAt ? 'FAILED' : 'PENDING';

async function withAttempts(db: Queryable, messages: WebhookMessageRow[]): Promise<Delivery[]> {
  if (messages.length === 0) return [];
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.messageId, messages.map((m) => m.id)))
    .orderBy(asc(webhookAttempts.id));
  const byMessage = new Map<string, DeliveryAttempt[]>();
  for (const { messageId, at, statusCode, error, durationMs } of attempts) {
    const list = byMessage.get(messageId) ?? [];
    list.push({ at, statusCode, error, durationMs });
    byMessage.set(messageId, list);
  }
  return messages.map((m) => ({ ...m, status: deliveryStatus(m), attemptLog: byMessage.get(m.id) ?? [] }));
}

/** The endpoint's latest messages, newest first, each with its attempts. */
export async function listDeliveries(tenant: Tenant, webhookId: string, first?: number | null): Promise<Delivery[]> {
  const limit = pageSize(first);
  const webhook = await findWebhook(tenant.db, tenant, webhookId);
  const messages = await tenant.db
    .select()
    .from(webhookMessages)
    .where(and(eq(webhookMessages.organizationId, tenant.organizationId), eq(webhookMessages.webhookId, webhook.id)))
    .orderBy(desc(webhookMessages.createdAt), desc(webhookMessages.id))
    .limit(limit);
  return withAttempts(tenant.db, messages);
}

const MESSAGE_ID = /^msg_[A-Za-z0-9_-]{1,64}$/;

/**
 * Sends a message again, with the same `webhook-id`, as soon as a worker is free: a
 * delivered one too (a receiver that lost it), and one given up after a day. Retries after
 * a failed resend follow the message's schedule, which ends a day after the event: an older
 * message gets this one attempt. An endpoint that is disabled must be enabled first (which
 * resumes every message it has pending).
 */
export async function resendDelivery(tenant: Tenant, messageId: string): Promise<Delivery> {
  if (!MESSAGE_ID.test(messageId)) throw notFound('Delivery');
  return tenant.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ message: webhookMessages, enabled: webhooks.enabled })
      .from(webhookMessages)
      .innerJoin(webhooks, eq(webhooks.id, webhookMessages.webhookId))
      .where(and(eq(webhookMessages.organizationId, tenant.organizationId), eq(webhookMessages.id, messageId)));
    if (!found) throw notFound('Delivery');
    if (!found.enabled && found.message.type !== 'webhook.test') throw badInput('id', 'the endpoint is disabled: enable it first');
    const [row] = await tx
      .update(webhookMessages)
      .set({ nextAttemptAt: sql`now()`, deliveredAt: null, failedAt: null })
      .where(eq(webhookMessages.id, messageId))
      .returning();
    return (await withAttempts(tx, [row!]))[0]!;
  });
}

/**
 * Queues a `webhook.test` message for this endpoint alone, whatever events it subscribes
 * to — and even while it is disabled: that is how an admin checks a fixed receiver before
 * enabling it again.
 */
export async function sendTestEvent(tenant: Tenant, webhookId: string): Promise<Delivery> {
  return tenant.db.transaction(async (tx) => {
    const webhook = await findWebhook(tx, tenant, webhookId);
    const [messageId] = await enqueueEvent(tx, tenant.organizationId, 'webhook.test', { id: webhook.id }, webhook.id);
    const [row] = await tx.select().from(webhookMessages).where(eq(webhookMessages.id, messageId!));
    return (await withAttempts(tx, [row!]))[0]!;
  });
}
