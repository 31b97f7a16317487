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

export type KeywardClientVerifyQueryVariables = Exact<{
  key: Scalars['String']['input'];
  requiredScopes?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  ip?: InputMaybe<Scalars['String']['input']>;
}>;


export type KeywardClientVerifyQuery = { __typename?: 'Query', verifyApiKey: { __typename?: 'ApiKeyVerification', valid: boolean, code: VerificationCode, scopes: Array<string>, remaining?: number | null, retryAfterSeconds?: number | null, meta?: any | null, rateLimits: Array<{ __typename?: 'RateLimitState', name: string, limit: number, remaining: number, resetAt: string }>, apiKey?: { __typename?: 'ApiKey', id: string, name: string, expiresAt?: string | null, allowedIps: Array<string>, rateLimits: Array<{ __typename?: 'RateLimit', name: string }>, credits?: { __typename?: 'Credits', remaining: number } | null } | null, organization?: { __typename?: 'Organization', id: string } | null } };

export type KeywardClientSnapshotQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
}>;


export type KeywardClientSnapshotQuery = { __typename?: 'Query', verificationSnapshot: { __typename?: 'VerificationSnapshot', cursor: string, endCursor?: string | null, hasMore: boolean, keys: Array<{ __typename?: 'VerificationKey', id: string, name: string, organizationId: string, scopes: Array<string>, expiresAt?: string | null, revokedAt?: string | null, allowedIps: Array<string>, metered: boolean, meta?: any | null, secrets: Array<{ __typename?: 'VerificationSecret', checksum: string, digest: string, kind: string, endsAt?: string | null }> }> } };

export type KeywardClientChangesSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type KeywardClientChangesSubscription = { __typename?: 'Subscription', verificationChanges: { __typename?: 'VerificationChange', kind: VerificationChangeKind, cursor: string, apiKeyId?: string | null, organizationId?: string | null, action?: string | null, at?: string | null } };

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

export const KeywardClientVerifyDocument = new TypedDocumentString(`
    query KeywardClientVerify($key: String!, $requiredScopes: [String!], $ip: String) {
  verifyApiKey(key: $key, requiredScopes: $requiredScopes, ip: $ip) {
    valid
    code
    scopes
    remaining
    retryAfterSeconds
    meta
    rateLimits {
      name
      limit
      remaining
      resetAt
    }
    apiKey {
      id
      name
      expiresAt
      allowedIps
      rateLimits {
        name
      }
      credits {
        remaining
      }
    }
    organization {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<KeywardClientVerifyQuery, KeywardClientVerifyQueryVariables>;
export const KeywardClientSnapshotDocument = new TypedDocumentString(`
    query KeywardClientSnapshot($after: String, $first: Int, $ids: [ID!]) {
  verificationSnapshot(after: $after, first: $first, ids: $ids) {
    cursor
    endCursor
    hasMore
    keys {
      id
      name
      organizationId
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
    `) as unknown as TypedDocumentString<KeywardClientSnapshotQuery, KeywardClientSnapshotQueryVariables>;
export const KeywardClientChangesDocument = new TypedDocumentString(`
    subscription KeywardClientChanges($after: String) {
  verificationChanges(after: $after) {
    kind
    cursor
    apiKeyId
    organizationId
    action
    at
  }
}
    `) as unknown as TypedDocumentString<KeywardClientChangesSubscription, KeywardClientChangesSubscriptionVariables>;