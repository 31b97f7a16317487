import { and, desc, eq, getTableColumns, gt, isNotNull, isNull, lte, or, sql, type Column, type SQL, type SQLWrapper } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { ApiKeyAccess, ScopeCatalog, Scopes } from '../auth/scopes';
import { apiKeys, members, organizations, type ApiKeyRow } from '../db/schema';
import { badInput, forbidden, notFound } from '../errors';
import { afterTimePosition, decodeTimeCursor, timeCursor } from '../db/keyset';
import { pageSize, toPage, type Page } from '../pagination';
import type { Changed } from '../db/notify';
import type { Database, Queryable } from '../db/open';
import { oncePer } from '../memo';
import type { Tenant } from '../tenant';
import * as valid from '../validation';
import { allowedIpList, creditsOf, metaOf, ownerOf, rateLimitRules, refillPeriodStart, type CreditsInput, type RateLimitInput } from './controls';
import { KEY_ID_FORMAT, lastFourOf, newKey, newKeyId } from './format';
import { digestOf } from './secrets';

/**
 * Managing a tenant's API keys: everything the admin's *API keys* page does (SPEC §5).
 * Input is checked before a transaction opens, so bad input writes nothing; each change
 * and its audit row commit together. A new secret is stored as the SHA-256 digest of the
 * full key (keys/secrets.ts says why).
 */

export type ApiKeyStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED';
export const MAX_GRACE_PERIOD_SECONDS = 7 * 24 * 60 * 60;

/** A row's status, or a cached key's (whose times are epoch milliseconds). */
export function statusOf(key: { revokedAt: Date | number | null; expiresAt: Date | number | null }, now: Date | number = Date.now()): ApiKeyStatus {
  if (key.revokedAt) return 'REVOKED';
  if (key.expiresAt && +key.expiresAt <= +now) return 'EXPIRED';
  return 'ACTIVE';
}

/**
 * Credits a key has left (null without credits): the balance no instance has leased plus
 * what instances hold and have not yet reported spent; the refill amount once a new period
 * has begun, even before a use has written the refill.
 */
export function creditsLeft(key: Pick<ApiKeyRow, 'creditsRemaining' | 'creditsLeased' | 'creditsRefill' | 'creditsRefilledAt'>, now = Date.now()): number | null {
  if (key.creditsRemaining === null) return null;
  const refill = key.creditsRefill;
  if (refill && (!key.creditsRefilledAt || key.creditsRefilledAt.getTime() < refillPeriodStart(refill, now))) return refill.amount;
  return key.creditsRemaining + key.creditsLeased;
}

export function scopesOfKey(catalog: ScopeCatalog, key: Pick<ApiKeyRow, 'access' | 'scopes'>): Scopes {
  return catalog.forAccess(key.access, key.scopes);
}

const inTenant = (tenant: Tenant) => eq(apiKeys.organizationId, tenant.organizationId);

/**
 * What a client may see of a key: every column but the organization and what belongs to
 * verification (the hashes of the current and previous secret and their checksums). Lists
 * read only these: the rest is never shown, and each column read costs time on every row.
 */
const {
  organizationId: _org,
  secretHash: _s,
  secretHashKind: _sk,
  checksum: _c,
  previousSecretHash: _ps,
  previousSecretHashKind: _psk,
  previousChecksum: _pc,
  previousExpiresAt: _pe,
  creditsEpoch: _ce,
  remindedExpiry: _re,
  remindersSent: _rs,
  ...VIEW_COLUMNS
} = getTableColumns(apiKeys);
export type ApiKeyView = { [K in keyof typeof VIEW_COLUMNS]: ApiKeyRow[K] };

/**
 * A key a `verifyApiKey` caller has just proved it holds, by ID alone (that caller has no
 * principal, hence no tenant): what a client may see of it, never its hashes.
 */
export async function getVerifiedApiKey(db: Queryable, keyId: string): Promise<ApiKeyView | null> {
  const [row] = await db.select(VIEW_COLUMNS).from(apiKeys).where(eq(apiKeys.id, keyId));
  return row ?? null;
}

