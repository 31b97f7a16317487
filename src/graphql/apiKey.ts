import type { ApiKeyRow, CreditRefill, RateLimitRule } from '../db/schema';
import { badInput } from '../errors';
import { MAX_COUNT } from '../keys/controls';
import type { RateLimitState } from '../keys/usageGate';
import * as keys from '../keys/keys';
import type { Verification } from '../keys/verify';
import { andThen } from '../memo';
import { getOrganization } from '../organizations/organizations';
import { builder, type BuilderTypes } from './builder';
import type { Context } from './context';
import { connectionType, toConnection } from './connection';
import { OrganizationRef } from './organization';
import { tenantOf } from './tenant';

export const ApiKeyAccessRef = builder.enumType('ApiKeyAccess', {
  values: {
    FULL: { description: 'Every scope an API key may hold (all but members:write).' },
    RESTRICTED: { description: 'Only the scopes listed at creation.' },
    READ_ONLY: { description: 'Every :read scope.' },
  } as const,
});

const ApiKeyStatusRef = builder.enumType('ApiKeyStatus', { values: ['ACTIVE', 'EXPIRED', 'REVOKED'] as const });

const RateLimitRef = builder.objectRef<RateLimitRule>('RateLimit').implement({
  description: 'A named rate limit: `limit` uses per `durationSeconds`, in fixed windows aligned to the epoch.',
  fields: (t) => ({
    name: t.exposeString('name'),
    limit: t.exposeInt('limit'),
    durationSeconds: t.exposeInt('durationSeconds'),
    autoApply: t.exposeBoolean('autoApply', { description: 'Applied to every use; otherwise only when a verifyApiKey caller names it.' }),
    cost: t.exposeInt('cost', { description: 'What one use takes from the limit.' }),
    shared: t.exposeBoolean('shared', { description: "Counted across every key of the same owner, not per key." }),
  }),
});

const RefillIntervalRef = builder.enumType('CreditRefillInterval', { values: ['DAILY', 'MONTHLY'] as const });

const CreditRefillRef = builder.objectRef<CreditRefill>('CreditRefill').implement({
  description: 'The balance is replaced by `amount` at 00:00 UTC every day, or on `dayOfMonth` (the last day in shorter months).',
  fields: (t) => ({
    interval: t.field({ type: RefillIntervalRef, resolve: (r) => r.interval }),
    amount: t.exposeInt('amount'),
    dayOfMonth: t.exposeInt('dayOfMonth', { nullable: true }),
  }),
});

const CreditsRef = builder.objectRef<keys.ApiKeyView>('Credits').implement({
  fields: (t) => ({
    remaining: t.int({
      description: 'Credits left: what no instance has leased plus what instances hold and have not reported spent (reported every second).',
      resolve: (k) => keys.creditsLeft(k) ?? 0,
    }),
    refill: t.field({ type: CreditRefillRef, nullable: true, resolve: (k) => k.creditsRefill ?? null }),
    refilledAt: t.expose('creditsRefilledAt', { type: 'DateTime', nullable: true, description: 'The start of the refill period the balance belongs to.' }),
  }),
});

