import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerifier, KeywardUnavailableError, parseKey, type KeywardVerifier, type Verification, type VerifierOptions } from '@keyward/client';
import { newKey, newKeyId, parseKey as serverParseKey } from '../src/keys/format';
import { createServiceToken } from '../src/serviceTokens/serviceTokens';
import { serverUrl } from './database';
import { startTestApp, type Session, type TestApp } from './harness';
import { CreateApiKey, RevokeApiKey, RotateApiKey, VerifyApiKeyUse } from './operations';
import type { CreateApiKeyInput } from './gql/graphql';

/**
 * @keyward/client (SPEC §11, issue 20) against a real Keyward over real HTTP: the test app
 * served by node:http on a loopback port, so that the feed's connections can be cut (the
 * server stopped and restarted on the same port, or only its SSE streams refused) while the
 * test keeps changing keys in-process.
 */

interface Served {
  url: string;
  /** Plain GraphQL POSTs served (verifyApiKey, snapshots): what the client asked, feed connections aside. */
  requests: number;
  /** Refuse new feed connections (503) while the rest is served. */
  refuseFeed: boolean;
  running: boolean;
  dropFeeds(): void;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function serve(app: RequestListener): Promise<Served> {
  let server: Server;
  let port = 0;
  const feeds = new Set<ServerResponse>();
  const served: Served = {
    url: '',
    requests: 0,
    refuseFeed: false,
    running: false,
    dropFeeds() {
      for (const response of feeds) response.socket?.destroy();
    },
    async start() {
      server = createServer((request, response) => {
        if (String(request.headers.accept).includes('text/event-stream')) {
          if (served.refuseFeed) {
            response.writeHead(503).end();
            return;
          }
          feeds.add(response);
          response.on('close', () => feeds.delete(response));
        } else {
          served.requests++;
        }
        app(request, response);
      });
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
      served.url = `http://127.0.0.1:${port}/graphql`;
      served.running = true;
    },
    async stop() {
      served.running = false;
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    },
  };
  await served.start();
  return served;
}

let t: TestApp;
let owner: Session;
let service: string;
let keyward: Served;
let keysMade = 0;
const verifiers: KeywardVerifier[] = [];

beforeAll(async () => {
  t = await startTestApp();
  owner = await t.signUpOrganization('Client Platform');
  service = (await createServiceToken(t.services.invalidations, 'client-tests')).token;
  keyward = await serve(t.app);
});
afterEach(async () => {
  for (const verifier of verifiers.splice(0)) await verifier.close();
  keyward.refuseFeed = false;
  // A test that failed with Keyward stopped does not take the next ones down with it.
  if (!keyward.running) await keyward.start();
});
afterAll(async () => {
  await keyward.stop();
  await t.close();
});

function verifier(options: Partial<VerifierOptions> = {}, url = keyward.url): KeywardVerifier {
  const made = createVerifier({ url, serviceToken: service, maxReconnectDelayMs: 200, ...options });
  verifiers.push(made);
  return made;
}

async function createKey(input: Partial<CreateApiKeyInput> = {}): Promise<{ id: string; key: string }> {
  const { createApiKey } = await t.ok(CreateApiKey, { input: { name: `key ${++keysMade}`, access: 'FULL', ...input } }, { token: owner.token });
  return { id: createApiKey.apiKey.id, key: createApiKey.secret };
}

const revoke = (id: string, on: TestApp = t) => on.ok(RevokeApiKey, { id }, { token: owner.token });

/** What verifyApiKey itself answers (through the app, not the served port): the reference. */
async function reference(key: string, scopes: string[] = [], ip: string | null = null) {
  return (await t.ok(VerifyApiKeyUse, { key, requiredScopes: scopes, ip })).verifyApiKey;
}

const withoutOrganization = ({ organization: _organization, ...rest }: Verification) => rest;

/** Polls `check` every 10 ms until it holds or `withinMs` passes; returns the time it took. */
async function eventually(check: () => boolean | Promise<boolean>, withinMs: number, what: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const codeOf = async (v: KeywardVerifier, key: string) => (await v.verify(key)).code;

/**
 * Waits until `key` is answered from the cache. A verdict is not stored when a feed event
 * arrives while it is being fetched — and the events of keys made just before the feed
 * connected can arrive after READY (the instance reads them a moment later) — so the
 * first presentation may take two.
 */
const untilCached = (v: KeywardVerifier, key: string, scopes: string[] = [], served = () => keyward.requests) =>
  eventually(
    async () => {
      const before = served();
      await v.verify(key, { scopes });
      return served() === before;
    },
    2_000,
    'the verdict cached',
  );

describe('the key format, re-implemented in the package', () => {
  it('agrees with the server on fresh keys, every one-character change, and junk', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_';
    for (let i = 0; i < 50; i++) {
      const { fullKey, keyId } = newKey(newKeyId());
      expect(parseKey(fullKey)).toEqual({ keyId, checksum: fullKey.slice(-6) });
    }
    const { fullKey } = newKey(newKeyId());
    for (let position = 0; position < fullKey.length; position++) {
      for (const replacement of [alphabet[(alphabet.indexOf(fullKey[position]!) + 1) % alphabet.length]!, '-']) {
        const changed = fullKey.slice(0, position) + replacement + fullKey.slice(position + 1);
        expect([changed, parseKey(changed)]).toEqual([changed, null]);
        expect(serverParseKey(changed)).toBeNull();
      }
    }
    for (const junk of ['', 'kw_', fullKey.slice(0, -1), `${fullKey}A`, ` ${fullKey}`, fullKey.toUpperCase(), `kwsrv_${'A'.repeat(43)}`]) {
      expect([junk, parseKey(junk)]).toEqual([junk, serverParseKey(junk)]);
    }
  });
});

describe('cache mode', () => {
  it('answers like verifyApiKey; a cached key needs no server call; one entry answers every set of scopes', async () => {
    const full = await createKey({ meta: { plan: 'pro' } });
    const restricted = await createKey({ access: 'RESTRICTED', scopes: ['api_keys:read'] });
    const revoked = await createKey();
    await revoke(revoked.id);
    const unknown = newKey(newKeyId()).fullKey;
    const malformed = `${full.key.slice(0, -1)}${full.key.endsWith('A') ? 'B' : 'A'}`;
    const cases: Array<[string, string[]]> = [
      [full.key, []],
      [restricted.key, ['api_keys:read']],
      [restricted.key, ['api_keys:write']],
      [revoked.key, []],
      [unknown, []],
      [malformed, []],
    ];
    const v = verifier();
    await v.ready();

    const before = keyward.requests;
    const first: Verification[] = [];
    for (const [key, scopes] of cases) {
      const answer = await v.verify(key, { scopes });
      expect(withoutOrganization(answer)).toEqual(await reference(key, scopes));
      first.push(answer);
    }
    expect(first.map((a) => a.code)).toEqual(['VALID', 'VALID', 'INSUFFICIENT_SCOPE', 'REVOKED', 'NOT_FOUND', 'MALFORMED']);
    expect(first[0]!.organization).toEqual({ id: expect.any(String) });
    expect(first[0]!.meta).toEqual({ plan: 'pro' });
    // MALFORMED never reached the server.
    expect(keyward.requests - before).toBeLessThanOrEqual(5);

    for (const [key, scopes] of cases.slice(0, 4)) await untilCached(v, key, scopes);
    const again = keyward.requests;
    for (const [i, [key, scopes]] of cases.entries()) expect(await v.verify(key, { scopes })).toEqual(first[i]);
    // Only NOT_FOUND is asked again: it is not cached. The write check was answered from the
    // entry the read check left: one entry per key answers every set of scopes.
    expect(keyward.requests - again).toBe(1);
    expect(v.metrics()).toMatchObject({ feedConnected: true, stale: false, keys: 3 });
  });

  it('drops a verdict within 1 s of its key being revoked', async () => {
    const { id, key } = await createKey();
    const v = verifier();
    await v.ready();
    expect(await codeOf(v, key)).toBe('VALID');
    await untilCached(v, key);
    const before = keyward.requests;
    expect(await codeOf(v, key)).toBe('VALID');
    expect(keyward.requests).toBe(before);

    await revoke(id);
    await eventually(async () => (await codeOf(v, key)) === 'REVOKED', 1_000, 'the revoked key refused');
    expect(v.metrics().lastEventAt).toEqual(expect.any(Number));
  });

  it("keeps a rotated key's two live secrets apart from each other and from any other secret under the same key ID", async () => {
    const { id, key: previous } = await createKey();
    const v = verifier();
    await v.ready();
    const { rotateApiKey } = await t.ok(RotateApiKey, { id, gracePeriodSeconds: 60 }, { token: owner.token });
    const current = rotateApiKey.secret;
    await untilCached(v, current);
    await untilCached(v, previous);

    const before = keyward.requests;
    expect([await codeOf(v, current), await codeOf(v, previous)]).toEqual(['VALID', 'VALID']);
    expect(keyward.requests).toBe(before);
    // Same key ID, a well-formed key with another secret: not the cached key, so the server is asked.
    const forged = newKey(id).fullKey;
    expect(parseKey(forged)?.keyId).toBe(id);
    expect(await codeOf(v, forged)).toBe('NOT_FOUND');
    expect(keyward.requests).toBe(before + 1);
    expect(await codeOf(v, current)).toBe('VALID');
    expect(keyward.requests).toBe(before + 1);
    expect(v.metrics().keys).toBe(1);
  });

  it('holds at most cacheSize keys, evicting the least recently used', async () => {
    const [a, b, c] = [await createKey(), await createKey(), await createKey()];
    const v = verifier({ cacheSize: 2 });
    await v.ready();
    await untilCached(v, a.key);
    await untilCached(v, b.key);
    await untilCached(v, a.key); // a is now more recently used than b
    await untilCached(v, c.key); // so b goes
    expect(v.metrics().keys).toBe(2);
    const before = keyward.requests;
    expect([await codeOf(v, a.key), await codeOf(v, c.key)]).toEqual(['VALID', 'VALID']);
    expect(keyward.requests).toBe(before);
    expect(await codeOf(v, b.key)).toBe('VALID');
    expect(keyward.requests).toBe(before + 1);
  });

  it('catches up, on reconnecting, with the changes made while the feed was cut', async () => {
    const changed = await createKey();
    const unchanged = await createKey();
    const v = verifier();
    await v.ready();
    expect([await codeOf(v, changed.key), await codeOf(v, unchanged.key)]).toEqual(['VALID', 'VALID']);
    await untilCached(v, changed.key);
    await untilCached(v, unchanged.key);

    await keyward.stop();
    await eventually(() => !v.metrics().feedConnected, 5_000, 'the drop noticed');
    await revoke(changed.id); // while nobody can hear it
    // Within staleAfterMs the cache still answers (the bound documented), server or not.
    expect(await codeOf(v, changed.key)).toBe('VALID');
    await keyward.start();

    await eventually(() => v.metrics().feedConnected, 5_000, 'the feed back');
    await eventually(async () => (await codeOf(v, changed.key)) === 'REVOKED', 1_000, 'the missed revocation replayed');
    // Replayed, not wiped: the other key is still a hit.
    const before = keyward.requests;
    expect(await codeOf(v, unchanged.key)).toBe('VALID');
    expect(keyward.requests).toBe(before);
  });

  it('asks the server every time while the feed has been down longer than staleAfterMs, and starts afresh when it returns', async () => {
    const { key } = await createKey();
    const logged: string[] = [];
    const v = verifier({ staleAfterMs: 300, logger: { info: (m) => logged.push(m), warn: (m) => logged.push(m) } });
    await v.ready();
    expect(await codeOf(v, key)).toBe('VALID');
    await untilCached(v, key);

    keyward.refuseFeed = true;
    keyward.dropFeeds();
    await eventually(() => v.metrics().stale, 3_000, 'stale');
    const before = keyward.requests;
    for (let i = 0; i < 3; i++) expect(await codeOf(v, key)).toBe('VALID');
    expect(keyward.requests - before).toBe(3);
    expect(v.metrics()).toMatchObject({ feedConnected: false, stale: true });
    expect(logged.some((m) => m.includes('stale'))).toBe(true);

    // Keyward unreachable too: nothing to trust, so no answer at all.
    await keyward.stop();
    await expect(v.verify(key)).rejects.toBeInstanceOf(KeywardUnavailableError);
    keyward.refuseFeed = false;
    await keyward.start();

    await eventually(() => v.metrics().feedConnected, 5_000, 'the feed back');
    expect(v.metrics()).toMatchObject({ stale: false, keys: 0 });
    const after = keyward.requests;
    expect([await codeOf(v, key), await codeOf(v, key)]).toEqual(['VALID', 'VALID']);
    expect(keyward.requests - after).toBe(1);
    expect(logged.some((m) => m.includes('connected'))).toBe(true);
  });
});

describe.each(['cache', 'replica'] as const)('%s mode: keys only the server may judge', (mode) => {
  it('sends every use of a metered or IP-restricted key to the server', async () => {
    const credits = await createKey({ credits: { remaining: 2 } });
    const limited = await createKey({ rateLimits: [{ name: 'burst', limit: 100, durationSeconds: 60 }] });
    const restricted = await createKey({ allowedIps: ['10.0.0.0/8', '2001:db8::/32'] });
    const v = verifier({ mode });
    await v.ready();

    const before = keyward.requests;
    expect((await v.verify(credits.key)).remaining).toBe(1);
    expect((await v.verify(credits.key)).remaining).toBe(0);
    expect((await v.verify(credits.key)).code).toBe('USAGE_EXCEEDED');
    expect((await v.verify(limited.key)).rateLimits).toEqual([expect.objectContaining({ name: 'burst', limit: 100, remaining: 99 })]);
    expect((await v.verify(limited.key)).rateLimits).toEqual([expect.objectContaining({ name: 'burst', remaining: 98 })]);
    expect((await v.verify(restricted.key, { ip: '10.1.2.3' })).code).toBe('VALID');
    expect((await v.verify(restricted.key, { ip: '2001:db8::1' })).code).toBe('VALID');
    expect((await v.verify(restricted.key, { ip: '192.0.2.1' })).code).toBe('IP_NOT_ALLOWED');
    expect((await v.verify(restricted.key)).code).toBe('IP_NOT_ALLOWED');
    expect((await v.verify(restricted.key, { ip: '10.1.2.3' })).code).toBe('VALID');
    expect(keyward.requests - before).toBe(10);
  });
});

describe('replica mode', () => {
  it('loads every key, answers never-seen keys with no server call, and follows revocations, new keys and rotations', async () => {
    const made = await Promise.all(Array.from({ length: 20 }, (_, i) => createKey(i % 2 ? { access: 'RESTRICTED', scopes: ['api_keys:read'] } : {})));
    const v = verifier({ mode: 'replica' });
    await v.ready();
    expect(v.metrics()).toMatchObject({ keys: keysMade, feedConnected: true, stale: false });

    const before = keyward.requests;
    for (const [i, { key }] of made.entries()) {
      const scopes = ['api_keys:write'];
      const answer = await v.verify(key, { scopes });
      expect(answer.code).toBe(i % 2 ? 'INSUFFICIENT_SCOPE' : 'VALID');
      expect(withoutOrganization(answer)).toEqual(await reference(key, scopes));
    }
    expect(await codeOf(v, newKey(newKeyId()).fullKey)).toBe('NOT_FOUND');
    expect(await codeOf(v, `${made[0]!.key.slice(0, 30)}${made[1]!.key.slice(30)}`)).toBe('MALFORMED');
    expect(keyward.requests).toBe(before);
    expect(v.metrics().misses).toBe(0);

    await revoke(made[0]!.id);
    await eventually(async () => (await codeOf(v, made[0]!.key)) === 'REVOKED', 1_000, 'the revocation followed');
    const fresh = await createKey();
    await eventually(async () => (await codeOf(v, fresh.key)) === 'VALID', 1_000, 'the new key known');
    const { rotateApiKey } = await t.ok(RotateApiKey, { id: made[2]!.id, gracePeriodSeconds: 60 }, { token: owner.token });
    await eventually(async () => (await codeOf(v, rotateApiKey.secret)) === 'VALID', 1_000, 'the rotated secret known');

    // While a changed key is being reloaded it is asked of the server; once every one is
    // reloaded (all four answered in one pass with no server call), the replica answers alone.
    await eventually(async () => {
      const misses = v.metrics().misses;
      for (const key of [made[0]!.key, fresh.key, rotateApiKey.secret, made[2]!.key]) await codeOf(v, key);
      return v.metrics().misses === misses;
    }, 2_000, 'the reloads done');
    const settled = { requests: keyward.requests, misses: v.metrics().misses };
    expect(await codeOf(v, made[0]!.key)).toBe('REVOKED');
    expect(await codeOf(v, fresh.key)).toBe('VALID');
    expect(await codeOf(v, rotateApiKey.secret)).toBe('VALID');
    expect(await codeOf(v, made[2]!.key)).toBe('VALID'); // the previous secret, within its grace
    expect(v.metrics()).toMatchObject({ keys: keysMade, misses: settled.misses });
    expect(keyward.requests).toBe(settled.requests);
  });

  it('asks the server while stale, answers from its copy while Keyward is down, and fails closed after maxStalenessMs', async () => {
    const { key } = await createKey();
    const v = verifier({ mode: 'replica', staleAfterMs: 200, maxStalenessMs: 1_000 });
    await v.ready();
    expect(await codeOf(v, key)).toBe('VALID');

    const cut = Date.now();
    keyward.refuseFeed = true;
    keyward.dropFeeds();
    await eventually(() => v.metrics().stale, 3_000, 'stale');
    const before = keyward.requests;
    expect([await codeOf(v, key), await codeOf(v, key)]).toEqual(['VALID', 'VALID']);
    expect(keyward.requests - before).toBe(2);

    await keyward.stop();
    const stopped = Date.now();
    expect(await codeOf(v, key)).toBe('VALID'); // from the copy: Keyward is unreachable
    let failedAt = 0;
    await eventually(
      () =>
        v.verify(key).then(
          () => false,
          (error: unknown) => {
            expect(error).toBeInstanceOf(KeywardUnavailableError);
            failedAt = Date.now();
            return true;
          },
        ),
      5_000,
      'failing closed',
    );
    // Not before maxStalenessMs after the feed was cut; and since it was cut before Keyward
    // stopped, within that bound of the stop (plus the polling).
    expect(failedAt - cut).toBeGreaterThanOrEqual(1_000);
    expect(failedAt - stopped).toBeLessThanOrEqual(1_000 + 500);

    keyward.refuseFeed = false;
    await keyward.start();
    await eventually(() => v.metrics().feedConnected, 5_000, 'the feed back');
    expect(await codeOf(v, key)).toBe('VALID');
  });
});

(serverUrl ? describe : describe.skip)('two instances on PostgreSQL', () => {
  it('a client following instance B drops a key revoked on instance A within 1 s', async () => {
    const b = await t.another();
    const servedB = await serve(b.app);
    try {
      const { id, key } = await createKey();
      const cached = verifier({}, servedB.url);
      const replica = verifier({ mode: 'replica' }, servedB.url);
      await Promise.all([cached.ready(), replica.ready()]);
      expect([await codeOf(cached, key), await codeOf(replica, key)]).toEqual(['VALID', 'VALID']);
      await untilCached(cached, key, [], () => servedB.requests);

      await revoke(id, t);
      await eventually(async () => (await codeOf(cached, key)) === 'REVOKED' && (await codeOf(replica, key)) === 'REVOKED', 1_000, 'revoked on A, seen through B');
    } finally {
      for (const v of verifiers.splice(0)) await v.close();
      await servedB.stop();
    }
  });
});