export async function getApiKey(tenant: Tenant, id: string): Promise<ApiKeyView | null> {
  if (!KEY_ID_FORMAT.test(id)) return null;
  const [row] = await tenant.db.select(VIEW_COLUMNS).from(apiKeys).where(and(inTenant(tenant), eq(apiKeys.id, id)));
  return row ?? null;
}

/**
 * The key, row-locked until the transaction ends. Every change is checked against this
 * row and written in the same transaction: a check made on a row read earlier could be
 * undone by a concurrent change (an owner's narrowing, a revocation) committed in between.
 */
async function lockKey(tx: Queryable, tenant: Tenant, id: string): Promise<ApiKeyRow> {
  if (!KEY_ID_FORMAT.test(id)) throw notFound('API key');
  const [row] = await tx.select().from(apiKeys).where(and(inTenant(tenant), eq(apiKeys.id, id))).for('update');
  if (!row) throw notFound('API key');
  return row;
}

/** No escalation (SPEC §4): a principal hands out only scopes it holds itself. */
function requireHeld(tenant: Tenant, scopes: Scopes, what: string): void {
  const missing = [...scopes].filter((s) => !tenant.principal.scopes.has(s));
  if (missing.length > 0) throw forbidden(`You cannot ${what} with scopes you do not hold: ${missing.join(', ')}`);
}

function futureExpiry(expiresAt: Date | null | undefined): Date | null {
  if (!expiresAt) return null;
  if (expiresAt.getTime() <= Date.now()) throw badInput('expiresAt', 'must be in the future');
  return expiresAt;
}

/**
 * Lifetime is a permission too: an API key cannot hand out more time than it has. A key
 * principal that expires may give no key (itself included) a later expiry than its own,
 * nor none at all. Read in the caller's transaction, so it is the principal's expiry now,
 * not when the request was authenticated.
 */
async function requireLifetimeHeld(tx: Queryable, tenant: Tenant, expiresAt: Date | null, what: string): Promise<void> {
  const principal = tenant.principal;
  if (principal.kind !== 'API_KEY') return;
  const [own] = await tx.select({ expiresAt: apiKeys.expiresAt }).from(apiKeys).where(eq(apiKeys.id, principal.apiKeyId));
  const limit = own?.expiresAt;
  if (!limit) return;
  if (!expiresAt || expiresAt > limit) {
    throw forbidden(`You cannot ${what} beyond your own expiry (${limit.toISOString()})`);
  }
}

/**
 * Usage controls are what a platform sells (SPEC §9): a key whose own use is controlled —
 * rate limits, credits or allowed addresses — could otherwise make itself an uncontrolled
 * twin, or lift its own limits. Such a key sets no key's controls; people and
 * uncontrolled keys (which hold every scope of the key they change) may.
 */
async function requireUncontrolledPrincipal(tx: Queryable, tenant: Tenant, what: string): Promise<void> {
  const principal = tenant.principal;
  if (principal.kind !== 'API_KEY') return;
  const [own] = await tx
    .select({ rateLimits: apiKeys.rateLimits, credits: apiKeys.creditsRemaining, allowedIps: apiKeys.allowedIps })
    .from(apiKeys)
    .where(eq(apiKeys.id, principal.apiKeyId));
  if (own && (own.rateLimits.length > 0 || own.credits !== null || own.allowedIps.length > 0)) {
    throw forbidden(`An API key with usage controls of its own cannot ${what}`);
  }
}

/** Access and listed scopes, checked together: scopes go with RESTRICTED and only with it. */
function accessAndScopes(catalog: ScopeCatalog, access: ApiKeyAccess, scopes: readonly string[] | null | undefined) {
  if (access !== 'RESTRICTED') {
    if (scopes && scopes.length > 0) throw badInput('scopes', `scopes are listed only for RESTRICTED access; ${access} implies its own`);
    return { access, scopes: [] as string[] };
  }
  return { access, scopes: catalog.parseRestricted(scopes) };
}

async function creatorLabel(tenant: Tenant): Promise<string> {
  const principal = tenant.principal;
  if (principal.kind === 'API_KEY') return `api_key:${principal.apiKeyId}`;
  const [member] = await tenant.db
    .select({ email: members.email })
    .from(members)
    .where(and(eq(members.organizationId, tenant.organizationId), eq(members.id, principal.memberId)));
  return member?.email ?? principal.memberId;
}