export const ApiKeyRef = builder.objectRef<keys.ApiKeyView>('ApiKey').implement({
  description: 'An API key. Its secret is shown once, by createApiKey or rotateApiKey, and never again.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The public key ID, the one inside the full key.' }),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    access: t.field({ type: ApiKeyAccessRef, resolve: (k) => k.access }),
    scopes: t.stringList({
      description: 'Every scope the key holds now, whatever its access level.',
      resolve: (k, _args, ctx) => ctx.services.catalog.list(keys.scopesOfKey(ctx.services.catalog, k)),
    }),
    lastFour: t.exposeString('lastFour', { description: 'The last four characters of the full key.' }),
    status: t.field({ type: ApiKeyStatusRef, resolve: (k) => keys.statusOf(k) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.exposeString('createdBy', { nullable: true, description: "The creator's email, or api_key:<id>." }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Accurate to within a few seconds.' }),
    rotatedAt: t.expose('rotatedAt', { type: 'DateTime', nullable: true }),
    owner: t.exposeString('owner', { nullable: true, description: "The platform's customer the key belongs to." }),
    leakedAt: t.expose('leakedAt', { type: 'DateTime', nullable: true, description: 'When the key was first reported exposed (a secret scanner, or revokeLeakedApiKeys).' }),
    meta: t.field({ type: 'JSONObject', nullable: true, description: 'What the platform attached to the key.', resolve: (k) => k.meta ?? null }),
    allowedIps: t.exposeStringList('allowedIps', { description: 'Addresses and CIDR ranges the key may be used from; empty allows any.' }),
    rateLimits: t.field({ type: [RateLimitRef], resolve: (k) => k.rateLimits }),
    credits: t.field({
      type: CreditsRef,
      nullable: true,
      description: 'Null for a key without credits.',
      resolve: (k) => (k.creditsRemaining === null ? null : k),
    }),
  }),
});

const ApiKeyConnection = connectionType('ApiKeyConnection', ApiKeyRef);

const ApiKeyFilter = builder.inputType('ApiKeyFilter', {
  fields: (t) => ({
    status: t.field({ type: ApiKeyStatusRef }),
    search: t.string({ description: 'Case-insensitive part of the name.' }),
    owner: t.string({ description: "Only this owner's keys." }),
  }),
});

const RateLimitInput = builder.inputType('RateLimitInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1–64 letters, digits or _ . : -, unique on the key.' }),
    limit: t.int({ required: true, description: 'At least 1.' }),
    durationSeconds: t.int({ required: true, description: '1 to 86400.' }),
    autoApply: t.boolean({ defaultValue: true }),
    cost: t.int({ defaultValue: 1 }),
    shared: t.boolean({ defaultValue: false, description: 'Count across every key of the same owner.' }),
  }),
});

const CreditRefillInput = builder.inputType('CreditRefillInput', {
  fields: (t) => ({
    interval: t.field({ type: RefillIntervalRef, required: true }),
    amount: t.int({ required: true, description: 'The balance after each refill (it replaces what is left).' }),
    dayOfMonth: t.int({ description: 'MONTHLY only: 1–31 (default 1); the last day in shorter months.' }),
  }),
});

const CreditsInput = builder.inputType('CreditsInput', {
  fields: (t) => ({
    remaining: t.int({ required: true, description: 'The balance now; each use costs 1 or what the verifyApiKey caller says.' }),
    refill: t.field({ type: CreditRefillInput }),
  }),
});

/** The usage-control fields of CreateApiKeyInput and UpdateApiKeyInput (SPEC §9). */
const controlFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  rateLimits: t.field({ type: [RateLimitInput], description: 'At most 10. On update the list replaces the key’s; [] removes them.' }),
  credits: t.field({ type: CreditsInput, description: 'On update, replaces the balance; null removes the credits.' }),
  allowedIps: t.stringList({ description: 'IPv4/IPv6 addresses and CIDR ranges, at most 100; [] allows any address.' }),
  meta: t.field({ type: 'JSONObject', description: 'A JSON object of at most 8 KB and 5 levels; null removes it.' }),
  owner: t.string({ description: "The platform's customer ID; null removes it." }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1 to 100 characters.' }),
    description: t.string({ description: 'At most 500 characters.' }),
    access: t.field({ type: ApiKeyAccessRef, required: true }),
    scopes: t.stringList({ description: 'For RESTRICTED only: at least one `<resource>:<action>`.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'In the future; omit for a key that does not expire.' }),
    ...controlFields(t),
  }),
});

const UpdateApiKeyInput = builder.inputType('UpdateApiKeyInput', {
  fields: (t) => ({
    name: t.string(),
    description: t.string(),
    access: t.field({ type: ApiKeyAccessRef }),
    scopes: t.stringList(),
    expiresAt: t.field({ type: 'DateTime', description: 'null removes the expiry.' }),
    ...controlFields(t),
  }),
});

