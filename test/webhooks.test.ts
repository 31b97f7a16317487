import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import fc from 'fast-check';
import type { GraphQLFormattedError } from 'graphql';
import { and, count, eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { recordAudit } from '../src/audit/audit';
import { apiKeys, auditEvents, webhookAttempts, webhookMessages, webhooks } from '../src/db/schema';
import { KeywardError } from '../src/errors';
import { guardedLookup, isPublicAddress, isRefusedHost, type Resolver } from '../src/webhooks/addresses';
import { BACKOFF_SECONDS, WebhookDelivery } from '../src/webhooks/delivery';
import { REMINDER_LOCK_ID, sendExpiryReminders } from '../src/webhooks/reminders';
import { webhookUrl } from '../src/webhooks/webhooks';
import { createTestDatabase, serverUrl, type TestDatabase } from './database';
import { codes, startTestApp, type Session, type TestApp } from './harness';
import { startServer } from './server';
import {
  AddMember,
  CreateApiKey,
  CreateWebhook,
  DeleteWebhook,
  ResendWebhookDelivery,
  RevokeApiKey,
  SendTestWebhook,
  UpdateApiKey,
  UpdateWebhook,
  WebhookDeliveries,
  Webhooks,
} from './operations';

/**
 * Webhooks (SPEC §10): the SSRF guard on its own (a table of addresses and a stub resolver:
 * no test here opens a connection anywhere but 127.0.0.1), then endpoints, signatures and
 * the outbox's promises through the API, against a receiver on 127.0.0.1 with
 * WEBHOOK_ALLOW_PRIVATE=true. The app's own workers are stopped: each test drives a worker
 * of its own with `tick()` and waits on what the receiver saw, never on a fixed sleep.
 */

// ---- the address check ----------------------------------------------------------------

describe('which addresses a webhook may reach', () => {
  it.each([
    ['93.184.216.34', true],
    ['1.1.1.1', true],
    ['172.32.0.1', true],
    ['2606:4700:4700::1111', true],
    ['2a00:1450:4001::200e', true],
    ['::ffff:93.184.216.34', true],
    ['64:ff9b::5db8:d822', true],
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['0.1.2.3', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['240.0.0.1', false],
    ['192.0.2.1', false],
    ['198.18.0.1', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fe80::1%eth0', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['ff02::1', false],
    ['fec0::1', false],
    ['2001:db8::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:169.254.169.254', false],
    ['::ffff:0:a00:1', false],
    ['64:ff9b::a00:1', false],
    ['64:ff9b::7f00:1', false],
    ['64:ff9b:1::a00:1', false],
    ['2002:a00:1::1', false],
    ['2002:7f00:1::1', false],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false],
    ['0x7f.1', false],
    ['2130706433', false],
    ['127.1', false],
    ['localhost', false],
    ['', false],
  ])('%s public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('refuses loopback names and non-public address literals at creation', () => {
    for (const host of ['localhost', 'LOCALHOST.', 'api.localhost', '127.0.0.1', '::1', '10.0.0.8', '::ffff:192.168.0.1']) {
      expect([host, isRefusedHost(host)]).toEqual([host, true]);
    }
    for (const host of ['hooks.example.com', '93.184.216.34', 'localhost.example.com']) expect([host, isRefusedHost(host)]).toEqual([host, false]);
  });

  /** Calls the lookup as a socket would, with a stub resolver: nothing is resolved or connected. */
  function lookUp(answers: string[] | Error, options: { all?: boolean; family?: number } = {}) {
    const asked: Array<[string, number]> = [];
    const resolver: Resolver = async (hostname, family) => {
      asked.push([hostname, family]);
      if (answers instanceof Error) throw answers;
      return answers.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
    return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number; asked: typeof asked }>((resolve) =>
      guardedLookup(resolver)('hooks.example.com', options, (error, address, family) => resolve({ error, address, family, asked })),
    );
  }

  it('lets a name through only when every address it resolves to is public, at connection time', async () => {
    expect(await lookUp(['93.184.216.34'])).toMatchObject({ error: null, address: '93.184.216.34', family: 4, asked: [['hooks.example.com', 0]] });
    expect(await lookUp(['93.184.216.34', '2606:4700:4700::1111'], { all: true, family: 0 })).toMatchObject({
      error: null,
      address: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:4700:4700::1111', family: 6 },
      ],
    });
    expect((await lookUp(['2606:4700:4700::1111'], { family: 6 })).asked).toEqual([['hooks.example.com', 6]]);

    for (const answers of [['127.0.0.1'], ['93.184.216.34', '10.0.0.1'], ['::1'], ['169.254.169.254'], ['::ffff:10.0.0.1'], ['fd00::1', '1.1.1.1']]) {
      const { error, address } = await lookUp(answers, { all: true });
      expect([answers, error?.code, address]).toEqual([answers, 'EADDRREFUSED', '']);
      // The host, never the address it resolved to: the delivery log is no map of a private network.
      expect(error!.message).toBe('hooks.example.com resolves to a loopback, private or otherwise non-public address');
    }
    expect((await lookUp([])).error?.code).toBe('ENOTFOUND');
    const failure = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    expect((await lookUp(failure)).error).toBe(failure);
  });

  const policy = { allowPrivate: false };
  const refusal = (url: string, allowPrivate = false) => {
    try {
      webhookUrl('url', url, { allowPrivate });
      return null;
    } catch (error) {
      return error instanceof KeywardError ? `${error.code} ${error.field}: ${error.message}` : error;
    }
  };

  it('takes absolute https URLs only, normalized as they will be requested', () => {
    expect(webhookUrl('url', '  https://Hooks.Example.com/keyward?x=1  ', policy)).toBe('https://hooks.example.com/keyward?x=1');
    expect(webhookUrl('url', 'http://127.0.0.1:8080/hook', { allowPrivate: true })).toBe('http://127.0.0.1:8080/hook');
    expect(webhookUrl('url', `https://hooks.example.com/${'a'.repeat(1900)}`, policy)).toHaveLength(1_926);
    for (const [url, message] of [
      ['hooks.example.com/x', 'must be an absolute http or https URL'],
      ['/relative', 'must be an absolute http or https URL'],
      ['ftp://hooks.example.com/', 'must be an absolute http or https URL'],
      ['javascript:alert(1)', 'must be an absolute http or https URL'],
      ['http://hooks.example.com/', 'must use https'],
      ['https://user:pass@hooks.example.com/', 'must not contain a user name or password'],
      ['https://localhost/', 'must not point to a loopback, private or link-local address'],
      ['https://127.0.0.1/', 'must not point to a loopback, private or link-local address'],
      ['https://0x7f.1/', 'must not point to a loopback, private or link-local address'],
      ['https://2130706433/', 'must not point to a loopback, private or link-local address'],
      ['https://[::1]/', 'must not point to a loopback, private or link-local address'],
      ['https://[::ffff:a00:1]/', 'must not point to a loopback, private or link-local address'],
      ['https://169.254.169.254/latest/meta-data', 'must not point to a loopback, private or link-local address'],
      ['https://10.0.0.1/', 'must not point to a loopback, private or link-local address'],
      [`https://hooks.example.com/${'a'.repeat(2_000)}`, 'must be at most 2000 characters'],
    ]) {
      expect([url, refusal(url!)]).toEqual([url, `BAD_USER_INPUT url: ${message}`]);
    }
  });

  it('answers any string with a URL or BAD_USER_INPUT on url, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string(), fc.string({ unit: 'binary' })), fc.boolean(), (url, allowPrivate) => {
        const result = refusal(url, allowPrivate);
        return result === null || (typeof result === 'string' && result.startsWith('BAD_USER_INPUT url: '));
      }),
    );
  });
});

