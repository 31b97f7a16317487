import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { GRAPHQL_ENDPOINT, type App } from '../src/app';
import { earlyRefusal, HOLD_MS } from '../src/http/earlyRefusal';
import { createHttpServer } from '../src/http/server';
import { apiKeys, auditEvents, members } from '../src/db/schema';
import type { Services } from '../src/services';
import { serverUrl } from './database';
import { codes, startTestApp, TEST_PASSWORD, type Session, type TestApp } from './harness';
import { ChangePassword, CreateApiKey, KeyViewer, Login, RevokeApiKey, Scopes, UpdateMemberRole, Verdict } from './operations';
import { newKey, parseKey } from '../src/keys/format';
import { CredentialCache, type CachedCredential } from '../src/auth/credentialCache';
import { KeyVerifier } from '../src/keys/verify';

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
 * A wrong secret for a real key ID that reaches the bcrypt compare. The checksum decides
 * which stored hash a presented key is compared with, and a random secret's checksum
 * matches none; an attacker can search for a CRC32 collision offline, so the test makes
 * the row expect this forged key's checksum instead. The real key, already cached under
 * its own slot, is not read from the row again.
 */
async function forgeWrongSecret(keyId: string): Promise<string> {
  const forged = newKey(keyId);
  await t.services.database.db.update(apiKeys).set({ checksum: forged.checksum }).where(eq(apiKeys.id, keyId));
  return forged.fullKey;
}

