import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The tables. Every row but an organization's own carries `organization_id`, and the
 * data-access modules take the organization as their first argument: tenant isolation is
 * a property of the queries, not a check resolvers have to remember.
 */

// Millisecond precision, like a JavaScript Date: a keyset cursor made from a row's
// created_at then compares exactly equal to the row it came from.
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const createdAt = () => instant('created_at').notNull().defaultNow();

export const leakPolicy = pgEnum('leak_policy', ['REVOKE', 'NOTIFY']);

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    /**
     * How many API keys the organization holds: the unfiltered list's totalCount, read in
     * one row rather than counted over every key. Kept by a trigger on api_keys (migration
     * 0005), so no insert or delete, from any code path, can leave it wrong.
     */
    apiKeyCount: integer('api_key_count').notNull().default(0),
    /** What a secret-scanning report of one of its keys does (SPEC §10): revoke it, or only flag it. */
    leakPolicy: leakPolicy('leak_policy').notNull().default('REVOKE'),
  },
  (t) => [uniqueIndex('organizations_name_lower_key').on(sql`lower(${t.name})`)],
);

export const memberRole = pgEnum('member_role', ['OWNER', 'ADMIN', 'VIEWER']);

export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: memberRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Raised by every password change; a session works only while it matches (see sessions). */
    passwordVersion: integer('password_version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('members_organization_email_key').on(t.organizationId, sql`lower(${t.email})`),
    index('members_email_idx').on(sql`lower(${t.email})`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    // Removing a member ends their sessions with them.
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token: the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at').notNull().defaultNow(),
    /** The absolute end, however active the session is. */
    expiresAt: instant('expires_at').notNull(),
    /**
     * The member's password version the session was made with: a password change ends it.
     * Sessions from before this column existed were all made with the first version.
     */
    passwordVersion: integer('password_version').notNull().default(1),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_member_idx').on(t.memberId)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    // A sequence, not a timestamp, orders the log: several events written in one
    // transaction share its now().
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Null for the platform's own events (service credentials), which no organization sees. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    targetId: text('target_id'),
    ip: text('ip'),
    createdAt: createdAt(),
    /**
     * Repeated failures are one event with a count, not one row each (audit/audit.ts,
     * recordLoginFailure): a flood of wrong passwords neither buries the changes nor grows
     * the table without bound. `last_at` is the latest of them; null for a single event.
     */
    count: integer('count').notNull().default(1),
    lastAt: instant('last_at'),
    /** What repeats of one event share (account and window); null for every other event. */
    repeatKey: text('repeat_key'),
    /** Where a leak was reported (`source`, `url`); never a secret. */
    details: jsonb('details').$type<Record<string, string>>(),
  },
  (t) => [index('audit_events_organization_idx').on(t.organizationId, t.id), uniqueIndex('audit_events_repeat_key').on(t.repeatKey)],
);

/**
 * Clients a member has signed in from (OWASP's "device cookie"): the cookie's token, stored
 * as its SHA-256 only. A sign-in that presents one for its account is limited on its own,
 * not by the account's lockout, so strangers failing at a member's password cannot lock the
 * member out of a client it already uses (members/login.ts).
 */
export const trustedDevices = pgTable(
  'trusted_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [uniqueIndex('trusted_devices_token_hash_key').on(t.tokenHash), index('trusted_devices_member_idx').on(t.memberId)],
);

/** A key's named rate limit (SPEC §9), as stored: `limit` uses per `durationSeconds`. */
export interface RateLimitRule {
  name: string;
  limit: number;
  durationSeconds: number;
  /** Applied to every use of the key; otherwise only when a verifyApiKey caller names it. */
  autoApply: boolean;
  /** What one use takes from the limit unless the caller says otherwise. */
  cost: number;
  /** Counted across every key of the same owner in the organization, not per key. */
  shared: boolean;
}

/** How a key's credits are refilled: the refill replaces the balance. */
export interface CreditRefill {
  interval: 'DAILY' | 'MONTHLY';
  amount: number;
  /** MONTHLY only: 1–31, the month's last day when it is shorter. */
  dayOfMonth: number | null;
}

