import { verificationSnapshot, type SnapshotKey } from '../feed/snapshot';
import type { FeedEvent } from '../feed/changes';
import { scopesOfKey } from '../keys/keys';
import { badInput } from '../errors';
import { ApiKeyAccessRef } from './apiKey';
import { builder } from './builder';

/**
 * For the platform's service credentials (SPEC §11): the change feed as a subscription —
 * served over Server-Sent Events by Yoga — and the snapshot a replica loads before it
 * follows the feed. Both are `service` only; a member or an API key is FORBIDDEN.
 */

const ChangeKindRef = builder.enumType('VerificationChangeKind', {
  values: {
    READY: { description: 'The feed is live; `cursor` is where it starts.' },
    RESYNC: { description: 'The changes after the cursor asked for are no longer kept: load everything again, then follow from `cursor`.' },
    CHANGE: { description: 'A change that affects verification: drop or reload `apiKeyId` (or, without one, every key of `organizationId`).' },
  } as const,
});

const VerificationChangeRef = builder.objectRef<FeedEvent>('VerificationChange').implement({
  fields: (t) => ({
    kind: t.field({ type: ChangeKindRef, resolve: (e) => e.kind }),
    cursor: t.string({ description: 'Pass the last one seen as `after` when reconnecting.', resolve: (e) => String(e.seq) }),
    apiKeyId: t.id({ nullable: true, resolve: (e) => (e.kind === 'CHANGE' ? e.apiKeyId : null) }),
    organizationId: t.id({ nullable: true, resolve: (e) => (e.kind === 'CHANGE' ? e.organizationId : null) }),
    action: t.string({ nullable: true, description: 'The audit action: api_key.revoked, organization.updated…', resolve: (e) => (e.kind === 'CHANGE' ? e.action : null) }),
    at: t.field({ type: 'DateTime', nullable: true, resolve: (e) => (e.kind === 'CHANGE' ? e.at : null) }),
  }),
});

const cursorOf = (after: string | null | undefined): number | null => {
  if (after == null) return null;
  if (!/^\d{1,15}$/.test(after)) throw badInput('after', 'must be a cursor this feed gave');
  return Number(after);
};

builder.subscriptionType({});
builder.subscriptionField('verificationChanges', (t) =>
  t.field({
    type: VerificationChangeRef,
    description:
      'Every change that affects verification, in commit order, for service credentials. With `after`, what came since is replayed first (or RESYNC when it is no longer kept).',
    authScopes: { service: true },
    args: { after: t.arg.string() },
    // Yoga merges the request into the context: its signal ends the stream's loop when the client goes.
    subscribe: (_root, { after }, ctx) =>
      ctx.services.feed.subscribe(
        cursorOf(after),
        (ctx as unknown as { request?: Request }).request?.signal,
        ctx.principal?.kind === 'SERVICE' ? ctx.principal.serviceTokenId : undefined,
      ),
    resolve: (event) => event,
  }),
);

const SecretRef = builder.objectRef<SnapshotKey['secrets'][number]>('VerificationSecret').implement({
  fields: (t) => ({
    checksum: t.exposeString('checksum', { description: 'The last six characters of the full key this secret belongs to.' }),
    digest: t.exposeString('digest', { description: 'SHA-256 (hex) of the full key; for kind BCRYPT, a bcrypt hash the server must check.' }),
    kind: t.exposeString('kind'),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true, description: 'The end of a rotation’s grace period; null for the current secret.' }),
  }),
});

const SnapshotKeyRef = builder.objectRef<SnapshotKey>('VerificationKey').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    organizationId: t.exposeID('organizationId'),
    access: t.field({ type: ApiKeyAccessRef, resolve: (k) => k.access }),
    scopes: t.stringList({ description: 'Every scope the key holds now.', resolve: (k, _args, ctx) => ctx.services.catalog.list(scopesOfKey(ctx.services.catalog, k)) }),
    secrets: t.field({ type: [SecretRef], resolve: (k) => k.secrets }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    allowedIps: t.exposeStringList('allowedIps'),
    metered: t.exposeBoolean('metered', { description: 'Rate limits or credits: only the server may spend them, so ask verifyApiKey.' }),
    meta: t.field({ type: 'JSONObject', nullable: true, resolve: (k) => k.meta }),
  }),
});

const SnapshotRef = builder
  .objectRef<Awaited<ReturnType<typeof verificationSnapshot>>>('VerificationSnapshot')
  .implement({
    fields: (t) => ({
      cursor: t.string({ description: 'The feed’s position before these keys were read: follow verificationChanges(after:) from it.', resolve: (s) => String(s.position) }),
      keys: t.field({ type: [SnapshotKeyRef], resolve: (s) => s.keys }),
      endCursor: t.string({ nullable: true, resolve: (s) => s.endCursor }),
      hasMore: t.exposeBoolean('hasMore'),
    }),
  });

builder.queryField('verificationSnapshot', (t) =>
  t.field({
    type: SnapshotRef,
    description: 'For service credentials: what verifying keys locally needs, page by page (at most 1,000 keys), or for the keys named by `ids`.',
    authScopes: { service: true },
    args: { after: t.arg.string(), first: t.arg.int(), ids: t.arg.idList() },
    resolve: (_root, { after, first, ids }, ctx) => verificationSnapshot(ctx.services.database.db, { after, first, ids: ids?.map(String) }),
  }),
);
