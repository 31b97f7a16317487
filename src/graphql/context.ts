import type { Principal } from '../auth/principal';
import type { Services } from '../services';
import type { Tenant } from '../tenant';

export interface Context {
  /** Null for an anonymous request; a presented credential that fails never gets this far. */
  principal: Principal | null;
  /**
   * The principal's view of the data, made by `tenantOf` on first use: most requests that
   * present a key (a `viewer`, a `verifyApiKey`) never read data through it.
   */
  tenant: Tenant | null;
  requestId: string;
  clientIp: string | null;
  services: Services;
}

export function requestContext(principal: Principal | null, requestId: string, clientIp: string | null, services: Services): Context {
  return { principal, tenant: null, requestId, clientIp, services };
}
