import { count, eq, like, sql } from 'drizzle-orm';
import { apiKeys, usageCounts } from '../src/db/schema';
import { allowedIpList, ipMatcher, metaOf, nextRefill, refillPeriodStart } from '../src/keys/controls';
import { MAX_LEASE } from '../src/keys/leases';
import { serverUrl } from './database';
import { codes, startTestApp, type Session, type TestApp } from './harness';
import { ApiKeyById, ApiKeyControls, ApiKeys, CreateApiKey, RotateApiKey, UpdateApiKey, Usage, VerifyApiKeyUse, Viewer } from './operations';
import { startServer } from './server';

/**
 * Usage controls (SPEC §9, issue 18): rate limits, credits, allowed addresses, meta and
 * owner — set through the API, enforced on verifyApiKey and on key-authenticated requests
 * in SPEC's order, shared exactly by instances on one database, and counted for `usage`.
 */

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await startTestApp({ SCOPE_RESOURCES: 'messages' });
  owner = await t.signUpOrganization('Metered');
});
afterAll(() => t.close());

let made = 0;
async function createKey(input: Record<string, unknown> = {}, on: TestApp = t) {
  const { createApiKey } = await on.ok(CreateApiKey, { input: { name: `metered ${++made}`, access: 'FULL', ...input } } as never, { token: owner.token });
  return { id: createApiKey.apiKey.id, key: createApiKey.secret };
}
const verify = (key: string, extra: { ip?: string; rateLimits?: string[]; cost?: number; requiredScopes?: string[] } = {}, on: TestApp = t) =>
  on.ok(VerifyApiKeyUse, { key, ...extra }).then((r) => r.verifyApiKey);
const controlsOf = async (id: string) => (await t.ok(ApiKeyControls, { id }, { token: owner.token })).apiKey!;
const keyCount = async () => (await t.services.database.db.select({ n: count() }).from(apiKeys))[0]!.n;

/**
 * Rate limit windows are aligned to the epoch: a test that must stay inside one window
 * waits out the last seconds of the current one rather than straddle two.
 */
async function clearOfWindowEdge(durationSeconds: number, marginMs = 5_000) {
  const ms = durationSeconds * 1000;
  const left = ms - (Date.now() % ms);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe('the controls, pure', () => {
  it('normalizes addresses and ranges, and matches IPv4, IPv6 and IPv4-mapped clients', () => {
    expect(allowedIpList(['10.1.2.3/8', ' 192.0.2.7 ', '2001:db8::1/32', '::ffff:198.51.100.1', '10.0.0.0/8'])).toEqual([
      '10.0.0.0/8',
      '192.0.2.7',
      '2001:db8::/32',
      '198.51.100.1',
    ]);
    const allowed = ipMatcher(allowedIpList(['10.0.0.0/8', '2001:db8::/32', '192.0.2.7']));
    expect(['10.200.1.1', '::ffff:10.0.0.1', '2001:db8:ffff::1', '192.0.2.7'].map(allowed)).toEqual([true, true, true, true]);
    expect(['11.0.0.1', '192.0.2.8', '2001:db9::1', 'not an address', '', null].map(allowed)).toEqual([false, false, false, false, false, false]);
  });

  it('refuses what is not a dotted quad, an IPv6 address or a valid range', () => {
    for (const bad of ['127.1', '0x7f.0.0.1', '10.0.0.0/33', '2001:db8::/129', 'example.com', '10.0.0.256', '']) {
      expect(() => allowedIpList([bad])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'allowedIps' }));
    }
  });

  it('bounds meta by size and depth', () => {
    expect(metaOf({ plan: 'pro', limits: { a: { b: { c: 1 } } } })).toEqual({ plan: 'pro', limits: { a: { b: { c: 1 } } } });
    expect(() => metaOf({ a: { b: { c: { d: { e: { f: 1 } } } } } })).toThrow(expect.objectContaining({ field: 'meta' }));
    expect(() => metaOf({ blob: 'x'.repeat(8 * 1024) })).toThrow(expect.objectContaining({ field: 'meta' }));
    expect(() => metaOf([1, 2])).toThrow(expect.objectContaining({ field: 'meta' }));
  });

  it('refills on the day of the month, or the last day of a shorter month, at 00:00 UTC', () => {
    const monthly31 = { interval: 'MONTHLY' as const, amount: 10, dayOfMonth: 31 };
    const at = (iso: string) => Date.parse(iso);
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(iso(refillPeriodStart(monthly31, at('2027-02-15T12:00:00Z')))).toBe('2027-01-31T00:00:00.000Z');
    expect(iso(nextRefill(monthly31, at('2027-02-15T12:00:00Z')))).toBe('2027-02-28T00:00:00.000Z');
    expect(iso(refillPeriodStart(monthly31, at('2028-02-29T00:00:00Z')))).toBe('2028-02-29T00:00:00.000Z');
    expect(iso(nextRefill(monthly31, at('2027-04-30T01:00:00Z')))).toBe('2027-05-31T00:00:00.000Z');
    const monthly1 = { interval: 'MONTHLY' as const, amount: 10, dayOfMonth: 1 };
    expect(iso(nextRefill(monthly1, at('2027-12-31T23:59:59Z')))).toBe('2028-01-01T00:00:00.000Z');
    const daily = { interval: 'DAILY' as const, amount: 10, dayOfMonth: null };
    expect(iso(refillPeriodStart(daily, at('2027-03-01T23:59:59Z')))).toBe('2027-03-01T00:00:00.000Z');
    expect(iso(nextRefill(daily, at('2027-03-01T23:59:59Z')))).toBe('2027-03-02T00:00:00.000Z');
  });
});

