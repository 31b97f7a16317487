import type { Actor } from './audit/audit';
import type { TenantPrincipal } from './auth/principal';
import type { InvalidationChannel } from './db/notify';
import type { Database } from './db/open';

/**
 * A principal's view of the data: how domain code reaches members, keys and audit events.
 * Every domain function takes it and filters by its organization, so no resolver ever
 * handles an organization ID and none can reach another tenant's rows. It carries who is
 * acting and where the data is, nothing else: what else a function needs it takes as an
 * argument of its own.
 */
export interface Tenant {
  organizationId: string;
  principal: TenantPrincipal;
  /** The principal as the audit log records it, with the client's address. */
  actor: Actor;
  db: Database;
  /** Runs a change in a transaction and announces what it changed to every instance. */
  changes: Pick<InvalidationChannel, 'transaction'>;
}

export function tenantFor(principal: TenantPrincipal, clientIp: string | null, db: Database, changes: Tenant['changes']): Tenant {
  return {
    organizationId: principal.organizationId,
    principal,
    actor: {
      kind: principal.kind,
      id: principal.kind === 'MEMBER' ? principal.memberId : principal.apiKeyId,
      ip: clientIp,
    },
    db,
    changes,
  };
}