/** A key's usage controls and what the platform attaches to it (SPEC §9). */
export interface UsageControlsInput {
  rateLimits?: readonly RateLimitInput[] | null;
  credits?: CreditsInput | null;
  allowedIps?: readonly string[] | null;
  meta?: unknown;
  owner?: string | null;
}

export interface NewApiKey extends UsageControlsInput {
  name: string;
  description?: string | null;
  access: ApiKeyAccess;
  scopes?: readonly string[] | null;
  expiresAt?: Date | null;
}

/** Credit columns for a balance that replaces whatever the key had (none, with null). */
function creditColumns(credits: CreditsInput | null, now: number) {
  if (!credits) return { creditsRemaining: null, creditsLeased: 0, creditsRefill: null, creditsRefilledAt: null };
  const { remaining, refill } = creditsOf(credits);
  return {
    creditsRemaining: remaining,
    creditsLeased: 0,
    creditsRefill: refill,
    // The balance given now is this period's: the first refill comes with the next one.
    creditsRefilledAt: refill ? new Date(refillPeriodStart(refill, now)) : null,
  };
}

/**
 * The given controls as columns, checked before anything is written; absent ones are left
 * out (kept), and null or an empty list removes a control — updates replace (SPEC §9).
 */
function controlColumns(input: UsageControlsInput, now: number): Partial<typeof apiKeys.$inferInsert> {
  const set: Partial<typeof apiKeys.$inferInsert> = {};
  if (input.rateLimits !== undefined) set.rateLimits = rateLimitRules(input.rateLimits ?? []);
  if (input.allowedIps !== undefined) set.allowedIps = allowedIpList(input.allowedIps ?? []);
  if (input.credits !== undefined) Object.assign(set, creditColumns(input.credits, now));
  if (input.meta !== undefined) set.meta = input.meta === null ? null : metaOf(input.meta);
  if (input.owner !== undefined) set.owner = input.owner === null ? null : ownerOf(input.owner);
  return set;
}

// The owner decides which shared rate limits a key counts against, and the platform may
// authorise on meta: changing either is a change of controls too.
const CONTROLS = ['rateLimits', 'allowedIps', 'creditsRemaining', 'owner', 'meta'] as const;
const touchesControls = (set: Partial<typeof apiKeys.$inferInsert>) => CONTROLS.some((column) => column in set);

/** Creates a key; the full key is returned here once and exists nowhere else afterwards. */
export async function createApiKey(tenant: Tenant, catalog: ScopeCatalog, input: NewApiKey): Promise<{ apiKey: ApiKeyRow; fullKey: string }> {
  const name = valid.keyName('name', input.name);
  const description = input.description == null ? null : valid.keyDescription('description', input.description);
  const permissions = accessAndScopes(catalog, input.access, input.scopes);
  const expiresAt = futureExpiry(input.expiresAt);
  const controls = controlColumns(input, Date.now());
  requireHeld(tenant, scopesOfKey(catalog, permissions), 'create a key');

  const key = newKey(newKeyId());
  const createdBy = await creatorLabel(tenant);
  const apiKey = await tenant.changes.transaction(async (tx, changed) => {
    await requireLifetimeHeld(tx, tenant, expiresAt, 'create a key that lives');
    // Nothing is cached of a new key: the organization's notice only wakes every instance's
    // change feed, and evicts nothing (a key's own tag would drop its first verification).
    await changed({ organizationId: tenant.organizationId });
    await requireUncontrolledPrincipal(tx, tenant, 'create keys');
    const [row] = await tx
      .insert(apiKeys)
      .values({
        id: key.keyId,
        organizationId: tenant.organizationId,
        name,
        description,
        ...permissions,
        secretHash: digestOf(key.fullKey),
        secretHashKind: 'SHA256',
        checksum: key.checksum,
        lastFour: lastFourOf(key.fullKey),
        createdBy,
        expiresAt,
        ...controls,
      })
      .returning();
    await recordAudit(tx, tenant.organizationId, 'api_key.created', tenant.actor, key.keyId);
    return row!;
  });
  return { apiKey, fullKey: key.fullKey };
}

/** A change to a key: its cached row goes, here and on every instance. */
const keyChanged = (changed: Changed, keyId: string): Promise<void> => changed({ apiKeyId: keyId });

