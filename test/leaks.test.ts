import { generateKeyPairSync, hash, sign } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { apiKeys, auditEvents, webhookMessages, webhooks } from '../src/db/schema';
import { newKey } from '../src/keys/format';
import { forgeKey } from '../src/scripts/bench/forge';
import { serverUrl } from './database';
import { codes, startTestApp, type Session, type TestApp } from './harness';
import { ApiKeyLeak, CreateApiKey, LeakPolicy, RevokeLeakedApiKeys, RotateApiKey, RevokeApiKey, UpdateOrganization, VerifyApiKey } from './operations';

/**
 * Leaked keys end themselves (SPEC §10, issue 19): GitHub's secret-scanning partner
 * endpoint, signed with ECDSA P-256 — here with a key pair made by the test and given as
 * GITHUB_SECRET_SCANNING_KEYS, as on a machine that cannot reach GitHub — and the public
 * `revokeLeakedApiKeys`.
 */

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const KEY_IDENTIFIER = 'test-key-1';
const keysDocument = {
  public_keys: [{ key_identifier: KEY_IDENTIFIER, key: publicKey.export({ type: 'spki', format: 'pem' }).toString(), is_current: true }],
};
const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await startTestApp({ GITHUB_SECRET_SCANNING_KEYS: JSON.stringify(keysDocument) });
  owner = await t.signUpOrganization('Leaky');
});
afterAll(() => t.close());

let made = 0;
async function createKey(by: Session = owner) {
  const { createApiKey } = await t.ok(CreateApiKey, { input: { name: `leakable ${++made}`, access: 'FULL' } }, { token: by.token });
  return { id: createApiKey.apiKey.id, key: createApiKey.secret };
}
const codeOf = async (key: string) => (await t.ok(VerifyApiKey, { key })).verifyApiKey.code;
const leakedEvents = (id: string) =>
  t.services.database.db
    .select({ action: auditEvents.action, actorKind: auditEvents.actorKind, actorId: auditEvents.actorId, details: auditEvents.details, ip: auditEvents.ip })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, id)))
    .then((rows) => rows.filter((r) => r.action === 'api_key.leaked' || r.action === 'api_key.revoked'));

type Reported = { token: string; type: string; url?: string; source?: string };

function postReport(body: string, headers: Record<string, string> = {}, method = 'POST') {
  return t.app.fetch('http://keyward.test/secret-scanning/github', { method, headers: { 'content-type': 'application/json', ...headers }, body: method === 'POST' ? body : undefined }, {
    req: { socket: { remoteAddress: '192.0.2.50' } as never },
  });
}
const signed = (body: string, key = privateKey, identifier = KEY_IDENTIFIER) => ({
  'github-public-key-identifier': identifier,
  'github-public-key-signature': sign('sha256', Buffer.from(body), { key, dsaEncoding: 'der' }).toString('base64'),
});
async function report(tokens: Reported[]) {
  const body = JSON.stringify(tokens);
  const response = await postReport(body, signed(body));
  expect(response.status).toBe(200);
  return (await response.json()) as Array<{ token_hash: string; token_type: string; label: string }>;
}