// ---- a receiver on 127.0.0.1 -----------------------------------------------------------------

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver answers a request to `path`: a status, or 'hold' (no answer until released). */
type Answer = number | 'hold';

class Receiver {
  requests: Received[] = [];
  answer: (path: string) => Answer = () => 204;
  private held: ServerResponse[] = [];
  private readonly server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      this.requests.push({ path: request.url!, headers: request.headers, body });
      const answer = this.answer(request.url!);
      if (answer === 'hold') this.held.push(response);
      else response.writeHead(answer).end('thanks');
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Answers every held request (those whose sender is gone simply fail to receive it). */
  release(status: number): void {
    for (const response of this.held.splice(0)) if (!response.destroyed) response.writeHead(status).end();
  }

  reset(): void {
    this.release(204);
    this.requests = [];
    this.answer = () => 204;
  }

  async close(): Promise<void> {
    this.release(204);
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** Requests to `path`, by webhook-id. */
  ids(path?: string): string[] {
    return this.requests.filter((r) => path === undefined || r.path === path).map((r) => String(r.headers['webhook-id']));
  }
}

/** Polls until `check` answers something truthy; fails after `timeoutMs` naming what it waited for. */
async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// ---- delivery --------------------------------------------------------------------------------

let database: TestDatabase;
let t: TestApp;
let owner: Session;
const receiver = new Receiver();
/** Every secret and signature seen, to check that none reached the log. */
const secretsSeen: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true' }, { database });
  await Promise.all([t.services.webhookDelivery.stop(), t.services.expiryReminders.stop()]);
  await receiver.start();
  owner = await t.signUpOrganization('Hooked');
});
afterEach(async () => {
  // Each test starts with no endpoint (their messages and attempts go with them) and a quiet receiver.
  await t.services.database.db.delete(webhooks);
  receiver.reset();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const db = () => t.services.database.db;
/** Another instance on the same database, its own workers stopped (tests drive theirs). */
async function anotherInstance(env: Record<string, string> = {}) {
  const other = await t.another(env);
  await Promise.all([other.services.webhookDelivery.stop(), other.services.expiryReminders.stop()]);
  return other;
}
const worker = (options: { allowPrivate?: boolean; requestTimeoutMs?: number; resolver?: Resolver } = {}) =>
  new WebhookDelivery(db(), t.services.logger, { allowPrivate: true, ...options });

async function createEndpoint(path: string, events: string[], by: Session = owner) {
  const { createWebhook } = await t.ok(CreateWebhook, { input: { url: receiver.url(path), events } }, { token: by.token });
  secretsSeen.push(createWebhook.secret);
  return { id: createWebhook.webhook.id, secret: createWebhook.secret };
}

let made = 0;
async function createKey(by: Session = owner, expiresAt?: string) {
  const { createApiKey } = await t.ok(CreateApiKey, { input: { name: `hooked ${++made}`, access: 'FULL', expiresAt } }, { token: by.token });
  return createApiKey.apiKey.id;
}

const messagesOf = (webhookId: string) =>
  db().select().from(webhookMessages).where(eq(webhookMessages.webhookId, webhookId)).orderBy(webhookMessages.createdAt);
const messageCount = async () => (await db().select({ n: count() }).from(webhookMessages))[0]!.n;

/** Ticks `workers` until the receiver holds `n` requests. */
async function deliver(n: number, workers: WebhookDelivery[] = [worker()]) {
  return until(`${n} requests at the receiver`, async () => {
    await Promise.all(workers.map((w) => w.tick()));
    return receiver.requests.length >= n;
  });
}

function verified(request: Received, secret: string) {
  secretsSeen.push(String(request.headers['webhook-signature']));
  return new Webhook(secret).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  });
}

