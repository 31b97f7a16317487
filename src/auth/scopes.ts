import { badInput } from '../errors';
import { oncePer } from '../memo';

/**
 * Scope arithmetic (SPEC §4). A scope is `<resource>:<action>`; the catalog is the
 * built-in resources plus the operator's SCOPE_RESOURCES. Roles and key access levels
 * are expanded to plain scope sets here, so every later check is a set lookup.
 */

export const BUILT_IN_RESOURCES = ['api_keys', 'members', 'audit_log', 'organization'] as const;
export const ACTIONS = ['read', 'write'] as const;

export type MemberRole = 'OWNER' | 'ADMIN' | 'VIEWER';
export type ApiKeyAccess = 'FULL' | 'RESTRICTED' | 'READ_ONLY';
export type Scopes = ReadonlySet<string>;

/** People are managed by people: this scope is never held by an API key. */
export const MEMBERS_WRITE = 'members:write';

const SCOPE_FORMAT = /^([a-z][a-z0-9_]*):([a-z]+)$/;

export class ScopeCatalog {
  /** Every scope, in catalog order (resources as configured, read before write). */
  readonly all: readonly string[];
  readonly read: Scopes;
  readonly grantableToKeys: Scopes;
  /** What OWNER and ADMIN hold: one set, not one per request. */
  private readonly everything: Scopes;

  constructor(extraResources: readonly string[] = []) {
    const resources = [...new Set([...BUILT_IN_RESOURCES, ...extraResources])];
    this.all = resources.flatMap((r) => ACTIONS.map((a) => `${r}:${a}`));
    this.read = new Set(this.all.filter((s) => s.endsWith(':read')));
    this.grantableToKeys = new Set(this.all.filter((s) => s !== MEMBERS_WRITE));
    this.everything = new Set(this.all);
  }

  has(scope: string): boolean {
    return this.all.includes(scope);
  }

  forRole(role: MemberRole): Scopes {
    return role === 'VIEWER' ? this.read : this.everything;
  }

  /** Scopes an API key of this access level holds; `listed` matters only for RESTRICTED. */
  forAccess(access: ApiKeyAccess, listed: readonly string[]): Scopes {
    if (access === 'FULL') return this.grantableToKeys;
    if (access === 'READ_ONLY') return this.read;
    // A listed scope whose resource the operator has since removed grants nothing.
    return new Set(listed.filter((s) => this.grantableToKeys.has(s)));
  }

  /**
   * Validates the scopes requested for a RESTRICTED key: at least one, each known, none
   * that a key may not hold. Returns them de-duplicated in catalog order.
   */
  parseRestricted(requested: readonly string[] | null | undefined, field = 'scopes'): string[] {
    if (!requested || requested.length === 0) throw badInput(field, 'RESTRICTED access needs at least one scope');
    // A scope that is not in the catalog is named by its position, not quoted: errors never
    // echo what a client sent (it may be anything, pasted by mistake).
    for (const [i, scope] of requested.entries()) {
      const match = SCOPE_FORMAT.exec(scope);
      if (!match) throw badInput(field, `${field}[${i}] is not of the form resource:action`);
      if (!(ACTIONS as readonly string[]).includes(match[2]!)) throw badInput(field, `${field}[${i}]: unknown action (read or write)`);
      if (!this.has(scope)) throw badInput(field, `${field}[${i}]: unknown resource`);
      if (scope === MEMBERS_WRITE) throw badInput(field, `${MEMBERS_WRITE} cannot be granted to an API key`);
    }
    const wanted = new Set(requested);
    return this.all.filter((s) => wanted.has(s));
  }

  /**
   * Sorted for display: catalog order. Made once per scope set (sets are shared by every
   * principal and verdict of a role, access level or cached key), not per request.
   */
  list(scopes: Scopes): readonly string[] {
    return this.listed(scopes);
  }

  private readonly listed = oncePer((scopes: Scopes): readonly string[] => Object.freeze(this.all.filter((s) => scopes.has(s))));
}
