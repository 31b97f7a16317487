import { createHash } from 'node:crypto';
import { forgeKey } from '../src/scripts/bench/forge';
import { count, eq, sql } from 'drizzle-orm';
import { apiKeys, auditEvents, organizations } from '../src/db/schema';
import type { Queryable } from '../src/db/open';
import { newKey, newKeyId } from '../src/keys/format';
import { KeyVerifier } from '../src/keys/verify';
import { codes, startTestApp, type Session, type TestApp } from './harness';
import {
  AddMember,
  ApiKeyById,
  ApiKeys,
  AuditEvents,
  CreateApiKey,
  KeyViewer,
  Members,
  RevokeApiKey,
  RotateApiKey,
  ScopeCatalog,
  UpdateApiKey,
  VerifyApiKey,
} from './operations';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SCOPE_RESOURCES: 'messages,contacts' });
});
afterAll(() => t.close());

/** Every key row in the database, read past every cache. */
const keyRows = async () => (await t.services.database.db.select({ n: count() }).from(apiKeys))[0]!.n;

type Access = 'FULL' | 'RESTRICTED' | 'READ_ONLY';
async function createKey(by: { token: string }, access: Access, extra: { scopes?: string[]; name?: string; expiresAt?: string } = {}) {
  const { createApiKey } = await t.ok(
    CreateApiKey,
    { input: { name: extra.name ?? `${access} key`, description: 'for tests', access, scopes: extra.scopes, expiresAt: extra.expiresAt } },
    { token: by.token },
  );
  return { id: createApiKey.apiKey.id, token: createApiKey.secret, apiKey: createApiKey.apiKey };
}

