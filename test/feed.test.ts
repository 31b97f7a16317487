import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lte } from 'drizzle-orm';
import { verificationChanges } from '../src/db/schema';
import { serviceTokenCommand, UsageError } from '../src/scripts/service-token';
import { createServiceToken, revokeServiceToken } from '../src/serviceTokens/serviceTokens';
import { serverUrl } from './database';
import { codes, startTestApp, type Session, type TestApp } from './harness';
import { ApiKeys, CreateApiKey, RevokeApiKey, UpdateOrganization, VerifyApiKey, Viewer } from './operations';

/**
 * Service credentials and the change feed (SPEC §11, issue 20): a platform-level principal
 * that may verify keys, load the verification snapshot and follow `verificationChanges`
 * over Server-Sent Events — and nothing else.
 */

let t: TestApp;
let owner: Session;
let service: string;
beforeAll(async () => {
  t = await startTestApp();
  owner = await t.signUpOrganization('Platform Customer');
  service = (await createServiceToken(t.services.invalidations, `gateway-${Date.now()}`)).token;
});
afterAll(() => t.close());

const SNAPSHOT = `query($after: String, $ids: [ID!]) { verificationSnapshot(after: $after, ids: $ids) {
  cursor hasMore endCursor keys { id organizationId access scopes secrets { checksum digest kind endsAt } revokedAt metered } } }`;

async function raw(query: string, variables: Record<string, unknown>, token: string, on: TestApp = t) {
  const response = await on.app.fetch('http://keyward.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> };
}

interface FeedEvent {
  kind: string;
  cursor: string;
  apiKeyId: string | null;
  action: string | null;
}

/** A subscription over SSE, as graphql-sse's distinct-connections mode speaks it; events are read as they come. */
async function subscribe(token: string, after: string | null = null, on: TestApp = t) {
  const controller = new AbortController();
  const response = await on.app.fetch('http://keyward.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'subscription($after: String) { verificationChanges(after: $after) { kind cursor apiKeyId action } }', variables: { after } }),
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const received: Array<FeedEvent | { errors: unknown }> = [];
  const pump: Promise<void> = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data:'));
        if (!data || !block.includes('event: next')) continue;
        const payload = JSON.parse(data.slice(5)) as { data?: { verificationChanges: FeedEvent }; errors?: unknown };
        received.push(payload.data ? payload.data.verificationChanges : { errors: payload.errors });
      }
    }
  })();
  return {
    status: response.status,
    received,
    /** Resolves with 'ended' when the server ends the stream. */
    ended: pump.then(() => 'ended'),
    /** Waits (at most 5 s) until `count` events have arrived. */
    async next(count: number): Promise<Array<FeedEvent | { errors: unknown }>> {
      const until = Date.now() + 5_000;
      while (received.length < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(received.length).toBeGreaterThanOrEqual(count);
      return received.slice(0, count);
    },
    async close() {
      controller.abort();
      await reader.cancel().catch(() => {});
      await pump;
    },
  };
}

