/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddMemberInput = {
  email: string;
  name: string;
  /** 12 to 128 characters. */
  password: string;
  role: MemberRole;
};

export type ApiKeyAccess =
  /** Every scope an API key may hold (all but members:write). */
  | 'FULL'
  /** Every :read scope. */
  | 'READ_ONLY'
  /** Only the scopes listed at creation. */
  | 'RESTRICTED';

export type ApiKeyFilter = {
  /** Case-insensitive part of the name. */
  search?: string | null | undefined;
  status?: ApiKeyStatus | null | undefined;
};

export type ApiKeyStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED';

export type AuditEventFilter = {
  /** Only this action, e.g. api_key.revoked. */
  action?: string | null | undefined;
  /** Only what this actor did (a member’s or key’s ID). */
  actorId?: string | null | undefined;
};

export type CreateApiKeyInput = {
  access: ApiKeyAccess;
  /** At most 500 characters. */
  description?: string | null | undefined;
  /** In the future; omit for a key that does not expire. */
  expiresAt?: string | null | undefined;
  /** 1 to 100 characters. */
  name: string;
  /** For RESTRICTED only: at least one `<resource>:<action>`. */
  scopes?: Array<string> | null | undefined;
};

export type MemberRole =
  /** Every scope. */
  | 'ADMIN'
  /** Every scope, and the only role that manages owners. */
  | 'OWNER'
  /** Every :read scope. */
  | 'VIEWER';

export type PrincipalKind =
  | 'API_KEY'
  | 'MEMBER';

export type UpdateApiKeyInput = {
  access?: ApiKeyAccess | null | undefined;
  description?: string | null | undefined;
  /** null removes the expiry. */
  expiresAt?: string | null | undefined;
  name?: string | null | undefined;
  scopes?: Array<string> | null | undefined;
};

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { viewer: { kind: PrincipalKind, scopes: Array<string>, organization: { name: string }, member: { id: string, email: string, name: string, role: MemberRole } | null } | null };

export type ConsoleLoginMutationVariables = Exact<{
  email: string;
  password: string;
  organization?: string | null | undefined;
}>;


export type ConsoleLoginMutation = { login: { token: string } };

export type ConsoleLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleLogoutMutation = { logout: boolean };

export type ConsoleApiKeysQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ApiKeyFilter | null | undefined;
}>;


export type ConsoleApiKeysQuery = { apiKeys: { totalCount: number, edges: Array<{ node: { id: string, name: string, description: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy: string | null, expiresAt: string | null, lastUsedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleScopeCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleScopeCatalogQuery = { scopeCatalog: Array<string> };

export type ConsoleCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ConsoleCreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string } } };

export type ConsoleUpdateApiKeyMutationVariables = Exact<{
  id: string | number;
  input: UpdateApiKeyInput;
}>;


export type ConsoleUpdateApiKeyMutation = { updateApiKey: { apiKey: { id: string } } };

export type ConsoleRotateApiKeyMutationVariables = Exact<{
  id: string | number;
  gracePeriodSeconds?: number | null | undefined;
}>;


export type ConsoleRotateApiKeyMutation = { rotateApiKey: { secret: string, apiKey: { id: string } } };

export type ConsoleRevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, status: ApiKeyStatus } } };

