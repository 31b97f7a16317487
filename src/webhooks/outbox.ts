import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import { webhookMessages, webhooks } from '../db/schema';

/**
 * The events an organization's webhooks may subscribe to (SPEC §10), and the outbox they
 * go through: an event is written as one message per subscribed, enabled endpoint, with
 * the same transaction handle as the change it reports — both commit or neither does.
 * Delivery happens later, from any instance (webhooks/delivery.ts).
 */
export const WEBHOOK_EVENTS = [
  'api_key.created',
  'api_key.updated',
  'api_key.rotated',
  'api_key.revoked',
  'api_key.leaked',
  'api_key.expiring',
  'member.added',
  'member.removed',
  'member.role_changed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const isWebhookEvent = (type: string): type is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(type);

/** A Standard Webhooks message ID: what `webhook-id` carries on every attempt of one message. */
export const newMessageId = () => `msg_${randomBytes(16).toString('base64url')}`;

/**
 * Queues `type` for every enabled endpoint of the organization subscribed to it, in one
 * statement. The body is Standard Webhooks' `{ type, timestamp, data }`; `data` carries the
 * key's or member's `id`, never a secret. Returns the IDs of the messages queued.
 */
export async function enqueueEvent(tx: Queryable, organizationId: string, type: WebhookEvent | 'webhook.test', data: Record<string, unknown>, onlyWebhookId?: string): Promise<string[]> {
  const timestamp = new Date().toISOString();
  const payload = { type, timestamp, data: { ...data, organizationId } };
  const targets = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.organizationId, organizationId),
        onlyWebhookId ? eq(webhooks.id, onlyWebhookId) : and(eq(webhooks.enabled, true), sql`${type} = any(${webhooks.events})`),
      ),
    );
  if (targets.length === 0) return [];
  const queued = await tx
    .insert(webhookMessages)
    .values(targets.map((t) => ({ id: newMessageId(), webhookId: t.id, organizationId, type, payload })))
    .returning({ id: webhookMessages.id });
  return queued.map((m) => m.id);
}

export interface QueuedEvent {
  organizationId: string;
  type: WebhookEvent;
  data: Record<string, unknown>;
}

/**
 * Many events at once (a batch of leaked keys): one read of the organizations' endpoints
 * and one insert of all the messages, in the caller's transaction.
 */
export async function enqueueEvents(tx: Queryable, events: readonly QueuedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const organizationIds = [...new Set(events.map((e) => e.organizationId))];
  const endpoints = await tx
    .select({ id: webhooks.id, organizationId: webhooks.organizationId, events: webhooks.events })
    .from(webhooks)
    .where(and(inArray(webhooks.organizationId, organizationIds), eq(webhooks.enabled, true)));
  if (endpoints.length === 0) return;
  const timestamp = new Date().toISOString();
  const messages = events.flatMap((event) =>
    endpoints
      .filter((endpoint) => endpoint.organizationId === event.organizationId && endpoint.events.includes(event.type))
      .map((endpoint) => ({
        id: newMessageId(),
        webhookId: endpoint.id,
        organizationId: event.organizationId,
        type: event.type,
        payload: { type: event.type, timestamp, data: { ...event.data, organizationId: event.organizationId } },
      })),
  );
  if (messages.length > 0) await tx.insert(webhookMessages).values(messages);
}
