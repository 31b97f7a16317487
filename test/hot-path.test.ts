import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, inArray, sql } from 'drizzle-orm';
import { GRAPHQL_ENDPOINT, type App } from '../src/app';
import { wrongKeyAnswers } from '../src/http/wrongKeyAnswers';
import { forgeKey } from '../src/scripts/bench/forge';
import { createHttpServer } from '../src/http/server';
import { apiKeys, auditEvents, members } from '../src/db/schema';
import type { Services } from '../src/services';
import { serverUrl } from './database';
import { codes, startTestApp, TEST_PASSWORD, type Session, type TestApp } from './harness';
import { ChangePassword, CreateApiKey, KeyViewer, Login, RevokeApiKey, RotateApiKey, Scopes, UpdateMemberRole, Verdict } from './operations';
import { newKey } from '../src/keys/format';
import { KeyVerifier } from '../src/keys/verify';
import type { Queryable } from '../src/db/open';

/**
 * The hot path's promises (SPEC §7, issue 7): verified credentials come from memory, and
 * every change that narrows or ends one holds for each request that starts after it
 * returns — on the instance that made it at once, on another instance within 1 s.
 */

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await startTestApp();
  owner = await t.signUpOrganization('Hot Path');
});
afterAll(() => t.close());

async function createKey(app: TestApp = t) {
  const { createApiKey } = await app.ok(CreateApiKey, { input: { name: 'hot', access: 'FULL' } }, { token: owner.token });
  return { id: createApiKey.apiKey.id, token: createApiKey.secret };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(2);
  }
}

/**
 * A wrong secret for a real key ID with the key's own checksum, as an attacker makes one
 * (CRC32 is affine, see forge.ts): it passes the format check and meets the digest compare.
 */
async function forgeWrongSecret(keyId: string): Promise<string> {
  const [row] = await t.services.database.db.select({ checksum: apiKeys.checksum }).from(apiKeys).where(eq(apiKeys.id, keyId));
  return forgeKey(keyId, row!.checksum);
}

/** Occupies every bcrypt slot until released: password checks then wait in the queue. */
function holdBcrypt(services: Services): () => Promise<void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = Array.from({ length: services.bcrypt.concurrency }, () => services.bcrypt.run(() => gate));
  return async () => {
    release();
    await Promise.all(held);
  };
}

interface Outcome {
  started: number;
  passed: boolean;
}

/**
 * Sends requests from `workers` concurrent clients until stopped, while `change` runs in
 * the middle; returns every request's start time and outcome, and when the change returned.
 */