export interface ApiKeyChanges extends UsageControlsInput {
  name?: string | null;
  description?: string | null;
  access?: ApiKeyAccess | null;
  scopes?: readonly string[] | null;
  /** null removes the expiry; undefined leaves it. */
  expiresAt?: Date | null;
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * Changes a key. A principal that lacks some scope of the key (a narrower API key) may still
 * rename it, change its description, narrow it, give it an earlier expiry, or revoke it
 * (revokeApiKey): each only lessens what the key can do, and letting whoever notices a leak
 * stop the key is what api_keys:write is for. Widening a key or lengthening its life (a later
 * expiry, or none) needs a principal holding every scope the key has, and, for an API key,
 * no more time than its own.
 */
export async function updateApiKey(tenant: Tenant, catalog: ScopeCatalog, id: string, changes: ApiKeyChanges): Promise<ApiKeyRow> {
  // What depends only on the input is checked before any transaction opens.
  const name = changes.name == null ? undefined : valid.keyName('name', changes.name);
  const description =
    changes.description === undefined ? undefined : changes.description === null ? null : valid.keyDescription('description', changes.description);
  const expiresAt = changes.expiresAt === undefined ? undefined : futureExpiry(changes.expiresAt);
  const controls = controlColumns(changes, Date.now());

  return tenant.changes.transaction(async (tx, changed) => {
    const key = await lockKey(tx, tenant, id);
    if (key.revokedAt) throw badInput('id', 'a revoked key cannot be changed');

    const set: Partial<typeof apiKeys.$inferInsert> = { ...controls };
    if (touchesControls(controls)) {
      // Lifting a limit or adding credits widens a key as surely as a scope does.
      await requireUncontrolledPrincipal(tx, tenant, "change a key's usage controls");
      requireHeld(tenant, scopesOfKey(catalog, key), "change a key's usage controls");
      // A new balance: leases of the old one are void everywhere (keys/leases.ts).
      if ('creditsRemaining' in controls) set.creditsEpoch = key.creditsEpoch + 1;
    }
    const before = scopesOfKey(catalog, key);
    if (name !== undefined && name !== key.name) set.name = name;
    if (description !== undefined && description !== key.description) set.description = description;
    if (changes.access != null || changes.scopes != null) {
      const access = changes.access ?? key.access;
      // Moving to RESTRICTED without a list keeps nothing implicit: the list must be given.
      const permissions = accessAndScopes(catalog, access, changes.scopes ?? (access === key.access ? key.scopes : null));
      const after = scopesOfKey(catalog, permissions);
      // Widening is for a principal that holds every scope the key will have, not only the
      // added ones: a narrower key must not grow a broader key further. Narrowing needs nothing more.
      if ([...after].some((s) => !before.has(s))) requireHeld(tenant, new Set([...before, ...after]), 'widen a key');
      if (permissions.access !== key.access || !sameList(permissions.scopes, key.scopes)) Object.assign(set, permissions);
    }
    if (expiresAt !== undefined && !sameTime(expiresAt, key.expiresAt)) {
      // Lifting or postponing an expiry widens the key in time; shortening never does.
      const postponed = expiresAt === null || (key.expiresAt !== null && expiresAt > key.expiresAt);
      if (postponed) {
        if (tenant.principal.kind === 'API_KEY' && statusOf(key) === 'EXPIRED') {
          throw forbidden('An API key cannot revive an expired key');
        }
        // More time is more reach: only for a principal that holds all the key can do.
        requireHeld(tenant, before, 'extend the life of a key');
        await requireLifetimeHeld(tx, tenant, expiresAt, 'extend a key');
      }
      set.expiresAt = expiresAt;
    }
    // Nothing differs from the stored row: nothing is written and nothing audited.
    if (Object.keys(set).length === 0) return key;
    await keyChanged(changed, key.id);

    const [row] = await tx.update(apiKeys).set(set).where(and(inTenant(tenant), eq(apiKeys.id, key.id))).returning();
    await recordAudit(tx, tenant.organizationId, 'api_key.updated', tenant.actor, key.id);
    return row!;
  });
}

/**
 * A new secret for the same key ID; access, scopes and expiry stay. The previous secret is
 * honoured for `gracePeriodSeconds` (0 by default), so clients can be moved over without
 * an outage.
 */
export async function rotateApiKey(
  tenant: Tenant,
  catalog: ScopeCatalog,
  id: string,
  gracePeriodSeconds: number | null | undefined,
): Promise<{ apiKey: ApiKeyRow; fullKey: string }> {
  const grace = gracePeriodSeconds ?? 0;
  if (!Number.isInteger(grace) || grace < 0 || grace > MAX_GRACE_PERIOD_SECONDS) {
    throw badInput('gracePeriodSeconds', `must be between 0 and ${MAX_GRACE_PERIOD_SECONDS} (7 days)`);
  }
  const key = newKey(id);
  const now = new Date();
  const apiKey = await tenant.changes.transaction(async (tx, changed) => {
    // Locked: a concurrent revocation or rotation is either seen here or waits for this one,
    // so a revocation always wins and no rotation silently drops another's secret.
    const existing = await lockKey(tx, tenant, id);
    if (existing.revokedAt) throw badInput('id', 'a revoked key cannot be rotated');
    requireHeld(tenant, scopesOfKey(catalog, existing), 'rotate a key');
    // A new secret of another key is that key in hand: a metered key may rotate only itself.
    if (!(tenant.principal.kind === 'API_KEY' && tenant.principal.apiKeyId === existing.id)) {
      await requireUncontrolledPrincipal(tx, tenant, 'rotate other keys');
    }
    await keyChanged(changed, existing.id);
    const [row] = await tx
      .update(apiKeys)
      .set({
        secretHash: digestOf(key.fullKey),
        secretHashKind: 'SHA256',
        checksum: key.checksum,
        lastFour: lastFourOf(key.fullKey),
        rotatedAt: now,
        previousSecretHash: grace > 0 ? existing.secretHash : null,
        previousSecretHashKind: grace > 0 ? existing.secretHashKind : null,
        previousChecksum: grace > 0 ? existing.checksum : null,
        previousExpiresAt: grace > 0 ? new Date(now.getTime() + grace * 1000) : null,
      })
      .where(and(inTenant(tenant), eq(apiKeys.id, existing.id)))
      .returning();
    await recordAudit(tx, tenant.organizationId, 'api_key.rotated', tenant.actor, existing.id);
    return row!;
  });
  return { apiKey, fullKey: key.fullKey };
}

/** Revokes at once; the previous secret of a rotation goes too. Revoking again changes nothing. */
export async function revokeApiKey(tenant: Tenant, id: string): Promise<ApiKeyRow> {
  return tenant.changes.transaction(async (tx, changed) => {
    const key = await lockKey(tx, tenant, id);
    if (key.revokedAt) return key;
    await keyChanged(changed, key.id);
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date(), previousSecretHash: null, previousSecretHashKind: null, previousChecksum: null, previousExpiresAt: null })
      .where(and(inTenant(tenant), eq(apiKeys.id, key.id)))
      .returning();
    await recordAudit(tx, tenant.organizationId, 'api_key.revoked', tenant.actor, key.id);
    return row!;
  });
}

