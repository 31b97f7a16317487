import { forbidden, unauthenticated } from '../errors';
import { tenantFor, type Tenant } from '../tenant';
import type { Context } from './context';

/**
 * The tenant of a request. Fields that call this have passed scope-auth, which already
 * refused anonymous callers; the check here only keeps the types honest.
 */
export function tenantOf(ctx: Context): Tenant {
  if (!ctx.principal) throw unauthenticated();
  // A service credential belongs to no organization: scope-auth refuses it every tenant field first.
  if (ctx.principal.kind === 'SERVICE') throw forbidden();
  ctx.tenant ??= tenantFor(ctx.principal, ctx.clientIp, ctx.services.database.db, ctx.services.invalidations);
  return ctx.tenant;
}
