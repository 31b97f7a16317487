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

export type SignUpInput = {
  email: string;
  name: string;
  organization: string;
  /** 12 to 128 characters. */
  password: string;
};

export type UpdateApiKeyInput = {
  access?: ApiKeyAccess | null | undefined;
  description?: string | null | undefined;
  /** null removes the expiry. */
  expiresAt?: string | null | undefined;
  name?: string | null | undefined;
  scopes?: Array<string> | null | undefined;
};

export type VerificationCode =
  | 'EXPIRED'
  | 'INSUFFICIENT_SCOPE'
  | 'MALFORMED'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'REVOKED'
  | 'VALID';

export type AllKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type AllKeysQuery = { apiKeys: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, description: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy: string | null, expiresAt: string | null, revokedAt: string | null, lastUsedAt: string | null, rotatedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AllMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type AllMembersQuery = { members: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, email: string, name: string, role: MemberRole, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AllAuditEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type AllAuditEventsQuery = { auditEvents: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, action: string, actorKind: string, actorId: string | null, targetId: string | null, ip: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FullViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type FullViewerQuery = { viewer: { kind: PrincipalKind, scopes: Array<string>, organization: { id: string, name: string }, member: { id: string, email: string, name: string, role: MemberRole, createdAt: string } | null, apiKey: { id: string, name: string, description: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy: string | null, expiresAt: string | null, revokedAt: string | null, lastUsedAt: string | null, rotatedAt: string | null } | null } | null };

export type FullVerificationQueryVariables = Exact<{
  key: string;
}>;


export type FullVerificationQuery = { verifyApiKey: { valid: boolean, code: VerificationCode, scopes: Array<string>, organization: { id: string, name: string } | null, apiKey: { id: string, name: string, description: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy: string | null, expiresAt: string | null, revokedAt: string | null, lastUsedAt: string | null, rotatedAt: string | null } | null } };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { viewer: { kind: PrincipalKind, scopes: Array<string>, organization: { id: string, name: string }, member: { id: string, email: string, name: string, role: MemberRole, createdAt: string } | null } | null, apiKeys: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, description: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy: string | null, expiresAt: string | null, revokedAt: string | null, lastUsedAt: string | null, rotatedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, members: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, email: string, name: string, role: MemberRole, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, auditEvents: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, action: string, actorKind: string, actorId: string | null, targetId: string | null, ip: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string, member: { id: string, email: string, name: string, role: MemberRole, createdAt: string } } };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
  organization?: string | null | undefined;
}>;


export type LoginMutation = { login: { token: string, member: { id: string, email: string, role: MemberRole } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { kind: PrincipalKind, scopes: Array<string>, organization: { id: string, name: string }, member: { id: string, email: string, role: MemberRole } | null } | null };

export type AddMemberMutationVariables = Exact<{
  input: AddMemberInput;
}>;


export type AddMemberMutation = { addMember: { member: { id: string, email: string, name: string, role: MemberRole, createdAt: string } } };

export type MembersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MembersQuery = { members: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, email: string, role: MemberRole } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { totalCount: number, edges: Array<{ node: { id: string, action: string, actorKind: string, actorId: string | null, targetId: string | null, ip: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UpdateMemberRoleMutationVariables = Exact<{
  id: string | number;
  role: MemberRole;
}>;


export type UpdateMemberRoleMutation = { updateMemberRole: { member: { id: string, role: MemberRole } } };

export type RemoveMemberMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveMemberMutation = { removeMember: { member: { id: string, email: string } } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string, description: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy: string | null, expiresAt: string | null, revokedAt: string | null, lastUsedAt: string | null, rotatedAt: string | null } } };

export type UpdateApiKeyMutationVariables = Exact<{
  id: string | number;
  input: UpdateApiKeyInput;
}>;


export type UpdateApiKeyMutation = { updateApiKey: { apiKey: { id: string, name: string, description: string | null, access: ApiKeyAccess, scopes: Array<string>, status: ApiKeyStatus, expiresAt: string | null } } };

export type RotateApiKeyMutationVariables = Exact<{
  id: string | number;
  gracePeriodSeconds?: number | null | undefined;
}>;


export type RotateApiKeyMutation = { rotateApiKey: { secret: string, apiKey: { id: string, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, expiresAt: string | null, rotatedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, status: ApiKeyStatus, revokedAt: string | null } } };

export type ApiKeysQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ApiKeyFilter | null | undefined;
}>;


export type ApiKeysQuery = { apiKeys: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, status: ApiKeyStatus, lastFour: string, createdAt: string, lastUsedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ApiKeyByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ApiKeyByIdQuery = { apiKey: { id: string, name: string, description: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdBy: string | null, lastUsedAt: string | null } | null };

export type VerifyApiKeyQueryVariables = Exact<{
  key: string;
  requiredScopes?: Array<string> | string | null | undefined;
}>;


export type VerifyApiKeyQuery = { verifyApiKey: { valid: boolean, code: VerificationCode, scopes: Array<string>, apiKey: { id: string, name: string } | null, organization: { id: string, name: string } | null } };

export type KeyViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type KeyViewerQuery = { viewer: { kind: PrincipalKind, scopes: Array<string>, organization: { name: string }, member: { id: string } | null, apiKey: { id: string, name: string, access: ApiKeyAccess } | null } | null };

export type ScopesQueryVariables = Exact<{ [key: string]: never; }>;


export type ScopesQuery = { viewer: { kind: PrincipalKind, scopes: Array<string> } | null };

export type VerdictQueryVariables = Exact<{
  key: string;
  requiredScopes?: Array<string> | string | null | undefined;
}>;


export type VerdictQuery = { verifyApiKey: { valid: boolean, code: VerificationCode, scopes: Array<string> } };

export type ScopeCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type ScopeCatalogQuery = { scopeCatalog: Array<string> };

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

export const AllKeysDocument = new TypedDocumentString(`
    query AllKeys {
  apiKeys(first: 100, filter: {status: ACTIVE, search: "key"}) {
    totalCount
    edges {
      cursor
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
        revokedAt
        lastUsedAt
        rotatedAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AllKeysQuery, AllKeysQueryVariables>;
export const AllMembersDocument = new TypedDocumentString(`
    query AllMembers {
  members(first: 100) {
    totalCount
    edges {
      cursor
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
    `) as unknown as TypedDocumentString<AllMembersQuery, AllMembersQueryVariables>;
export const AllAuditEventsDocument = new TypedDocumentString(`
    query AllAuditEvents {
  auditEvents(first: 100) {
    totalCount
    edges {
      cursor
      node {
        id
        action
        actorKind
        actorId
        targetId
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
    `) as unknown as TypedDocumentString<AllAuditEventsQuery, AllAuditEventsQueryVariables>;
export const FullViewerDocument = new TypedDocumentString(`
    query FullViewer {
  viewer {
    kind
    scopes
    organization {
      id
      name
    }
    member {
      id
      email
      name
      role
      createdAt
    }
    apiKey {
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
      revokedAt
      lastUsedAt
      rotatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<FullViewerQuery, FullViewerQueryVariables>;
export const FullVerificationDocument = new TypedDocumentString(`
    query FullVerification($key: String!) {
  verifyApiKey(key: $key, requiredScopes: ["api_keys:read"]) {
    valid
    code
    scopes
    organization {
      id
      name
    }
    apiKey {
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
      revokedAt
      lastUsedAt
      rotatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<FullVerificationQuery, FullVerificationQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard {
  viewer {
    kind
    scopes
    organization {
      id
      name
    }
    member {
      id
      email
      name
      role
      createdAt
    }
  }
  apiKeys(first: 100) {
    totalCount
    edges {
      cursor
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
        revokedAt
        lastUsedAt
        rotatedAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  members(first: 100) {
    totalCount
    edges {
      cursor
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
  auditEvents(first: 100) {
    totalCount
    edges {
      cursor
      node {
        id
        action
        actorKind
        actorId
        targetId
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
    `) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    token
    member {
      id
      email
      name
      role
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!, $organization: String) {
  login(email: $email, password: $password, organization: $organization) {
    token
    member {
      id
      email
      role
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    kind
    scopes
    organization {
      id
      name
    }
    member {
      id
      email
      role
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const AddMemberDocument = new TypedDocumentString(`
    mutation AddMember($input: AddMemberInput!) {
  addMember(input: $input) {
    member {
      id
      email
      name
      role
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<AddMemberMutation, AddMemberMutationVariables>;
export const MembersDocument = new TypedDocumentString(`
    query Members($first: Int, $after: String) {
  members(first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        id
        email
        role
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MembersQuery, MembersQueryVariables>;
export const AuditEventsDocument = new TypedDocumentString(`
    query AuditEvents($first: Int, $after: String) {
  auditEvents(first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        action
        actorKind
        actorId
        targetId
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
    `) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const UpdateMemberRoleDocument = new TypedDocumentString(`
    mutation UpdateMemberRole($id: ID!, $role: MemberRole!) {
  updateMemberRole(id: $id, role: $role) {
    member {
      id
      role
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateMemberRoleMutation, UpdateMemberRoleMutationVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($id: ID!) {
  removeMember(id: $id) {
    member {
      id
      email
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
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
      revokedAt
      lastUsedAt
      rotatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const UpdateApiKeyDocument = new TypedDocumentString(`
    mutation UpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {
  updateApiKey(id: $id, input: $input) {
    apiKey {
      id
      name
      description
      access
      scopes
      status
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateApiKeyMutation, UpdateApiKeyMutationVariables>;
export const RotateApiKeyDocument = new TypedDocumentString(`
    mutation RotateApiKey($id: ID!, $gracePeriodSeconds: Int) {
  rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {
    secret
    apiKey {
      id
      access
      scopes
      lastFour
      status
      expiresAt
      rotatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<RotateApiKeyMutation, RotateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    apiKey {
      id
      status
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {
  apiKeys(first: $first, after: $after, filter: $filter) {
    totalCount
    edges {
      cursor
      node {
        id
        name
        status
        lastFour
        createdAt
        lastUsedAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const ApiKeyByIdDocument = new TypedDocumentString(`
    query ApiKeyById($id: ID!) {
  apiKey(id: $id) {
    id
    name
    description
    access
    scopes
    lastFour
    status
    createdBy
    lastUsedAt
  }
}
    `) as unknown as TypedDocumentString<ApiKeyByIdQuery, ApiKeyByIdQueryVariables>;
export const VerifyApiKeyDocument = new TypedDocumentString(`
    query VerifyApiKey($key: String!, $requiredScopes: [String!]) {
  verifyApiKey(key: $key, requiredScopes: $requiredScopes) {
    valid
    code
    scopes
    apiKey {
      id
      name
    }
    organization {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyApiKeyQuery, VerifyApiKeyQueryVariables>;
export const KeyViewerDocument = new TypedDocumentString(`
    query KeyViewer {
  viewer {
    kind
    scopes
    organization {
      name
    }
    member {
      id
    }
    apiKey {
      id
      name
      access
    }
  }
}
    `) as unknown as TypedDocumentString<KeyViewerQuery, KeyViewerQueryVariables>;
export const ScopesDocument = new TypedDocumentString(`
    query Scopes {
  viewer {
    kind
    scopes
  }
}
    `) as unknown as TypedDocumentString<ScopesQuery, ScopesQueryVariables>;
export const VerdictDocument = new TypedDocumentString(`
    query Verdict($key: String!, $requiredScopes: [String!]) {
  verifyApiKey(key: $key, requiredScopes: $requiredScopes) {
    valid
    code
    scopes
  }
}
    `) as unknown as TypedDocumentString<VerdictQuery, VerdictQueryVariables>;
export const ScopeCatalogDocument = new TypedDocumentString(`
    query ScopeCatalog {
  scopeCatalog
}
    `) as unknown as TypedDocumentString<ScopeCatalogQuery, ScopeCatalogQueryVariables>;