export const apiKeyAccess = pgEnum('api_key_access', ['FULL', 'RESTRICTED', 'READ_ONLY']);

/**
 * What a stored secret hash is: a SHA-256 digest of the full key (every key made since
 * migration 0006), or the bcrypt hash of its secret that earlier releases stored, rewritten
 * to a digest on the key's next use (keys/verify.ts).
 */
export const secretHashKind = pgEnum('secret_hash_kind', ['SHA256', 'BCRYPT']);

export const apiKeys = pgTable(
  'api_keys',
  {
    /** The public key ID, the one inside the full key. */
    id: text('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    access: apiKeyAccess('access').notNull(),
    /** The listed scopes of a RESTRICTED key; FULL and READ_ONLY follow the catalog. */
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    /** SHA-256 of the full key, hex (or, for `BCRYPT`, an earlier release's bcrypt of the secret). */
    secretHash: text('secret_hash').notNull(),
    secretHashKind: secretHashKind('secret_hash_kind').notNull().default('SHA256'),
    /**
     * The key's checksum (public: derived from the key, shown in part as lastFour). It picks
     * which of the current and the previous secret a presented key claims to be, so a
     * verification is always one comparison.
     */
    checksum: text('checksum').notNull(),
    lastFour: text('last_four').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    expiresAt: instant('expires_at'),
    revokedAt: instant('revoked_at'),
    lastUsedAt: instant('last_used_at'),
    rotatedAt: instant('rotated_at'),
    /** The secret before the last rotation, honoured until previousExpiresAt. */
    previousSecretHash: text('previous_secret_hash'),
    previousSecretHashKind: secretHashKind('previous_secret_hash_kind'),
    previousChecksum: text('previous_checksum'),
    previousExpiresAt: instant('previous_expires_at'),
    // Usage controls (SPEC §9, keys/controls.ts).
    /** The platform's customer the key belongs to: groups keys, and shares their `shared` rate limits. */
    owner: text('owner'),
    meta: jsonb('meta').$type<Record<string, unknown>>(),
    /** Addresses and CIDR ranges, normalized; empty allows every address. */
    allowedIps: text('allowed_ips').array().notNull().default(sql`'{}'::text[]`),
    rateLimits: jsonb('rate_limits').$type<RateLimitRule[]>().notNull().default([]),
    /**
     * Credits not yet leased to an instance; null when the key has no credits. What instances
     * hold is in credits_leased until they report it spent or give it back (keys/leases.ts).
     */
    creditsRemaining: bigint('credits_remaining', { mode: 'number' }),
    creditsLeased: bigint('credits_leased', { mode: 'number' }).notNull().default(0),
    creditsRefill: jsonb('credits_refill').$type<CreditRefill>(),
    /** The start of the refill period the balance belongs to. */
    creditsRefilledAt: instant('credits_refilled_at'),
    /**
     * Raised whenever the balance is replaced (a refill, an update): a lease taken from an
     * earlier balance can neither be given back to nor spent from this one.
     */
    creditsEpoch: integer('credits_epoch').notNull().default(0),
    /** When the key was reported leaked (a NOTIFY organization's key stays live, flagged). */
    leakedAt: instant('leaked_at'),
    /**
     * The expiry the `api_key.expiring` reminders were sent for, and how many (1: seven days
     * before, 2: one day before too): a changed expiry re-arms them.
     */
    remindedExpiry: instant('reminded_expiry'),
    remindersSent: integer('reminders_sent').notNull().default(0),
  },
  (t) => [
    index('api_keys_organization_created_idx').on(t.organizationId, t.createdAt, t.id),
    index('api_keys_organization_owner_idx').on(t.organizationId, t.owner),
    // The once-a-minute expiry reminders (webhooks/reminders.ts) read only live keys that expire.
    index('api_keys_live_expiry_idx').on(t.expiresAt).where(sql`revoked_at is null and expires_at is not null`),
  ],
);

/**
 * Platform-level credentials (SPEC §11): for the platform's own services, not tied to an
 * organization; they may verify keys and follow the change feed, nothing else. Made, listed
 * and revoked by `npm run service-token`. The token is stored as its SHA-256 only.
 */
export const serviceTokens = pgTable(
  'service_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [uniqueIndex('service_tokens_token_hash_key').on(t.tokenHash), uniqueIndex('service_tokens_name_key').on(t.name)],
);

/**
 * The change feed (SPEC §11 `verificationChanges`): every change that affects verification,
 * numbered in commit order (writers take one advisory lock, feed/changes.ts), kept a day so
 * that a client reconnecting with its last number gets what it missed.
 */
export const verificationChanges = pgTable('verification_changes', {
  seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  organizationId: uuid('organization_id'),
  apiKeyId: text('api_key_id'),
  /** The audit action that made it: api_key.created, api_key.revoked, organization.updated… */
  action: text('action').notNull(),
  at: createdAt(),
});

/** Where an organization's events are delivered (SPEC §10), signed per Standard Webhooks. */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    /**
     * `whsec_` + base64: kept as is, since signing needs it (a digest could not sign). Shown
     * once at creation, never returned again, never logged.
     */
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Why deliveries stopped (a receiver that failed for a day); null while enabled or disabled by hand. */
    disabledReason: text('disabled_reason'),
    createdAt: createdAt(),
  },
  (t) => [index('webhooks_organization_idx').on(t.organizationId)],
);