async function hammer(request: () => Promise<boolean>, change: () => Promise<void>, afterMs: number, workers = 8) {
  const outcomes: Outcome[] = [];
  let stop = false;
  const loops = Array.from({ length: workers }, async () => {
    while (!stop) {
      const started = performance.now();
      outcomes.push({ started, passed: await request() });
      // A request answered from the cache may never leave the microtask queue: let timers run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  await sleep(50);
  const changeStarted = performance.now();
  await change();
  const changed = performance.now();
  await sleep(afterMs);
  stop = true;
  await Promise.all(loops);
  return { outcomes, changeStarted, changed };
}

describe('verified-credential cache', () => {
  it('verifies a key with one row read and no bcrypt, then answers it from memory', async () => {
    const key = await createKey();
    const bcryptBefore = t.services.bcrypt.stats().completed;
    const { hits, fills } = t.services.credentials.stats();
    for (let i = 0; i < 5; i++) expect((await t.ok(KeyViewer, {}, { token: key.token })).viewer!.apiKey!.id).toBe(key.id);
    expect((await t.ok(Verdict, { key: key.token, requiredScopes: ['api_keys:read'] })).verifyApiKey.code).toBe('VALID');
    expect(t.services.bcrypt.stats().completed - bcryptBefore).toBe(0);
    expect([t.services.credentials.stats().fills - fills, t.services.credentials.stats().hits - hits]).toEqual([1, 5]);
  });

  it('shares one row read among concurrent first presentations of a key', async () => {
    const key = await createKey();
    const { fills } = t.services.credentials.stats();
    const answers = await Promise.all(Array.from({ length: 12 }, () => t.ok(Verdict, { key: key.token })));
    expect(answers.map((a) => a.verifyApiKey.code)).toEqual(Array(12).fill('VALID'));
    expect(t.services.credentials.stats().fills - fills).toBe(1);
  });

  it('reads the rows of keys first presented together in fewer queries than keys, and verifies each', async () => {
    const made = await Promise.all(Array.from({ length: 30 }, () => createKey()));
    const fresh = await t.another();
    const before = fresh.services.keys.rows.queries;
    const answers = await Promise.all(made.map((key) => fresh.ok(Verdict, { key: key.token })));
    expect(answers.map((a) => a.verifyApiKey.code)).toEqual(Array(30).fill('VALID'));
    const queries = fresh.services.keys.rows.queries - before;
    expect(queries).toBeGreaterThanOrEqual(1);
    expect(queries).toBeLessThan(30);
  });

  it('refuses a wrong secret with the right checksum from the cached row, and it never evicts the right one', async () => {
    const key = await createKey();
    expect((await t.ok(Verdict, { key: key.token })).verifyApiKey.code).toBe('VALID');
    const { fills, hits } = t.services.credentials.stats();
    for (let i = 0; i < 3; i++) expect((await t.ok(Verdict, { key: await forgeWrongSecret(key.id) })).verifyApiKey.code).toBe('NOT_FOUND');
    // Each wrong presentation was answered from the cached row: no read, no fill.
    expect([t.services.credentials.stats().fills - fills, t.services.credentials.stats().hits - hits]).toEqual([0, 3]);
    expect((await t.ok(Verdict, { key: key.token })).verifyApiKey.code).toBe('VALID');
  });

  it('answers from memory only the exact string that verified: any one-character change of a cached key is refused', async () => {
    const key = await createKey();
    expect((await t.ok(Verdict, { key: key.token })).verifyApiKey.code).toBe('VALID');
    const positions = [0, 3, 10, 19, 20, 40, key.token.length - 7, key.token.length - 1];
    for (const i of positions) {
      const c = key.token[i]!;
      const changed = key.token.slice(0, i) + (c === 'A' ? 'B' : 'A') + key.token.slice(i + 1);
      const { verifyApiKey } = await t.ok(Verdict, { key: changed });
      expect([i, verifyApiKey.valid, verifyApiKey.code]).toEqual([i, false, 'MALFORMED']);
    }
    for (const other of [key.token.slice(1), `${key.token}x`, key.token.toLowerCase()]) {
      expect((await t.ok(Verdict, { key: other })).verifyApiKey.valid).toBe(false);
    }
    expect((await t.ok(Verdict, { key: key.token })).verifyApiKey.code).toBe('VALID');
  });

  it('writes lastUsedAt of a key served from the cache, in a batch', async () => {
    const key = await createKey();
    await t.ok(KeyViewer, {}, { token: key.token });
    await t.services.usage.flush();
    const first = (await t.services.database.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]!.lastUsedAt!;
    await sleep(20);
    const hitAt = Date.now();
    await t.ok(KeyViewer, {}, { token: key.token });
    await t.services.usage.flush();
    const second = (await t.services.database.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]!.lastUsedAt!;
    expect(second.getTime()).toBeGreaterThan(first.getTime());
    expect(second.getTime()).toBeGreaterThanOrEqual(hitAt);
  });

  it('drops a fill that a revocation overtook while its row read was on its way', async () => {
    const key = await createKey();
    // A verifier on this instance's cache whose row read returns the row as it was when the
    // read began, but only once released: a read that a revocation overtakes.
    const { database, catalog, credentials, bcrypt } = t.services;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reading = false;
    const slowDb = {
      select: () => ({
        from: () => ({
          where: () => ({
            prepare: () => ({
              execute: async ({ ids }: { ids: string[] }) => {
                const rows = await database.db.select().from(apiKeys).where(inArray(apiKeys.id, ids));
                reading = true;
                await gate;
                return rows;
              },
            }),
          }),
        }),
      }),
    } as unknown as Queryable;
    const verifier = new KeyVerifier(slowDb, catalog, credentials, bcrypt, t.services.leases);
    const inFlight = verifier.verify(key.token, []);
    await until(() => reading);
    const dropped = credentials.stats().droppedFills;
    await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token });
    release();
    // It read the row before the revocation: it may pass, it started before revoke returned.
    expect((await inFlight).code).toBe('VALID');
    expect(credentials.stats().droppedFills).toBe(dropped + 1);
    // Any request that starts now is refused: the late fill did not bring the key back.
    expect(codes(await t.execute(KeyViewer, {}, { token: key.token }))).toEqual(['UNAUTHENTICATED']);
    expect((await t.ok(Verdict, { key: key.token })).verifyApiKey.code).toBe('REVOKED');
  });

  it('refuses every request that starts after revokeApiKey returns, under concurrent load', async () => {
    const key = await createKey();
    await t.ok(KeyViewer, {}, { token: key.token });
    const { outcomes, changeStarted, changed } = await hammer(
      async () => !(await t.execute(KeyViewer, {}, { token: key.token })).errors,
      async () => void (await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token })),
      100,
    );
    expect(outcomes.filter((o) => o.started < changeStarted && o.passed).length).toBeGreaterThan(0);
    const after = outcomes.filter((o) => o.started > changed);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((o) => o.passed)).toEqual([]);
  });

  it('applies a role change to a cached session for every request that starts after it returns', async () => {
    const admin = await t.addMember(owner, 'ADMIN');
    expect((await t.ok(Scopes, {}, { token: admin.token })).viewer!.scopes).toContain('api_keys:write');
    const { outcomes, changeStarted, changed } = await hammer(
      async () => (await t.ok(Scopes, {}, { token: admin.token })).viewer!.scopes.includes('api_keys:write'),
      async () => void (await t.ok(UpdateMemberRole, { id: admin.memberId, role: 'VIEWER' }, { token: owner.token })),
      100,
    );
    expect(outcomes.filter((o) => o.started < changeStarted && o.passed).length).toBeGreaterThan(0);
    const after = outcomes.filter((o) => o.started > changed);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((o) => o.passed)).toEqual([]);
  });
});