describe('setting controls', () => {
  it('stores every control, shows them on the key, and returns meta to verifyApiKey and the list', async () => {
    const { id, key } = await createKey({
      owner: 'cus_42',
      meta: { plan: 'pro', seats: 3 },
      allowedIps: ['192.0.2.0/24'],
      rateLimits: [{ name: 'burst', limit: 100, durationSeconds: 10 }, { name: 'daily', limit: 10_000, durationSeconds: 86_400, autoApply: false, cost: 2 }],
      credits: { remaining: 500, refill: { interval: 'MONTHLY', amount: 500, dayOfMonth: 31 } },
    });
    const shown = await controlsOf(id);
    expect(shown).toMatchObject({
      owner: 'cus_42',
      meta: { plan: 'pro', seats: 3 },
      allowedIps: ['192.0.2.0/24'],
      rateLimits: [
        { name: 'burst', limit: 100, durationSeconds: 10, autoApply: true, cost: 1, shared: false },
        { name: 'daily', limit: 10_000, durationSeconds: 86_400, autoApply: false, cost: 2, shared: false },
      ],
      credits: { remaining: 500, refill: { interval: 'MONTHLY', amount: 500, dayOfMonth: 31 } },
    });
    expect(Date.parse(shown.credits!.refilledAt as string)).toBeLessThanOrEqual(Date.now());

    const verdict = await verify(key, { ip: '192.0.2.99' });
    expect(verdict).toMatchObject({ code: 'VALID', meta: { plan: 'pro', seats: 3 }, remaining: 499 });
    expect(verdict.rateLimits.map((l) => l.name)).toEqual(['burst']);

    const listed = await t.ok(ApiKeys, { filter: { owner: 'cus_42' } }, { token: owner.token });
    expect(listed.apiKeys.edges.map((e) => e.node.id)).toEqual([id]);
    expect((await t.ok(ApiKeys, { filter: { owner: 'cus_nobody' } }, { token: owner.token })).apiKeys.totalCount).toBe(0);
  });

  const BAD: Array<[string, Record<string, unknown>, string]> = [
    ['eleven rate limits', { rateLimits: Array.from({ length: 11 }, (_, i) => ({ name: `l${i}`, limit: 1, durationSeconds: 1 })) }, 'rateLimits'],
    ['a limit of 0', { rateLimits: [{ name: 'a', limit: 0, durationSeconds: 1 }] }, 'limit'],
    ['a duration of 0 s', { rateLimits: [{ name: 'a', limit: 1, durationSeconds: 0 }] }, 'durationSeconds'],
    ['a duration over a day', { rateLimits: [{ name: 'a', limit: 1, durationSeconds: 86_401 }] }, 'durationSeconds'],
    ['a cost of 0', { rateLimits: [{ name: 'a', limit: 1, durationSeconds: 1, cost: 0 }] }, 'cost'],
    ['two limits of one name', { rateLimits: [{ name: 'a', limit: 1, durationSeconds: 1 }, { name: 'a', limit: 2, durationSeconds: 2 }] }, 'name'],
    ['a limit name with a space', { rateLimits: [{ name: 'per second', limit: 1, durationSeconds: 1 }] }, 'name'],
    ['negative credits', { credits: { remaining: -1 } }, 'remaining'],
    ['a refill of 0', { credits: { remaining: 1, refill: { interval: 'DAILY', amount: 0 } } }, 'amount'],
    ['day 32 of a month', { credits: { remaining: 1, refill: { interval: 'MONTHLY', amount: 5, dayOfMonth: 32 } } }, 'dayOfMonth'],
    ['a day of the month on a daily refill', { credits: { remaining: 1, refill: { interval: 'DAILY', amount: 5, dayOfMonth: 3 } } }, 'dayOfMonth'],
    ['a host name as an address', { allowedIps: ['example.com'] }, 'allowedIps'],
    ['a /33 range', { allowedIps: ['10.0.0.0/33'] }, 'allowedIps'],
    ['101 addresses', { allowedIps: Array.from({ length: 101 }, (_, i) => `10.0.0.${i}`) }, 'allowedIps'],
    ['meta of 9 KB', { meta: { blob: 'x'.repeat(9 * 1024) } }, 'meta'],
    ['meta six levels deep', { meta: { a: { b: { c: { d: { e: { f: 1 } } } } } } }, 'meta'],
    ['meta that is a list', { meta: [1, 2, 3] }, 'meta'],
    ['meta with a NUL', { meta: { note: 'a\u0000b' } }, 'meta'],
    ['an empty owner', { owner: '  ' }, 'owner'],
  ];

  it.each(BAD)('refuses %s on create, naming the field, and creates nothing', async (_what, input, field) => {
    const before = await keyCount();
    const result = await t.execute(CreateApiKey, { input: { name: 'bad', access: 'FULL', ...input } } as never, { token: owner.token });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await keyCount()).toBe(before);
  });

  it.each(BAD)('refuses %s on update and changes nothing', async (_what, input, field) => {
    const { id } = await createKey({ rateLimits: [{ name: 'kept', limit: 5, durationSeconds: 5 }], credits: { remaining: 7 }, owner: 'kept' });
    const before = await controlsOf(id);
    const result = await t.execute(UpdateApiKey, { id, input } as never, { token: owner.token });
    expect([codes(result), result.errors![0]!.extensions!.field]).toEqual([['BAD_USER_INPUT'], field]);
    expect(await controlsOf(id)).toEqual(before);
  });

  it('updates replace: a new list, [] and null remove a control; rotation keeps every control and the credits left', async () => {
    const { id, key } = await createKey({
      rateLimits: [{ name: 'a', limit: 10, durationSeconds: 60 }],
      allowedIps: ['192.0.2.1'],
      credits: { remaining: 10 },
      meta: { tier: 1 },
    });
    await verify(key, { ip: '192.0.2.1', cost: 3 });
    const { rotateApiKey } = await t.ok(RotateApiKey, { id }, { token: owner.token });
    expect(await controlsOf(id)).toMatchObject({ allowedIps: ['192.0.2.1'], rateLimits: [{ name: 'a' }], meta: { tier: 1 } });
    expect(await verify(rotateApiKey.secret, { ip: '192.0.2.1' })).toMatchObject({ code: 'VALID', remaining: 6 });

    await t.ok(UpdateApiKey, { id, input: { rateLimits: [{ name: 'b', limit: 1, durationSeconds: 1 }] } }, { token: owner.token });
    expect((await controlsOf(id)).rateLimits.map((l) => l.name)).toEqual(['b']);
    await t.ok(UpdateApiKey, { id, input: { rateLimits: [], allowedIps: [], credits: null, meta: null } }, { token: owner.token });
    expect(await controlsOf(id)).toMatchObject({ rateLimits: [], allowedIps: [], credits: null, meta: null });
    // Uncontrolled again: any address, no balance.
    expect(await verify(rotateApiKey.secret)).toMatchObject({ code: 'VALID', remaining: null, rateLimits: [] });
  });

  it('new credits replace the balance at once, whatever this instance had leased', async () => {
    const { id, key } = await createKey({ credits: { remaining: 50 } });
    expect(await verify(key)).toMatchObject({ remaining: 49 });
    await t.ok(UpdateApiKey, { id, input: { credits: { remaining: 2 } } }, { token: owner.token });
    expect((await controlsOf(id)).credits!.remaining).toBe(2);
    expect((await Promise.all([1, 2, 3].map(() => verify(key)))).map((v) => v.code).sort()).toEqual(['USAGE_EXCEEDED', 'VALID', 'VALID']);
  });

  it('answers a stale entry whose key lost its credits elsewhere, rather than asking in a loop', async () => {
    const { id, key } = await createKey({ credits: { remaining: 1 } });
    expect((await verify(key)).code).toBe('VALID');
    // Another instance removed the credits; this one has not heard yet (its entry is stale).
    await t.services.database.db.update(apiKeys).set({ creditsRemaining: null }).where(eq(apiKeys.id, id));
    expect(await verify(key)).toMatchObject({ code: 'VALID', remaining: null });
  });

  it('a key with controls of its own sets no controls and makes no keys; people and uncontrolled keys may', async () => {
    const { key: limited } = await createKey({ credits: { remaining: 1_000 } });
    const { key: free } = await createKey();
    const target = await createKey({ credits: { remaining: 5 } });
    const lift = await t.execute(UpdateApiKey, { id: target.id, input: { credits: null } }, { token: limited });
    expect(codes(lift)).toEqual(['FORBIDDEN']);
    const twin = await t.execute(CreateApiKey, { input: { name: 'twin', access: 'FULL' } }, { token: limited });
    expect(codes(twin)).toEqual(['FORBIDDEN']);
    // Renaming is no control: the limited key may still do it.
    expect(codes(await t.execute(UpdateApiKey, { id: target.id, input: { name: 'renamed' } }, { token: limited }))).toEqual([]);
    // Nor may it take another key in hand by rotating it, or move a key to another owner's limits.
    const other = await createKey();
    expect(codes(await t.execute(RotateApiKey, { id: other.id }, { token: limited }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.execute(UpdateApiKey, { id: other.id, input: { owner: 'cus_elsewhere' } }, { token: limited }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.execute(UpdateApiKey, { id: other.id, input: { meta: { plan: 'enterprise' } } }, { token: limited }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.execute(UpdateApiKey, { id: target.id, input: { credits: { remaining: 9 } } }, { token: free }))).toEqual([]);
    expect((await controlsOf(target.id)).credits!.remaining).toBe(9);
  });
});

describe('enforcement, in SPEC §9 order', () => {
  it('status, then address, then scopes, then rate limits, then credits', async () => {
    await clearOfWindowEdge(86_400);
    const { id, key } = await createKey({
      access: 'RESTRICTED',
      scopes: ['messages:read'],
      allowedIps: ['192.0.2.0/24'],
      rateLimits: [{ name: 'daily', limit: 1, durationSeconds: 86_400 }],
      credits: { remaining: 1 },
    });
    const inside = '192.0.2.5';
    // No address given: fail closed.
    expect((await verify(key)).code).toBe('IP_NOT_ALLOWED');
    expect((await verify(key, { ip: '198.51.100.1', requiredScopes: ['messages:write'] })).code).toBe('IP_NOT_ALLOWED');
    expect((await verify(key, { ip: inside, requiredScopes: ['messages:write'] })).code).toBe('INSUFFICIENT_SCOPE');
    expect(await verify(key, { ip: inside, requiredScopes: ['messages:read'] })).toMatchObject({ code: 'VALID', remaining: 0 });
    // Both the limit and the credits are spent: the limit is told first.
    const limited = await verify(key, { ip: inside });
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', valid: false, rateLimits: [{ name: 'daily', limit: 1, remaining: 0 }] });
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(86_400);
    await t.ok(UpdateApiKey, { id, input: { rateLimits: [] } }, { token: owner.token });
    expect((await verify(key, { ip: inside })).code).toBe('USAGE_EXCEEDED');
    await t.services.database.db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(apiKeys.id, id));
    t.services.credentials.invalidate(`key:${id}`);
    expect((await verify(key, { ip: '198.51.100.1' })).code).toBe('EXPIRED');
  });

  it('a refused use costs no credit; a caller-named limit applies only when named; cost is the caller’s', async () => {
    await clearOfWindowEdge(86_400);
    const { key } = await createKey({
      rateLimits: [{ name: 'expensive', limit: 4, durationSeconds: 86_400, autoApply: false, cost: 2 }],
      credits: { remaining: 10 },
    });
    expect(await verify(key, { cost: 3 })).toMatchObject({ code: 'VALID', remaining: 7, rateLimits: [] });
    expect(await verify(key, { rateLimits: ['expensive'] })).toMatchObject({ code: 'VALID', remaining: 6, rateLimits: [{ name: 'expensive', remaining: 2 }] });
    expect(await verify(key, { rateLimits: ['expensive', 'unknown'] })).toMatchObject({ code: 'VALID', remaining: 5, rateLimits: [{ remaining: 0 }] });
    // Refused by the limit: the credits stay.
    expect(await verify(key, { rateLimits: ['expensive'] })).toMatchObject({ code: 'RATE_LIMITED', remaining: 5 });
    // More than is left: refused, and nothing is taken.
    expect(await verify(key, { cost: 6 })).toMatchObject({ code: 'USAGE_EXCEEDED', remaining: 5 });
    expect(await verify(key, { cost: 5 })).toMatchObject({ code: 'VALID', remaining: 0 });
    const badCost = await t.execute(VerifyApiKeyUse, { key, cost: 0 });
    expect([codes(badCost), badCost.errors![0]!.extensions!.field]).toEqual([['BAD_USER_INPUT'], 'cost']);
  });

  it('refuses a key-authenticated request as a whole: 429 with Retry-After and RateLimit headers, 403 for credits and addresses', async () => {
    await clearOfWindowEdge(60);
    const limited = await createKey({ rateLimits: [{ name: 'minute', limit: 2, durationSeconds: 60 }] });
    for (const n of [1, 2]) expect([n, (await t.execute(Viewer, {}, { token: limited.key })).status]).toEqual([n, 200]);
    const refused = await t.execute(Viewer, {}, { token: limited.key });
    expect([refused.status, codes(refused)]).toEqual([429, ['RATE_LIMITED']]);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-policy')).toBe('"minute";q=2;w=60');
    expect(refused.headers.get('ratelimit')).toMatch(/^"minute";r=0;t=(\d+)$/);

    const broke = await createKey({ credits: { remaining: 1 } });
    expect((await t.execute(Viewer, {}, { token: broke.key })).status).toBe(200);
    const noCredits = await t.execute(Viewer, {}, { token: broke.key });
    expect([noCredits.status, codes(noCredits)]).toEqual([403, ['USAGE_EXCEEDED']]);

    const fenced = await createKey({ allowedIps: ['203.0.113.0/24'] });
    const outside = await t.execute(Viewer, {}, { token: fenced.key, ip: '198.51.100.7' });
    expect([outside.status, codes(outside)]).toEqual([403, ['IP_NOT_ALLOWED']]);
    expect((await t.ok(Viewer, {}, { token: fenced.key, ip: '203.0.113.9' })).viewer!.kind).toBe('API_KEY');
  });

  it('takes the client address as TRUST_PROXY defines it', async () => {
    const proxied = await t.another({ TRUST_PROXY: '192.0.2.10' });
    const fenced = await createKey({ allowedIps: ['203.0.113.9'] });
    const through = (forwarded: string) => proxied.execute(Viewer, {}, { token: fenced.key, headers: { 'x-forwarded-for': forwarded } });
    expect((await through('203.0.113.9')).status).toBe(200);
    expect(codes(await through('198.51.100.1'))).toEqual(['IP_NOT_ALLOWED']);
    // Without TRUST_PROXY the header is anyone's to write and is ignored.
    expect(codes(await t.execute(Viewer, {}, { token: fenced.key, headers: { 'x-forwarded-for': '203.0.113.9' } }))).toEqual(['IP_NOT_ALLOWED']);
  });

  it('answers a key within its limits from memory: a lease per many uses, not a query per use', async () => {
    await clearOfWindowEdge(60);
    const { key } = await createKey({ rateLimits: [{ name: 'roomy', limit: 1_000_000, durationSeconds: 60 }], credits: { remaining: 1_000_000 } });
    await verify(key);
    const trips = t.services.leases.trips;
    for (let i = 0; i < 99; i++) expect((await verify(key)).code).toBe('VALID');
    // 99 uses fit in the first leases (MAX_LEASE credits, a tenth of the limit): the one trip
    // since is the next credit lease, asked for ahead when a quarter of the first was left.
    await t.services.leases.settle();
    expect(t.services.leases.trips - trips).toBe(1);
  });
});

describe('exact across instances', () => {
  it('two instances spend a balance exactly: never more VALID than credits', async () => {
    const b = await t.another();
    const balance = 300;
    const { id, key } = await createKey({ credits: { remaining: balance } });
    const uses = Array.from({ length: 3 * balance }, (_, i) => verify(key, {}, i % 2 ? b : t));
    const answers = (await Promise.all(uses)).map((v) => v.code);
    const valid = answers.filter((c) => c === 'VALID').length;
    // A use can only be refused while the other instance still holds part of the balance:
    // with 900 uses for 300 credits, each instance runs through what it holds.
    expect([valid, answers.filter((c) => c !== 'VALID' && c !== 'USAGE_EXCEEDED')]).toEqual([balance, []]);
    await Promise.all([t.services.leases.settle(true), b.services.leases.settle(true)]);
    const [row] = await t.services.database.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect([row!.creditsRemaining, row!.creditsLeased]).toEqual([0, 0]);
  });

  it('two instances share a rate limit window exactly, and an owner’s shared limit spans its keys', async () => {
    await clearOfWindowEdge(86_400, 20_000);
    const b = await t.another();
    const { key } = await createKey({ rateLimits: [{ name: 'day', limit: 40, durationSeconds: 86_400 }] });
    const answers = await Promise.all(Array.from({ length: 120 }, (_, i) => verify(key, {}, i % 2 ? b : t)));
    expect(answers.filter((v) => v.code === 'VALID').length).toBe(40);
    expect(new Set(answers.map((v) => v.code))).toEqual(new Set(['VALID', 'RATE_LIMITED']));

    const shared = [{ name: 'customer', limit: 10, durationSeconds: 86_400, shared: true }];
    const [one, two] = [await createKey({ owner: 'cus_shared', rateLimits: shared }), await createKey({ owner: 'cus_shared', rateLimits: shared })];
    const both = await Promise.all(Array.from({ length: 30 }, (_, i) => verify(i % 2 ? one.key : two.key, {}, i % 3 ? b : t)));
    expect(both.filter((v) => v.code === 'VALID').length).toBe(10);
  });

  it('a crashed instance strands at most its lease: the others never overspend', async () => {
    const balance = 400;
    const { id, key } = await createKey({ credits: { remaining: balance } });
    let crashedUses: number;
    if (serverUrl) {
      // A real process on the same PostgreSQL, killed with SIGKILL while it holds a lease.
      const database = t.services.config.database;
      const server = await startServer({ DATABASE_URL: database.kind === 'postgres' ? database.url : '' });
      crashedUses = await usesThrough(server.url, key, 5);
      await server.stop('SIGKILL');
    } else {
      // PGlite is one process: an instance that stops without giving anything back.
      const doomed = await t.another();
      for (let i = 0; i < 5; i++) expect((await verify(key, {}, doomed)).code).toBe('VALID');
      crashedUses = 5;
      // What a crash leaves: the leases held in memory are gone, and nothing was given back.
      const held = doomed.services.leases as unknown as { credits: Map<string, unknown>; windows: Map<string, unknown> };
      held.credits.clear();
      held.windows.clear();
    }
    const survivors = await Promise.all(Array.from({ length: balance }, () => verify(key)));
    const valid = survivors.filter((v) => v.code === 'VALID').length + crashedUses;
    expect(valid).toBeLessThanOrEqual(balance);
    // What the crash stranded: at most the lease it held and the one it had asked for ahead.
    expect(valid).toBeGreaterThanOrEqual(balance - 1.25 * MAX_LEASE);
    const [row] = await t.services.database.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(row!.creditsRemaining).toBe(0);
  });
});

describe('usage', () => {
  it('counts every use by outcome, per key and for the organization, per minute, hour and day', async () => {
    await clearOfWindowEdge(60, 10_000);
    const { id, key } = await createKey({ access: 'READ_ONLY', credits: { remaining: 2 } });
    const other = await createKey();
    await verify(key);
    await verify(key, { requiredScopes: ['api_keys:write'] });
    await t.execute(Viewer, {}, { token: key });
    await verify(key);
    await verify(other.key);
    await t.services.usageCounts.flush();

    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    for (const interval of ['MINUTE', 'HOUR', 'DAY'] as const) {
      const { usage } = await t.ok(Usage, { apiKeyId: id, from: interval === 'DAY' ? new Date(Date.now() - 86_400_000).toISOString() : from, to, interval }, { token: owner.token });
      expect([interval, usage.length, usage[0]!.total]).toEqual([interval, 1, 4]);
      expect(usage[0]!.counts).toEqual([
        { code: 'INSUFFICIENT_SCOPE', count: 1 },
        { code: 'USAGE_EXCEEDED', count: 1 },
        { code: 'VALID', count: 2 },
      ]);
    }
    const whole = await t.ok(Usage, { from, to, interval: 'HOUR' }, { token: owner.token });
    expect(whole.usage.reduce((n, b) => n + b.total, 0)).toBeGreaterThanOrEqual(5);

    // Another organization sees none of it, even by the key's ID.
    const stranger = await t.signUpOrganization('Elsewhere');
    expect((await t.ok(Usage, { apiKeyId: id, from, to }, { token: stranger.token })).usage).toEqual([]);
  });

  it('writes a burst of more uses than one statement can carry, counts and last use alike', async () => {
    // A statement carries at most 65,535 parameters: 12,000 (key, outcome) pairs are 36,000
    // count rows, which as parameters would be 7 each, and 33,001 last-use times, 2 each.
    // Both were once one statement of such parameters, which failed, was put back, and
    // failed again at every flush.
    const { id } = await createKey();
    const [key] = await t.services.database.db.select({ organizationId: apiKeys.organizationId }).from(apiKeys).where(eq(apiKeys.id, id));
    const ids = Array.from({ length: 4_000 }, (_, i) => `burst${String(i).padStart(11, '0')}`);
    const at = Date.now();
    for (const code of ['VALID', 'RATE_LIMITED', 'USAGE_EXCEEDED']) for (const keyId of ids) t.services.usageCounts.count(key!.organizationId, keyId, code, at);
    await t.services.usageCounts.flush();
    const written = await t.services.database.db
      .select({ rows: count(), uses: sql<number>`coalesce(sum(${usageCounts.count}) filter (where ${usageCounts.interval} = 'MINUTE'), 0)::int` })
      .from(usageCounts)
      .where(like(usageCounts.apiKeyId, 'burst%'));
    expect(written).toEqual([{ rows: 36_000, uses: 12_000 }]);

    for (let i = 0; i < 33_000; i++) t.services.usage.record(`absent${i}`, at);
    t.services.usage.record(id, at);
    await t.services.usage.flush();
    const { apiKey } = await t.ok(ApiKeyById, { id }, { token: owner.token });
    expect(apiKey!.lastUsedAt).toBe(new Date(at).toISOString());
  });

  it('refuses a range that ends before it starts or holds too many buckets', async () => {
    const now = Date.now();
    const backwards = await t.execute(Usage, { from: new Date(now).toISOString(), to: new Date(now - 60_000).toISOString() }, { token: owner.token });
    expect([codes(backwards), backwards.errors![0]!.extensions!.field]).toEqual([['BAD_USER_INPUT'], 'to']);
    const huge = await t.execute(Usage, { from: new Date(now - 30 * 86_400_000).toISOString(), to: new Date(now).toISOString(), interval: 'MINUTE' }, { token: owner.token });
    expect([codes(huge), huge.errors![0]!.extensions!.field]).toEqual([['BAD_USER_INPUT'], 'interval']);
  });

  it('refills a balance when a new period has begun, replacing what was left', async () => {
    const { id, key } = await createKey({ credits: { remaining: 1, refill: { interval: 'DAILY', amount: 20 } } });
    expect((await verify(key)).remaining).toBe(0);
    expect((await verify(key)).code).toBe('USAGE_EXCEEDED');
    // As if the period had begun yesterday: the next use starts today's.
    await t.services.database.db
      .update(apiKeys)
      .set({ creditsRefilledAt: sql`${apiKeys.creditsRefilledAt} - interval '1 day'` })
      .where(eq(apiKeys.id, id));
    await t.services.leases.settle(true);
    expect((await controlsOf(id)).credits!.remaining).toBe(20);
    expect(await verify(key)).toMatchObject({ code: 'VALID', remaining: 19 });
  });
});

// --- helpers for the crash case -----------------------------------------------------

async function usesThrough(url: string, key: string, uses: number): Promise<number> {
  let valid = 0;
  for (let i = 0; i < uses; i++) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($k:String!){ verifyApiKey(key:$k) { code } }', variables: { k: key } }),
    });
    const body = (await response.json()) as { data: { verifyApiKey: { code: string } } };
    if (body.data.verifyApiKey.code === 'VALID') valid++;
  }
  return valid;
}
