/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 (RFC 3339) date and time with a time zone, e.g. 2030-01-31T12:00:00Z. A date or time that does not exist is refused, never rolled over. */
  DateTime: { input: string; output: string; }
};

export type AddMemberInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** 12 to 128 characters. */
  password: Scalars['String']['input'];
  role: MemberRole;
};

export type AddMemberPayload = {
  __typename?: 'AddMemberPayload';
  member: Member;
};

/** An API key. Its secret is shown once, by createApiKey or rotateApiKey, and never again. */
export type ApiKey = {
  __typename?: 'ApiKey';
  access: ApiKeyAccess;
  createdAt: Scalars['DateTime']['output'];
  /** The creator's email, or api_key:<id>. */
  createdBy?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The public key ID, the one inside the full key. */
  id: Scalars['ID']['output'];
  /** The last four characters of the full key. */
  lastFour: Scalars['String']['output'];
  /** Accurate to within a few seconds. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  rotatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Every scope the key holds now, whatever its access level. */
  scopes: Array<Scalars['String']['output']>;
  status: ApiKeyStatus;
};

export type ApiKeyAccess =
  /** Every scope an API key may hold (all but members:write). */
  | 'FULL'
  /** Every :read scope. */
  | 'READ_ONLY'
  /** Only the scopes listed at creation. */
  | 'RESTRICTED';

export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  edges: Array<ApiKeyEdge>;
  pageInfo: PageInfo;
  /** How many nodes the whole list holds, across every page. */
  totalCount: Scalars['Int']['output'];
};

export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  cursor: Scalars['String']['output'];
  node: ApiKey;
};

export type ApiKeyFilter = {
  /** Case-insensitive part of the name. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ApiKeyStatus>;
};

export type ApiKeyStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED';

/** The answer to verifyApiKey. apiKey and organization are given only for a live key with the right secret. */
export type ApiKeyVerification = {
  __typename?: 'ApiKeyVerification';
  apiKey?: Maybe<ApiKey>;
  code: VerificationCode;
  organization?: Maybe<Organization>;
  scopes: Array<Scalars['String']['output']>;
  valid: Scalars['Boolean']['output'];
};

/** One change in the organization. Holds IDs, and names them for people; never a secret. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** e.g. api_key.created, member.login_failed */
  action: Scalars['String']['output'];
  actorId?: Maybe<Scalars['String']['output']>;
  /** MEMBER, API_KEY, SYSTEM or ANONYMOUS */
  actorKind: Scalars['String']['output'];
  /** The member’s email, the key’s name, or Keyward itself; null for an anonymous caller or one removed since. */
  actorName?: Maybe<Scalars['String']['output']>;
  /** How many times it happened: failed sign-ins into one account within 15 minutes are one event with a count (from the first address; see lastAt). */
  count: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  ip?: Maybe<Scalars['String']['output']>;
  /** When it last happened, for an event with a count above 1. */
  lastAt?: Maybe<Scalars['DateTime']['output']>;
  /** What happened, in words: e.g. Revoked key "Billing worker". */
  summary: Scalars['String']['output'];
  targetId?: Maybe<Scalars['String']['output']>;
  /** The key’s name, the member’s email or the organization’s name; null when there is none, it was removed since, or it is the actor itself (a sign-in). */
  targetName?: Maybe<Scalars['String']['output']>;
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  edges: Array<AuditEventEdge>;
  pageInfo: PageInfo;
  /** How many nodes the whole list holds, across every page. */
  totalCount: Scalars['Int']['output'];
};

export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  cursor: Scalars['String']['output'];
  node: AuditEvent;
};

export type AuditEventFilter = {
  /** Only this action, e.g. api_key.revoked. */
  action?: InputMaybe<Scalars['String']['input']>;
  /** Only what this actor did (a member’s or key’s ID). */
  actorId?: InputMaybe<Scalars['String']['input']>;
};

export type CreateApiKeyInput = {
  access: ApiKeyAccess;
  /** At most 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** In the future; omit for a key that does not expire. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** For RESTRICTED only: at least one `<resource>:<action>`. */
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  apiKey: ApiKey;
  /** The full key, shown this once: send it as `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
  secret: Scalars['String']['output'];
};

export type LoginPayload = {
  __typename?: 'LoginPayload';
  member: Member;
  /** The session token, shown once: send it as `Authorization: Bearer <token>`. */
  token: Scalars['String']['output'];
};