/** Occupies every bcrypt slot until released: cold verifications then wait in the queue. */
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
  it('verifies a key with bcrypt once, then answers it from memory', async () => {
    const key = await createKey();
    const bcryptBefore = t.services.bcrypt.stats().completed;
    const hitsBefore = t.services.credentials.stats().hits;
    for (let i = 0; i < 5; i++) expect((await t.ok(KeyViewer, {}, { token: key.token })).viewer!.apiKey!.id).toBe(key.id);
    expect((await t.ok(Verdict, { key: key.token, requiredScopes: ['api_keys:read'] })).verifyApiKey.code).toBe('VALID');
    expect(t.services.bcrypt.stats().completed - bcryptBefore).toBe(1);
    expect(t.services.credentials.stats().hits - hitsBefore).toBe(5);
  });

  it('shares one bcrypt compare among concurrent first presentations of a key', async () => {
    const key = await createKey();
    const before = t.services.bcrypt.stats().completed;
    const answers = await Promise.all(Array.from({ length: 12 }, () => t.ok(Verdict, { key: key.token })));
    expect(answers.map((a) => a.verifyApiKey.code)).toEqual(Array(12).fill('VALID'));
    expect(t.services.bcrypt.stats().completed - before).toBe(1);
  });

  it('never caches a wrong secret, and a wrong secret never evicts or poisons the right one', async () => {
    const key = await createKey();
    expect((await t.ok(Verdict, { key: key.token })).verifyApiKey.code).toBe('VALID');
    const wrong = await forgeWrongSecret(key.id);
    const before = t.services.bcrypt.stats().completed;
    for (let i = 0; i < 3; i++) expect((await t.ok(Verdict, { key: wrong })).verifyApiKey.code).toBe('NOT_FOUND');
    // Each wrong presentation was a real compare (nothing cached it), none touched the right one.
    expect(t.services.bcrypt.stats().completed - before).toBe(3);
    const hits = t.services.credentials.stats().hits;
    expect((await t.ok(Verdict, { key: key.token })).verifyApiKey.code).toBe('VALID');
    expect(t.services.credentials.stats().hits).toBe(hits + 1);
  });

  it('answers from memory only the exact string that verified: any one-character change of a cached key is refused', async () => {
    // The cache is asked before a key is parsed; a near miss must still be parsed and refused.
    const key = await createKey();
    expect((await t.ok(Verdict, { key: key.token })).verifyApiKey.code).toBe('VALID');
    const hits = t.services.credentials.stats().hits;
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
    expect(t.services.credentials.stats().hits).toBe(hits);
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

  it('drops a fill that a revocation overtook while its bcrypt compare was waiting', async () => {
    const key = await createKey();
    const release = holdBcrypt(t.services);
    const inFlight = t.execute(KeyViewer, {}, { token: key.token });
    await until(() => t.services.bcrypt.stats().waiting === 1);
    const dropped = t.services.credentials.stats().droppedFills;
    await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token });
    await release();
    // It read the row before the revocation: it may pass, it started before revoke returned.
    expect((await inFlight).data?.viewer?.apiKey?.id).toBe(key.id);
    expect(t.services.credentials.stats().droppedFills).toBe(dropped + 1);
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

describe('flood of wrong secrets', () => {
  it('costs a handful of bcrypt compares, answers RATE_LIMITED (429 + Retry-After), and the cached real key keeps working', async () => {
    const key = await createKey();
    expect((await t.ok(Verdict, { key: key.token })).verifyApiKey.code).toBe('VALID');
    const wrong = await forgeWrongSecret(key.id);
    const before = t.services.bcrypt.stats().completed;
    // Four clients at four addresses, each sending the wrong key fifteen times in a row
    // (concurrent identical presentations share a compare, so each round costs at most one).
    const verdicts = (
      await Promise.all(
        Array.from({ length: 4 }, async (_, client) => {
          const seen: string[] = [];
          for (let i = 0; i < 15; i++) {
            seen.push((await t.ok(Verdict, { key: wrong }, { ip: `198.51.100.${client}` })).verifyApiKey.code);
          }
          return seen;
        }),
      )
    ).flat();
    expect(new Set(verdicts)).toEqual(new Set(['NOT_FOUND', 'RATE_LIMITED']));
    // The per-key-ID limit (10 a minute) bounds the compares, whoever sends them.
    expect(t.services.bcrypt.stats().completed - before).toBeLessThanOrEqual(10);

    const limited = await t.execute(KeyViewer, {}, { token: wrong });
    expect(codes(limited)).toEqual(['RATE_LIMITED']);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    // The real key, cached, never meets the limiter.
    expect((await t.ok(KeyViewer, {}, { token: key.token })).viewer!.apiKey!.id).toBe(key.id);
    expect((await t.ok(Verdict, { key: key.token })).verifyApiKey.code).toBe('VALID');
  });

  it('renews a cached key whose entry lapsed during a flood from its row, without a compare or the limits', async () => {
    const key = await createKey();
    const realChecksum = parseKey(key.token)!.checksum;
    // A verifier whose cache entries lapse after 40 ms (the real TTL is 5 minutes).
    const { database, catalog, bcrypt, limiter } = t.services;
    const cache = new CredentialCache<CachedCredential>({ max: 100, ttlMs: 40 });
    const verifier = new KeyVerifier(database.db, catalog, cache, bcrypt, limiter);
    expect((await verifier.verify(key.token, [], null)).code).toBe('VALID');

    // A flood spends the key ID's failure limit (the row is restored afterwards: a real
    // attacker finds the checksum collision offline and never touches it).
    const wrong = await forgeWrongSecret(key.id);
    const flood: string[] = [];
    for (let i = 0; i < 14; i++) flood.push((await verifier.verify(wrong, [], `198.51.100.${i}`)).code);
    expect(flood.at(-1)).toBe('RATE_LIMITED');
    await t.services.database.db.update(apiKeys).set({ checksum: realChecksum }).where(eq(apiKeys.id, key.id));

    await sleep(60);
    expect(cache.get(`k:${key.id}:${realChecksum}`, cache.digest(key.token))).toBeUndefined();
    // Lapsed, the entry still lets the real key past the early refusal, and is renewed.
    expect(verifier.refusedFromMemory(key.token, () => '203.0.113.9')).toBe(0);
    const compares = bcrypt.stats().completed;
    expect((await verifier.verify(key.token, [], '203.0.113.9')).code).toBe('VALID');
    expect(bcrypt.stats().completed).toBe(compares);
    // A wrong secret is still refused by the spent limit: the lapsed entry helps only its own key.
    expect((await verifier.verify(newKey(key.id).fullKey, [], '203.0.113.9')).code).not.toBe('VALID');

    // The renewal reads the row: a revocation whose notice never came is seen then.
    await t.services.database.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, key.id));
    await sleep(60);
    expect((await verifier.verify(key.token, [], null)).code).toBe('REVOKED');
    expect(bcrypt.stats().completed).toBe(compares);
  });

  it('over HTTP, refuses the spent flood before GraphQL with the answer GraphQL would give, and the cached key still passes', async () => {
    // The real HTTP server around this app, with every request that reaches Yoga counted.
    let reachedApp = 0;
    const counted = ((req: IncomingMessage, res: ServerResponse) => (reachedApp++, t.app(req, res))) as unknown as App;
    const server = createHttpServer(counted, t.services.config, t.services.logger, earlyRefusal(t.services, GRAPHQL_ENDPOINT));
    const bounded = createHttpServer(counted, t.services.config, t.services.logger, earlyRefusal(t.services, GRAPHQL_ENDPOINT, { ms: 5_000, max: 1 }));
    const floodRequest = (key: string): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ viewer { apiKey { id } } }' }),
    });
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
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await viewer(wrong)).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429]);

      // Spent: from here the wrong key never reaches the app, and is told what Yoga told it.
      const before = reachedApp;
      const bcryptBefore = t.services.bcrypt.stats().completed;
      const asked = performance.now();
      const early = await viewer(wrong);
      // Held before it is answered (timers may fire a millisecond early).
      expect(performance.now() - asked).toBeGreaterThanOrEqual(HOLD_MS - 5);
      expect(early.status).toBe(429);
      expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(early.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(early.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const origin = { origin: 'https://console.example' };
      const viaYoga = await t.execute(KeyViewer, {}, { token: wrong, ip: '127.0.0.1', headers: origin });
      expect(await early.json()).toEqual({ errors: viaYoga.errors });
      // With an Origin, the CORS headers Yoga would have sent.
      const cors = await viewer(wrong, origin);
      const corsOf = (h: Headers) => ['access-control-allow-origin', 'vary', 'access-control-allow-credentials'].map((n) => h.get(n));
      expect([cors.status, ...corsOf(cors.headers)]).toEqual([429, ...corsOf(viaYoga.headers)]);
      expect(corsOf(viaYoga.headers)[0]).toBe('https://console.example');
      expect([reachedApp - before, t.services.bcrypt.stats().completed - bcryptBefore]).toEqual([0, 0]);

      // The cached right key of the same key ID passes; a mistyped key of that ID is told
      // what it is (UNAUTHENTICATED, by the app), not to wait.
      expect(await (await viewer(key.token)).json()).toEqual({ data: { viewer: { apiKey: { id: key.id } } } });
      const typo = `${key.token.slice(0, 30)}${key.token[30] === 'A' ? 'B' : 'A'}${key.token.slice(31)}`;
      const mistyped = await viewer(typo);
      expect([mistyped.status, (await mistyped.json()).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
      expect(reachedApp - before).toBe(2);

      // GraphQL is served at /graphql alone: a look-alike path cannot take the flood around this.
      for (const path of ['/graphql/', '/x/graphql', '/?q=/graphql']) {
        const around = await viewer(wrong, {}, url.replace('/graphql', path));
        expect([path, around.status]).toEqual([path, 404]);
      }

      // Holding is bounded: with one answer held already, the next is answered at once.
      await new Promise<void>((resolve) => bounded.listen(0, '127.0.0.1', resolve));
      const boundedUrl = `http://127.0.0.1:${(bounded.address() as AddressInfo).port}/graphql`;
      const giveUp = new AbortController();
      const first = fetch(boundedUrl, { ...floodRequest(wrong), signal: giveUp.signal }).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const sent = performance.now();
      const second = await fetch(boundedUrl, floodRequest(wrong));
      expect([second.status, performance.now() - sent < 2_000]).toEqual([429, true]);
      giveUp.abort();
      expect(await first).toBeNull();
    } finally {
      for (const s of [server, bounded]) {
        s.closeAllConnections();
        if (s.listening) await new Promise((resolve) => s.close(resolve));
      }
    }
  });

  it('answers RATE_LIMITED when the bcrypt queue is full, and cached keys still pass', async () => {
    const small = await t.another({ BCRYPT_QUEUE_SIZE: '0' });
    const cached = await createKey(small);
    await small.ok(KeyViewer, {}, { token: cached.token });
    const cold = await createKey(small);
    const release = holdBcrypt(small.services);
    try {
      const refused = await small.execute(KeyViewer, {}, { token: cold.token });
      expect([refused.status, codes(refused), refused.headers.get('retry-after')]).toEqual([429, ['RATE_LIMITED'], '1']);
      expect((await small.ok(Verdict, { key: cold.token })).verifyApiKey.code).toBe('RATE_LIMITED');
      expect((await small.ok(KeyViewer, {}, { token: cached.token })).viewer!.apiKey!.id).toBe(cached.id);
      // Hashing a new secret is bcrypt work too: it waits in the same queue, and nothing is written.
      const keysBefore = (await small.services.database.db.select().from(apiKeys)).length;
      const busy = await small.execute(CreateApiKey, { input: { name: 'while busy', access: 'FULL' } }, { token: owner.token });
      expect([busy.status, codes(busy)]).toEqual([429, ['RATE_LIMITED']]);
      expect((await small.services.database.db.select().from(apiKeys)).length).toBe(keysBefore);
    } finally {
      await release();
    }
    expect((await small.ok(Verdict, { key: cold.token })).verifyApiKey.code).toBe('VALID');
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
      .select({ ip: auditEvents.ip })
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'member.login_failed' and ${auditEvents.targetId} = ${member.memberId}`);
    // Five wrong passwords and two refused attempts.
    expect(failed).toHaveLength(7);
    expect(new Set(failed.map((f) => f.ip))).toEqual(new Set(['203.0.113.66']));
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