/** The payloads that reveal a secret: `secret` is the full key, usable as is. */
const SecretPayload = (name: string) =>
  builder.objectRef<{ apiKey: ApiKeyRow; fullKey: string }>(name).implement({
    fields: (t) => ({
      apiKey: t.field({ type: ApiKeyRef, resolve: (p) => p.apiKey }),
      secret: t.exposeString('fullKey', {
        description: 'The full key, shown this once: send it as `Authorization: Bearer <key>` or `X-API-Key: <key>`.',
      }),
    }),
  });
const KeyPayload = (name: string) =>
  builder.objectRef<{ apiKey: ApiKeyRow }>(name).implement({
    fields: (t) => ({ apiKey: t.field({ type: ApiKeyRef, resolve: (p) => p.apiKey }) }),
  });

const CreateApiKeyPayload = SecretPayload('CreateApiKeyPayload');
const RotateApiKeyPayload = SecretPayload('RotateApiKeyPayload');
const UpdateApiKeyPayload = KeyPayload('UpdateApiKeyPayload');
const RevokeApiKeyPayload = KeyPayload('RevokeApiKeyPayload');

export const VerificationCodeRef = builder.enumType('VerificationCode', {
  values: ['VALID', 'MALFORMED', 'NOT_FOUND', 'REVOKED', 'EXPIRED', 'INSUFFICIENT_SCOPE', 'RATE_LIMITED', 'USAGE_EXCEEDED', 'IP_NOT_ALLOWED'] as const,
});

const RateLimitStateRef = builder.objectRef<RateLimitState>('RateLimitState').implement({
  description: 'What a use left of one applied rate limit, as the answering instance knows it.',
  fields: (t) => ({
    name: t.exposeString('name'),
    limit: t.exposeInt('limit'),
    remaining: t.exposeInt('remaining'),
    resetAt: t.field({ type: 'DateTime', description: 'When the current window ends.', resolve: (s) => new Date(s.resetAt) }),
  }),
});

const ApiKeyVerificationRef = builder.objectRef<Verification>('ApiKeyVerification').implement({
  description: 'The answer to verifyApiKey. apiKey and organization are given only for a live key with the right secret.',
  fields: (t) => ({
    valid: t.boolean({ resolve: (v) => v.code === 'VALID' }),
    code: t.field({ type: VerificationCodeRef, resolve: (v) => v.code }),
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      resolve: (v, _args, ctx) => (v.keyId ? keys.getVerifiedApiKey(ctx.services.database.db, v.keyId) : null),
    }),
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      resolve: async (v, _args, ctx) => (v.organizationId ? ((await getOrganization(ctx.services.database.db, v.organizationId)) ?? null) : null),
    }),
    scopes: t.stringList({ resolve: (v, _args, ctx) => ctx.services.catalog.list(v.scopes) }),
    remaining: t.int({
      nullable: true,
      description: 'Credits left after this use; null for a key without credits (or not identified).',
      resolve: (v) => (v.keyId ? (v.usage?.remaining ?? null) : null),
    }),
    rateLimits: t.field({ type: [RateLimitStateRef], description: 'The rate limits this use was checked against.', resolve: (v) => (v.keyId ? (v.usage?.rateLimits ?? []) : []) }),
    meta: t.field({ type: 'JSONObject', nullable: true, resolve: (v) => (v.keyId ? v.meta : null) }),
    retryAfterSeconds: t.int({ nullable: true, description: 'For RATE_LIMITED: when trying again makes sense.', resolve: (v) => v.retryAfterSeconds ?? null }),
  }),
});

/**
 * A verification counted in the metrics and in the key's usage counts, and, for a caller
 * who proved the secret of a live key, in the key's lastUsedAt.
 */
function recorded(verification: Verification, ctx: Context): Verification {
  const about = verification.keyId ? verification : verification.about;
  if (about) ctx.services.usageCounts.count(about.organizationId, about.keyId, verification.code);
  if (verification.keyId) ctx.services.usage.record(verification.keyId);
  ctx.services.metrics.verifications.inc({ code: verification.code });
  return verification;
}

