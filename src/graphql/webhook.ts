import * as webhooks from '../webhooks/webhooks';
import { WEBHOOK_EVENTS } from '../webhooks/outbox';
import { builder } from './builder';
import type { Context } from './context';
import { tenantOf } from './tenant';

/**
 * Webhook endpoints and their deliveries (SPEC §10). Endpoints are organization settings:
 * reading them takes `organization:read`, changing them (or sending) `organization:write`.
 */

const EVENTS_DESCRIPTION = `Events, each one of: ${WEBHOOK_EVENTS.join(', ')}.`;
const policyOf = (ctx: Context): webhooks.UrlPolicy => ({ allowPrivate: ctx.services.config.webhookAllowPrivate });

const WebhookRef = builder.objectRef<webhooks.WebhookView>('Webhook').implement({
  description: 'Where the organization’s events are sent, signed per Standard Webhooks. Its secret is shown once, by createWebhook.',
  fields: (t) => ({
    id: t.exposeID('id'),
    url: t.exposeString('url'),
    events: t.exposeStringList('events', { description: EVENTS_DESCRIPTION }),
    enabled: t.exposeBoolean('enabled'),
    disabledReason: t.exposeString('disabledReason', {
      nullable: true,
      description: 'Why Keyward stopped deliveries (a receiver that failed for a day); null while enabled or when disabled by hand.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const DeliveryStatusRef = builder.enumType('WebhookDeliveryStatus', {
  values: {
    PENDING: { description: 'Not delivered yet: waiting for its next attempt.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Given up after a day of failed attempts.' },
  } as const,
});

const AttemptRef = builder.objectRef<webhooks.DeliveryAttempt>('WebhookAttempt').implement({
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    statusCode: t.exposeInt('statusCode', { nullable: true, description: 'The receiver’s HTTP status; null when there was no answer.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why there was no answer (timeout, refused address, connection error).' }),
    durationMs: t.exposeInt('durationMs'),
  }),
});

const DeliveryRef = builder.objectRef<webhooks.Delivery>('WebhookDelivery').implement({
  description: 'One event for one endpoint. Its id is the `webhook-id` header of every attempt.',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.exposeString('type', { description: 'The event, or webhook.test.' }),
    payload: t.field({ type: 'JSONObject', description: 'The body sent: { type, timestamp, data }.', resolve: (d) => d.payload }),
    status: t.field({ type: DeliveryStatusRef, resolve: (d) => d.status }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it is tried next; null once delivered or given up.',
      resolve: (d) => (d.status === 'PENDING' ? d.nextAttemptAt : null),
    }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    failedAt: t.expose('failedAt', { type: 'DateTime', nullable: true }),
    attempts: t.field({ type: [AttemptRef], description: 'Every attempt, oldest first.', resolve: (d) => d.attemptLog }),
  }),
});

builder.queryFields((t) => ({
  webhooks: t.field({
    type: [WebhookRef],
    description: 'The organization’s webhook endpoints, oldest first.',
    authScopes: { scope: 'organization:read' },
    resolve: (_root, _args, ctx) => webhooks.listWebhooks(tenantOf(ctx)),
  }),
  webhookDeliveries: t.field({
    type: [DeliveryRef],
    description: 'An endpoint’s latest deliveries, newest first (20 by default, at most 100), with their attempts.',
    authScopes: { scope: 'organization:read' },
    args: { webhookId: t.arg.id({ required: true }), first: t.arg.int() },
    resolve: (_root, { webhookId, first }, ctx) => webhooks.listDeliveries(tenantOf(ctx), String(webhookId), first),
  }),
}));

const CreateWebhookInput = builder.inputType('CreateWebhookInput', {
  fields: (t) => ({
    url: t.string({ required: true, description: 'An absolute https URL (http too, and private addresses, when the operator sets WEBHOOK_ALLOW_PRIVATE), at most 2,000 characters.' }),
    events: t.stringList({ required: true, description: EVENTS_DESCRIPTION }),
  }),
});

const UpdateWebhookInput = builder.inputType('UpdateWebhookInput', {
  description: 'What to change; a field left out (or null) is kept.',
  fields: (t) => ({
    url: t.string(),
    events: t.stringList(),
    enabled: t.boolean({ description: 'Enabling clears disabledReason and sends what is pending at once.' }),
  }),
});

const CreateWebhookPayload = builder.objectRef<{ webhook: webhooks.WebhookView; secret: string }>('CreateWebhookPayload').implement({
  fields: (t) => ({
    webhook: t.field({ type: WebhookRef, resolve: (p) => p.webhook }),
    secret: t.exposeString('secret', { description: 'The signing secret (whsec_…): shown this once.' }),
  }),
});
const UpdateWebhookPayload = builder.objectRef<{ webhook: webhooks.WebhookView }>('UpdateWebhookPayload').implement({
  fields: (t) => ({ webhook: t.field({ type: WebhookRef, resolve: (p) => p.webhook }) }),
});
const DeleteWebhookPayload = builder.objectRef<{ id: string }>('DeleteWebhookPayload').implement({
  fields: (t) => ({ id: t.exposeID('id') }),
});

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: CreateWebhookPayload,
    description: 'Adds an endpoint (at most 20 per organization). The signing secret is returned here once.',
    authScopes: { scope: 'organization:write' },
    args: { input: t.arg({ type: CreateWebhookInput, required: true }) },
    resolve: (_root, { input }, ctx) => webhooks.createWebhook(tenantOf(ctx), input, policyOf(ctx)),
  }),
  updateWebhook: t.field({
    type: UpdateWebhookPayload,
    description: 'Changes an endpoint’s URL, events, or whether it is enabled.',
    authScopes: { scope: 'organization:write' },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateWebhookInput, required: true }) },
    resolve: async (_root, { id, input }, ctx) => ({ webhook: await webhooks.updateWebhook(tenantOf(ctx), String(id), input, policyOf(ctx)) }),
  }),
  deleteWebhook: t.field({
    type: DeleteWebhookPayload,
    description: 'Removes an endpoint with its pending and past deliveries.',
    authScopes: { scope: 'organization:write' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => ({ id: (await webhooks.deleteWebhook(tenantOf(ctx), String(id))).id }),
  }),
  resendWebhookDelivery: t.field({
    type: DeliveryRef,
    description: 'Sends a delivery again now, with the same webhook-id; a delivered or given-up one too.',
    authScopes: { scope: 'organization:write' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const delivery = await webhooks.resendDelivery(tenantOf(ctx), String(id));
      ctx.services.webhookDelivery.wake();
      return delivery;
    },
  }),
  sendTestWebhook: t.field({
    type: DeliveryRef,
    description: 'Sends a webhook.test event to this endpoint alone, even while it is disabled.',
    authScopes: { scope: 'organization:write' },
    args: { webhookId: t.arg.id({ required: true }) },
    resolve: async (_root, { webhookId }, ctx) => {
      const delivery = await webhooks.sendTestEvent(tenantOf(ctx), String(webhookId));
      ctx.services.webhookDelivery.wake();
      return delivery;
    },
  }),
}));
