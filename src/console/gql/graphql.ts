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

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string>, organization: { __typename?: 'Organization', name: string }, member?: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole } | null } | null };

export type ConsoleLoginMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  organization?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleLoginMutation = { __typename?: 'Mutation', login: { __typename?: 'LoginPayload', token: string } };

export type ConsoleLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleLogoutMutation = { __typename?: 'Mutation', logout: boolean };

export type ConsoleApiKeysQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ApiKeyFilter>;
}>;


export type ConsoleApiKeysQuery = { __typename?: 'Query', apiKeys: { __typename?: 'ApiKeyConnection', totalCount: number, edges: Array<{ __typename?: 'ApiKeyEdge', node: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, lastUsedAt?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ConsoleScopeCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleScopeCatalogQuery = { __typename?: 'Query', scopeCatalog: Array<string> };

export type ConsoleCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ConsoleCreateApiKeyMutation = { __typename?: 'Mutation', createApiKey: { __typename?: 'CreateApiKeyPayload', secret: string, apiKey: { __typename?: 'ApiKey', id: string } } };

export type ConsoleUpdateApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateApiKeyInput;
}>;


export type ConsoleUpdateApiKeyMutation = { __typename?: 'Mutation', updateApiKey: { __typename?: 'UpdateApiKeyPayload', apiKey: { __typename?: 'ApiKey', id: string } } };

export type ConsoleRotateApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  gracePeriodSeconds?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ConsoleRotateApiKeyMutation = { __typename?: 'Mutation', rotateApiKey: { __typename?: 'RotateApiKeyPayload', secret: string, apiKey: { __typename?: 'ApiKey', id: string } } };

export type ConsoleRevokeApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleRevokeApiKeyMutation = { __typename?: 'Mutation', revokeApiKey: { __typename?: 'RevokeApiKeyPayload', apiKey: { __typename?: 'ApiKey', id: string, status: ApiKeyStatus } } };

export type ConsoleMembersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleMembersQuery = { __typename?: 'Query', members: { __typename?: 'MemberConnection', edges: Array<{ __typename?: 'MemberEdge', node: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ConsoleAddMemberMutationVariables = Exact<{
  input: AddMemberInput;
}>;


export type ConsoleAddMemberMutation = { __typename?: 'Mutation', addMember: { __typename?: 'AddMemberPayload', member: { __typename?: 'Member', id: string } } };

export type ConsoleUpdateMemberRoleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  role: MemberRole;
}>;


export type ConsoleUpdateMemberRoleMutation = { __typename?: 'Mutation', updateMemberRole: { __typename?: 'UpdateMemberRolePayload', member: { __typename?: 'Member', id: string, role: MemberRole } } };

export type ConsoleRemoveMemberMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleRemoveMemberMutation = { __typename?: 'Mutation', removeMember: { __typename?: 'RemoveMemberPayload', member: { __typename?: 'Member', id: string } } };

export type ConsoleChangePasswordMutationVariables = Exact<{
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
}>;


export type ConsoleChangePasswordMutation = { __typename?: 'Mutation', changePassword: boolean };

export type ConsoleAuditEventsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
}>;


export type ConsoleAuditEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', id: string, action: string, summary: string, actorKind: string, actorId?: string | null, actorName?: string | null, targetId?: string | null, targetName?: string | null, ip?: string | null, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

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