builder.queryFields((t) => ({
  apiKeys: t.field({
    type: ApiKeyConnection,
    description: "The organization's keys, newest first.",
    authScopes: { scope: 'api_keys:read' },
    args: { first: t.arg.int(), after: t.arg.string(), filter: t.arg({ type: ApiKeyFilter }) },
    resolve: async (_root, args, ctx) => toConnection(await keys.listApiKeys(tenantOf(ctx), args), keys.apiKeyCursor),
  }),
  apiKey: t.field({
    type: ApiKeyRef,
    nullable: true,
    description: "One key by its ID; null when there is none in the caller's organization.",
    authScopes: { scope: 'api_keys:read' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => keys.getApiKey(tenantOf(ctx), String(id)),
  }),
  scopeCatalog: t.stringList({
    description: 'Every scope a key may be given here (built-in and SCOPE_RESOURCES, all but members:write), in catalog order.',
    authScopes: { scope: 'api_keys:read' },
    resolve: (_root, _args, ctx) => ctx.services.catalog.list(ctx.services.catalog.grantableToKeys),
  }),
  verifyApiKey: t.field({
    type: ApiKeyVerificationRef,
    description: 'For the platform’s services: is this key genuine, live and allowed these scopes? Needs no principal.',
    authScopes: { public: true, service: true },
    args: {
      key: t.arg.string({ required: true }),
      requiredScopes: t.arg.stringList(),
      ip: t.arg.string({ description: "The address of the caller's own client, for keys with allowedIps (without it they answer IP_NOT_ALLOWED)." }),
      rateLimits: t.arg.stringList({ description: 'Rate limits of the key to apply by name, besides the auto-applied ones.' }),
      cost: t.arg.int({ description: 'Credits this use costs (default 1).' }),
    },
    // A cached key's verdict comes back synchronously, and so the whole execution stays
    // synchronous (graphql-js turns every level above a promise into promises too).
    resolve: (_root, { key, requiredScopes, ip, rateLimits, cost }, ctx) => {
      if (cost != null && (!Number.isInteger(cost) || cost < 1 || cost > MAX_COUNT)) throw badInput('cost', `must be a whole number from 1 to ${MAX_COUNT}`);
      return andThen(ctx.services.keys.verify(key, requiredScopes ?? [], { ip: ip ?? null, rateLimits, cost }), (verification) => recorded(verification, ctx));
    },
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeyPayload,
    description: 'Creates a key. The payload’s secret is the full key, shown this once.',
    authScopes: { scope: 'api_keys:write' },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) => keys.createApiKey(tenantOf(ctx), ctx.services.catalog, input),
  }),
  updateApiKey: t.field({
    type: UpdateApiKeyPayload,
    description: 'Renames, re-describes, re-scopes or re-dates a key. Takes effect on its next request.',
    authScopes: { scope: 'api_keys:write' },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateApiKeyInput, required: true }) },
    resolve: async (_root, { id, input }, ctx) => ({ apiKey: await keys.updateApiKey(tenantOf(ctx), ctx.services.catalog, String(id), input) }),
  }),
  rotateApiKey: t.field({
    type: RotateApiKeyPayload,
    description: 'A new secret for the same key ID; the old one keeps working for gracePeriodSeconds (0–604800, default 0).',
    authScopes: { scope: 'api_keys:write' },
    args: { id: t.arg.id({ required: true }), gracePeriodSeconds: t.arg.int() },
    resolve: (_root, { id, gracePeriodSeconds }, ctx) => keys.rotateApiKey(tenantOf(ctx), ctx.services.catalog, String(id), gracePeriodSeconds),
  }),
  revokeApiKey: t.field({
    type: RevokeApiKeyPayload,
    description: 'Revokes a key at once. Revoking a revoked key changes nothing.',
    authScopes: { scope: 'api_keys:write' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => ({ apiKey: await keys.revokeApiKey(tenantOf(ctx), String(id)) }),
  }),
}));
