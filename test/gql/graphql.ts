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
  /** A JSON object. */
  JSONObject: { input: any; output: any; }
};

export type AddMemberInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** 12 to 128 characters. */
  password: Scalars['String']['input'];
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
  /** Only this owner's keys. */
  owner?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive part of the name. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ApiKeyStatus>;
};

export type ApiKeyStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED';

export type AuditEventFilter = {
  /** Only this action, e.g. api_key.revoked. */
  action?: InputMaybe<Scalars['String']['input']>;
  /** Only what this actor did (a member’s or key’s ID). */
  actorId?: InputMaybe<Scalars['String']['input']>;
};

export type CreateApiKeyInput = {
  access: ApiKeyAccess;
  /** IPv4/IPv6 addresses and CIDR ranges, at most 100; [] allows any address. */
  allowedIps?: InputMaybe<Array<Scalars['String']['input']>>;
  /** On update, replaces the balance; null removes the credits. */
  credits?: InputMaybe<CreditsInput>;
  /** At most 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** In the future; omit for a key that does not expire. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** A JSON object of at most 8 KB and 5 levels; null removes it. */
  meta?: InputMaybe<Scalars['JSONObject']['input']>;
  /** 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** The platform's customer ID; null removes it. */
  owner?: InputMaybe<Scalars['String']['input']>;
  /** At most 10. On update the list replaces the key’s; [] removes them. */
  rateLimits?: InputMaybe<Array<RateLimitInput>>;
  /** For RESTRICTED only: at least one `<resource>:<action>`. */
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateWebhookInput = {
  /** Events, each one of: api_key.created, api_key.updated, api_key.rotated, api_key.revoked, api_key.leaked, api_key.expiring, member.added, member.removed, member.role_changed. */
  events: Array<Scalars['String']['input']>;
  /** An absolute https URL (http too, and private addresses, when the operator sets WEBHOOK_ALLOW_PRIVATE), at most 2,000 characters. */
  url: Scalars['String']['input'];
};

export type CreditRefillInput = {
  /** The balance after each refill (it replaces what is left). */
  amount: Scalars['Int']['input'];
  /** MONTHLY only: 1–31 (default 1); the last day in shorter months. */
  dayOfMonth?: InputMaybe<Scalars['Int']['input']>;
  interval: CreditRefillInterval;
};

export type CreditRefillInterval =
  | 'DAILY'
  | 'MONTHLY';

export type CreditsInput = {
  refill?: InputMaybe<CreditRefillInput>;
  /** The balance now; each use costs 1 or what the verifyApiKey caller says. */
  remaining: Scalars['Int']['input'];
};

/** What a secret scanner's report of one of the organization's keys does. */
export type LeakPolicy =
  /** Keep the key working, flag it as leaked, audit and announce the report. */
  | 'NOTIFY'
  /** Revoke the key at once (the default). */
  | 'REVOKE';

export type MemberRole =
  /** Every scope. */
  | 'ADMIN'
  /** Every scope, and the only role that manages owners. */
  | 'OWNER'
  /** Every :read scope. */
  | 'VIEWER';

export type PrincipalKind =
  | 'API_KEY'
  | 'MEMBER'
  | 'SERVICE';

export type RateLimitInput = {
  autoApply?: InputMaybe<Scalars['Boolean']['input']>;
  cost?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 86400. */
  durationSeconds: Scalars['Int']['input'];
  /** At least 1. */
  limit: Scalars['Int']['input'];
  /** 1–64 letters, digits or _ . : -, unique on the key. */
  name: Scalars['String']['input'];
  /** Count across every key of the same owner. */
  shared?: InputMaybe<Scalars['Boolean']['input']>;
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
  /** IPv4/IPv6 addresses and CIDR ranges, at most 100; [] allows any address. */
  allowedIps?: InputMaybe<Array<Scalars['String']['input']>>;
  /** On update, replaces the balance; null removes the credits. */
  credits?: InputMaybe<CreditsInput>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** null removes the expiry. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** A JSON object of at most 8 KB and 5 levels; null removes it. */
  meta?: InputMaybe<Scalars['JSONObject']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** The platform's customer ID; null removes it. */
  owner?: InputMaybe<Scalars['String']['input']>;
  /** At most 10. On update the list replaces the key’s; [] removes them. */
  rateLimits?: InputMaybe<Array<RateLimitInput>>;
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateOrganizationInput = {
  leakPolicy?: InputMaybe<LeakPolicy>;
};

/** What to change; a field left out (or null) is kept. */
export type UpdateWebhookInput = {
  /** Enabling clears disabledReason and sends what is pending at once. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  url?: InputMaybe<Scalars['String']['input']>;
};

/** The size of a usage bucket; buckets are aligned to UTC. */
export type UsageInterval =
  | 'DAY'
  | 'HOUR'
  | 'MINUTE';

export type VerificationChangeKind =
  /** A change that affects verification: drop or reload `apiKeyId` (or, without one, every key of `organizationId`). */
  | 'CHANGE'
  /** The feed is live; `cursor` is where it starts. */
  | 'READY'
  /** The changes after the cursor asked for are no longer kept: load everything again, then follow from `cursor`. */
  | 'RESYNC';

export type VerificationCode =
  | 'EXPIRED'
  | 'INSUFFICIENT_SCOPE'
  | 'IP_NOT_ALLOWED'
  | 'MALFORMED'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'REVOKED'
  | 'USAGE_EXCEEDED'
  | 'VALID';

export type WebhookDeliveryStatus =
  /** The receiver answered 2xx. */
  | 'DELIVERED'
  /** Given up after a day of failed attempts. */
  | 'FAILED'
  /** Not delivered yet: waiting for its next attempt. */
  | 'PENDING';

export type AllKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type AllKeysQuery = { __typename?: 'Query', apiKeys: { __typename?: 'ApiKeyConnection', totalCount: number, edges: Array<{ __typename?: 'ApiKeyEdge', cursor: string, node: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, rotatedAt?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type AllMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type AllMembersQuery = { __typename?: 'Query', members: { __typename?: 'MemberConnection', totalCount: number, edges: Array<{ __typename?: 'MemberEdge', cursor: string, node: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type AllAuditEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type AllAuditEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', totalCount: number, edges: Array<{ __typename?: 'AuditEventEdge', cursor: string, node: { __typename?: 'AuditEvent', id: string, action: string, actorKind: string, actorId?: string | null, targetId?: string | null, ip?: string | null, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type FullViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type FullViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string>, organization?: { __typename?: 'Organization', id: string, name: string } | null, member?: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole, createdAt: string } | null, apiKey?: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, rotatedAt?: string | null } | null } | null };

export type FullVerificationQueryVariables = Exact<{
  key: Scalars['String']['input'];
}>;


export type FullVerificationQuery = { __typename?: 'Query', verifyApiKey: { __typename?: 'ApiKeyVerification', valid: boolean, code: VerificationCode, scopes: Array<string>, organization?: { __typename?: 'Organization', id: string, name: string } | null, apiKey?: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, rotatedAt?: string | null } | null } };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string>, organization?: { __typename?: 'Organization', id: string, name: string } | null, member?: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole, createdAt: string } | null } | null, apiKeys: { __typename?: 'ApiKeyConnection', totalCount: number, edges: Array<{ __typename?: 'ApiKeyEdge', cursor: string, node: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, revokedAt?: string | null, lastUsedAt?: string | null, rotatedAt?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } }, members: { __typename?: 'MemberConnection', totalCount: number, edges: Array<{ __typename?: 'MemberEdge', cursor: string, node: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } }, auditEvents: { __typename?: 'AuditEventConnection', totalCount: number, edges: Array<{ __typename?: 'AuditEventEdge', cursor: string, node: { __typename?: 'AuditEvent', id: string, action: string, actorKind: string, actorId?: string | null, targetId?: string | null, ip?: string | null, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

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


export type ViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string>, organization?: { __typename?: 'Organization', id: string, name: string } | null, member?: { __typename?: 'Member', id: string, email: string, role: MemberRole } | null } | null };

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

export type VerifyApiKeyUseQueryVariables = Exact<{
  key: Scalars['String']['input'];
  requiredScopes?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  ip?: InputMaybe<Scalars['String']['input']>;
  rateLimits?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  cost?: InputMaybe<Scalars['Int']['input']>;
}>;


export type VerifyApiKeyUseQuery = { __typename?: 'Query', verifyApiKey: { __typename?: 'ApiKeyVerification', valid: boolean, code: VerificationCode, scopes: Array<string>, remaining?: number | null, meta?: any | null, retryAfterSeconds?: number | null, apiKey?: { __typename?: 'ApiKey', id: string, name: string } | null, rateLimits: Array<{ __typename?: 'RateLimitState', name: string, limit: number, remaining: number, resetAt: string }> } };

export type KeyViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type KeyViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string>, organization?: { __typename?: 'Organization', name: string } | null, member?: { __typename?: 'Member', id: string } | null, apiKey?: { __typename?: 'ApiKey', id: string, name: string, access: ApiKeyAccess } | null } | null };

export type ScopesQueryVariables = Exact<{ [key: string]: never; }>;


export type ScopesQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string> } | null };

export type VerdictQueryVariables = Exact<{
  key: Scalars['String']['input'];
  requiredScopes?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type VerdictQuery = { __typename?: 'Query', verifyApiKey: { __typename?: 'ApiKeyVerification', valid: boolean, code: VerificationCode, scopes: Array<string> } };

export type UsageQueryVariables = Exact<{
  apiKeyId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
  interval?: InputMaybe<UsageInterval>;
}>;


export type UsageQuery = { __typename?: 'Query', usage: Array<{ __typename?: 'UsageBucket', start: string, total: number, counts: Array<{ __typename?: 'UsageCount', code: VerificationCode, count: number }> }> };

export type ApiKeyControlsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApiKeyControlsQuery = { __typename?: 'Query', apiKey?: { __typename?: 'ApiKey', id: string, owner?: string | null, meta?: any | null, allowedIps: Array<string>, rateLimits: Array<{ __typename?: 'RateLimit', name: string, limit: number, durationSeconds: number, autoApply: boolean, cost: number, shared: boolean }>, credits?: { __typename?: 'Credits', remaining: number, refilledAt?: string | null, refill?: { __typename?: 'CreditRefill', interval: CreditRefillInterval, amount: number, dayOfMonth?: number | null } | null } | null } | null };

export type ScopeCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type ScopeCatalogQuery = { __typename?: 'Query', scopeCatalog: Array<string> };

export type RevokeLeakedApiKeysMutationVariables = Exact<{
  keys: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type RevokeLeakedApiKeysMutation = { __typename?: 'Mutation', revokeLeakedApiKeys: boolean };

export type LeakPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type LeakPolicyQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', organization?: { __typename?: 'Organization', id: string, leakPolicy: LeakPolicy } | null } | null };

export type UpdateOrganizationMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;


export type UpdateOrganizationMutation = { __typename?: 'Mutation', updateOrganization: { __typename?: 'Organization', id: string, leakPolicy: LeakPolicy } };

export type ApiKeyLeakQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApiKeyLeakQuery = { __typename?: 'Query', apiKey?: { __typename?: 'ApiKey', id: string, status: ApiKeyStatus, leakedAt?: string | null, revokedAt?: string | null } | null };

export type WebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksQuery = { __typename?: 'Query', webhooks: Array<{ __typename?: 'Webhook', id: string, url: string, events: Array<string>, enabled: boolean, disabledReason?: string | null, createdAt: string }> };

export type CreateWebhookMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;


export type CreateWebhookMutation = { __typename?: 'Mutation', createWebhook: { __typename?: 'CreateWebhookPayload', secret: string, webhook: { __typename?: 'Webhook', id: string, url: string, events: Array<string>, enabled: boolean, disabledReason?: string | null, createdAt: string } } };

export type UpdateWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateWebhookInput;
}>;


export type UpdateWebhookMutation = { __typename?: 'Mutation', updateWebhook: { __typename?: 'UpdateWebhookPayload', webhook: { __typename?: 'Webhook', id: string, url: string, events: Array<string>, enabled: boolean, disabledReason?: string | null } } };

export type DeleteWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteWebhookMutation = { __typename?: 'Mutation', deleteWebhook: { __typename?: 'DeleteWebhookPayload', id: string } };

export type WebhookDeliveriesQueryVariables = Exact<{
  webhookId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type WebhookDeliveriesQuery = { __typename?: 'Query', webhookDeliveries: Array<{ __typename?: 'WebhookDelivery', id: string, type: string, payload: any, status: WebhookDeliveryStatus, createdAt: string, nextAttemptAt?: string | null, deliveredAt?: string | null, failedAt?: string | null, attempts: Array<{ __typename?: 'WebhookAttempt', at: string, statusCode?: number | null, error?: string | null, durationMs: number }> }> };

export type ResendWebhookDeliveryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ResendWebhookDeliveryMutation = { __typename?: 'Mutation', resendWebhookDelivery: { __typename?: 'WebhookDelivery', id: string, status: WebhookDeliveryStatus, nextAttemptAt?: string | null } };

export type SendTestWebhookMutationVariables = Exact<{
  webhookId: Scalars['ID']['input'];
}>;


export type SendTestWebhookMutation = { __typename?: 'Mutation', sendTestWebhook: { __typename?: 'WebhookDelivery', id: string, type: string, status: WebhookDeliveryStatus, payload: any } };

export type VerificationSnapshotQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
}>;


export type VerificationSnapshotQuery = { __typename?: 'Query', verificationSnapshot: { __typename?: 'VerificationSnapshot', cursor: string, hasMore: boolean, endCursor?: string | null, keys: Array<{ __typename?: 'VerificationKey', id: string, organizationId: string, access: ApiKeyAccess, scopes: Array<string>, expiresAt?: string | null, revokedAt?: string | null, allowedIps: Array<string>, metered: boolean, meta?: any | null, secrets: Array<{ __typename?: 'VerificationSecret', checksum: string, digest: string, kind: string, endsAt?: string | null }> }> } };

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
export const VerifyApiKeyUseDocument = new TypedDocumentString(`
    query VerifyApiKeyUse($key: String!, $requiredScopes: [String!], $ip: String, $rateLimits: [String!], $cost: Int) {
  verifyApiKey(
    key: $key
    requiredScopes: $requiredScopes
    ip: $ip
    rateLimits: $rateLimits
    cost: $cost
  ) {
    valid
    code
    scopes
    apiKey {
      id
      name
    }
    remaining
    rateLimits {
      name
      limit
      remaining
      resetAt
    }
    meta
    retryAfterSeconds
  }
}
    `) as unknown as TypedDocumentString<VerifyApiKeyUseQuery, VerifyApiKeyUseQueryVariables>;
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
export const UsageDocument = new TypedDocumentString(`
    query Usage($apiKeyId: ID, $from: DateTime!, $to: DateTime!, $interval: UsageInterval) {
  usage(apiKeyId: $apiKeyId, from: $from, to: $to, interval: $interval) {
    start
    total
    counts {
      code
      count
    }
  }
}
    `) as unknown as TypedDocumentString<UsageQuery, UsageQueryVariables>;
export const ApiKeyControlsDocument = new TypedDocumentString(`
    query ApiKeyControls($id: ID!) {
  apiKey(id: $id) {
    id
    owner
    meta
    allowedIps
    rateLimits {
      name
      limit
      durationSeconds
      autoApply
      cost
      shared
    }
    credits {
      remaining
      refill {
        interval
        amount
        dayOfMonth
      }
      refilledAt
    }
  }
}
    `) as unknown as TypedDocumentString<ApiKeyControlsQuery, ApiKeyControlsQueryVariables>;
export const ScopeCatalogDocument = new TypedDocumentString(`
    query ScopeCatalog {
  scopeCatalog
}
    `) as unknown as TypedDocumentString<ScopeCatalogQuery, ScopeCatalogQueryVariables>;
export const RevokeLeakedApiKeysDocument = new TypedDocumentString(`
    mutation RevokeLeakedApiKeys($keys: [String!]!) {
  revokeLeakedApiKeys(keys: $keys)
}
    `) as unknown as TypedDocumentString<RevokeLeakedApiKeysMutation, RevokeLeakedApiKeysMutationVariables>;
export const LeakPolicyDocument = new TypedDocumentString(`
    query LeakPolicy {
  viewer {
    organization {
      id
      leakPolicy
    }
  }
}
    `) as unknown as TypedDocumentString<LeakPolicyQuery, LeakPolicyQueryVariables>;
export const UpdateOrganizationDocument = new TypedDocumentString(`
    mutation UpdateOrganization($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) {
    id
    leakPolicy
  }
}
    `) as unknown as TypedDocumentString<UpdateOrganizationMutation, UpdateOrganizationMutationVariables>;
export const ApiKeyLeakDocument = new TypedDocumentString(`
    query ApiKeyLeak($id: ID!) {
  apiKey(id: $id) {
    id
    status
    leakedAt
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ApiKeyLeakQuery, ApiKeyLeakQueryVariables>;
export const WebhooksDocument = new TypedDocumentString(`
    query Webhooks {
  webhooks {
    id
    url
    events
    enabled
    disabledReason
    createdAt
  }
}
    `) as unknown as TypedDocumentString<WebhooksQuery, WebhooksQueryVariables>;
export const CreateWebhookDocument = new TypedDocumentString(`
    mutation CreateWebhook($input: CreateWebhookInput!) {
  createWebhook(input: $input) {
    secret
    webhook {
      id
      url
      events
      enabled
      disabledReason
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const UpdateWebhookDocument = new TypedDocumentString(`
    mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {
  updateWebhook(id: $id, input: $input) {
    webhook {
      id
      url
      events
      enabled
      disabledReason
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateWebhookMutation, UpdateWebhookMutationVariables>;
export const DeleteWebhookDocument = new TypedDocumentString(`
    mutation DeleteWebhook($id: ID!) {
  deleteWebhook(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($webhookId: ID!, $first: Int) {
  webhookDeliveries(webhookId: $webhookId, first: $first) {
    id
    type
    payload
    status
    createdAt
    nextAttemptAt
    deliveredAt
    failedAt
    attempts {
      at
      statusCode
      error
      durationMs
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const ResendWebhookDeliveryDocument = new TypedDocumentString(`
    mutation ResendWebhookDelivery($id: ID!) {
  resendWebhookDelivery(id: $id) {
    id
    status
    nextAttemptAt
  }
}
    `) as unknown as TypedDocumentString<ResendWebhookDeliveryMutation, ResendWebhookDeliveryMutationVariables>;
export const SendTestWebhookDocument = new TypedDocumentString(`
    mutation SendTestWebhook($webhookId: ID!) {
  sendTestWebhook(webhookId: $webhookId) {
    id
    type
    status
    payload
  }
}
    `) as unknown as TypedDocumentString<SendTestWebhookMutation, SendTestWebhookMutationVariables>;
export const VerificationSnapshotDocument = new TypedDocumentString(`
    query VerificationSnapshot($after: String, $first: Int, $ids: [ID!]) {
  verificationSnapshot(after: $after, first: $first, ids: $ids) {
    cursor
    hasMore
    endCursor
    keys {
      id
      organizationId
      access
      scopes
      secrets {
        checksum
        digest
        kind
        endsAt
      }
      expiresAt
      revokedAt
      allowedIps
      metered
      meta
    }
  }
}
    `) as unknown as TypedDocumentString<VerificationSnapshotQuery, VerificationSnapshotQueryVariables>;