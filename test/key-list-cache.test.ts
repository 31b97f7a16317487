import { tagOf } from '../src/db/notify';
import { KEY_LIST_MAX_ENTRY_CHARS, KeyListCache } from '../src/keys/listCache';
import { serverUrl } from './database';
import { codes, startTestApp, type Session, type TestApp } from './harness';
import { ApiKeys, CreateApiKey, RevokeApiKey, RotateApiKey, UpdateApiKey, UpdateMemberRole } from './operations';
import { graphql } from './gql';

/**
 * The key list cache (src/keys/listCache.ts, src/graphql/keyListCache.ts): a repeated list
 * costs a lookup, and no change to an organization's keys, nor to the rights of who asks,
 * is ever hidden by it.
 */

const TypenameOnly = graphql(`
  query TypenameOnly {
    __typename
  }
`);

const ListAndViewer = graphql(`
  query ListAndViewer {
    apiKeys(first: 5) { totalCount }
    viewer { kind }
  }
`);

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await startTestApp();
  owner = await t.signUpOrganization('Listed');
});
afterAll(() => t.close());

async function createKey(session: Session, input: { name: string; access: 'FULL' | 'READ_ONLY' | 'RESTRICTED'; scopes?: string[] }) {
  const { createApiKey } = await t.ok(CreateApiKey, { input }, { token: session.token });
  return { id: createApiKey.apiKey.id, token: createApiKey.secret };
}

/**
 * On PostgreSQL an instance hears its own NOTIFY back a moment after each change, and that
 * second eviction may drop a fill: wait until no more arrive before a test counts hits.
 */