describe('service credentials', () => {
  it('are SERVICE principals of no organization that may verify keys and nothing else', async () => {
    const { viewer } = await t.ok(Viewer, {}, { token: service });
    expect(viewer).toEqual({ kind: 'SERVICE', scopes: [], organization: null, member: null });
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name: 'customer key', access: 'READ_ONLY' } }, { token: owner.token });
    expect((await t.ok(VerifyApiKey, { key: createApiKey.secret }, { token: service })).verifyApiKey.code).toBe('VALID');
    expect(codes(await t.execute(ApiKeys, {}, { token: service }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.execute(CreateApiKey, { input: { name: 'no', access: 'FULL' } }, { token: service }))).toEqual(['FORBIDDEN']);
    // And the feed's parts are theirs alone.
    expect((await raw(SNAPSHOT, {}, owner.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await raw(SNAPSHOT, {}, createApiKey.secret)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stop working everywhere when revoked, and a made-up one is refused as a whole', async () => {
    const made = await createServiceToken(t.services.invalidations, `short-lived-${Date.now()}`);
    expect((await t.ok(Viewer, {}, { token: made.token })).viewer!.kind).toBe('SERVICE');
    await revokeServiceToken(t.services.invalidations, made.serviceToken.name);
    const refused = await t.execute(Viewer, {}, { token: made.token });
    expect([refused.status, codes(refused)]).toEqual([401, ['UNAUTHENTICATED']]);
    expect(codes(await t.execute(Viewer, {}, { token: `kwsrv_${'A'.repeat(43)}` }))).toEqual(['UNAUTHENTICATED']);
    await expect(createServiceToken(t.services.invalidations, made.serviceToken.name)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('are made, listed, revoked and audited by `npm run service-token`, the token printed once', async () => {
    const env = { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'keyward-cli-')), DATABASE_URL: '' };
    // Once as the operator runs it, a process of its own (tsx, as `npm run` does)…
    const made = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../src/scripts/service-token.ts'), '--name', 'gateway'], { env, encoding: 'utf8' });
    expect([made.status, made.stderr]).toEqual([0, '']);
    const token = made.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^kwsrv_[A-Za-z0-9_-]{43}$/);
    const wrong = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../src/scripts/service-token.ts'), '--name', 'a', '--list'], { env, encoding: 'utf8' });
    expect([wrong.status, wrong.stderr.trim()]).toEqual([2, 'usage: npm run service-token -- --name <name> | --list | --revoke <id or name> | --audit']);
    // …then the same command in this process, on the same folder: a process each costs seconds.
    const run = async (...args: string[]) => {
      const lines: string[] = [];
      expect(await serviceTokenCommand(args, env, (line) => lines.push(line))).toBe(0);
      return lines.map((line) => `${line}\n`).join('');
    };
    const listed = await run('--list');
    expect(listed).toMatch(/ gateway {2}created .* last used never\n$/);
    expect(listed).not.toContain(token);
    expect(await run('--revoke', 'gateway')).toMatch(/^Revoked "gateway"/);
    expect(await run('--list')).toMatch(/ gateway {2}created .* revoked /);
    const audit = await run('--audit');
    expect(audit.split('\n').filter(Boolean).map((line) => line.split('  ')[1])).toEqual(['service_token.revoked', 'service_token.created']);
    expect(audit).not.toContain(token);
    await expect(serviceTokenCommand(['--list', '--audit'], env, () => {})).rejects.toBeInstanceOf(UsageError);
  });
});

describe('the change feed', () => {
  it('streams every change that affects verification, in order, to a service credential', async () => {
    const feed = await subscribe(service);
    expect(feed.status).toBe(200);
    const [ready] = (await feed.next(1)) as FeedEvent[];
    expect(ready!.kind).toBe('READY');
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name: 'streamed', access: 'FULL' } }, { token: owner.token });
    const id = createApiKey.apiKey.id;
    await t.ok(RevokeApiKey, { id }, { token: owner.token });
    await t.ok(UpdateOrganization, { input: { leakPolicy: 'NOTIFY' } }, { token: owner.token });
    const events = (await feed.next(4)) as FeedEvent[];
    expect(events.slice(1).map((e) => [e.kind, e.action, e.apiKeyId])).toEqual([
      ['CHANGE', 'api_key.created', id],
      ['CHANGE', 'api_key.revoked', id],
      ['CHANGE', 'organization.updated', null],
    ]);
    const cursors = events.map((e) => Number(e.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    await feed.close();
  });

  it('replays what a client missed from its last cursor, then goes on live; too old a cursor is told to resynchronise', async () => {
    const first = await subscribe(service);
    const [ready] = (await first.next(1)) as FeedEvent[];
    await first.close();
    // While disconnected:
    const missed = await Promise.all([1, 2, 3].map((n) => t.ok(CreateApiKey, { input: { name: `missed ${n}`, access: 'FULL' } }, { token: owner.token })));
    const again = await subscribe(service, ready!.cursor);
    const replayed = (await again.next(4)) as FeedEvent[];
    expect(replayed[0]!.kind).toBe('READY');
    expect(new Set(replayed.slice(1).map((e) => e.apiKeyId))).toEqual(new Set(missed.map((m) => m.createApiKey.apiKey.id)));
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name: 'live again', access: 'FULL' } }, { token: owner.token });
    expect(((await again.next(5))[4] as FeedEvent).apiKeyId).toBe(createApiKey.apiKey.id);
    await again.close();

    // The rows after an old cursor are gone (kept a day): RESYNC, then live from the current position.
    await t.services.database.db.delete(verificationChanges).where(lte(verificationChanges.seq, Number(ready!.cursor) + 1));
    const stale = await subscribe(service, ready!.cursor);
    expect(((await stale.next(1))[0] as FeedEvent).kind).toBe('RESYNC');
    await stale.close();
    const bad = await subscribe(service, 'not a cursor');
    expect(JSON.stringify(await bad.next(1))).toContain('BAD_USER_INPUT');
    await bad.close();
  });

  it("ends a service credential's open stream when the credential is revoked", async () => {
    const made = await createServiceToken(t.services.invalidations, `streaming-${Date.now()}`);
    const feed = await subscribe(made.token);
    await feed.next(1);
    await revokeServiceToken(t.services.invalidations, made.serviceToken.id);
    // The stream ends: its reader finishes without the test closing it.
    await expect(Promise.race([feed.ended, new Promise((resolve) => setTimeout(() => resolve('still open'), 5_000))])).resolves.toBe('ended');
    await feed.close();
  });

  it('is refused to members and API keys', async () => {
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name: 'not a service', access: 'FULL' } }, { token: owner.token });
    for (const token of [owner.token, createApiKey.secret]) {
      const feed = await subscribe(token);
      expect(JSON.stringify(await feed.next(1))).toContain('FORBIDDEN');
      await feed.close();
    }
  });

  it('gives a replica every key with its digests, and names the feed position to follow from', async () => {
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name: 'replicated', access: 'READ_ONLY' } }, { token: owner.token });
    const id = createApiKey.apiKey.id;
    const result = await raw(SNAPSHOT, { ids: [id] }, service);
    const snapshot = result.data!.verificationSnapshot as { cursor: string; keys: Array<{ id: string; secrets: Array<{ checksum: string; digest: string; kind: string }>; scopes: string[]; metered: boolean }> };
    expect(Number(snapshot.cursor)).toBeGreaterThan(0);
    expect(snapshot.keys).toHaveLength(1);
    const [key] = snapshot.keys;
    const { hash } = await import('node:crypto');
    expect(key!.secrets).toEqual([{ checksum: createApiKey.secret.slice(-6), digest: hash('sha256', createApiKey.secret, 'hex'), kind: 'SHA256', endsAt: null }]);
    expect(key!.scopes).toContain('api_keys:read');
    expect(key!.metered).toBe(false);
    const all = await raw(SNAPSHOT, {}, service);
    expect((all.data!.verificationSnapshot as { keys: unknown[] }).keys.length).toBeGreaterThan(1);
  });

  (serverUrl ? it : it.skip)('carries a revocation on one instance to a client following another within 1 s (PostgreSQL)', async () => {
    const b = await t.another();
    const feed = await subscribe(service, null, b);
    await feed.next(1);
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name: 'far away', access: 'FULL' } }, { token: owner.token });
    await t.ok(RevokeApiKey, { id: createApiKey.apiKey.id }, { token: owner.token });
    const revokedAt = Date.now();
    const until = Date.now() + 1_000;
    while (!feed.received.some((e) => 'action' in e && e.action === 'api_key.revoked') && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
    expect(feed.received.filter((e) => 'apiKeyId' in e && e.apiKeyId === createApiKey.apiKey.id).map((e) => (e as FeedEvent).action)).toEqual(['api_key.created', 'api_key.revoked']);
    await feed.close();
  });
});
