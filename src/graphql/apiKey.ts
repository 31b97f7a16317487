import type { ApiKeyRow } from '../db/schema';
import * as keys from '../keys/keys';
import type { Verification } from '../keys/verify';
import { andThen } from '../memo';
import { getOrganization } from '../organizations/organizations';
import { builder } from './builder';
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
  }),
});

const ApiKeyConnection = connectionType('ApiKeyConnection', ApiKeyRef);

const ApiKeyFilter = builder.inputType('ApiKeyFilter', {
  fields: (t) => ({
    status: t.field({ type: ApiKeyStatusRef }),
    search: t.string({ description: 'Case-insensitive part of the name.' }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1 to 100 characters.' }),
    description: t.string({ description: 'At most 500 characters.' }),
    access: t.field({ type: ApiKeyAccessRef, required: true }),
    scopes: t.stringList({ description: 'For RESTRICTED only: at least one `<resource>:<action>`.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'In the future; omit for a key that does not expire.' }),
  }),
});

const UpdateApiKeyInput = builder.inputType('UpdateApiKeyInput', {
  fields: (t) => ({
    name: t.string(),
    description: t.string(),
    access: t.field({ type: ApiKeyAccessRef }),
    scopes: t.stringList(),
    expiresAt: t.field({ type: 'DateTime', description: 'null removes the expiry.' }),
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

const VerificationCodeRef = builder.enumType('VerificationCode', {
  values: ['VALID', 'MALFORMED', 'NOT_FOUND', 'REVOKED', 'EXPIRED', 'INSUFFICIENT_SCOPE', 'RATE_LIMITED'] as const,
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
  }),
});

/** A verification counted in the metrics and, for a key that verified, in its lastUsedAt. */
function recorded(verification: Verification, ctx: Context): Verification {
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
    authScopes: { public: true },
    args: { key: t.arg.string({ required: true }), requiredScopes: t.arg.stringList() },
    // A cached key's verdict comes back synchronously, and so the whole execution stays
    // synchronous (graphql-js turns every level above a promise into promises too).
    resolve: (_root, { key, requiredScopes }, ctx) => {
      return andThen(ctx.services.keys.verify(key, requiredScopes ?? []), (verification) => recorded(verification, ctx));
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