describe('endpoints', () => {
  it('creates an endpoint with a Standard Webhooks secret shown once, and lists it without', async () => {
    const { createWebhook } = await t.ok(CreateWebhook, { input: { url: receiver.url('/a'), events: ['member.added', 'api_key.created'] } }, { token: owner.token });
    secretsSeen.push(createWebhook.secret);
    expect(createWebhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(createWebhook.secret.slice(6), 'base64')).toHaveLength(24);
    // Kept in catalog order.
    expect(createWebhook.webhook).toMatchObject({ url: receiver.url('/a'), events: ['api_key.created', 'member.added'], enabled: true, disabledReason: null });
    const listed = await t.ok(Webhooks, {}, { token: owner.token });
    expect(listed.webhooks).toEqual([createWebhook.webhook]);
    expect(JSON.stringify(listed)).not.toContain(createWebhook.secret.slice(6));

    const { updateWebhook } = await t.ok(UpdateWebhook, { id: createWebhook.webhook.id, input: { events: ['api_key.revoked'], enabled: false } }, { token: owner.token });
    expect(updateWebhook.webhook).toMatchObject({ events: ['api_key.revoked'], enabled: false, url: receiver.url('/a') });
    const { deleteWebhook } = await t.ok(DeleteWebhook, { id: createWebhook.webhook.id }, { token: owner.token });
    expect(deleteWebhook.id).toBe(createWebhook.webhook.id);
    expect((await t.ok(Webhooks, {}, { token: owner.token })).webhooks).toEqual([]);

    const actions = await db()
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, createWebhook.webhook.id));
    expect(actions.map((a) => a.action).sort()).toEqual(['webhook.created', 'webhook.deleted', 'webhook.updated']);
    // Named by its host: the URL's path and query may carry a token.
    expect(actions.every((a) => a.details?.host === new URL(receiver.url('/a')).host)).toBe(true);
  });

  it('refuses bad input on every field and writes nothing', async () => {
    const strict = await anotherInstance({ WEBHOOK_ALLOW_PRIVATE: 'false' });
    const { id } = await createEndpoint('/kept', ['api_key.created']);
    const before = async () => ({
      webhooks: await t.ok(Webhooks, {}, { token: owner.token }),
      audit: (await db().select({ n: count() }).from(auditEvents))[0]!.n,
    });
    const initial = await before();
    const cases: Array<[string, () => Promise<{ errors?: readonly GraphQLFormattedError[] }>]> = [
      ['url', () => t.execute(CreateWebhook, { input: { url: 'not a url', events: ['api_key.created'] } }, { token: owner.token })],
      ['url', () => t.execute(CreateWebhook, { input: { url: 'ftp://hooks.example.com/', events: ['api_key.created'] } }, { token: owner.token })],
      ['url', () => t.execute(CreateWebhook, { input: { url: `https://hooks.example.com/${'x'.repeat(2_000)}`, events: ['api_key.created'] } }, { token: owner.token })],
      ['url', () => strict.execute(CreateWebhook, { input: { url: 'http://hooks.example.com/', events: ['api_key.created'] } }, { token: owner.token })],
      ['url', () => strict.execute(CreateWebhook, { input: { url: 'https://127.0.0.1/', events: ['api_key.created'] } }, { token: owner.token })],
      ['url', () => strict.execute(CreateWebhook, { input: { url: 'https://[fd00::1]/', events: ['api_key.created'] } }, { token: owner.token })],
      ['url', () => strict.execute(CreateWebhook, { input: { url: 'https://localhost/', events: ['api_key.created'] } }, { token: owner.token })],
      ['events', () => t.execute(CreateWebhook, { input: { url: receiver.url('/x'), events: [] } }, { token: owner.token })],
      ['events', () => t.execute(CreateWebhook, { input: { url: receiver.url('/x'), events: ['api_key.nope'] } }, { token: owner.token })],
      ['events', () => t.execute(CreateWebhook, { input: { url: receiver.url('/x'), events: ['webhook.test'] } }, { token: owner.token })],
      ['events', () => t.execute(CreateWebhook, { input: { url: receiver.url('/x'), events: ['member.added', 'member.added'] } }, { token: owner.token })],
      ['url', () => t.execute(UpdateWebhook, { id, input: { url: 'https://user:secret@hooks.example.com/', events: ['member.added'] } }, { token: owner.token })],
      ['url', () => strict.execute(UpdateWebhook, { id, input: { url: 'https://169.254.169.254/', enabled: false } }, { token: owner.token })],
      ['events', () => t.execute(UpdateWebhook, { id, input: { events: [], enabled: false } }, { token: owner.token })],
      ['first', () => t.execute(WebhookDeliveries, { webhookId: id, first: 0 }, { token: owner.token })],
      ['first', () => t.execute(WebhookDeliveries, { webhookId: id, first: 101 }, { token: owner.token })],
    ];
    for (const [field, run] of cases) {
      const result = await run();
      expect([field, codes(result), result.errors?.[0]?.extensions?.field]).toEqual([field, ['BAD_USER_INPUT'], field]);
    }
    expect(await before()).toEqual(initial);
  });

  it('keeps at most 20 endpoints per organization', async () => {
    const org = await t.signUpOrganization('Crowded');
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.ok(CreateWebhook, { input: { url: receiver.url(`/n${i}`), events: ['member.added'] } }, { token: org.token })));
    const refused = await t.execute(CreateWebhook, { input: { url: receiver.url('/21'), events: ['member.added'] } }, { token: org.token });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect((await t.ok(Webhooks, {}, { token: org.token })).webhooks).toHaveLength(20);
  });

  it("reports another organization's endpoint and deliveries as not found", async () => {
    const { id } = await createEndpoint('/mine', ['api_key.created']);
    await createKey();
    const [message] = await messagesOf(id);
    const other = await t.signUpOrganization('Elsewhere');
    const as = { token: other.token };
    expect((await t.ok(Webhooks, {}, as)).webhooks).toEqual([]);
    for (const result of [
      await t.execute(UpdateWebhook, { id, input: { enabled: false } }, as),
      await t.execute(DeleteWebhook, { id }, as),
      await t.execute(WebhookDeliveries, { webhookId: id }, as),
      await t.execute(SendTestWebhook, { webhookId: id }, as),
      await t.execute(ResendWebhookDelivery, { id: message!.id }, as),
      await t.execute(DeleteWebhook, { id: 'not-a-uuid' }, as),
      await t.execute(ResendWebhookDelivery, { id: 'msg_nope' }, as),
    ]) {
      expect(codes(result)).toEqual(['NOT_FOUND']);
    }
    expect((await t.ok(Webhooks, {}, { token: owner.token })).webhooks).toMatchObject([{ id, enabled: true }]);
    expect(await messagesOf(id)).toHaveLength(1);
  });
});

