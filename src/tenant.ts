import type { Actor } from './audit/audit';
import type { Principal } from './auth/principal';
import type { Database } from './db/open';
import type { Services } from './services';

/**
 * A principal's view of the data: the only way resolvers reach members, keys and audit
 * events. Every domain function takes it and filters by its organization, so no resolver
 * ever handles an organization ID and none can reach another tenant's rows.
 */
export interface Tenant {
  organizationId: string;
  principal: Principal;
  /** The principal as the audit log records it, with the client's address. */
  actor: Actor;
  db: Database;
  services: Services;
}

export function tenantFor(principal: Principal, clientIp: string | null, services: Services): Tenant {
  return {
    organizationId: principal.organizationId,
    principal,
    actor: {
      kind: principal.kind,
      id: principal.kind === 'MEMBER' ? principal.memberId : principal.apiKeyId,
      ip: clientIp,
    },
    db: services.database.db,
    services,
  };
}