export type ConsoleMembersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleMembersQuery = { members: { edges: Array<{ node: { id: string, email: string, name: string, role: MemberRole, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleAddMemberMutationVariables = Exact<{
  input: AddMemberInput;
}>;


export type ConsoleAddMemberMutation = { addMember: { member: { id: string } } };

export type ConsoleUpdateMemberRoleMutationVariables = Exact<{
  id: string | number;
  role: MemberRole;
}>;


export type ConsoleUpdateMemberRoleMutation = { updateMemberRole: { member: { id: string, role: MemberRole } } };

export type ConsoleRemoveMemberMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRemoveMemberMutation = { removeMember: { member: { id: string } } };

export type ConsoleChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ConsoleChangePasswordMutation = { changePassword: boolean };

export type ConsoleAuditEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AuditEventFilter | null | undefined;
}>;


export type ConsoleAuditEventsQuery = { auditEvents: { edges: Array<{ node: { id: string, action: string, summary: string, actorKind: string, actorId: string | null, actorName: string | null, targetId: string | null, targetName: string | null, ip: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ConsoleViewerDocument = new TypedDocumentString(`
    query ConsoleViewer {
  viewer {
    kind
    scopes
    organization {
      name
    }
    member {
      id
      email
      name
      role
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleViewerQuery, ConsoleViewerQueryVariables>;
export const ConsoleLoginDocument = new TypedDocumentString(`
    mutation ConsoleLogin($email: String!, $password: String!, $organization: String) {
  login(email: $email, password: $password, organization: $organization) {
    token
  }
}
    `) as unknown as TypedDocumentString<ConsoleLoginMutation, ConsoleLoginMutationVariables>;
export const ConsoleLogoutDocument = new TypedDocumentString(`
    mutation ConsoleLogout {
  logout
}
    `) as unknown as TypedDocumentString<ConsoleLogoutMutation, ConsoleLogoutMutationVariables>;
export const ConsoleApiKeysDocument = new TypedDocumentString(`
    query ConsoleApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {
  apiKeys(first: $first, after: $after, filter: $filter) {
    totalCount
    edges {
      node {
        id
        name
        description
        access
        scopes
        lastFour
        status
        createdAt
        createdBy
        expiresAt
        lastUsedAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleApiKeysQuery, ConsoleApiKeysQueryVariables>;
export const ConsoleScopeCatalogDocument = new TypedDocumentString(`
    query ConsoleScopeCatalog {
  scopeCatalog
}
    `) as unknown as TypedDocumentString<ConsoleScopeCatalogQuery, ConsoleScopeCatalogQueryVariables>;
export const ConsoleCreateApiKeyDocument = new TypedDocumentString(`
    mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateApiKeyMutation, ConsoleCreateApiKeyMutationVariables>;
export const ConsoleUpdateApiKeyDocument = new TypedDocumentString(`
    mutation ConsoleUpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {
  updateApiKey(id: $id, input: $input) {
    apiKey {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateApiKeyMutation, ConsoleUpdateApiKeyMutationVariables>;
export const ConsoleRotateApiKeyDocument = new TypedDocumentString(`
    mutation ConsoleRotateApiKey($id: ID!, $gracePeriodSeconds: Int) {
  rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {
    secret
    apiKey {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRotateApiKeyMutation, ConsoleRotateApiKeyMutationVariables>;
export const ConsoleRevokeApiKeyDocument = new TypedDocumentString(`
    mutation ConsoleRevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    apiKey {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRevokeApiKeyMutation, ConsoleRevokeApiKeyMutationVariables>;
export const ConsoleMembersDocument = new TypedDocumentString(`
    query ConsoleMembers($first: Int, $after: String) {
  members(first: $first, after: $after) {
    edges {
      node {
        id
        email
        name
        role
        createdAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleMembersQuery, ConsoleMembersQueryVariables>;
export const ConsoleAddMemberDocument = new TypedDocumentString(`
    mutation ConsoleAddMember($input: AddMemberInput!) {
  addMember(input: $input) {
    member {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAddMemberMutation, ConsoleAddMemberMutationVariables>;
export const ConsoleUpdateMemberRoleDocument = new TypedDocumentString(`
    mutation ConsoleUpdateMemberRole($id: ID!, $role: MemberRole!) {
  updateMemberRole(id: $id, role: $role) {
    member {
      id
      role
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateMemberRoleMutation, ConsoleUpdateMemberRoleMutationVariables>;
export const ConsoleRemoveMemberDocument = new TypedDocumentString(`
    mutation ConsoleRemoveMember($id: ID!) {
  removeMember(id: $id) {
    member {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRemoveMemberMutation, ConsoleRemoveMemberMutationVariables>;
export const ConsoleChangePasswordDocument = new TypedDocumentString(`
    mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ConsoleChangePasswordMutation, ConsoleChangePasswordMutationVariables>;
export const ConsoleAuditEventsDocument = new TypedDocumentString(`
    query ConsoleAuditEvents($first: Int, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    edges {
      node {
        id
        action
        summary
        actorKind
        actorId
        actorName
        targetId
        targetName
        ip
        createdAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAuditEventsQuery, ConsoleAuditEventsQueryVariables>;