const verify = async (key: string, requiredScopes?: string[]) => (await t.ok(VerifyApiKey, { key, requiredScopes })).verifyApiKey;
const keyRow = async (id: string) => (await t.services.database.db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;

describe('creating a key', () => {
  let owner: Session;
  beforeAll(async () => {
    owner = await t.signUpOrganization('Creators');
  });

  it('returns the full key once, with what the list shows', async () => {
    const { token, apiKey } = await createKey(owner, 'RESTRICTED', { scopes: ['messages:write', 'api_keys:read'], name: 'Billing sync' });
    expect(token).toMatch(/^kw_[0-9A-Za-z]{16}_[0-9A-Za-z]{49}$/);
    expect(token.startsWith(`kw_${apiKey.id}_`)).toBe(true);
    expect(apiKey).toMatchObject({
      name: 'Billing sync',
      description: 'for tests',
      access: 'RESTRICTED',
      scopes: ['api_keys:read', 'messages:write'],
      lastFour: token.slice(-4),
      status: 'ACTIVE',
      createdBy: owner.email,
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
      rotatedAt: null,
    });
    expect(Date.now() - Date.parse(apiKey.createdAt)).toBeLessThan(60_000);
  });

  it('expands FULL and READ_ONLY from the catalog; FULL never holds members:write', async () => {
    const full = await createKey(owner, 'FULL');
    const readOnly = await createKey(owner, 'READ_ONLY');
    expect(full.apiKey.scopes).toEqual([
      'api_keys:read', 'api_keys:write', 'members:read', 'audit_log:read', 'audit_log:write',
      'organization:read', 'organization:write', 'messages:read', 'messages:write', 'contacts:read', 'contacts:write',
    ]);
    expect(readOnly.apiKey.scopes).toEqual(['api_keys:read', 'members:read', 'audit_log:read', 'organization:read', 'messages:read', 'contacts:read']);
  });

  it('scopeCatalog lists every scope a key may be given here: built-in and SCOPE_RESOURCES, never members:write', async () => {
    const { scopeCatalog } = await t.ok(ScopeCatalog, {}, { token: owner.token });
    expect(scopeCatalog).toEqual((await createKey(owner, 'FULL')).apiKey.scopes);
    expect(scopeCatalog).toEqual(expect.arrayContaining(['messages:write', 'contacts:read']));
    expect(scopeCatalog).not.toContain('members:write');
  });

  it('stores the SHA-256 digest of the full key and the last four, never the secret or the full key', async () => {
    const { id, token } = await createKey(owner, 'FULL');
    const row = await keyRow(id);
    expect([row.secretHash, row.secretHashKind]).toEqual([createHash('sha256').update(token).digest('hex'), 'SHA256']);
    expect(row.lastFour).toBe(token.slice(-4));
    const secret = token.slice(`kw_${id}_`.length, -6);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('never shows the secret again: not in a response, the audit log, the database rows or the server log', async () => {
    const { id, token } = await createKey(owner, 'FULL', { name: 'Never again' });
    const secret = token.slice(`kw_${id}_`.length, -6);
    // Use the key, read it every way there is, rotate and revoke it.
    const responses = [
      await t.execute(KeyViewer, {}, { token }),
      await t.execute(ApiKeys, { first: 100 }, { token: owner.token }),
      await t.execute(ApiKeyById, { id }, { token: owner.token }),
      await t.execute(VerifyApiKey, { key: token }),
      await t.execute(AuditEvents, { first: 100 }, { token: owner.token }),
      await t.execute(UpdateApiKey, { id, input: { name: 'Renamed' } }, { token: owner.token }),
      await t.execute(RotateApiKey, { id, gracePeriodSeconds: 60 }, { token: owner.token }),
      await t.execute(RevokeApiKey, { id }, { token: owner.token }),
      await t.execute(KeyViewer, {}, { token }),
    ];
    for (const response of responses) {
      expect(JSON.stringify(response)).not.toContain(secret);
    }
    const audit = await t.services.database.db.select().from(auditEvents);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(await keyRow(id))).not.toContain(secret);
    expect(t.logs.join('\n')).not.toContain(secret);
    expect(t.logs.length).toBeGreaterThan(0);
  });

  it.each([
    ['an empty name', { name: '  ' }, 'name'],
    ['a name over 100 characters', { name: 'n'.repeat(101) }, 'name'],
    ['a description over 500 characters', { description: 'd'.repeat(501) }, 'description'],
    ['RESTRICTED without scopes', { access: 'RESTRICTED', scopes: [] }, 'scopes'],
    ['RESTRICTED with no scopes argument', { access: 'RESTRICTED', scopes: undefined }, 'scopes'],
    ['an unknown resource', { access: 'RESTRICTED', scopes: ['invoices:read'] }, 'scopes'],
    ['an unknown action', { access: 'RESTRICTED', scopes: ['messages:delete'] }, 'scopes'],
    ['a malformed scope', { access: 'RESTRICTED', scopes: ['messages'] }, 'scopes'],
    ['members:write', { access: 'RESTRICTED', scopes: ['members:read', 'members:write'] }, 'scopes'],
    ['scopes with FULL access', { access: 'FULL', scopes: ['messages:read'] }, 'scopes'],
    ['an expiry in the past', { expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
    ['an expiry that is not a date', { expiresAt: 'next tuesday' }, 'expiresAt'],
    ['an unknown access level', { access: 'EVERYTHING' }, 'access'],
  ])('refuses %s with BAD_USER_INPUT on its field, writing nothing', async (_label, change, field) => {
    // Rows counted in the database itself, not through the list it checks.
    const before = [await keyRows(), (await t.ok(AuditEvents, {}, { token: owner.token })).auditEvents.totalCount];
    const input = { name: 'Valid', access: 'READ_ONLY', ...change };
    const result = await t.execute(CreateApiKey, { input: input as never }, { token: owner.token });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    const after = [await keyRows(), (await t.ok(AuditEvents, {}, { token: owner.token })).auditEvents.totalCount];
    expect(after).toEqual(before);
  });
});

describe('authenticating with a key', () => {
  let owner: Session;
  let full: Awaited<ReturnType<typeof createKey>>;
  beforeAll(async () => {
    owner = await t.signUpOrganization('Headers');
    full = await createKey(owner, 'FULL', { name: 'Headers key' });
  });

  it.each([
    ['Authorization: Bearer', (k: string) => ({ authorization: `Bearer ${k}` })],
    ['Authorization: ApiKey', (k: string) => ({ authorization: `ApiKey ${k}` })],
    ['X-API-Key', (k: string) => ({ 'x-api-key': k })],
  ])('accepts the key in %s', async (_label, headers) => {
    const { viewer } = await t.ok(KeyViewer, {}, { headers: headers(full.token) });
    expect(viewer).toMatchObject({ kind: 'API_KEY', organization: { name: 'Headers' }, member: null, apiKey: { id: full.id, name: 'Headers key', access: 'FULL' } });
    expect(viewer!.scopes).not.toContain('members:write');
  });

  it('answers UNAUTHENTICATED, as a whole, to a key that fails', async () => {
    const typo = full.token.slice(0, 10) + (full.token[10] === 'a' ? 'b' : 'a') + full.token.slice(11);
    const wrongSecret = newKey(full.id).fullKey;
    for (const bad of [typo, wrongSecret, 'kw_nonsense', newKey('AAAAAAAAAAAAAAAA').fullKey]) {
      const result = await t.execute(KeyViewer, {}, { headers: { 'x-api-key': bad } });
      expect(codes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.data ?? null).toBeNull();
    }
    const both = await t.execute(KeyViewer, {}, { headers: { 'x-api-key': full.token, authorization: `Bearer ${owner.token}` } });
    expect(codes(both)).toEqual(['UNAUTHENTICATED']);
  });

  it('records lastUsedAt off the request path', async () => {
    const key = await createKey(owner, 'READ_ONLY');
    await t.ok(KeyViewer, {}, { token: key.token });
    await t.services.usage.flush();
    const { apiKey } = await t.ok(ApiKeyById, { id: key.id }, { token: owner.token });
    expect(Date.now() - Date.parse(apiKey!.lastUsedAt!)).toBeLessThan(60_000);
  });
});

describe('permissions of a key', () => {
  let owner: Session;
  beforeAll(async () => {
    owner = await t.signUpOrganization('Perms');
  });

  it('a READ_ONLY key reads but cannot write', async () => {
    const key = await createKey(owner, 'READ_ONLY');
    expect((await t.ok(ApiKeys, {}, { token: key.token })).apiKeys.totalCount).toBe(1);
    expect((await t.ok(Members, {}, { token: key.token })).members.totalCount).toBe(1);
    expect(codes(await t.execute(CreateApiKey, { input: { name: 'x', access: 'READ_ONLY' } }, { token: key.token }))).toEqual(['FORBIDDEN']);
  });

  it('no key ever manages members, whatever its access', async () => {
    const key = await createKey(owner, 'FULL');
    const result = await t.execute(AddMember, { input: { email: 'k@perms.test', name: 'K', role: 'VIEWER', password: 'twelve chars long' } }, { token: key.token });
    expect(codes(result)).toEqual(['FORBIDDEN']);
  });

  it('a key creates, widens and rotates keys only within its own scopes', async () => {
    const limited = await createKey(owner, 'RESTRICTED', { scopes: ['api_keys:read', 'api_keys:write', 'messages:read'] });
    const child = await t.execute(CreateApiKey, { input: { name: 'child', access: 'RESTRICTED', scopes: ['messages:read'] } }, { token: limited.token });
    expect(codes(child)).toEqual([]);
    expect(child.data!.createApiKey.apiKey.createdBy).toBe(`api_key:${limited.id}`);

    expect(codes(await t.execute(CreateApiKey, { input: { name: 'wider', access: 'FULL' } }, { token: limited.token }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.execute(CreateApiKey, { input: { name: 'wider', access: 'RESTRICTED', scopes: ['messages:write'] } }, { token: limited.token }))).toEqual(['FORBIDDEN']);

    const childId = child.data!.createApiKey.apiKey.id;
    const widen = await t.execute(UpdateApiKey, { id: childId, input: { scopes: ['messages:read', 'contacts:read'] } }, { token: limited.token });
    expect(codes(widen)).toEqual(['FORBIDDEN']);
    expect((await keyRow(childId)).scopes).toEqual(['messages:read']);

    const broad = await createKey(owner, 'FULL');
    expect(codes(await t.execute(RotateApiKey, { id: broad.id }, { token: limited.token }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.execute(RotateApiKey, { id: childId }, { token: limited.token }))).toEqual([]);
  });

  it('a narrower key neither lengthens nor widens a broader key, but may rename, narrow, shorten and revoke it', async () => {
    // Holds api_keys:write and lives for ever, yet lacks most of what a FULL key holds.
    const narrower = await createKey(owner, 'RESTRICTED', { scopes: ['api_keys:read', 'api_keys:write', 'messages:read'] });
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const full = await createKey(owner, 'FULL', { expiresAt: inAWeek });
    const as = { token: narrower.token };

    expect(codes(await t.execute(UpdateApiKey, { id: full.id, input: { expiresAt: inAYear } }, as))).toEqual(['FORBIDDEN']);
    expect(codes(await t.execute(UpdateApiKey, { id: full.id, input: { expiresAt: null } }, as))).toEqual(['FORBIDDEN']);
    expect((await keyRow(full.id)).expiresAt!.toISOString()).toBe(inAWeek);

    // A RESTRICTED key holding a scope the narrower one lacks: adding a scope the narrower
    // one does hold would still grow a key broader than itself.
    const other = await createKey(owner, 'RESTRICTED', { scopes: ['contacts:write'] });
    const grown = await t.execute(UpdateApiKey, { id: other.id, input: { scopes: ['contacts:write', 'messages:read'] } }, as);
    expect(codes(grown)).toEqual(['FORBIDDEN']);
    expect((await keyRow(other.id)).scopes).toEqual(['contacts:write']);

    // What only lessens the key stays open to it.
    const sooner = new Date(Date.now() + 86_400_000).toISOString();
    const renamed = await t.ok(UpdateApiKey, { id: full.id, input: { name: 'renamed', description: 'by a narrower key', expiresAt: sooner } }, as);
    expect(renamed.updateApiKey.apiKey).toMatchObject({ name: 'renamed', description: 'by a narrower key', expiresAt: sooner, access: 'FULL' });
    const narrowed = await t.ok(UpdateApiKey, { id: full.id, input: { access: 'RESTRICTED', scopes: ['messages:read'] } }, as);
    expect(narrowed.updateApiKey.apiKey).toMatchObject({ access: 'RESTRICTED', scopes: ['messages:read'] });
    expect((await t.ok(RevokeApiKey, { id: other.id }, as)).revokeApiKey.apiKey.status).toBe('REVOKED');

    // Once it holds all the key has, it may lengthen it (within its own unlimited life).
    expect((await t.ok(UpdateApiKey, { id: full.id, input: { expiresAt: inAYear } }, as)).updateApiKey.apiKey.expiresAt).toBe(inAYear);
  });

  it("a change of access applies on the key's very next request", async () => {
    const key = await createKey(owner, 'FULL');
    expect(codes(await t.execute(CreateApiKey, { input: { name: 'ok', access: 'READ_ONLY' } }, { token: key.token }))).toEqual([]);
    const { updateApiKey } = await t.ok(UpdateApiKey, { id: key.id, input: { access: 'READ_ONLY' } }, { token: owner.token });
    expect(updateApiKey.apiKey.access).toBe('READ_ONLY');
    expect(codes(await t.execute(CreateApiKey, { input: { name: 'no', access: 'READ_ONLY' } }, { token: key.token }))).toEqual(['FORBIDDEN']);
  });
});

describe('revoking, expiring and rotating', () => {
  let owner: Session;
  beforeAll(async () => {
    owner = await t.signUpOrganization('Lifecycle');
  });

  it('a revoked key stops at once, and only its holder learns it is revoked', async () => {
    const key = await createKey(owner, 'FULL');
    const { revokeApiKey } = await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token });
    expect(revokeApiKey.apiKey.status).toBe('REVOKED');
    expect(revokeApiKey.apiKey.revokedAt).not.toBeNull();
    expect(codes(await t.execute(KeyViewer, {}, { token: key.token }))).toEqual(['UNAUTHENTICATED']);
    expect(await verify(key.token)).toEqual({ valid: false, code: 'REVOKED', scopes: [], apiKey: null, organization: null });
    expect((await verify(newKey(key.id).fullKey)).code).toBe('NOT_FOUND');
    // Nor one with a wrong secret forged to keep the key's checksum: the digest comes before the status.
    expect((await verify(forgeKey(key.id, key.token.slice(-6)))).code).toBe('NOT_FOUND');
    // Revoking again changes nothing and records nothing.
    const events = (await t.ok(AuditEvents, { first: 100 }, { token: owner.token })).auditEvents.totalCount;
    expect((await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token })).revokeApiKey.apiKey.revokedAt).toBe(revokeApiKey.apiKey.revokedAt);
    expect((await t.ok(AuditEvents, { first: 100 }, { token: owner.token })).auditEvents.totalCount).toBe(events);
    expect(codes(await t.execute(RotateApiKey, { id: key.id }, { token: owner.token }))).toEqual(['BAD_USER_INPUT']);
  });

  it('an expired key stops, and reads EXPIRED, even when it was verified (and cached) before', async () => {
    const soon = new Date(Date.now() + 1_500).toISOString();
    const key = await createKey(owner, 'READ_ONLY', { expiresAt: soon });
    expect(key.apiKey.expiresAt).toBe(soon);
    expect((await verify(key.token)).code).toBe('VALID');
    expect((await t.ok(KeyViewer, {}, { token: key.token })).viewer!.apiKey!.id).toBe(key.id);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(soon) - Date.now() + 50));
    expect((await verify(key.token)).code).toBe('EXPIRED');
    expect((await verify(forgeKey(key.id, key.token.slice(-6)))).code).toBe('NOT_FOUND');
    expect(codes(await t.execute(KeyViewer, {}, { token: key.token }))).toEqual(['UNAUTHENTICATED']);
    expect((await t.ok(ApiKeyById, { id: key.id }, { token: owner.token })).apiKey!.status).toBe('EXPIRED');
  });

  it('rotation keeps the ID, access, scopes and expiry, and ends the old secret at once by default', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const key = await createKey(owner, 'RESTRICTED', { scopes: ['messages:read'], expiresAt });
    const { rotateApiKey } = await t.ok(RotateApiKey, { id: key.id }, { token: owner.token });
    expect(rotateApiKey.secret).not.toBe(key.token);
    expect(rotateApiKey.secret.startsWith(`kw_${key.id}_`)).toBe(true);
    expect(rotateApiKey.apiKey).toMatchObject({ id: key.id, access: 'RESTRICTED', scopes: ['messages:read'], expiresAt, status: 'ACTIVE', lastFour: rotateApiKey.secret.slice(-4) });
    expect(rotateApiKey.apiKey.rotatedAt).not.toBeNull();
    expect((await verify(rotateApiKey.secret)).code).toBe('VALID');
    expect((await verify(key.token)).code).toBe('NOT_FOUND');
  });

  it('honours the previous secret for the grace period, never longer, though it was cached', async () => {
    const key = await createKey(owner, 'FULL');
    const { rotateApiKey } = await t.ok(RotateApiKey, { id: key.id, gracePeriodSeconds: 1 }, { token: owner.token });
    const graceEnds = Date.now() + 1_000;
    expect((await verify(key.token)).code).toBe('VALID');
    expect((await t.ok(KeyViewer, {}, { token: key.token })).viewer!.apiKey!.id).toBe(key.id);
    expect((await verify(rotateApiKey.secret)).code).toBe('VALID');

    await new Promise((resolve) => setTimeout(resolve, graceEnds - Date.now() + 100));
    expect((await verify(key.token)).code).toBe('NOT_FOUND');
    expect(codes(await t.execute(KeyViewer, {}, { token: key.token }))).toEqual(['UNAUTHENTICATED']);
    expect((await verify(rotateApiKey.secret)).code).toBe('VALID');
  });

  it('revoking ends the grace period too', async () => {
    const key = await createKey(owner, 'FULL');
    const { rotateApiKey } = await t.ok(RotateApiKey, { id: key.id, gracePeriodSeconds: 3600 }, { token: owner.token });
    await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token });
    expect((await verify(key.token)).code).toBe('NOT_FOUND');
    expect((await verify(rotateApiKey.secret)).code).toBe('REVOKED');
  });

  it.each([[-1], [604_801]])('refuses a grace period of %i seconds', async (grace) => {
    const key = await createKey(owner, 'FULL');
    const result = await t.execute(RotateApiKey, { id: key.id, gracePeriodSeconds: grace }, { token: owner.token });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gracePeriodSeconds' });
    expect((await verify(key.token)).code).toBe('VALID');
    expect((await keyRow(key.id)).rotatedAt).toBeNull();
  });

  it('audits each change with actor and target', async () => {
    const org = await t.signUpOrganization('Audit Keys');
    const key = await createKey(org, 'FULL');
    await t.ok(UpdateApiKey, { id: key.id, input: { description: 'changed' } }, { token: org.token });
    await t.ok(RotateApiKey, { id: key.id }, { token: org.token });
    await t.ok(RevokeApiKey, { id: key.id }, { token: org.token, ip: '198.51.100.77' });
    const { auditEvents } = await t.ok(AuditEvents, { first: 4 }, { token: org.token });
    expect(auditEvents.edges.map((e) => [e.node.action, e.node.actorKind, e.node.actorId, e.node.targetId])).toEqual([
      ['api_key.revoked', 'MEMBER', org.memberId, key.id],
      ['api_key.rotated', 'MEMBER', org.memberId, key.id],
      ['api_key.updated', 'MEMBER', org.memberId, key.id],
      ['api_key.created', 'MEMBER', org.memberId, key.id],
    ]);
    expect(auditEvents.edges[0]!.node.ip).toBe('198.51.100.77');
  });
});

