import type { MemberRole, Scopes } from './scopes';

/**
 * Who makes a request (SPEC §2). A member's or a key's organization is the request's
 * organization; a service credential (SPEC §11) belongs to the platform, to none.
 */
export type Principal =
  | {
      kind: 'MEMBER';
      organizationId: string;
      memberId: string;
      role: MemberRole;
      sessionId: string;
      scopes: Scopes;
    }
  | {
      kind: 'API_KEY';
      organizationId: string;
      apiKeyId: string;
      scopes: Scopes;
    }
  | {
      kind: 'SERVICE';
      organizationId: null;
      serviceTokenId: string;
      /** None: what a service may call is marked `service` (verifyApiKey is public anyway). */
      scopes: Scopes;
    };

/** A principal that belongs to an organization: a member or an API key. */
export type TenantPrincipal = Exclude<Principal, { kind: 'SERVICE' }>;
