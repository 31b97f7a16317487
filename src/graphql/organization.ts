import type { OrganizationRow } from '../db/schema';
import { builder } from './builder';

export const OrganizationRef = builder.objectRef<OrganizationRow>('Organization').implement({
  description: 'A tenant: every key, member, session and audit event belongs to exactly one.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
  }),
});