describe("nobody is refused for someone else's guesses", () => {
  it('a flood of forged secrets for a key ID, from many addresses, never refuses the real key: first use, on a fresh instance, after rotation', async () => {
    const key = await createKey();
    const verdicts = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const forged = await forgeWrongSecret(key.id);
      verdicts.add((await t.ok(Verdict, { key: forged }, { ip: `198.51.100.${i % 20}` })).verifyApiKey.code);
      verdicts.add(String(codes(await t.execute(KeyViewer, {}, { token: forged, ip: `198.51.100.${i % 20}` }))[0]));
    }
    expect(verdicts).toEqual(new Set(['NOT_FOUND', 'UNAUTHENTICATED']));
    // The key's first use, here and on an instance that has never seen it, from a flooding address too.
    expect((await t.ok(KeyViewer, {}, { token: key.token, ip: '198.51.100.1' })).viewer!.apiKey!.id).toBe(key.id);
    const fresh = await t.another();
    expect((await fresh.ok(KeyViewer, {}, { token: key.token, ip: '198.51.100.2' })).viewer!.apiKey!.id).toBe(key.id);
    const { rotateApiKey } = await t.ok(RotateApiKey, { id: key.id }, { token: owner.token });
    // (Another fresh instance: on PGlite two instances in one process hear nothing of each other.)
    const third = await t.another();
    for (const app of [t, third]) expect((await app.ok(KeyViewer, {}, { token: rotateApiKey.secret, ip: '198.51.100.3' })).viewer!.apiKey!.id).toBe(key.id);
  });

  it("an organization's wrong secrets for its own keys never refuse another organization's unused key from the same address", async () => {
    const mine = await t.signUpOrganization('Wrong Secrets Sender');
    const theirs = await t.signUpOrganization('Unrelated');
    const own = await Promise.all([1, 2, 3].map(async (i) => (await t.ok(CreateApiKey, { input: { name: `own ${i}`, access: 'FULL' } }, { token: mine.token })).createApiKey.apiKey.id));
    const address = '203.0.113.40';
    for (let i = 0; i < 103; i++) {
      const refused = await t.execute(KeyViewer, {}, { token: await forgeWrongSecret(own[i % 3]!), ip: address });
      expect([refused.status, codes(refused)]).toEqual([401, ['UNAUTHENTICATED']]);
    }
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name: 'never used', access: 'READ_ONLY' } }, { token: theirs.token });
    expect((await t.ok(KeyViewer, {}, { token: createApiKey.secret, ip: address })).viewer!.apiKey!.id).toBe(createApiKey.apiKey.id);
    expect((await t.ok(Verdict, { key: createApiKey.secret }, { ip: address })).verifyApiKey.code).toBe('VALID');
  });

  it('a wrong checksum and a right checksum with a wrong secret take the same way: no password hash, the same answer', async () => {
    const key = await createKey();
    const compares = t.services.bcrypt.stats().completed;
    const wrongChecksum = newKey(key.id).fullKey;
    const rightChecksum = await forgeWrongSecret(key.id);
    for (const presented of [wrongChecksum, rightChecksum]) {
      expect((await t.ok(Verdict, { key: presented })).verifyApiKey).toEqual({ valid: false, code: 'NOT_FOUND', scopes: [] });
    }
    expect(t.services.bcrypt.stats().completed).toBe(compares);
  });
});

