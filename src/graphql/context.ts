import { initContextCache } from '@pothos/core';
import type { Principal } from '../auth/principal';
import { oncePer } from '../memo';
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

/**
 * What Pothos keys its per-request caches by: the object under this symbol when a context
 * has one (what `initContextCache` puts there), else the context itself.
 */
const [POTHOS_CACHE_KEY] = Object.getOwnPropertySymbols(initContextCache()) as [symbol];

/**
 * Pothos's cache key, one per principal rather than one per request. The only per-request
 * cache in this schema is scope-auth's (RequestCache: the principal's scope loaders, and
 * each field's scope map with its verdict), and what it holds is a function of the
 * principal alone, since every field's authScopes is a fixed map and nothing grants scopes
 * or runs them on a type's objects (test/schema.test.ts fails the day one does). Shared, a
 * request for a cached credential builds no RequestCache — five Maps, and an entry in a
 * WeakMap keyed by a short-lived object that every minor GC then has to visit — which was
 * most of what `{ viewer { kind } }` with a key cost the server beyond `{ __typename }`.
 */
const pothosCacheKeyOf = oncePer((_principal: Principal): object => ({}));
const ANONYMOUS_CACHE_KEY = {};

export function requestContext(principal: Principal | null, requestId: string, clientIp: string | null, services: Services): Context {
  return {
    [POTHOS_CACHE_KEY]: principal ? pothosCacheKeyOf(principal) : ANONYMOUS_CACHE_KEY,
    principal,
    tenant: null,
    requestId,
    clientIp,
    services,
  };
}