/** A person in the organization. */
export type Member = {
  __typename?: 'Member';
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  role: MemberRole;
};

export type MemberConnection = {
  __typename?: 'MemberConnection';
  edges: Array<MemberEdge>;
  pageInfo: PageInfo;
  /** How many nodes the whole list holds, across every page. */
  totalCount: Scalars['Int']['output'];
};

export type MemberEdge = {
  __typename?: 'MemberEdge';
  cursor: Scalars['String']['output'];
  node: Member;
};

export type MemberRole =
  /** Every scope. */
  | 'ADMIN'
  /** Every scope, and the only role that manages owners. */
  | 'OWNER'
  /** Every :read scope. */
  | 'VIEWER';

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a person to the organization. Only an owner adds an owner. */
  addMember: AddMemberPayload;
  /** Changes the signed-in member's own password and ends their other sessions. */
  changePassword: Scalars['Boolean']['output'];
  /** Creates a key. The payload’s secret is the full key, shown this once. */
  createApiKey: CreateApiKeyPayload;
  /** `organization` is needed only when the email belongs to members of several organizations. */
  login: LoginPayload;
  /** Ends the session that makes this request. */
  logout: Scalars['Boolean']['output'];
  /** Removes a person and ends their sessions. The last owner cannot be removed. */
  removeMember: RemoveMemberPayload;
  /** Revokes a key at once. Revoking a revoked key changes nothing. */
  revokeApiKey: RevokeApiKeyPayload;
  /** A new secret for the same key ID; the old one keeps working for gracePeriodSeconds (0–604800, default 0). */
  rotateApiKey: RotateApiKeyPayload;
  /** Creates an organization and its owner, signed in. Only when the server allows sign-up. */
  signUp: LoginPayload;
  /** Renames, re-describes, re-scopes or re-dates a key. Takes effect on its next request. */
  updateApiKey: UpdateApiKeyPayload;
  /** Changes a role. Only an owner makes or demotes an owner; the last owner stays one. */
  updateMemberRole: UpdateMemberRolePayload;
};


export type MutationAddMemberArgs = {
  input: AddMemberInput;
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  organization?: InputMaybe<Scalars['String']['input']>;
  password: Scalars['String']['input'];
};