/**
 * The outbox: one message per event and endpoint, written in the transaction of the change
 * it reports (no event without its change, no change without its event). Its `id` is the
 * `webhook-id` of every attempt, so a receiver can drop repeats.
 */
export const webhookMessages = pgTable(
  'webhook_messages',
  {
    id: text('id').primaryKey(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** The body sent: `{ type, timestamp, data }`. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    /** When an instance may next try it; a claim moves it ahead, so a crashed claimer's message comes back. */
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    deliveredAt: instant('delivered_at'),
    /** Given up after a day of failures. */
    failedAt: instant('failed_at'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
  },
  (t) => [
    index('webhook_messages_due_idx').on(t.nextAttemptAt).where(sql`delivered_at is null and failed_at is null`),
    index('webhook_messages_webhook_idx').on(t.webhookId, t.createdAt),
  ],
);

/** Every delivery attempt, for the console's delivery log. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: text('message_id')
      .notNull()
      .references(() => webhookMessages.id, { onDelete: 'cascade' }),
    at: createdAt(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_message_idx').on(t.messageId, t.id)],
);

/**
 * The fixed windows of rate limits (keys/leases.ts): how much of each window's limit the
 * instances have leased. A row outlives its window only until the next sweep.
 */
export const rateWindows = pgTable('rate_windows', {
  /** The limit's counter (a key's or an owner's, by name) and the window's start. */
  key: text('key').primaryKey(),
  used: integer('used').notNull(),
  /** What the last lease took, for the instance that took it (RETURNING sees only the new row). */
  granted: integer('granted').notNull(),
  endsAt: instant('ends_at').notNull(),
});

/**
 * Verifications by outcome, per key and time bucket (SPEC §9 `usage`), written in batches
 * by keys/usageCounts.ts. Each use is added to its minute, hour and day bucket, each kept
 * for its own retention.
 */
export const usageCounts = pgTable(
  'usage_counts',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    apiKeyId: text('api_key_id').notNull(),
    /** MINUTE, HOUR or DAY. */
    interval: text('interval').notNull(),
    bucketStart: instant('bucket_start').notNull(),
    code: text('code').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.apiKeyId, t.interval, t.bucketStart, t.code] }),
    index('usage_counts_organization_idx').on(t.organizationId, t.interval, t.bucketStart),
  ],
);

/** Failure counters of the brute-force limits (src/auth/limiter.ts), shared by every instance. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: instant('expire'),
});

export type OrganizationRow = typeof organizations.$inferSelect;
export type MemberRow = typeof members.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type WebhookRow = typeof webhooks.$inferSelect;
export type ServiceTokenRow = typeof serviceTokens.$inferSelect;
export type VerificationChangeRow = typeof verificationChanges.$inferSelect;
export type WebhookMessageRow = typeof webhookMessages.$inferSelect;