describe('GitHub secret scanning', () => {
  it('refuses unsigned, badly signed and unknown-key reports with 401, and changes nothing', async () => {
    const { key } = await createKey();
    const body = JSON.stringify([{ token: key, type: 'keyward_api_key', url: 'https://github.com/x/y/blob/main/.env', source: 'content' }]);
    expect((await postReport(body)).status).toBe(401);
    expect((await postReport(body, signed(body, stranger))).status).toBe(401);
    expect((await postReport(body, signed(body, privateKey, 'some-other-key'))).status).toBe(401);
    // Signed, then altered: the signature covers the raw body.
    expect((await postReport(body.replace('content', 'commit'), signed(body))).status).toBe(401);
    expect((await postReport(body, { ...signed(body), 'github-public-key-signature': 'not base64 at all!' })).status).toBe(401);
    expect(await codeOf(key)).toBe('VALID');
  });

  it('refuses what is not a report: another method, a body over 2 MB, JSON that is not an array of tokens', async () => {
    expect((await postReport('', {}, 'GET')).status).toBe(405);
    const huge = JSON.stringify([{ token: 'x'.repeat(2 * 1024 * 1024), type: 't' }]);
    expect((await postReport(huge, signed(huge))).status).toBe(413);
    for (const body of ['{"token":"x","type":"t"}', '[{"type":"t"}]', '[{"token":1,"type":"t"}]', 'not json']) {
      expect([body, (await postReport(body, signed(body))).status]).toEqual([body, 400]);
    }
  });

  it('revokes each live key reported, labels every token, audits the source and URL, and never echoes a token', async () => {
    const live = await createKey();
    const other = await createKey();
    const revoked = await createKey();
    await t.ok(RevokeApiKey, { id: revoked.id }, { token: owner.token });
    const forged = forgeKey(live.id, live.key.slice(-6));
    const unknown = newKey('ZZZZZZZZZZZZZZZZ').fullKey;
    const url = 'https://github.com/acme/app/blob/abc123/config.js';
    const tokens: Reported[] = [
      { token: live.key, type: 'keyward_api_key', url, source: 'content' },
      { token: other.key, type: 'keyward_api_key', url, source: 'commit' },
      { token: revoked.key, type: 'keyward_api_key', url, source: 'content' },
      { token: forged, type: 'keyward_api_key', url, source: 'content' },
      { token: unknown, type: 'keyward_api_key', url, source: 'content' },
      { token: 'kw_not_even_close', type: 'keyward_api_key' },
      // The same key twice in one batch: acted on once.
      { token: live.key, type: 'keyward_api_key', url, source: 'content' },
    ];
    const answer = await report(tokens);
    expect(answer).toEqual(
      tokens.map((r, i) => ({ token_hash: hash('sha256', r.token, 'hex'), token_type: 'keyward_api_key', label: [0, 1, 2, 6].includes(i) ? 'true_positive' : 'false_positive' })),
    );
    expect(JSON.stringify(answer)).not.toContain(live.key);
    expect([await codeOf(live.key), await codeOf(other.key)]).toEqual(['REVOKED', 'REVOKED']);
    expect(await leakedEvents(live.id)).toEqual([
      { action: 'api_key.leaked', actorKind: 'SYSTEM', actorId: 'github', details: { source: 'content', url }, ip: '192.0.2.50' },
      { action: 'api_key.revoked', actorKind: 'SYSTEM', actorId: 'github', details: null, ip: '192.0.2.50' },
    ]);
    // Already revoked: a true positive, and nothing more happens to it.
    expect((await leakedEvents(revoked.id)).map((e) => e.action)).toEqual(['api_key.revoked']);
    const leak = (await t.ok(ApiKeyLeak, { id: live.id }, { token: owner.token })).apiKey!;
    expect([leak.status, leak.leakedAt !== null]).toEqual(['REVOKED', true]);
  });

  it("follows the organization's policy: NOTIFY keeps the key working and flags it", async () => {
    const careful = await t.signUpOrganization('Careful');
    expect((await t.ok(LeakPolicy, {}, { token: careful.token })).viewer!.organization!.leakPolicy).toBe('REVOKE');
    expect((await t.ok(UpdateOrganization, { input: { leakPolicy: 'NOTIFY' } }, { token: careful.token })).updateOrganization.leakPolicy).toBe('NOTIFY');
    const flagged = await createKey(careful);
    expect((await report([{ token: flagged.key, type: 'keyward_api_key', source: 'issue_comment' }]))[0]!.label).toBe('true_positive');
    expect(await codeOf(flagged.key)).toBe('VALID');
    const leak = (await t.ok(ApiKeyLeak, { id: flagged.id }, { token: careful.token })).apiKey!;
    expect([leak.status, leak.leakedAt !== null]).toEqual(['ACTIVE', true]);
    expect((await leakedEvents(flagged.id)).map((e) => [e.action, e.details])).toEqual([['api_key.leaked', { source: 'issue_comment' }]]);
    // A viewer may read the policy but not change it; a key holder without organization:read sees no policy.
    const viewer = await t.addMember(careful, 'VIEWER');
    expect(codes(await t.execute(UpdateOrganization, { input: { leakPolicy: 'REVOKE' } }, { token: viewer.token }))).toEqual(['FORBIDDEN']);
  });

  it('a leaked previous secret ends its grace period; the rotated key keeps working', async () => {
    const { id, key: old } = await createKey();
    const { rotateApiKey } = await t.ok(RotateApiKey, { id, gracePeriodSeconds: 3600 }, { token: owner.token });
    expect(await codeOf(old)).toBe('VALID');
    expect((await report([{ token: old, type: 'keyward_api_key', source: 'content' }]))[0]!.label).toBe('true_positive');
    expect([await codeOf(old), await codeOf(rotateApiKey.secret)]).toEqual(['NOT_FOUND', 'VALID']);
    expect((await leakedEvents(id)).map((e) => [e.action, e.details])).toEqual([['api_key.leaked', { source: 'content', secret: 'previous' }]]);
  });

  it('queues api_key.leaked and api_key.revoked for the organization’s webhooks in the same transaction', async () => {
    const org = await t.signUpOrganization('Hooked');
    const [hook] = await t.services.database.db
      .insert(webhooks)
      .values({ organizationId: (await t.ok(LeakPolicy, {}, { token: org.token })).viewer!.organization!.id, url: 'http://127.0.0.1:9/hook', events: ['api_key.leaked', 'api_key.revoked'], secret: 'whsec_dGVzdA==', enabled: false })
      .returning();
    // Disabled: nothing is queued for it.
    const first = await createKey(org);
    await report([{ token: first.key, type: 'keyward_api_key', source: 'content' }]);
    await t.services.database.db.update(webhooks).set({ enabled: true }).where(eq(webhooks.id, hook!.id));
    const second = await createKey(org);
    await report([{ token: second.key, type: 'keyward_api_key', source: 'content', url: 'https://gist.github.com/x' }]);
    const queued = await t.services.database.db.select({ type: webhookMessages.type, payload: webhookMessages.payload }).from(webhookMessages).where(eq(webhookMessages.webhookId, hook!.id));
    expect(queued.map((m) => [m.type, (m.payload.data as { id: string }).id])).toEqual([
      ['api_key.leaked', second.id],
      ['api_key.revoked', second.id],
    ]);
    expect(queued[0]!.payload.data).toMatchObject({ source: 'content', url: 'https://gist.github.com/x' });
  });

  (serverUrl ? it : it.skip)('a key revoked by a report is refused by another instance that had it cached, within 1 s (PostgreSQL)', async () => {
    const b = await t.another();
    const { key } = await createKey();
    expect((await b.ok(VerifyApiKey, { key })).verifyApiKey.code).toBe('VALID');
    await report([{ token: key, type: 'keyward_api_key', source: 'content' }]);
    const reportedAt = Date.now();
    let code = 'VALID';
    while (code === 'VALID' && Date.now() - reportedAt < 1_000) code = (await b.ok(VerifyApiKey, { key })).verifyApiKey.code;
    expect(code).toBe('REVOKED');
  });

  it('judges a batch of 1,000 tokens, mixed true and false positives, revoking each real one', async () => {
    const real = await Promise.all(Array.from({ length: 100 }, () => createKey()));
    const tokens: Reported[] = [];
    for (let i = 0; i < 1_000; i++) {
      const k = real[i % 100]!;
      tokens.push({ token: i < 100 ? k.key : i % 2 ? forgeKey(k.id, k.key.slice(-6)) : newKey(k.id).fullKey, type: 'keyward_api_key', source: 'content' });
    }
    const answer = await report(tokens);
    expect(answer.filter((a) => a.label === 'true_positive').length).toBe(100);
    const rows = await t.services.database.db.select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt }).from(apiKeys);
    const byId = new Map(rows.map((r) => [r.id, r.revokedAt]));
    expect(real.every((k) => byId.get(k.id) !== null)).toBe(true);
  });
});

