import type { MemberRole, Scopes } from './scopes';

/** Who makes a request (SPEC §2). Its organization is the request's organization. */
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
    };