describe('a flood of wrong keys over HTTP', () => {
  it('is answered before GraphQL with the answer GraphQL would give, held; right keys, cached or not, go through', async () => {
    // An instance of its own, whose count of refused keys the tests before have not raised.
    const u = await t.another();
    // The real HTTP server around that app, with every request that reaches Yoga counted.
    let reachedApp = 0;
    const counted = ((req: IncomingMessage, res: ServerResponse) => (reachedApp++, u.app(req, res))) as unknown as App;
    const deps = { keys: u.services.keys, wrongKeys: u.services.wrongKeys, maxBodyBytes: u.services.config.maxBodyBytes };
    const server = createHttpServer(counted, u.services.config, u.services.logger, wrongKeyAnswers(deps, GRAPHQL_ENDPOINT, { ms: 300, max: 10 }));
    const bounded = createHttpServer(counted, u.services.config, u.services.logger, wrongKeyAnswers(deps, GRAPHQL_ENDPOINT, { ms: 5_000, max: 1 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const viewer = (key: string, headers: Record<string, string> = {}, at = url) =>
      fetch(at, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
        body: JSON.stringify({ query: '{ viewer { apiKey { id } } }' }),
      });
    try {
      const key = await createKey();
      expect(await (await viewer(key.token)).json()).toEqual({ data: { viewer: { apiKey: { id: key.id } } } });
      const wrong = await forgeWrongSecret(key.id);
      // No flood yet: a wrong key is refused by the app like any other.
      let before = reachedApp;
      expect((await viewer(wrong)).status).toBe(401);
      expect(reachedApp - before).toBe(1);

      // A flood: this instance now refuses keys at 100 a second.
      for (let i = 0; i < 100; i++) u.services.wrongKeys.record();
      before = reachedApp;
      const asked = performance.now();
      const early = await viewer(wrong);
      // Held before it is answered (timers may fire a millisecond early).
      expect(performance.now() - asked).toBeGreaterThanOrEqual(295);
      expect(early.status).toBe(401);
      expect(early.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(early.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const origin = { origin: 'https://console.example' };
      const viaYoga = await u.execute(KeyViewer, {}, { token: wrong, ip: '127.0.0.1', headers: origin });
      expect(await early.json()).toEqual({ errors: viaYoga.errors });
      // With an Origin, the CORS headers Yoga would have sent.
      const cors = await viewer(wrong, origin);
      const corsOf = (h: Headers) => ['access-control-allow-origin', 'vary', 'access-control-allow-credentials'].map((n) => h.get(n));
      expect([cors.status, ...corsOf(cors.headers)]).toEqual([401, ...corsOf(viaYoga.headers)]);
      expect(corsOf(viaYoga.headers)[0]).toBe('https://console.example');
      expect(reachedApp - before).toBe(0);

      // The right key of the flooded key ID passes, and so does a key this instance has never read.
      expect(await (await viewer(key.token)).json()).toEqual({ data: { viewer: { apiKey: { id: key.id } } } });
      const unseen = await createKey();
      expect(await (await viewer(unseen.token)).json()).toEqual({ data: { viewer: { apiKey: { id: unseen.id } } } });
      expect(reachedApp - before).toBe(2);

      // GraphQL is served at /graphql alone: a look-alike path cannot take the flood around this.
      for (const path of ['/graphql/', '/x/graphql', '/?q=/graphql']) {
        const around = await viewer(wrong, {}, url.replace('/graphql', path));
        expect([path, around.status]).toEqual([path, 404]);
      }

      // Holding is bounded: with one answer held already, the next is answered at once.
      await new Promise<void>((resolve) => bounded.listen(0, '127.0.0.1', resolve));
      const boundedUrl = url.replace(/:\d+\//, `:${(bounded.address() as AddressInfo).port}/`);
      const giveUp = new AbortController();
      const first = fetch(boundedUrl, { method: 'POST', headers: { authorization: `Bearer ${wrong}` }, body: '{}', signal: giveUp.signal }).catch(() => null);
      await sleep(200);
      const sent = performance.now();
      const second = await viewer(wrong, {}, boundedUrl);
      expect([second.status, performance.now() - sent < 2_000]).toEqual([401, true]);
      giveUp.abort();
      expect(await first).toBeNull();
    } finally {
      for (const s of [server, bounded]) {
        s.closeAllConnections();
        if (s.listening) await new Promise((resolve) => s.close(resolve));
      }
    }
  });
});

describe('presented but empty credentials', () => {
  it.each([
    ['Authorization', { authorization: '' }],
    ['Authorization', { authorization: '   ' }],
    ['X-API-Key', { 'x-api-key': '' }],
  ])('an empty %s header is UNAUTHENTICATED, not anonymous', async (_name, headers) => {
    const result = await t.execute(Scopes, {}, { headers });
    expect([result.status, codes(result)]).toEqual([401, ['UNAUTHENTICATED']]);
  });
});

describe('login limits', () => {
  const loginFrom = (who: Session, password: string, ip: string) =>
    t.execute(Login, { email: who.email, password, organization: who.organization }, { ip });

  it('stop one address hammering one email, audit the refused attempt, and never lock out the member elsewhere', async () => {
    const org = await t.signUpOrganization('Limited Logins');
    const member = await t.addMember(org, 'VIEWER');
    for (let i = 0; i < 5; i++) expect(codes(await loginFrom(member, 'wrong password!!', '203.0.113.66'))).toEqual(['UNAUTHENTICATED']);
    const limited = await loginFrom(member, 'wrong password!!', '203.0.113.66');
    expect([limited.status, codes(limited)]).toEqual([429, ['RATE_LIMITED']]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60);
    // Even the right password is refused from that address while it is limited …
    expect(codes(await loginFrom(member, TEST_PASSWORD, '203.0.113.66'))).toEqual(['RATE_LIMITED']);
    // … and accepted from the member's own.
    expect((await loginFrom(member, TEST_PASSWORD, '192.0.2.200')).data!.login.member.id).toBe(member.memberId);

    const failed = await t.services.database.db
      .select({ ip: auditEvents.ip, count: auditEvents.count })
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'member.login_failed' and ${auditEvents.targetId} = ${member.memberId}`);
    // Five wrong passwords and two refused attempts: one event with a count (sign-in.test.ts).
    expect(failed).toEqual([{ ip: '203.0.113.66', count: 7 }]);
  });

  it('limit changePassword with a wrong current password', async () => {
    const org = await t.signUpOrganization('Limited Changes');
    for (let i = 0; i < 5; i++) {
      const wrong = await t.execute(ChangePassword, { currentPassword: 'not my password', newPassword: 'a brand new password' }, { token: org.token });
      expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    }
    const limited = await t.execute(ChangePassword, { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' }, { token: org.token });
    expect([limited.status, codes(limited)]).toEqual([429, ['RATE_LIMITED']]);
  });
});

describe('sessions bound to the password', () => {
  it('a login whose check began before a password change committed gets no session', async () => {
    const org = await t.signUpOrganization('Bound Sessions');
    const member = await t.addMember(org, 'VIEWER');
    const release = holdBcrypt(t.services);
    const login = t.execute(Login, { email: member.email, password: TEST_PASSWORD, organization: org.organization }, { ip: '192.0.2.77' });
    await until(() => t.services.bcrypt.stats().waiting === 1);
    // The password changes (here, or on another instance) while that login waits for bcrypt.
    await t.services.database.db
      .update(members)
      .set({ passwordVersion: sql`${members.passwordVersion} + 1` })
      .where(eq(members.id, member.memberId));
    await release();
    expect(codes(await login)).toEqual(['UNAUTHENTICATED']);
    // Sessions made with the superseded password stop too, on their next read of the row.
    t.services.credentials.invalidate(`member:${member.memberId}`);
    expect(codes(await t.execute(Scopes, {}, { token: member.token }))).toEqual(['UNAUTHENTICATED']);
  });

  it('changePassword ends the other sessions at once and keeps the one that made it', async () => {
    const org = await t.signUpOrganization('Password Change');
    const other = (await t.ok(Login, { email: org.email, password: TEST_PASSWORD, organization: org.organization })).login.token;
    await t.ok(Scopes, {}, { token: other });
    await t.ok(Scopes, {}, { token: org.token });
    await t.ok(ChangePassword, { currentPassword: TEST_PASSWORD, newPassword: 'another long password' }, { token: org.token });
    expect(codes(await t.execute(Scopes, {}, { token: other }))).toEqual(['UNAUTHENTICATED']);
    expect((await t.ok(Scopes, {}, { token: org.token })).viewer!.kind).toBe('MEMBER');
  });

  it('rehashes a password at the configured cost on the next successful login', async () => {
    const org = await t.signUpOrganization('Rehash');
    const hashOf = async () => (await t.services.database.db.select().from(members).where(eq(members.id, org.memberId)))[0]!.passwordHash;
    expect((await hashOf()).startsWith('$2b$04$')).toBe(true);
    const costlier = await t.another({ PASSWORD_HASH_COST: '5' });
    await costlier.ok(Login, { email: org.email, password: TEST_PASSWORD, organization: org.organization });
    expect((await hashOf()).startsWith('$2b$05$')).toBe(true);
    expect((await t.ok(Login, { email: org.email, password: TEST_PASSWORD, organization: org.organization })).login.member.id).toBe(org.memberId);
  });
});

/** PostgreSQL only: two instances, each with its own LISTEN connection, on one database. */
const onServer = serverUrl ? describe : describe.skip;
onServer('across instances (PostgreSQL LISTEN/NOTIFY)', () => {
  let b: TestApp;
  beforeAll(async () => {
    b = await t.another();
    await Promise.all([t.services.invalidations.whenListening(), b.services.invalidations.whenListening()]);
  });

  it('a revocation on A refuses every request on B that starts 1 s after it returned', async () => {
    const key = await createKey();
    await b.ok(KeyViewer, {}, { token: key.token });
    let seenAt = Infinity;
    const { outcomes, changed } = await hammer(
      async () => {
        const passed = !(await b.execute(KeyViewer, {}, { token: key.token })).errors;
        if (!passed && seenAt === Infinity) seenAt = performance.now();
        return passed;
      },
      async () => void (await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token })),
      1_200,
    );
    expect(seenAt - changed).toBeLessThan(1_000);
    const late = outcomes.filter((o) => o.started > changed + 1_000);
    expect(late.length).toBeGreaterThan(0);
    expect(late.filter((o) => o.passed)).toEqual([]);
  });

  it('a role change on A reaches a session cached on B within 1 s', async () => {
    const admin = await t.addMember(owner, 'ADMIN');
    expect((await b.ok(Scopes, {}, { token: admin.token })).viewer!.scopes).toContain('api_keys:write');
    await t.ok(UpdateMemberRole, { id: admin.memberId, role: 'VIEWER' }, { token: owner.token });
    const changed = Date.now();
    let scopes: string[] = ['api_keys:write'];
    while (scopes.includes('api_keys:write') && Date.now() - changed < 1_000) {
      scopes = (await b.ok(Scopes, {}, { token: admin.token })).viewer!.scopes;
      // Answered from the cache, a request never leaves the microtask queue: let B's
      // listener socket be read, as it is between the requests of a real server.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(scopes).not.toContain('api_keys:write');
    expect(scopes).toContain('api_keys:read');
  });

  it('when the listener is cut, a revocation made during the outage is still honoured, and the cache comes back', async () => {
    const key = await createKey();
    await b.ok(KeyViewer, {}, { token: key.token });
    const drops = b.services.invalidations.stats().drops;
    const pid = await b.services.invalidations.listenerPid();
    await t.services.database.db.execute(sql`select pg_terminate_backend(${pid})`);
    await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token });
    await until(() => b.services.invalidations.stats().drops === drops + 1, 1_000);
    expect(codes(await b.execute(KeyViewer, {}, { token: key.token }))).toEqual(['UNAUTHENTICATED']);

    await b.services.invalidations.whenListening();
    expect(b.services.credentials.stats().bypassing).toBe(false);
    expect(codes(await b.execute(KeyViewer, {}, { token: key.token }))).toEqual(['UNAUTHENTICATED']);
    // Listening again: a live key is served from memory once more.
    const live = await createKey();
    await b.ok(KeyViewer, {}, { token: live.token });
    const hits = b.services.credentials.stats().hits;
    await b.ok(KeyViewer, {}, { token: live.token });
    expect(b.services.credentials.stats().hits).toBe(hits + 1);
  });
});