describe('revokeLeakedApiKeys', () => {
  it('revokes every live key given, of any organization, and answers true whatever the keys were', async () => {
    const elsewhere = await t.signUpOrganization('Elsewhere Inc');
    const [mine, theirs] = [await createKey(), await createKey(elsewhere)];
    const junk = ['', 'hello', newKey('ZZZZZZZZZZZZZZZZ').fullKey, forgeKey(mine.id, mine.key.slice(-6)), 'x'.repeat(5_000)];
    expect((await t.ok(RevokeLeakedApiKeys, { keys: junk }, { ip: '198.51.100.20' })).revokeLeakedApiKeys).toBe(true);
    expect(await codeOf(mine.key)).toBe('VALID');
    expect((await t.ok(RevokeLeakedApiKeys, { keys: [mine.key, theirs.key, ...junk] }, { ip: '198.51.100.20' })).revokeLeakedApiKeys).toBe(true);
    expect([await codeOf(mine.key), await codeOf(theirs.key)]).toEqual(['REVOKED', 'REVOKED']);
    expect(await leakedEvents(theirs.id)).toEqual([
      { action: 'api_key.leaked', actorKind: 'ANONYMOUS', actorId: null, details: { source: 'public' }, ip: '198.51.100.20' },
      { action: 'api_key.revoked', actorKind: 'ANONYMOUS', actorId: null, details: null, ip: '198.51.100.20' },
    ]);
  });

  it('refuses more than 1,000 keys, revoking none of them', async () => {
    const { key } = await createKey();
    const result = await t.execute(RevokeLeakedApiKeys, { keys: [key, ...Array.from({ length: 1_000 }, () => 'x')] }, { ip: '198.51.100.21' });
    expect([codes(result), result.errors![0]!.extensions!.field]).toEqual([['BAD_USER_INPUT'], 'keys']);
    expect(await codeOf(key)).toBe('VALID');
  });

  it('is limited per client address, and one address spending its calls leaves others theirs', async () => {
    for (let i = 0; i < 10; i++) expect(codes(await t.execute(RevokeLeakedApiKeys, { keys: ['x'] }, { ip: '198.51.100.30' }))).toEqual([]);
    const limited = await t.execute(RevokeLeakedApiKeys, { keys: ['x'] }, { ip: '198.51.100.30' });
    expect([limited.status, codes(limited)]).toEqual([429, ['RATE_LIMITED']]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(codes(await t.execute(RevokeLeakedApiKeys, { keys: ['x'] }, { ip: '198.51.100.31' }))).toEqual([]);
  });
});