async function quiet(app: TestApp = t): Promise<void> {
  let heard = -1;
  while (app.services.invalidations.stats().received !== heard) {
    heard = app.services.invalidations.stats().received;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const list = async (token: string, app: TestApp = t) => (await app.ok(ApiKeys, { first: 100 }, { token })).apiKeys;
const stats = (app: TestApp = t) => app.services.keyLists.stats();

describe('key lists through GraphQL', () => {
  it('answers a repeated list from memory, exactly as the first, and keeps one answer per principal', async () => {
    await createKey(owner, { name: 'first', access: 'READ_ONLY' });
    await quiet();
    const before = stats();
    const first = await list(owner.token);
    const again = await list(owner.token);
    expect(again).toEqual(first);
    expect(stats().hits).toBe(before.hits + 1);
    expect(stats().fills).toBe(before.fills + 1);

    // Another member of the same organization has an entry of its own.
    const admin = await t.addMember(owner, 'ADMIN');
    const fills = stats().fills;
    expect(await list(admin.token)).toEqual(first);
    expect(stats().fills).toBe(fills + 1);
  });

  it('shows every change to the organization’s keys at once: creation, update, rotation, revocation', async () => {
    const key = await createKey(owner, { name: 'changing', access: 'READ_ONLY' });
    const node = async () => (await list(owner.token)).edges.map((e) => e.node).find((n) => n.id === key.id)!;
    const total = (await list(owner.token)).totalCount;
    await list(owner.token); // cached now

    const added = await createKey(owner, { name: 'added', access: 'READ_ONLY' });
    const listed = await list(owner.token);
    expect(listed.totalCount).toBe(total + 1);
    expect(listed.edges[0]!.node.id).toBe(added.id);

    await t.ok(UpdateApiKey, { id: key.id, input: { name: 'renamed' } }, { token: owner.token });
    expect((await node()).name).toBe('renamed');

    const { rotateApiKey } = await t.ok(RotateApiKey, { id: key.id }, { token: owner.token });
    expect((await node()).lastFour).toBe(rotateApiKey.apiKey.lastFour);

    await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token });
    expect((await node()).status).toBe('REVOKED');
  });

  it('leaves the cached lists of other organizations in place', async () => {
    const elsewhere = await t.signUpOrganization('Listed Elsewhere');
    await quiet();
    await list(owner.token);
    await createKey(elsewhere, { name: 'elsewhere', access: 'READ_ONLY' });
    await quiet();
    const hits = stats().hits;
    await list(owner.token);
    expect(stats().hits).toBe(hits + 1);
  });

  it('answers a key narrowed out of api_keys:read FORBIDDEN at once, not from its cached list', async () => {
    const key = await createKey(owner, { name: 'narrowed', access: 'FULL' });
    await list(key.token);
    await list(key.token);
    await t.ok(UpdateApiKey, { id: key.id, input: { access: 'RESTRICTED', scopes: ['audit_log:read'] } }, { token: owner.token });
    expect(codes(await t.execute(ApiKeys, { first: 100 }, { token: key.token }))).toEqual(['FORBIDDEN']);
    await t.ok(RevokeApiKey, { id: key.id }, { token: owner.token });
    expect(codes(await t.execute(ApiKeys, { first: 100 }, { token: key.token }))).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps the answers of one member apart by the rights it held when asking', async () => {
    // A role change announces nothing to the key lists; the scopes in the cache key do the work.
    const admin = await t.addMember(owner, 'ADMIN');
    await quiet();
    await list(admin.token);
    await t.ok(UpdateMemberRole, { id: admin.memberId, role: 'VIEWER' }, { token: owner.token });
    const { hits, fills } = stats();
    await list(admin.token);
    expect(stats()).toMatchObject({ hits, fills: fills + 1 });
  });

  it('keeps nothing but key-list queries, and no answer with an error', async () => {
    const fills = stats().fills;
    await t.ok(TypenameOnly, {}, { token: owner.token });
    await t.ok(ListAndViewer, {}, { token: owner.token });
    await t.ok(ListAndViewer, {}, { token: owner.token });
    expect(codes(await t.execute(ApiKeys, { first: 5, after: 'not a cursor' }, { token: owner.token }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.execute(ApiKeys, { first: 5, after: 'not a cursor' }, { token: owner.token }))).toEqual(['BAD_USER_INPUT']);
    // Anonymous: refused, and nothing kept.
    expect(codes(await t.execute(ApiKeys, { first: 5 }))).toEqual(['UNAUTHENTICATED']);
    expect(stats().fills).toBe(fills);
  });

  it('makes no new entry for variables the query does not declare', async () => {
    await quiet();
    await list(owner.token);
    const { hits, fills } = stats();
    const padded = await t.ok(ApiKeys, { first: 100, padding: 'x'.repeat(1000) } as never, { token: owner.token });
    expect(padded.apiKeys).toEqual(await list(owner.token));
    expect(stats()).toMatchObject({ hits: hits + 2, fills });
  });

  it('tells pages and filters apart', async () => {
    const paged = await t.signUpOrganization('Listed Pages');
    for (let i = 0; i < 3; i++) await createKey(paged, { name: `page ${i}`, access: 'READ_ONLY' });
    const one = (await t.ok(ApiKeys, { first: 1 }, { token: paged.token })).apiKeys;
    const two = (await t.ok(ApiKeys, { first: 2 }, { token: paged.token })).apiKeys;
    const next = (await t.ok(ApiKeys, { first: 1, after: one.pageInfo.endCursor }, { token: paged.token })).apiKeys;
    const searched = (await t.ok(ApiKeys, { first: 5, filter: { search: 'page 0' } }, { token: paged.token })).apiKeys;
    expect([one.edges.length, two.edges.length, searched.totalCount]).toEqual([1, 2, 1]);
    expect(next.edges[0]!.node.id).toBe(two.edges[1]!.node.id);
  });
});

describe('the cache itself', () => {
  const org = 'org-1';
  const tag = tagOf({ keysOf: org });

  it('refuses a fill whose read began before a change to its organization, and only those', () => {
    const cache = new KeyListCache<object>();
    const early = cache.ticket();
    cache.invalidate(tag);
    expect(cache.fill(early, org, 'k', { page: 1 }, 10)).toBe(false);
    expect(cache.get(org, 'k')).toBeUndefined();
    expect(cache.fill(early, 'org-2', 'k', { page: 2 }, 10)).toBe(true);
    expect(cache.fill(cache.ticket(), org, 'k', { page: 3 }, 10)).toBe(true);
    expect(cache.get(org, 'k')).toEqual({ page: 3 });
    expect(cache.get('org-2', 'k')).toEqual({ page: 2 });
  });

  it('evicts an organization’s entries on its tag and ignores the tags of credentials', () => {
    const cache = new KeyListCache<object>();
    cache.fill(cache.ticket(), org, 'a', { a: 1 }, 10);
    cache.fill(cache.ticket(), 'org-2', 'a', { a: 2 }, 10);
    cache.invalidate(tagOf({ apiKeyId: 'x' }));
    cache.invalidate(tagOf({ memberId: org }));
    expect(cache.get(org, 'a')).toEqual({ a: 1 });
    cache.invalidate(tag);
    expect(cache.get(org, 'a')).toBeUndefined();
    expect(cache.get('org-2', 'a')).toEqual({ a: 2 });
  });

  it('serves and keeps nothing while the channel is down, nor fills read before it came back', () => {
    const cache = new KeyListCache<object>();
    cache.fill(cache.ticket(), org, 'a', { a: 1 }, 10);
    const during = cache.ticket();
    cache.suspend();
    expect(cache.get(org, 'a')).toBeUndefined();
    expect(cache.fill(cache.ticket(), org, 'b', { b: 1 }, 10)).toBe(false);
    cache.resume();
    expect(cache.fill(during, org, 'c', { c: 1 }, 10)).toBe(false);
    expect(cache.fill(cache.ticket(), org, 'd', { d: 1 }, 10)).toBe(true);
    expect(cache.get(org, 'd')).toEqual({ d: 1 });
  });

  it('forgets an answer after its TTL, so what changes unannounced (lastUsedAt, expiry) shows soon', async () => {
    const cache = new KeyListCache<object>({ ttlMs: 40 });
    cache.fill(cache.ticket(), org, 'a', { a: 1 }, 10);
    expect(cache.get(org, 'a')).toEqual({ a: 1 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(cache.get(org, 'a')).toBeUndefined();
  });

  it('holds answers up to a bound counted in characters, and none too large to be worth it', () => {
    const cache = new KeyListCache<object>({ maxChars: 1_000 });
    // 98 characters of answer and 2 of key: 100 each, so ten fit.
    for (let i = 0; i < 15; i++) cache.fill(cache.ticket(), org, `k${i.toString(36)}`, { i }, 98);
    expect(cache.stats()).toMatchObject({ size: 10, chars: 1_000 });
    expect(cache.get(org, 'ke')).toEqual({ i: 14 });
    expect(cache.get(org, 'k0')).toBeUndefined();
    const roomy = new KeyListCache<object>({ maxChars: 10_000_000 });
    expect(roomy.fill(roomy.ticket(), org, 'huge', { huge: true }, KEY_LIST_MAX_ENTRY_CHARS)).toBe(false);
    expect(roomy.fill(roomy.ticket(), org, 'big', { big: true }, KEY_LIST_MAX_ENTRY_CHARS - 10)).toBe(true);
  });

  it('keeps nothing with a TTL of 0 (KEY_LIST_CACHE_TTL_MS=0)', () => {
    const off = new KeyListCache<object>({ ttlMs: 0 });
    expect(off.fill(off.ticket(), org, 'a', { a: 1 }, 10)).toBe(false);
    expect(off.get(org, 'a')).toBeUndefined();
  });
});

/** PostgreSQL only: the change is announced to another instance through NOTIFY. */
const onServer = serverUrl ? describe : describe.skip;
onServer('across instances (PostgreSQL LISTEN/NOTIFY)', () => {
  it('a key created on A shows in the list cached on B within 1 s', async () => {
    const b = await t.another();
    await quiet();
    await quiet(b);
    const before = await list(owner.token, b);
    const hits = stats(b).hits;
    await list(owner.token, b);
    expect(stats(b).hits).toBe(hits + 1);
    const added = await createKey(owner, { name: 'from A', access: 'READ_ONLY' });
    const created = Date.now();
    let listed = await list(owner.token, b);
    while (listed.totalCount === before.totalCount && Date.now() - created < 1_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      listed = await list(owner.token, b);
    }
    expect(listed.totalCount).toBe(before.totalCount + 1);
    expect(listed.edges[0]!.node.id).toBe(added.id);
  });
});