export type MutationRemoveMemberArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateApiKeyArgs = {
  gracePeriodSeconds?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationUpdateApiKeyArgs = {
  id: Scalars['ID']['input'];
  input: UpdateApiKeyInput;
};


export type MutationUpdateMemberRoleArgs = {
  id: Scalars['ID']['input'];
  role: MemberRole;
};

/** A tenant: every key, member, session and audit event belongs to exactly one. */
export type Organization = {
  __typename?: 'Organization';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type PrincipalKind =
  | 'API_KEY'
  | 'MEMBER';

export type Query = {
  __typename?: 'Query';
  /** One key by its ID; null when there is none in the caller's organization. */
  apiKey?: Maybe<ApiKey>;
  /** The organization's keys, newest first. */
  apiKeys: ApiKeyConnection;
  /** The organization's audit log, newest first. */
  auditEvents: AuditEventConnection;
  /** The members of the organization, oldest first. */
  members: MemberConnection;
  /** Every scope a key may be given here (built-in and SCOPE_RESOURCES, all but members:write), in catalog order. */
  scopeCatalog: Array<Scalars['String']['output']>;
  /** For the platform’s services: is this key genuine, live and allowed these scopes? Needs no principal. */
  verifyApiKey: ApiKeyVerification;
  /** The principal of this request; null when anonymous. */
  viewer?: Maybe<Viewer>;
};


export type QueryApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ApiKeyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryVerifyApiKeyArgs = {
  key: Scalars['String']['input'];
  requiredScopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type RemoveMemberPayload = {
  __typename?: 'RemoveMemberPayload';
  member: Member;
};

export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  apiKey: ApiKey;
};

export type RotateApiKeyPayload = {
  __typename?: 'RotateApiKeyPayload';
  apiKey: ApiKey;
  /** The full key, shown this once: send it as `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
  secret: Scalars['String']['output'];
};

export type SignUpInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  organization: Scalars['String']['input'];
  /** 12 to 128 characters. */
  password: Scalars['String']['input'];
};

export type UpdateApiKeyInput = {
  access?: InputMaybe<ApiKeyAccess>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** null removes the expiry. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateApiKeyPayload = {
  __typename?: 'UpdateApiKeyPayload';
  apiKey: ApiKey;
};

export type UpdateMemberRolePayload = {
  __typename?: 'UpdateMemberRolePayload';
  member: Member;
};

export type VerificationCode =
  | 'EXPIRED'
  | 'INSUFFICIENT_SCOPE'
  | 'MALFORMED'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'REVOKED'
  | 'VALID';

/** Who is making this request. */
export type Viewer = {
  __typename?: 'Viewer';
  apiKey?: Maybe<ApiKey>;
  kind: PrincipalKind;
  member?: Maybe<Member>;
  organization: Organization;
  scopes: Array<Scalars['String']['output']>;
};

export type AllKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type AllKeysQuery = { __typename?: 'Query', apiKeys: { __typename?: 'ApiKeyConnection', totalCount: number, edges: Array<{ __typename?: 'ApiKeyEdge', cursor: string, node: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, rotatedAt?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type AllMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type AllMembersQuery = { __typename?: 'Query', members: { __typename?: 'MemberConnection', totalCount: number, edges: Array<{ __typename?: 'MemberEdge', cursor: string, node: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type AllAuditEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type AllAuditEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', totalCount: number, edges: Array<{ __typename?: 'AuditEventEdge', cursor: string, node: { __typename?: 'AuditEvent', id: string, action: string, actorKind: string, actorId?: string | null, targetId?: string | null, ip?: string | null, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type FullViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type FullViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string>, organization: { __typename?: 'Organization', id: string, name: string }, member?: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole, createdAt: string } | null, apiKey?: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, rotatedAt?: string | null } | null } | null };

export type FullVerificationQueryVariables = Exact<{
  key: Scalars['String']['input'];
}>;


export type FullVerificationQuery = { __typename?: 'Query', verifyApiKey: { __typename?: 'ApiKeyVerification', valid: boolean, code: VerificationCode, scopes: Array<string>, organization?: { __typename?: 'Organization', id: string, name: string } | null, apiKey?: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, rotatedAt?: string | null } | null } };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string>, organization: { __typename?: 'Organization', id: string, name: string }, member?: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole, createdAt: string } | null } | null, apiKeys: { __typename?: 'ApiKeyConnection', totalCount: number, edges: Array<{ __typename?: 'ApiKeyEdge', cursor: string, node: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, rotatedAt?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } }, members: { __typename?: 'MemberConnection', totalCount: number, edges: Array<{ __typename?: 'MemberEdge', cursor: string, node: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } }, auditEvents: { __typename?: 'AuditEventConnection', totalCount: number, edges: Array<{ __typename?: 'AuditEventEdge', cursor: string, node: { __typename?: 'AuditEvent', id: string, action: string, actorKind: string, actorId?: string | null, targetId?: string | null, ip?: string | null, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { __typename?: 'Mutation', signUp: { __typename?: 'LoginPayload', token: string, member: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole, createdAt: string } } };

export type LoginMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  organization?: InputMaybe<Scalars['String']['input']>;
}>;


export type LoginMutation = { __typename?: 'Mutation', login: { __typename?: 'LoginPayload', token: string, member: { __typename?: 'Member', id: string, email: string, role: MemberRole } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { __typename?: 'Mutation', logout: boolean };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string>, organization: { __typename?: 'Organization', id: string, name: string }, member?: { __typename?: 'Member', id: string, email: string, role: MemberRole } | null } | null };

export type AddMemberMutationVariables = Exact<{
  input: AddMemberInput;
}>;


export type AddMemberMutation = { __typename?: 'Mutation', addMember: { __typename?: 'AddMemberPayload', member: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole, createdAt: string } } };

export type MembersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MembersQuery = { __typename?: 'Query', members: { __typename?: 'MemberConnection', totalCount: number, edges: Array<{ __typename?: 'MemberEdge', cursor: string, node: { __typename?: 'Member', id: string, email: string, role: MemberRole } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type AuditEventsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', totalCount: number, edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', id: string, action: string, actorKind: string, actorId?: string | null, targetId?: string | null, ip?: string | null, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type FailedSignInsQueryVariables = Exact<{ [key: string]: never; }>;


export type FailedSignInsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', totalCount: number, edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', action: string, targetId?: string | null, ip?: string | null, count: number, lastAt?: string | null, summary: string, createdAt: string } }> } };

export type UpdateMemberRoleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  role: MemberRole;
}>;


export type UpdateMemberRoleMutation = { __typename?: 'Mutation', updateMemberRole: { __typename?: 'UpdateMemberRolePayload', member: { __typename?: 'Member', id: string, role: MemberRole } } };

export type RemoveMemberMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RemoveMemberMutation = { __typename?: 'Mutation', removeMember: { __typename?: 'RemoveMemberPayload', member: { __typename?: 'Member', id: string, email: string } } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
}>;


export type ChangePasswordMutation = { __typename?: 'Mutation', changePassword: boolean };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { __typename?: 'Mutation', createApiKey: { __typename?: 'CreateApiKeyPayload', secret: string, apiKey: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, rotatedAt?: string | null } } };

export type UpdateApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateApiKeyInput;
}>;


export type UpdateApiKeyMutation = { __typename?: 'Mutation', updateApiKey: { __typename?: 'UpdateApiKeyPayload', apiKey: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, status: ApiKeyStatus, expiresAt?: string | null } } };

export type RotateApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  gracePeriodSeconds?: InputMaybe<Scalars['Int']['input']>;
}>;


