import { and, asc, eq, inArray } from 'drizzle-orm';
import { apiKeys, auditEvents } from '../src/db/schema';
import { serverUrl } from './database';
import { codes, startTestApp, type Session, type TestApp } from './harness';
import { AuditEvents, CreateApiKey, RevokeApiKey, RotateApiKey, UpdateApiKey, VerifyApiKey } from './operations';

/**
 * Changes to a key are checked against the row they change, under its lock (issue 8, items
 * 2 and 3). On PostgreSQL the races below run truly concurrently; on the embedded PGlite
 * every transaction runs alone, so they pass trivially there but still run.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SCOPE_RESOURCES: 'messages' });
});
afterAll(() => t.close());

type Access = 'FULL' | 'RESTRICTED' | 'READ_ONLY';
async function createKey(by: { token: string }, access: Access, extra: { scopes?: string[]; expiresAt?: string | null } = {}) {
  const { createApiKey } = await t.ok(
    CreateApiKey,
    { input: { name: `${access} key`, access, scopes: extra.scopes, expiresAt: extra.expiresAt } },
    { token: by.token },
  );
  return { id: createApiKey.apiKey.id, token: createApiKey.secret };
}

const keyRow = async (id: string) => (await t.services.database.db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;
const auditOf = (id: string) =>
  t.services.database.db
    .select({ id: auditEvents.id, action: auditEvents.action, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(eq(auditEvents.targetId, id))
    .orderBy(asc(auditEvents.id));
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

const TRIALS = serverUrl ? 25 : 5;

describe('concurrent changes to one key (PostgreSQL)', () => {
  let owner: Session;
  let keyAdmin: { id: string; token: string };
  beforeAll(async () => {
    owner = await t.signUpOrganization('Racers');
    keyAdmin = await createKey(owner, 'RESTRICTED', { scopes: ['api_keys:read', 'api_keys:write'] });
  });

  it("a narrower key never undoes an owner's narrowing", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const target = await createKey(owner, 'FULL');
      // The restricted key re-asserts FULL: harmless while the key is FULL, an escalation once
      // the owner has narrowed it.
      const [reassert, narrow] = await Promise.all([
        t.execute(UpdateApiKey, { id: target.id, input: { access: 'FULL' } }, { token: keyAdmin.token }),
        t.execute(UpdateApiKey, { id: target.id, input: { access: 'RESTRICTED', scopes: ['messages:read'] } }, { token: owner.token }),
      ]);
      expect(codes(narrow)).toEqual([]);
      expect([[], ['FORBIDDEN']]).toContainEqual(codes(reassert));
      const row = await keyRow(target.id);
      expect([trial, row.access, row.scopes]).toEqual([trial, 'RESTRICTED', ['messages:read']]);
    }
  });

  it('a key never rotates a key that was widened beyond it meanwhile', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const target = await createKey(owner, 'RESTRICTED', { scopes: ['api_keys:read'] });
      const [rotate, widen] = await Promise.all([
        t.execute(RotateApiKey, { id: target.id }, { token: keyAdmin.token }),
        t.execute(UpdateApiKey, { id: target.id, input: { access: 'FULL' } }, { token: owner.token }),
      ]);
      expect(codes(widen)).toEqual([]);
      const events = (await auditOf(target.id)).map((e) => e.action);
      if (codes(rotate).length === 0) {
        // Allowed only if it happened while the key was still within the rotator's scopes.
        expect([trial, events]).toEqual([trial, ['api_key.created', 'api_key.rotated', 'api_key.updated']]);
      } else {
        expect([trial, codes(rotate), events]).toEqual([trial, ['FORBIDDEN'], ['api_key.created', 'api_key.updated']]);
      }
    }
  });

  it('a revocation always wins over a concurrent rotation or change', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const target = await createKey(owner, 'FULL');
      const [rotate, , rename] = await Promise.all([
        t.execute(RotateApiKey, { id: target.id, gracePeriodSeconds: 3600 }, { token: owner.token }),
        t.execute(RevokeApiKey, { id: target.id }, { token: owner.token }),
        t.execute(UpdateApiKey, { id: target.id, input: { name: 'renamed' } }, { token: owner.token }),
      ]);
      const secrets = [target.token, ...(rotate.data ? [rotate.data.rotateApiKey.secret] : [])];
      for (const key of secrets) {
        const { verifyApiKey } = await t.ok(VerifyApiKey, { key });
        // The current secret reads REVOKED; a rotation's previous one is gone (NOT_FOUND).
        expect([trial, key === secrets.at(-1) ? verifyApiKey.code : 'REVOKED']).toEqual([trial, 'REVOKED']);
        expect(verifyApiKey.valid).toBe(false);
      }
      // A change that lost the race to the revocation is refused, not written to a dead key.
      const row = await keyRow(target.id);
      expect(row.name === 'renamed').toBe(codes(rename).length === 0);
      const events = (await auditOf(target.id)).map((e) => e.action);
      expect(events.at(-1)).toBe('api_key.revoked');
      expect(events.filter((e) => e === 'api_key.revoked')).toHaveLength(1);
    }
  });
});

describe('lifetime is a permission', () => {
  let owner: Session;
  beforeAll(async () => {
    owner = await t.signUpOrganization('Lifetimes');
  });

  it('a key that expires creates no key that outlives it, nor one that never expires', async () => {
    const mortal = await createKey(owner, 'FULL', { expiresAt: inHours(2) });
    const create = (expiresAt?: string) =>
      t.execute(CreateApiKey, { input: { name: 'child', access: 'READ_ONLY', expiresAt } }, { token: mortal.token });
    expect(codes(await create())).toEqual(['FORBIDDEN']);
    expect(codes(await create(inHours(3)))).toEqual(['FORBIDDEN']);
    expect(codes(await create(inHours(1)))).toEqual([]);
    const children = await t.services.database.db
      .select({ expiresAt: apiKeys.expiresAt })
      .from(apiKeys)
      .where(eq(apiKeys.createdBy, `api_key:${mortal.id}`));
    expect(children).toHaveLength(1);
  });

  it('a key that expires cannot lift or postpone its own expiry or a wider key’s, but may shorten them', async () => {
    const ends = inHours(2);
    const mortal = await createKey(owner, 'FULL', { expiresAt: ends });
    const other = await createKey(owner, 'FULL', { expiresAt: inHours(1) });
    const update = (id: string, expiresAt: string | null) => t.execute(UpdateApiKey, { id, input: { expiresAt } }, { token: mortal.token });

    expect(codes(await update(mortal.id, null))).toEqual(['FORBIDDEN']);
    expect(codes(await update(mortal.id, inHours(5)))).toEqual(['FORBIDDEN']);
    expect(codes(await update(other.id, null))).toEqual(['FORBIDDEN']);
    expect(codes(await update(other.id, inHours(3)))).toEqual(['FORBIDDEN']);
    expect((await keyRow(mortal.id)).expiresAt!.toISOString()).toBe(ends);

    expect(codes(await update(other.id, inHours(1.5)))).toEqual([]);
    const sooner = inHours(1);
    expect(codes(await update(mortal.id, sooner))).toEqual([]);
    expect((await keyRow(mortal.id)).expiresAt!.toISOString()).toBe(sooner);
  });

  it('no key revives an expired key; its owner can', async () => {
    const keyAdmin = await createKey(owner, 'FULL');
    const expired = await createKey(owner, 'FULL', { expiresAt: inHours(1) });
    await t.services.database.db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, expired.id));

    const revive = await t.execute(UpdateApiKey, { id: expired.id, input: { expiresAt: null } }, { token: keyAdmin.token });
    expect(codes(revive)).toEqual(['FORBIDDEN']);
    const postpone = await t.execute(UpdateApiKey, { id: expired.id, input: { expiresAt: inHours(1) } }, { token: keyAdmin.token });
    expect(codes(postpone)).toEqual(['FORBIDDEN']);
    expect((await t.ok(VerifyApiKey, { key: expired.token })).verifyApiKey.code).toBe('EXPIRED');

    await t.ok(UpdateApiKey, { id: expired.id, input: { expiresAt: inHours(1) } }, { token: owner.token });
    expect((await t.ok(VerifyApiKey, { key: expired.token })).verifyApiKey.code).toBe('VALID');
  });

  it('a key without an expiry may give any future expiry, or none', async () => {
    const immortal = await createKey(owner, 'FULL');
    const target = await createKey(owner, 'READ_ONLY', { expiresAt: inHours(1) });
    expect(codes(await t.execute(UpdateApiKey, { id: target.id, input: { expiresAt: inHours(48) } }, { token: immortal.token }))).toEqual([]);
    expect(codes(await t.execute(UpdateApiKey, { id: target.id, input: { expiresAt: null } }, { token: immortal.token }))).toEqual([]);
    expect((await keyRow(target.id)).expiresAt).toBeNull();
  });
});

describe('updates that cannot or need not happen', () => {
  let owner: Session;
  beforeAll(async () => {
    owner = await t.signUpOrganization('Idle Updates');
  });

  it('a revoked key cannot be changed: BAD_USER_INPUT on id, nothing written', async () => {
    const key = await createKey(owner, 'FULL');
    await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token });
    const result = await t.execute(UpdateApiKey, { id: key.id, input: { name: 'zombie', expiresAt: inHours(1) } }, { token: owner.token });
    expect(result.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id' })]);
    const row = await keyRow(key.id);
    expect([row.name, row.expiresAt]).toEqual(['FULL key', null]);
    expect((await auditOf(key.id)).map((e) => e.action)).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('an update that changes nothing writes no audit event', async () => {
    const expiresAt = inHours(3);
    const key = await createKey(owner, 'RESTRICTED', { scopes: ['messages:read'], expiresAt });
    const same = {
      name: ' RESTRICTED key ',
      access: 'RESTRICTED' as const,
      scopes: ['messages:read', 'messages:read'],
      expiresAt: new Date(expiresAt).toISOString().replace('Z', '+00:00'),
    };
    const { updateApiKey } = await t.ok(UpdateApiKey, { id: key.id, input: same }, { token: owner.token });
    expect(updateApiKey.apiKey).toMatchObject({ name: 'RESTRICTED key', access: 'RESTRICTED', scopes: ['messages:read'], expiresAt });
    await t.ok(UpdateApiKey, { id: key.id, input: {} }, { token: owner.token });
    expect((await auditOf(key.id)).map((e) => e.action)).toEqual(['api_key.created']);

    await t.ok(UpdateApiKey, { id: key.id, input: { ...same, name: 'Renamed' } }, { token: owner.token });
    expect((await auditOf(key.id)).map((e) => e.action)).toEqual(['api_key.created', 'api_key.updated']);
  });

  it('every change of a key is in the audit log of its organization, once', async () => {
    const key = await createKey(owner, 'FULL');
    await t.ok(UpdateApiKey, { id: key.id, input: { description: 'one' } }, { token: owner.token });
    await t.ok(UpdateApiKey, { id: key.id, input: { description: 'one' } }, { token: owner.token });
    await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token });
    await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token });
    const { auditEvents: log } = await t.ok(AuditEvents, { first: 3 }, { token: owner.token });
    expect(log.edges.map((e) => [e.node.action, e.node.targetId])).toEqual([
      ['api_key.revoked', key.id],
      ['api_key.updated', key.id],
      ['api_key.created', key.id],
    ]);
    const rows = await t.services.database.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, key.id), inArray(auditEvents.action, ['api_key.updated', 'api_key.revoked'])));
    expect(rows).toHaveLength(2);
  });
});