describe('updating a key', () => {
  let owner: Session;
  beforeAll(async () => {
    owner = await t.signUpOrganization('Updaters');
  });

  it('changes name, description, scopes and expiry; null removes the expiry', async () => {
    const key = await createKey(owner, 'RESTRICTED', { scopes: ['messages:read'], expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    const { updateApiKey } = await t.ok(
      UpdateApiKey,
      { id: key.id, input: { name: 'Renamed', description: 'New words', scopes: ['messages:read', 'contacts:write'], expiresAt: null } },
      { token: owner.token },
    );
    expect(updateApiKey.apiKey).toEqual({
      id: key.id,
      name: 'Renamed',
      description: 'New words',
      access: 'RESTRICTED',
      scopes: ['messages:read', 'contacts:write'],
      status: 'ACTIVE',
      expiresAt: null,
    });
    expect((await verify(key.token, ['contacts:write'])).code).toBe('VALID');
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a description over 500 characters', { description: 'x'.repeat(501) }, 'description'],
    ['RESTRICTED without scopes', { access: 'RESTRICTED' }, 'scopes'],
    ['members:write', { access: 'RESTRICTED', scopes: ['members:write'] }, 'scopes'],
    ['an expiry in the past', { expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
  ])('refuses %s, changing nothing', async (_label, input, field) => {
    const key = await createKey(owner, 'FULL', { name: 'Untouched' });
    const result = await t.execute(UpdateApiKey, { id: key.id, input: input as never }, { token: owner.token });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const row = await keyRow(key.id);
    expect([row.name, row.access, row.scopes, row.expiresAt]).toEqual(['Untouched', 'FULL', [], null]);
  });

  it('answers NOT_FOUND for a key that does not exist', async () => {
    expect(codes(await t.execute(UpdateApiKey, { id: 'AAAAAAAAAAAAAAAA', input: { name: 'x' } }, { token: owner.token }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.execute(RevokeApiKey, { id: 'not even an id' }, { token: owner.token }))).toEqual(['NOT_FOUND']);
    expect((await t.ok(ApiKeyById, { id: 'AAAAAAAAAAAAAAAA' }, { token: owner.token })).apiKey).toBeNull();
  });
});

describe('listing keys', () => {
  let owner: Session;
  const ids: string[] = [];
  beforeAll(async () => {
    owner = await t.signUpOrganization('Listers');
    for (const name of ['Alpha 100%', 'beta', 'Gamma', 'alphabet', 'Delta']) {
      ids.push((await createKey(owner, 'READ_ONLY', { name })).id);
      await new Promise((r) => setTimeout(r, 3)); // distinct creation times
    }
    await t.ok(RevokeApiKey, { id: ids[1]! }, { token: owner.token });
    await t.services.database.db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, ids[2]!));
  });

  it('lists newest first, page by page', async () => {
    const seen: string[] = [];
    let after: string | null | undefined = null;
    let pages = 0;
    do {
      const { apiKeys: page }: { apiKeys: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } } =
        await t.ok(ApiKeys, { first: 2, after }, { token: owner.token });
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it.each([
    [{ status: 'ACTIVE' }, [4, 3, 0]],
    [{ status: 'REVOKED' }, [1]],
    [{ status: 'EXPIRED' }, [2]],
    [{ search: 'ALPHA' }, [3, 0]],
    [{ search: '100%' }, [0]],
    [{ search: '%' }, [0]],
    [{ search: 'alpha', status: 'ACTIVE' }, [3, 0]],
    [{ search: 'nothing like it' }, []],
  ])('filters by %j', async (filter, expected) => {
    const { apiKeys: page } = await t.ok(ApiKeys, { filter: filter as never }, { token: owner.token });
    expect(page.edges.map((e) => e.node.id)).toEqual(expected.map((i) => ids[i]));
    expect(page.totalCount).toBe(expected.length);
  });

  it('counts every key of the organization, however it was inserted or deleted, and none of another', async () => {
    // The unfiltered totalCount is the count the api_keys triggers keep, not a scan.
    const counted = await t.signUpOrganization('Counted');
    const other = await t.signUpOrganization('Counted Elsewhere');
    const total = async (s: Session) => (await t.ok(ApiKeys, { first: 1 }, { token: s.token })).apiKeys.totalCount;
    expect([await total(counted), await total(other)]).toEqual([0, 0]);
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createKey(counted, 'READ_ONLY', { name: `counted ${i}` }));
    await createKey(other, 'READ_ONLY', { name: 'elsewhere' });
    await t.ok(RevokeApiKey, { id: made[0]!.id }, { token: counted.token });
    expect([await total(counted), await total(other)]).toEqual([3, 1]);

    // Rows written straight into the table, several in one statement, count too; so do deletes.
    const { db } = t.services.database;
    const [template] = await db.select().from(apiKeys).where(eq(apiKeys.id, made[1]!.id));
    await db.insert(apiKeys).values([0, 1, 2, 3].map(() => ({ ...template!, id: newKeyId() })));
    expect(await total(counted)).toBe(7);
    await db.delete(apiKeys).where(eq(apiKeys.id, made[2]!.id));
    const listed = (await t.ok(ApiKeys, { first: 100 }, { token: counted.token })).apiKeys;
    expect([listed.totalCount, listed.edges.length, await total(other)]).toEqual([6, 6, 1]);
    // A filtered list is counted over its rows.
    expect((await t.ok(ApiKeys, { filter: { status: 'REVOKED' } }, { token: counted.token })).apiKeys.totalCount).toBe(1);
  });

  it('counts nothing once the table is truncated, in every organization (on a database of its own)', async () => {
    const own = await startTestApp();
    try {
      const [a, b] = [await own.signUpOrganization('Truncated A'), await own.signUpOrganization('Truncated B')];
      for (const s of [a, a, b]) await own.ok(CreateApiKey, { input: { name: 'to go', access: 'READ_ONLY' } }, { token: s.token });
      const total = async (s: Session) => (await own.ok(ApiKeys, { first: 1 }, { token: s.token })).apiKeys.totalCount;
      expect([await total(a), await total(b)]).toEqual([2, 1]);
      const { db } = own.services.database;
      await db.execute(sql`truncate api_keys`);
      expect([await total(a), await total(b)]).toEqual([0, 0]);
      const counts = await db.select({ n: organizations.apiKeyCount }).from(organizations);
      expect(counts.map((c) => c.n)).toEqual(counts.map(() => 0));
    } finally {
      await own.close();
    }
  });

  it('pages 20 at a time by default, and up to 100', async () => {
    const busy = await t.signUpOrganization('Many Keys');
    for (let i = 0; i < 21; i++) await createKey(busy, 'READ_ONLY', { name: `key ${i}` });
    const byDefault = (await t.ok(ApiKeys, {}, { token: busy.token })).apiKeys;
    expect([byDefault.edges.length, byDefault.totalCount, byDefault.pageInfo.hasNextPage]).toEqual([20, 21, true]);
    const all = (await t.ok(ApiKeys, { first: 100 }, { token: busy.token })).apiKeys;
    expect([all.edges.length, all.pageInfo.hasNextPage]).toEqual([21, false]);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ filter: { search: 's'.repeat(101) } }, 'search'],
    [{ filter: { status: 'DELETED' } }, 'status'],
  ])('refuses %j', async (args, field) => {
    const result = await t.execute(ApiKeys, args as never, { token: owner.token });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('verifyApiKey', () => {
  let owner: Session;
  beforeAll(async () => {
    owner = await t.signUpOrganization('Verifiers');
  });

  it('answers VALID with the organization and scopes, and checks required scopes', async () => {
    const key = await createKey(owner, 'RESTRICTED', { scopes: ['messages:read', 'messages:write'], name: 'Sender' });
    expect(await verify(key.token, ['messages:write'])).toEqual({
      valid: true,
      code: 'VALID',
      scopes: ['messages:read', 'messages:write'],
      apiKey: { id: key.id, name: 'Sender' },
      organization: { id: expect.any(String), name: 'Verifiers' },
    });
    expect(await verify(key.token, ['contacts:read'])).toMatchObject({ valid: false, code: 'INSUFFICIENT_SCOPE' });
    expect(await verify(key.token, ['no such:scope'])).toMatchObject({ valid: false, code: 'INSUFFICIENT_SCOPE' });
  });

  it('turns a malformed or mistyped key away without touching the database', async () => {
    const key = await createKey(owner, 'FULL');
    const noDatabase = new Proxy({} as Queryable, {
      get: () => {
        throw new Error('the database was touched');
      },
    });
    const typo = `${key.token.slice(0, 20)}${key.token[20] === 'Q' ? 'R' : 'Q'}${key.token.slice(21)}`;
    const { catalog, credentials, bcrypt } = t.services;
    const verifier = new KeyVerifier(noDatabase, catalog, credentials, bcrypt, t.services.leases);
    for (const presented of [typo, 'kw_short', '', key.token.toUpperCase()]) {
      expect((await verifier.verify(presented, [])).code).toBe('MALFORMED');
    }
  });

  it('tells MALFORMED from NOT_FOUND, and a wrong secret from nothing', async () => {
    const key = await createKey(owner, 'FULL');
    const typo = `${key.token.slice(0, -1)}${key.token.endsWith('x') ? 'y' : 'x'}`;
    expect(await verify(typo)).toEqual({ valid: false, code: 'MALFORMED', scopes: [], apiKey: null, organization: null });
    expect((await verify('hello')).code).toBe('MALFORMED');
    expect((await verify(newKey('ZZZZZZZZZZZZZZZZ').fullKey)).code).toBe('NOT_FOUND');
    expect(await verify(newKey(key.id).fullKey)).toEqual({ valid: false, code: 'NOT_FOUND', scopes: [], apiKey: null, organization: null });
  });

  it('compares the secret with bcrypt even when the checksum matches the stored one', async () => {
    const key = await createKey(owner, 'FULL');
    // A forged key with the real ID whose checksum the row is made to expect: only the
    // bcrypt compare of its (wrong) secret can turn it away.
    const forged = newKey(key.id);
    await t.services.database.db.update(apiKeys).set({ checksum: forged.checksum }).where(eq(apiKeys.id, key.id));
    expect((await verify(forged.fullKey)).code).toBe('NOT_FOUND');
    expect(codes(await t.execute(KeyViewer, {}, { token: forged.fullKey }))).toEqual(['UNAUTHENTICATED']);
  });

  it('never authenticates random key-shaped strings', async () => {
    const key = await createKey(owner, 'FULL');
    for (let i = 0; i < 25; i++) {
      // Well-formed, right checksum, real key ID, random secret.
      expect((await verify(newKey(key.id).fullKey)).valid).toBe(false);
    }
  });
});

describe('between organizations', () => {
  let a: Session;
  let b: Session;
  let aKey: Awaited<ReturnType<typeof createKey>>;
  let bKey: Awaited<ReturnType<typeof createKey>>;
  beforeAll(async () => {
    a = await t.signUpOrganization('Key Alpha');
    b = await t.signUpOrganization('Key Beta');
    aKey = await createKey(a, 'FULL', { name: 'Alpha key' });
    bKey = await createKey(b, 'FULL', { name: 'Beta key' });
  });

  it.each(['member', 'key'])("a %s of one organization sees none of the other's keys", async (kind) => {
    const token = kind === 'member' ? b.token : bKey.token;
    const { apiKeys: page } = await t.ok(ApiKeys, { first: 100 }, { token });
    expect(page.edges.map((e) => e.node.id)).not.toContain(aKey.id);
    expect((await t.ok(ApiKeyById, { id: aKey.id }, { token })).apiKey).toBeNull();
    expect((await t.ok(KeyViewer, {}, { token })).viewer!.organization!.name).toBe('Key Beta');
  });

  it.each([
    ['updateApiKey', (token: string) => t.execute(UpdateApiKey, { id: aKey.id, input: { name: 'Stolen' } }, { token })],
    ['rotateApiKey', (token: string) => t.execute(RotateApiKey, { id: aKey.id }, { token })],
    ['revokeApiKey', (token: string) => t.execute(RevokeApiKey, { id: aKey.id }, { token })],
  ])("%s on another organization's key is NOT_FOUND and changes nothing", async (_name, run) => {
    for (const token of [b.token, bKey.token]) expect(codes(await run(token))).toEqual(['NOT_FOUND']);
    expect(await verify(aKey.token)).toMatchObject({ code: 'VALID', apiKey: { name: 'Alpha key' } });
  });
});
