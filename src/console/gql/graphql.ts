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

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', kind: PrincipalKind, scopes: Array<string>, organization?: { __typename?: 'Organization', name: string } | null, member?: { __typename?: 'Member', id: string, email: string, name: string, role: MemberRole } | null } | null };

export type ConsoleLoginMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  organization?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConsoleLoginMutation = { __typename?: 'Mutation', login: { __typename?: 'LoginPayload', token: string } };

export type ConsoleLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleLogoutMutation = { __typename?: 'Mutation', logout: boolean };

export type ConsoleApiKeyFieldsFragment = { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, lastUsedAt?: string | null, owner?: string | null, meta?: any | null, allowedIps: Array<string>, leakedAt?: string | null, rotatedAt?: string | null, rateLimits: Array<{ __typename?: 'RateLimit', name: string, limit: number, durationSeconds: number, autoApply: boolean, cost: number, shared: boolean }>, credits?: { __typename?: 'Credits', remaining: number, refill?: { __typename?: 'CreditRefill', interval: CreditRefillInterval, amount: number, dayOfMonth?: number | null } | null } | null };

export type ConsoleApiKeysQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ApiKeyFilter>;
}>;


export type ConsoleApiKeysQuery = { __typename?: 'Query', apiKeys: { __typename?: 'ApiKeyConnection', totalCount: number, edges: Array<{ __typename?: 'ApiKeyEdge', node: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, lastUsedAt?: string | null, owner?: string | null, meta?: any | null, allowedIps: Array<string>, leakedAt?: string | null, rotatedAt?: string | null, rateLimits: Array<{ __typename?: 'RateLimit', name: string, limit: number, durationSeconds: number, autoApply: boolean, cost: number, shared: boolean }>, credits?: { __typename?: 'Credits', remaining: number, refill?: { __typename?: 'CreditRefill', interval: CreditRefillInterval, amount: number, dayOfMonth?: number | null } | null } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ConsoleApiKeyQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleApiKeyQuery = { __typename?: 'Query', apiKey?: { __typename?: 'ApiKey', id: string, name: string, description?: string | null, access: ApiKeyAccess, scopes: Array<string>, lastFour: string, status: ApiKeyStatus, createdAt: string, createdBy?: string | null, expiresAt?: string | null, lastUsedAt?: string | null, owner?: string | null, meta?: any | null, allowedIps: Array<string>, leakedAt?: string | null, rotatedAt?: string | null, rateLimits: Array<{ __typename?: 'RateLimit', name: string, limit: number, durationSeconds: number, autoApply: boolean, cost: number, shared: boolean }>, credits?: { __typename?: 'Credits', remaining: number, refill?: { __typename?: 'CreditRefill', interval: CreditRefillInterval, amount: number, dayOfMonth?: number | null } | null } | null } | null };

export type ConsoleUsageQueryVariables = Exact<{
  apiKeyId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
  interval: UsageInterval;
}>;


export type ConsoleUsageQuery = { __typename?: 'Query', usage: Array<{ __typename?: 'UsageBucket', start: string, total: number, counts: Array<{ __typename?: 'UsageCount', code: VerificationCode, count: number }> }> };

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

export type ConsoleOrganizationQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOrganizationQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', organization?: { __typename?: 'Organization', id: string, name: string, leakPolicy: LeakPolicy } | null } | null };

export type ConsoleUpdateOrganizationMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;


export type ConsoleUpdateOrganizationMutation = { __typename?: 'Mutation', updateOrganization: { __typename?: 'Organization', id: string, leakPolicy: LeakPolicy } };

export type ConsoleWebhookFieldsFragment = { __typename?: 'Webhook', id: string, url: string, events: Array<string>, enabled: boolean, disabledReason?: string | null, createdAt: string };

export type ConsoleWebhookDeliveryFieldsFragment = { __typename?: 'WebhookDelivery', id: string, type: string, status: WebhookDeliveryStatus, payload: any, createdAt: string, deliveredAt?: string | null, failedAt?: string | null, nextAttemptAt?: string | null, attempts: Array<{ __typename?: 'WebhookAttempt', at: string, statusCode?: number | null, error?: string | null, durationMs: number }> };

export type ConsoleWebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleWebhooksQuery = { __typename?: 'Query', webhooks: Array<{ __typename?: 'Webhook', id: string, url: string, events: Array<string>, enabled: boolean, disabledReason?: string | null, createdAt: string }> };

export type ConsoleCreateWebhookMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;


export type ConsoleCreateWebhookMutation = { __typename?: 'Mutation', createWebhook: { __typename?: 'CreateWebhookPayload', secret: string, webhook: { __typename?: 'Webhook', id: string, url: string } } };

export type ConsoleUpdateWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateWebhookInput;
}>;


export type ConsoleUpdateWebhookMutation = { __typename?: 'Mutation', updateWebhook: { __typename?: 'UpdateWebhookPayload', webhook: { __typename?: 'Webhook', id: string, url: string, events: Array<string>, enabled: boolean, disabledReason?: string | null, createdAt: string } } };

export type ConsoleDeleteWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleDeleteWebhookMutation = { __typename?: 'Mutation', deleteWebhook: { __typename?: 'DeleteWebhookPayload', id: string } };

export type ConsoleWebhookDeliveriesQueryVariables = Exact<{
  webhookId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ConsoleWebhookDeliveriesQuery = { __typename?: 'Query', webhookDeliveries: Array<{ __typename?: 'WebhookDelivery', id: string, type: string, status: WebhookDeliveryStatus, payload: any, createdAt: string, deliveredAt?: string | null, failedAt?: string | null, nextAttemptAt?: string | null, attempts: Array<{ __typename?: 'WebhookAttempt', at: string, statusCode?: number | null, error?: string | null, durationMs: number }> }> };

export type ConsoleSendTestWebhookMutationVariables = Exact<{
  webhookId: Scalars['ID']['input'];
}>;


export type ConsoleSendTestWebhookMutation = { __typename?: 'Mutation', sendTestWebhook: { __typename?: 'WebhookDelivery', id: string, type: string, status: WebhookDeliveryStatus, payload: any, createdAt: string, deliveredAt?: string | null, failedAt?: string | null, nextAttemptAt?: string | null, attempts: Array<{ __typename?: 'WebhookAttempt', at: string, statusCode?: number | null, error?: string | null, durationMs: number }> } };

export type ConsoleResendWebhookDeliveryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConsoleResendWebhookDeliveryMutation = { __typename?: 'Mutation', resendWebhookDelivery: { __typename?: 'WebhookDelivery', id: string, type: string, status: WebhookDeliveryStatus, payload: any, createdAt: string, deliveredAt?: string | null, failedAt?: string | null, nextAttemptAt?: string | null, attempts: Array<{ __typename?: 'WebhookAttempt', at: string, statusCode?: number | null, error?: string | null, durationMs: number }> } };

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
export const ConsoleApiKeyFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConsoleApiKeyFields on ApiKey {
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
  owner
  meta
  allowedIps
  leakedAt
  rotatedAt
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
  }
}
    `, {"fragmentName":"ConsoleApiKeyFields"}) as unknown as TypedDocumentString<ConsoleApiKeyFieldsFragment, unknown>;
export const ConsoleWebhookFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConsoleWebhookFields on Webhook {
  id
  url
  events
  enabled
  disabledReason
  createdAt
}
    `, {"fragmentName":"ConsoleWebhookFields"}) as unknown as TypedDocumentString<ConsoleWebhookFieldsFragment, unknown>;
export const ConsoleWebhookDeliveryFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConsoleWebhookDeliveryFields on WebhookDelivery {
  id
  type
  status
  payload
  createdAt
  deliveredAt
  failedAt
  nextAttemptAt
  attempts {
    at
    statusCode
    error
    durationMs
  }
}
    `, {"fragmentName":"ConsoleWebhookDeliveryFields"}) as unknown as TypedDocumentString<ConsoleWebhookDeliveryFieldsFragment, unknown>;
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
        ...ConsoleApiKeyFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ConsoleApiKeyFields on ApiKey {
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
  owner
  meta
  allowedIps
  leakedAt
  rotatedAt
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
  }
}`) as unknown as TypedDocumentString<ConsoleApiKeysQuery, ConsoleApiKeysQueryVariables>;
export const ConsoleApiKeyDocument = new TypedDocumentString(`
    query ConsoleApiKey($id: ID!) {
  apiKey(id: $id) {
    ...ConsoleApiKeyFields
  }
}
    fragment ConsoleApiKeyFields on ApiKey {
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
  owner
  meta
  allowedIps
  leakedAt
  rotatedAt
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
  }
}`) as unknown as TypedDocumentString<ConsoleApiKeyQuery, ConsoleApiKeyQueryVariables>;
export const ConsoleUsageDocument = new TypedDocumentString(`
    query ConsoleUsage($apiKeyId: ID, $from: DateTime!, $to: DateTime!, $interval: UsageInterval!) {
  usage(apiKeyId: $apiKeyId, from: $from, to: $to, interval: $interval) {
    start
    total
    counts {
      code
      count
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleUsageQuery, ConsoleUsageQueryVariables>;
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
export const ConsoleOrganizationDocument = new TypedDocumentString(`
    query ConsoleOrganization {
  viewer {
    organization {
      id
      name
      leakPolicy
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleOrganizationQuery, ConsoleOrganizationQueryVariables>;
export const ConsoleUpdateOrganizationDocument = new TypedDocumentString(`
    mutation ConsoleUpdateOrganization($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) {
    id
    leakPolicy
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateOrganizationMutation, ConsoleUpdateOrganizationMutationVariables>;
export const ConsoleWebhooksDocument = new TypedDocumentString(`
    query ConsoleWebhooks {
  webhooks {
    ...ConsoleWebhookFields
  }
}
    fragment ConsoleWebhookFields on Webhook {
  id
  url
  events
  enabled
  disabledReason
  createdAt
}`) as unknown as TypedDocumentString<ConsoleWebhooksQuery, ConsoleWebhooksQueryVariables>;
export const ConsoleCreateWebhookDocument = new TypedDocumentString(`
    mutation ConsoleCreateWebhook($input: CreateWebhookInput!) {
  createWebhook(input: $input) {
    secret
    webhook {
      id
      url
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateWebhookMutation, ConsoleCreateWebhookMutationVariables>;
export const ConsoleUpdateWebhookDocument = new TypedDocumentString(`
    mutation ConsoleUpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {
  updateWebhook(id: $id, input: $input) {
    webhook {
      ...ConsoleWebhookFields
    }
  }
}
    fragment ConsoleWebhookFields on Webhook {
  id
  url
  events
  enabled
  disabledReason
  createdAt
}`) as unknown as TypedDocumentString<ConsoleUpdateWebhookMutation, ConsoleUpdateWebhookMutationVariables>;
export const ConsoleDeleteWebhookDocument = new TypedDocumentString(`
    mutation ConsoleDeleteWebhook($id: ID!) {
  deleteWebhook(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleDeleteWebhookMutation, ConsoleDeleteWebhookMutationVariables>;
export const ConsoleWebhookDeliveriesDocument = new TypedDocumentString(`
    query ConsoleWebhookDeliveries($webhookId: ID!, $first: Int) {
  webhookDeliveries(webhookId: $webhookId, first: $first) {
    ...ConsoleWebhookDeliveryFields
  }
}
    fragment ConsoleWebhookDeliveryFields on WebhookDelivery {
  id
  type
  status
  payload
  createdAt
  deliveredAt
  failedAt
  nextAttemptAt
  attempts {
    at
    statusCode
    error
    durationMs
  }
}`) as unknown as TypedDocumentString<ConsoleWebhookDeliveriesQuery, ConsoleWebhookDeliveriesQueryVariables>;
export const ConsoleSendTestWebhookDocument = new TypedDocumentString(`
    mutation ConsoleSendTestWebhook($webhookId: ID!) {
  sendTestWebhook(webhookId: $webhookId) {
    ...ConsoleWebhookDeliveryFields
  }
}
    fragment ConsoleWebhookDeliveryFields on WebhookDelivery {
  id
  type
  status
  payload
  createdAt
  deliveredAt
  failedAt
  nextAttemptAt
  attempts {
    at
    statusCode
    error
    durationMs
  }
}`) as unknown as TypedDocumentString<ConsoleSendTestWebhookMutation, ConsoleSendTestWebhookMutationVariables>;
export const ConsoleResendWebhookDeliveryDocument = new TypedDocumentString(`
    mutation ConsoleResendWebhookDelivery($id: ID!) {
  resendWebhookDelivery(id: $id) {
    ...ConsoleWebhookDeliveryFields
  }
}
    fragment ConsoleWebhookDeliveryFields on WebhookDelivery {
  id
  type
  status
  payload
  createdAt
  deliveredAt
  failedAt
  nextAttemptAt
  attempts {
    at
    statusCode
    error
    durationMs
  }
}`) as unknown as TypedDocumentString<ConsoleResendWebhookDeliveryMutation, ConsoleResendWebhookDeliveryMutationVariables>;