describe('delivery', () => {
  it('signs each delivery per Standard Webhooks, and a tampered body fails verification', async () => {
    const { secret } = await createEndpoint('/signed', ['api_key.created']);
    const keyId = await createKey();
    await deliver(1);
    const [request] = receiver.requests;
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['webhook-id']).toMatch(/^msg_[A-Za-z0-9_-]{22}$/);
    expect(Math.abs(Number(request!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
    const payload = verified(request!, secret) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(payload).toEqual({ type: 'api_key.created', timestamp: expect.any(String), data: expect.objectContaining({ id: keyId }) });
    expect(new Date(payload.timestamp).toISOString()).toBe(payload.timestamp);

    const tampered = { ...request!, body: request!.body.replace(keyId, keyId.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))) };
    expect(tampered.body).not.toBe(request!.body);
    expect(() => verified(tampered, secret)).toThrow('No matching signature found');
    expect(() => verified(request!, `whsec_${Buffer.alloc(24, 7).toString('base64')}`)).toThrow('No matching signature found');
  });

  it('sends an audited change once to each subscribed endpoint, and nothing to the others', async () => {
    const a = await createEndpoint('/a', ['api_key.revoked', 'member.added']);
    const b = await createEndpoint('/b', ['api_key.revoked']);
    const c = await createEndpoint('/c', ['member.added']);
    const off = await createEndpoint('/off', ['api_key.revoked', 'member.added']);
    await t.ok(UpdateWebhook, { id: off.id, input: { enabled: false } }, { token: owner.token });
    const elsewhere = await t.signUpOrganization('Bystander');
    await createEndpoint('/elsewhere', ['api_key.revoked', 'member.added'], elsewhere);

    const keyId = await createKey();
    await t.ok(RevokeApiKey, { id: keyId }, { token: owner.token });
    const member = await t.addMember(owner, 'VIEWER');
    await deliver(4);
    // Anything more would have come in the same ticks; one more round shows nothing is left.
    await worker().tick();
    const bodies = (path: string) => receiver.requests.filter((r) => r.path === path).map((r) => JSON.parse(r.body) as { type: string; data: { id: string } });
    expect(bodies('/a').map((p) => [p.type, p.data.id]).sort()).toEqual([['api_key.revoked', keyId], ['member.added', member.memberId]].sort());
    expect(bodies('/b').map((p) => [p.type, p.data.id])).toEqual([['api_key.revoked', keyId]]);
    expect(bodies('/c').map((p) => [p.type, p.data.id])).toEqual([['member.added', member.memberId]]);
    expect(receiver.requests).toHaveLength(4);
    for (const r of receiver.requests) verified(r, r.path === '/a' ? a.secret : r.path === '/b' ? b.secret : c.secret);
  });

  it('queues nothing for a change that does not commit', async () => {
    await createEndpoint('/rollback', ['api_key.created', 'api_key.revoked', 'member.added']);
    const before = await messageCount();
    expect(codes(await t.execute(CreateApiKey, { input: { name: '', access: 'FULL' } }, { token: owner.token }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.execute(AddMember, { input: { email: 'nope', name: 'N', role: 'VIEWER', password: 'correct horse battery' } }, { token: owner.token }))).toEqual(['BAD_USER_INPUT']);
    // A transaction that queued the event and then failed: the message goes with it.
    const organizationId = (await db().select({ id: webhooks.organizationId }).from(webhooks))[0]!.id;
    await expect(
      db().transaction(async (tx) => {
        await recordAudit(tx, organizationId, 'api_key.revoked', { kind: 'SYSTEM', id: null, ip: null }, 'kw_none');
        expect((await tx.select({ n: count() }).from(webhookMessages))[0]!.n).toBe(before + 1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await messageCount()).toBe(before);
    await worker().tick();
    expect(receiver.requests).toEqual([]);
  });

  it('retries a failing receiver with backoff and the same webhook-id, and lists every attempt', async () => {
    const { id, secret } = await createEndpoint('/flaky', ['api_key.created']);
    receiver.answer = () => 500;
    await createKey();
    const w = worker();
    await deliver(1, [w]);
    const [message] = await messagesOf(id);
    expect(message).toMatchObject({ attempts: 1, lastStatus: 500, lastError: 'HTTP 500', deliveredAt: null, failedAt: null });
    const wait = async () =>
      Number((await db().select({ s: sql<string>`extract(epoch from ${webhookMessages.nextAttemptAt} - now())` }).from(webhookMessages).where(eq(webhookMessages.id, message!.id)))[0]!.s);
    expect(await wait()).toBeGreaterThan(BACKOFF_SECONDS[0] - 3);
    expect(await wait()).toBeLessThanOrEqual(BACKOFF_SECONDS[0]);
    // Not due yet: a tick sends nothing.
    await w.tick();
    expect(receiver.requests).toHaveLength(1);

    const due = () => db().update(webhookMessages).set({ nextAttemptAt: sql`now()` }).where(eq(webhookMessages.id, message!.id));
    await due();
    await deliver(2, [w]);
    expect(await wait()).toBeGreaterThan(BACKOFF_SECONDS[1] - 3);
    receiver.answer = () => 200;
    await due();
    await deliver(3, [w]);

    expect(new Set(receiver.ids())).toEqual(new Set([message!.id]));
    expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
    for (const r of receiver.requests) verified(r, secret);
    const { webhookDeliveries } = await t.ok(WebhookDeliveries, { webhookId: id }, { token: owner.token });
    expect(webhookDeliveries).toHaveLength(1);
    expect(webhookDeliveries[0]).toMatchObject({ id: message!.id, type: 'api_key.created', status: 'DELIVERED', nextAttemptAt: null, failedAt: null });
    expect(webhookDeliveries[0]!.attempts.map((a) => [a.statusCode, a.error])).toEqual([[500, null], [500, null], [200, null]]);
    expect(webhookDeliveries[0]!.attempts.every((a) => a.durationMs >= 0)).toBe(true);
  });

  it('resends a delivery with the same webhook-id, and records why an attempt got no answer', async () => {
    const { id, secret } = await createEndpoint('/again', ['api_key.created']);
    await createKey();
    await deliver(1);
    const [message] = await messagesOf(id);
    const { resendWebhookDelivery } = await t.ok(ResendWebhookDelivery, { id: message!.id }, { token: owner.token });
    expect(resendWebhookDelivery).toMatchObject({ id: message!.id, status: 'PENDING' });
    await deliver(2);
    expect(receiver.ids()).toEqual([message!.id, message!.id]);
    expect(receiver.requests[1]!.body).toBe(receiver.requests[0]!.body);
    verified(receiver.requests[1]!, secret);

    // A receiver that does not answer in time: the attempt says so.
    receiver.answer = () => 'hold';
    await t.ok(ResendWebhookDelivery, { id: message!.id }, { token: owner.token });
    await worker({ requestTimeoutMs: 200 }).tick();
    const { webhookDeliveries } = await t.ok(WebhookDeliveries, { webhookId: id }, { token: owner.token });
    expect(webhookDeliveries[0]!.attempts.map((a) => [a.statusCode, a.error])).toEqual([
      [204, null],
      [204, null],
      [null, 'timed out after 0.2 s'],
    ]);
    expect(webhookDeliveries[0]!.status).toBe('PENDING');
  });

  it('sends a test event to one endpoint, disabled or not', async () => {
    const { id, secret } = await createEndpoint('/test', ['member.removed']);
    await createEndpoint('/other', ['member.removed']);
    await t.ok(UpdateWebhook, { id, input: { enabled: false } }, { token: owner.token });
    const { sendTestWebhook } = await t.ok(SendTestWebhook, { webhookId: id }, { token: owner.token });
    expect(sendTestWebhook).toMatchObject({ type: 'webhook.test', status: 'PENDING', payload: { type: 'webhook.test', data: { id } } });
    await deliver(1);
    await worker().tick();
    expect(receiver.requests.map((r) => [r.path, r.headers['webhook-id']])).toEqual([['/test', sendTestWebhook.id]]);
    expect(verified(receiver.requests[0]!, secret)).toMatchObject({ type: 'webhook.test', data: { id } });
  });

  it('gives a message up a day after its event, and disables an endpoint that nothing reached that day', async () => {
    const { id } = await createEndpoint('/dead', ['api_key.created', 'api_key.revoked']);
    receiver.answer = () => 503;
    const keyId = await createKey();
    await deliver(1);
    const [message] = await messagesOf(id);
    // A day later, at its last scheduled retry (the clock moved in the database rather than waited for).
    await db()
      .update(webhookMessages)
      .set({ createdAt: sql`now() - interval '24 hours 5 minutes'`, nextAttemptAt: sql`now()` })
      .where(eq(webhookMessages.id, message!.id));
    await deliver(2);
    const [given] = await messagesOf(id);
    expect(given).toMatchObject({ attempts: 2, lastStatus: 503 });
    expect(given!.failedAt).not.toBeNull();
    const { webhooks: [endpoint] } = await t.ok(Webhooks, {}, { token: owner.token });
    expect(endpoint).toMatchObject({ id, enabled: false, disabledReason: 'Deliveries failed for a day (last: HTTP 503)' });
    const [disabled] = await db().select().from(auditEvents).where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, 'webhook.disabled')));
    expect(disabled).toMatchObject({ actorKind: 'SYSTEM', details: { host: new URL(receiver.url('/')).host } });
    expect((await t.ok(WebhookDeliveries, { webhookId: id }, { token: owner.token })).webhookDeliveries[0]).toMatchObject({ status: 'FAILED', nextAttemptAt: null });

    // Disabled: no new message, and a resend waits for it to be enabled.
    await t.ok(RevokeApiKey, { id: keyId }, { token: owner.token });
    expect(await messagesOf(id)).toHaveLength(1);
    const refused = await t.execute(ResendWebhookDelivery, { id: message!.id }, { token: owner.token });
    expect([codes(refused), refused.errors?.[0]?.extensions?.field]).toEqual([['BAD_USER_INPUT'], 'id']);

    // The receiver is fixed and the endpoint enabled: the given-up message is resent, same ID.
    receiver.answer = () => 200;
    const { updateWebhook } = await t.ok(UpdateWebhook, { id, input: { enabled: true } }, { token: owner.token });
    expect(updateWebhook.webhook).toMatchObject({ enabled: true, disabledReason: null });
    await t.ok(ResendWebhookDelivery, { id: message!.id }, { token: owner.token });
    await deliver(3);
    expect(receiver.ids()).toEqual([message!.id, message!.id, message!.id]);
    expect((await messagesOf(id))[0]!.deliveredAt).not.toBeNull();
  });

  it('keeps an endpoint enabled when a message gives up but others reached it that day', async () => {
    const { id } = await createEndpoint('/picky', ['api_key.created']);
    await createKey();
    await deliver(1);
    receiver.answer = () => 422;
    await createKey();
    await deliver(2);
    await db()
      .update(webhookMessages)
      .set({ createdAt: sql`now() - interval '25 hours'`, nextAttemptAt: sql`now()` })
      .where(and(eq(webhookMessages.webhookId, id), eq(webhookMessages.lastStatus, 422)));
    await deliver(3);
    expect((await messagesOf(id)).map((m) => m.failedAt !== null).sort()).toEqual([false, true]);
    expect((await t.ok(Webhooks, {}, { token: owner.token })).webhooks[0]).toMatchObject({ id, enabled: true, disabledReason: null });
  });

  it('keeps an endpoint enabled when a Resend of an old message fails once', async () => {
    const { id } = await createEndpoint('/resent', ['api_key.created']);
    receiver.answer = () => 503;
    await createKey();
    await deliver(1);
    // Two days old, as if the admin resent a message from last week.
    await db().update(webhookMessages).set({ createdAt: sql`now() - interval '2 days'` }).where(eq(webhookMessages.webhookId, id));
    const [message] = await messagesOf(id);
    await t.ok(ResendWebhookDelivery, { id: message!.id }, { token: owner.token });
    await deliver(2);
    expect((await messagesOf(id))[0]!.failedAt).not.toBeNull();
    expect((await t.ok(Webhooks, {}, { token: owner.token })).webhooks.find((w) => w.id === id)).toMatchObject({ enabled: true, disabledReason: null });
  });

  it('refuses at delivery what it would refuse at creation, and names that resolve to private addresses', async () => {
    const { id } = await createEndpoint('/private', ['api_key.created']);
    // An endpoint saved under WEBHOOK_ALLOW_PRIVATE, delivered by an instance without it.
    await createKey();
    await worker({ allowPrivate: false }).tick();
    // A name that resolves (stub: nothing is asked of any DNS server) to a private address:
    // refused before any connection is made.
    await db().update(webhooks).set({ url: 'https://hooks.internal.example/x' }).where(eq(webhooks.id, id));
    await db().update(webhookMessages).set({ nextAttemptAt: sql`now()` }).where(eq(webhookMessages.webhookId, id));
    const asked: string[] = [];
    await worker({ allowPrivate: false, resolver: async (host) => (asked.push(host), [{ address: '10.0.0.7', family: 4 }]) }).tick();
    expect(asked).toEqual(['hooks.internal.example']);
    const [message] = await messagesOf(id);
    const attempts = await db().select().from(webhookAttempts).where(eq(webhookAttempts.messageId, message!.id)).orderBy(webhookAttempts.id);
    expect(attempts.map((a) => [a.statusCode, a.error])).toEqual([
      [null, 'refused: plain http (WEBHOOK_ALLOW_PRIVATE is off)'],
      [null, 'refused: hooks.internal.example resolves to a loopback, private or otherwise non-public address'],
    ]);
    expect(receiver.requests).toEqual([]);
    // afterEach deletes the endpoint before any other worker could try that name for real.
  });

  it('hands back what is in flight when it stops, to be sent at once by another instance', async () => {
    const { id } = await createEndpoint('/stopping', ['api_key.created']);
    receiver.answer = () => 'hold';
    await createKey();
    const stopping = worker({ requestTimeoutMs: 60_000 });
    const ticking = stopping.tick();
    await until('the request in flight', () => receiver.heldCount === 1);
    await stopping.stop();
    expect(await ticking).toBe(1);
    const [message] = await messagesOf(id);
    expect(message).toMatchObject({ attempts: 0, deliveredAt: null });
    expect(message!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    receiver.answer = () => 200;
    await deliver(2);
    expect((await messagesOf(id))[0]).toMatchObject({ attempts: 1, lastStatus: 200 });
  });
});

describe('several instances', () => {
  it('deliver each message once: no message is claimed twice', async () => {
    const { secret } = await createEndpoint('/shared', ['api_key.created']);
    const other = await t.another();
    try {
      const ids = [];
      for (let i = 0; i < 40; i++) ids.push(await createKey());
      const messages = await db().select({ id: webhookMessages.id }).from(webhookMessages);
      expect(messages).toHaveLength(40);
      // Two workers of this instance, one of the other's (own connections on PostgreSQL),
      // and the other instance's own polling worker, all claiming at once.
      const theirs = new WebhookDelivery(other.services.database.db, other.services.logger, { allowPrivate: true });
      await deliver(40, [worker(), worker(), theirs]);
      await Promise.all([worker().tick(), theirs.tick(), other.services.webhookDelivery.tick()]);
      expect(receiver.ids().sort()).toEqual(messages.map((m) => m.id).sort());
      for (const r of receiver.requests) verified(r, secret);
      expect(await db().select({ n: count() }).from(webhookAttempts)).toEqual([{ n: 40 }]);
    } finally {
      await Promise.all([other.services.webhookDelivery.stop(), other.services.expiryReminders.stop()]);
    }
  });

  it('a claimer that stalls past its claim loses the message to another, and cannot undo its delivery', async () => {
    const { id } = await createEndpoint('/stalled', ['api_key.created']);
    receiver.answer = () => 'hold';
    for (let i = 0; i < 5; i++) await createKey();
    const stalled = worker({ requestTimeoutMs: 120_000 });
    const stalling = stalled.tick();
    await until('five requests held', () => receiver.heldCount === 5);
    // While the claim holds, nobody else takes the messages.
    const rescuer = worker();
    expect(await rescuer.tick()).toBe(0);
    // The claim runs out (moved in the database rather than waited for): another instance sends them.
    await db().update(webhookMessages).set({ nextAttemptAt: sql`now()` }).where(eq(webhookMessages.webhookId, id));
    receiver.answer = () => 200;
    expect(await rescuer.tick()).toBe(5);
    // The stalled claimer's requests are answered now: too late to change anything.
    receiver.release(200);
    expect(await stalling).toBe(5);
    const messages = await messagesOf(id);
    expect(messages.every((m) => m.deliveredAt !== null && m.attempts === 1)).toBe(true);
    // Duplicates, only ever with the same webhook-id and body.
    expect(receiver.ids().sort()).toEqual([...messages.map((m) => m.id), ...messages.map((m) => m.id)].sort());
    for (const m of messages) expect(new Set(receiver.requests.filter((r) => r.headers['webhook-id'] === m.id).map((r) => r.body)).size).toBe(1);
  });

  (serverUrl ? it : it.skip)('loses nothing when an instance is killed mid-delivery (PostgreSQL, a real process killed with SIGKILL)', async () => {
    const { id, secret } = await createEndpoint('/killed', ['api_key.created']);
    receiver.answer = () => 'hold';
    for (let i = 0; i < 12; i++) await createKey();
    const server = await startServer({ DATABASE_URL: database.url, WEBHOOK_ALLOW_PRIVATE: 'true' });
    try {
      // Its worker claims them all and sends as many as it sends at once; the receiver holds them.
      await until('the other process sending', () => receiver.heldCount === 8, 30_000);
    } finally {
      await server.stop('SIGKILL');
    }
    const rescuer = worker();
    expect(await rescuer.tick()).toBe(0);
    expect((await messagesOf(id)).every((m) => m.deliveredAt === null && m.attempts === 0)).toBe(true);
    await db().update(webhookMessages).set({ nextAttemptAt: sql`now()` }).where(eq(webhookMessages.webhookId, id));
    receiver.answer = () => 200;
    await until('every message delivered', async () => (await rescuer.tick(), (await messagesOf(id)).every((m) => m.deliveredAt !== null)));
    const messages = await messagesOf(id);
    expect(new Set(receiver.ids())).toEqual(new Set(messages.map((m) => m.id)));
    for (const r of receiver.requests) verified(r, secret);
    for (const m of messages) expect(new Set(receiver.requests.filter((r) => r.headers['webhook-id'] === m.id).map((r) => r.body)).size).toBe(1);
  });
});

describe('expiry reminders', () => {
  const day = 24 * 3600_000;
  const reminders = async (webhookId: string) =>
    (await messagesOf(webhookId)).filter((m) => m.type === 'api_key.expiring').map((m) => m.payload.data as { id: string; expiresAt: string; daysLeft: number });

  it('are queued seven days and one day before a key expires, once each, and again for a new expiry', async () => {
    const { id } = await createEndpoint('/expiring', ['api_key.expiring']);
    const soon = await createKey(owner, new Date(Date.now() + 6 * day).toISOString());
    const later = await createKey(owner, new Date(Date.now() + 30 * day).toISOString());
    const revoked = await createKey(owner, new Date(Date.now() + 2 * day).toISOString());
    await t.ok(RevokeApiKey, { id: revoked }, { token: owner.token });
    const lastDay = await createKey(owner, new Date(Date.now() + 12 * 3600_000).toISOString());

    await sendExpiryReminders(db());
    await sendExpiryReminders(db());
    // Another instance, as after a restart: what was sent is not sent again.
    const other = await anotherInstance();
    await sendExpiryReminders(other.services.database.db);
    const first = await reminders(id);
    expect(first.map((r) => [r.id, r.daysLeft]).sort()).toEqual([
      [lastDay, 1],
      [soon, 6],
    ].sort());
    expect(first.find((r) => r.id === soon)!.expiresAt).toBe((await db().select().from(apiKeys).where(eq(apiKeys.id, soon)))[0]!.expiresAt!.toISOString());

    // Five days pass (the expiry moved in the database, with what was sent for it).
    await db()
      .update(apiKeys)
      .set({ expiresAt: sql`now() + interval '20 hours'`, remindedExpiry: sql`now() + interval '20 hours'` })
      .where(eq(apiKeys.id, soon));
    await sendExpiryReminders(db());
    await sendExpiryReminders(db());
    expect((await reminders(id)).filter((r) => r.id === soon).map((r) => r.daysLeft)).toEqual([6, 1]);

    // A new expiry re-arms both.
    await t.ok(UpdateApiKey, { id: soon, input: { expiresAt: new Date(Date.now() + 3 * day).toISOString() } }, { token: owner.token });
    await sendExpiryReminders(db());
    expect((await reminders(id)).filter((r) => r.id === soon).map((r) => r.daysLeft)).toEqual([6, 1, 3]);
    expect((await reminders(id)).some((r) => r.id === later || r.id === revoked)).toBe(false);

    // And they are delivered like any event.
    await deliver(4);
    expect(receiver.requests.map((r) => JSON.parse(r.body).type)).toEqual(['api_key.expiring', 'api_key.expiring', 'api_key.expiring', 'api_key.expiring']);
  });

  it('are sent by one instance at a time: the others skip a round while the lock is held', async () => {
    const { id } = await createEndpoint('/locked', ['api_key.expiring']);
    const keyIds = await Promise.all(Array.from({ length: 5 }, () => createKey(owner, new Date(Date.now() + 3 * day).toISOString())));
    const others = await Promise.all([anotherInstance(), anotherInstance()]);
    if (serverUrl) {
      // Held by someone else: this round is skipped, and nothing is sent.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked = () => {};
      const holding = new Promise<void>((resolve) => (locked = resolve));
      const holder = db().transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${REMINDER_LOCK_ID})`);
        locked();
        await held;
      });
      await holding;
      expect(await sendExpiryReminders(others[0]!.services.database.db)).toBeNull();
      release();
      await holder;
      expect(await reminders(id)).toEqual([]);
    }
    await Promise.all([db(), ...others.map((o) => o.services.database.db)].map((d) => sendExpiryReminders(d)));
    expect((await reminders(id)).map((r) => r.id).sort()).toEqual([...keyIds].sort());
  });
});

it('never logs a signing secret or a signature', () => {
  const log = t.logs.join('\n');
  expect(secretsSeen.length).toBeGreaterThan(10);
  for (const secret of secretsSeen) expect(log).not.toContain(secret.replace(/^(whsec_|v1,)/, ''));
});