export interface ApiKeyFilter {
  status?: ApiKeyStatus | null;
  search?: string | null;
  owner?: string | null;
}

function statusCondition(status: ApiKeyStatus, now: Date | SQLWrapper): SQL | undefined {
  if (status === 'REVOKED') return isNotNull(apiKeys.revokedAt);
  if (status === 'EXPIRED') return and(isNull(apiKeys.revokedAt), lte(apiKeys.expiresAt, now));
  return and(isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)));
}

/** `%` and `_` in a search are literal characters, not patterns. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const apiKeyCursor = timeCursor;

const VIEW_ENTRIES = Object.entries(VIEW_COLUMNS) as [keyof ApiKeyView, Column][];

/**
 * A listed key travels as a JSON array of its view columns, and a page as one JSON text:
 * the drivers decode every field of every row on their own (PGlite in JavaScript, at
 * about a microsecond a field), and one text is far cheaper to take apart than 50 rows of
 * 12 columns. Each value then goes through its column's own mapping, as drizzle's would:
 * timestamps become Dates (from the ISO form JSON gives them), the scopes stay an array.
 */
const viewAsJson = sql`json_build_array(${sql.join(
  VIEW_ENTRIES.map(([, column]) => column),
  sql`, `,
)})`;

function viewFromJson(values: unknown[]): ApiKeyView {
  const view: Record<string, unknown> = {};
  VIEW_ENTRIES.forEach(([name, column], i) => {
    view[name] = values[i] === null ? null : column.mapFromDriverValue(values[i]);
  });
  return view as ApiKeyView;
}

