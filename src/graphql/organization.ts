import type { OrganizationRow } from '../db/schema';
import { updateOrganizationSettings } from '../organizations/organizations';
import { builder } from './builder';
import { tenantOf } from './tenant';

const LeakPolicyRef = builder.enumType('LeakPolicy', {
  description: "What a secret scanner's report of one of the organization's keys does.",
  values: {
    REVOKE: { description: 'Revoke the key at once (the default).' },
    NOTIFY: { description: 'Keep the key working, flag it as leaked, audit and announce the report.' },
  } as const,
});

export const OrganizationRef = builder.objectRef<OrganizationRow>('Organization').implement({
  description: 'A tenant: every key, member, session and audit event belongs to exactly one.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    leakPolicy: t.field({
      type: LeakPolicyRef,
      // A setting, not an identity: a verifyApiKey caller sees the organization's name only.
      authScopes: { scope: 'organization:read' },
      resolve: (o) => o.leakPolicy,
    }),
  }),
});

const UpdateOrganizationInput = builder.inputType('UpdateOrganizationInput', {
  fields: (t) => ({ leakPolicy: t.field({ type: LeakPolicyRef }) }),
});

builder.mutationField('updateOrganization', (t) =>
  t.field({
    type: OrganizationRef,
    description: "Changes the organization's settings.",
    authScopes: { scope: 'organization:write' },
    args: { input: t.arg({ type: UpdateOrganizationInput, required: true }) },
    resolve: (_root, { input }, ctx) => updateOrganizationSettings(tenantOf(ctx), input),
  }),
);