export type RotateApiKeyMutation = { __typename?: 'Mutation', rotateApiKey: { __typename?: 'RotateApiKeyPayload', secret: string, apiKey: { __typename?: 'ApiKey', id: string, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, expiresAt?: string | null, rotatedAt?: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeApiKeyMutation = { __typename?: 'Mutation', revokeApiKey: { __typename?: 'RevokeApiKeyPayload', apiKey: { __typename?: 'ApiKey', id: string, status: ApiKeyStatus, revokedAt?: string | null } } };

export type ApiKeysQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ApiKeyFilter>;
}>;


export type ApiKeysQuery = { __typename?: 'Query', apiKeys: { __typename?: 'ApiKeyConnection', totalCount: number, edges: Array<{ __typename?: 'ApiKeyEdge', cursor: string, node: { __typename?: 'ApiKey', id: string, name: string, status: ApiKeyStatus, lastFour: string, createdAt: string, lastUsedAt?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ApiKeyByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApiKeyByIdQuery = { __typename?: 'Query', apiKey?: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdBy?: string | null, lastUsedAt?: string | null } | null };

export type VerifyApiKeyQueryVariables = Exact<{
  key: Scalars['String']['input'];
  requiredScopes?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type VerifyApiKeyQuery = { __typename?: 'Query', verifyApiKey: { __typename?: 'ApiKeyVerification', valid: boolean, code: VerificationCode, scopes: Array<string>, apiKey?: { __typename?: 'ApiKey', id: string, name: string } | null, organization?: { __typename?: 'Organization', id: string, name: string } | null } };

export type KeyViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type KeyViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string>, organization: { __typename?: 'Organization', name: string }, member?: { __typename?: 'Member', id: string } | null, apiKey?: { __typename?: 'ApiKey', id: string, name: string, access: ApiKeyAccess } | null } | null };

export type ScopesQueryVariables = Exact<{ [key: string]: never; }>;


export type ScopesQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string> } | null };

export type VerdictQueryVariables = Exact<{
  key: Scalars['String']['input'];
  requiredScopes?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type VerdictQuery = { __typename?: 'Query', verifyApiKey: { __typename?: 'ApiKeyVerification', valid: boolean, code: VerificationCode, scopes: Array<string> } };

export type ScopeCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type ScopeCatalogQuery = { __typename?: 'Query', scopeCatalog: Array<string> };

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
export const FailedSignInsDocument = new TypedDocumentString(`
    query FailedSignIns {
  auditEvents(first: 100, filter: {action: "member.login_failed"}) {
    totalCount
    edges {
      node {
        action
        targetId
        ip
        count
        lastAt
        summary
        createdAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FailedSignInsQuery, FailedSignInsQueryVariables>;
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