/** What decides the text of a list query; everything else is a placeholder's value. */
interface ListShape {
  status: ApiKeyStatus | null;
  search: boolean;
  owner: boolean;
  after: boolean;
}

/**
 * The list query for one shape: one round trip, one row — the organization's, with the
 * total and the page as one JSON text (ordered inside the aggregate, which a subquery's
 * ORDER BY alone does not promise). Built with placeholders and prepared once per
 * database and shape: drizzle building the select anew cost about as much as PGlite
 * took to run it.
 */
function prepareList(db: Database, shape: ListShape) {
  const p = sql.placeholder;
  const filters = and(
    eq(apiKeys.organizationId, p('organizationId')),
    shape.status ? statusCondition(shape.status, p('now')) : undefined,
    shape.search ? sql`${apiKeys.name} ilike ${p('pattern')}` : undefined,
    shape.owner ? eq(apiKeys.owner, p('owner')) : undefined,
  );
  const keys = db
    .select({ key: viewAsJson.as('key'), createdAt: sql`${apiKeys.createdAt}`.as('created_at'), id: sql`${apiKeys.id}`.as('id') })
    .from(apiKeys)
    .where(and(filters, shape.after ? afterTimePosition(apiKeys, { createdAt: p('afterCreatedAt'), id: p('afterId') }, 'desc') : undefined))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(p('limit'))
    .as('k');
  const total =
    shape.status || shape.search || shape.owner
      ? sql`(select count(*) from ${apiKeys} where ${filters})`
      : // Every key of the organization, as the api_keys triggers keep count of them (migration 0005).
        sql`${organizations.apiKeyCount}`;
  const name = `list_api_keys_${shape.status ?? 'any'}_${shape.search ? 'search' : 'all'}_${shape.owner ? 'owner' : 'anyone'}_${shape.after ? 'after' : 'first'}`;
  return db
    .select({
      total: total.mapWith(Number),
      page: sql<string>`(select coalesce(json_agg(k.key order by k.created_at desc, k.id desc), '[]')::text from ${keys})`,
    })
    .from(organizations)
    .where(eq(organizations.id, p('organizationId')))
    .prepare(name);
}

const listStatementsOf = oncePer((_db: Database) => new Map<string, ReturnType<typeof prepareList>>());

function listStatement(db: Database, shape: ListShape) {
  const statements = listStatementsOf(db);
  const key = `${shape.status}:${shape.search}:${shape.owner}:${shape.after}`;
  let statement = statements.get(key);
  if (!statement) {
    statement = prepareList(db, shape);
    statements.set(key, statement);
  }
  return statement;
}

/** Newest first, filtered by status and by a case-insensitive search on the name. */
export async function listApiKeys(
  tenant: Tenant,
  args: { first?: number | null; after?: string | null; filter?: ApiKeyFilter | null },
): Promise<Page<ApiKeyView>> {
  const first = pageSize(args.first);
  const after = decodeTimeCursor(args.after, (id) => KEY_ID_FORMAT.test(id));
  const search = args.filter?.search == null ? null : valid.nameSearch('search', args.filter.search);
  const status = args.filter?.status ?? null;
  const owner = args.filter?.owner == null ? null : ownerOf(args.filter.owner);

  const statement = listStatement(tenant.db, { status, search: Boolean(search), owner: Boolean(owner), after: Boolean(after) });
  // Times as the text drizzle sends for a Date (a placeholder's value skips the column's mapping).
  const [row] = await statement.execute({
    organizationId: tenant.organizationId,
    now: new Date().toISOString(),
    pattern: search ? `%${likeLiteral(search)}%` : null,
    afterCreatedAt: after?.createdAt.toISOString() ?? null,
    afterId: after?.id ?? null,
    owner,
    limit: first + 1,
  });
  const keys = row ? (JSON.parse(row.page) as unknown[][]).map(viewFromJson) : [];
  return toPage(keys, first, row?.total ?? 0);
}
