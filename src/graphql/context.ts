import type { Principal } from '../auth/principal';
import type { Services } from '../services';
import type { Tenant } from '../tenant';

export interface Context {
  /** Null for an anonymous request; a presented credential that fails never gets this far. */
  principal: Principal | null;
  /** The principal's view of the data; null exactly when `principal` is. */
  tenant: Tenant | null;
  requestId: string;
  clientIp: string | null;
  services: Services;
}
