import type { Principal } from '../auth/principal';
import { getApiKey } from '../keys/keys';
import { getMember } from '../members/members';
import { getOrganization } from '../organizations/organizations';
import { ApiKeyRef } from './apiKey';
import { builder } from './builder';
import { MemberRef } from './member';
import { OrganizationRef } from './organization';
import { tenantOf } from './tenant';

const PrincipalKindRef = builder.enumType('PrincipalKind', { values: ['MEMBER', 'API_KEY', 'SERVICE'] as const });

const ViewerRef = builder.objectRef<Principal>('Viewer').implement({
  description: 'Who is making this request.',
  fields: (t) => ({
    kind: t.field({ type: PrincipalKindRef, resolve: (p) => p.kind }),
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'Null for a service credential, which belongs to the platform, not to an organization.',
      resolve: async (p, _args, ctx) => (p.organizationId === null ? null : (await getOrganization(ctx.services.database.db, p.organizationId))!),
    }),
    scopes: t.stringList({ resolve: (p, _args, ctx) => ctx.services.catalog.list(p.scopes) }),
    member: t.field({
      type: MemberRef,
      nullable: true,
      resolve: (p, _args, ctx) => (p.kind === 'MEMBER' ? getMember(tenantOf(ctx), p.memberId) : null),
    }),
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      resolve: (p, _args, ctx) => (p.kind === 'API_KEY' ? getApiKey(tenantOf(ctx), p.apiKeyId) : null),
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: 'The principal of this request; null when anonymous.',
    authScopes: { public: true, service: true },
    resolve: (_root, _args, ctx) => ctx.principal,
  }),
);
