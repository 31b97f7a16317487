import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { createSchema, createYoga } from 'graphql-yoga';
import { Hono } from 'hono';
import { keyward as expressKeyward } from '@keyward/client/express';
import { keyward as fastifyKeyward } from '@keyward/client/fastify';
import { keyward as honoKeyward, type KeywardVariables } from '@keyward/client/hono';
import { useKeyward, type KeywardContext } from '@keyward/client/envelop';
import { createVerifier, type KeywardVerifier, type Verification, type Verifier } from '@keyward/client';
import { newKey, newKeyId } from '../src/keys/format';
import { createServiceToken } from '../src/serviceTokens/serviceTokens';
import { startTestApp, type TestApp } from './harness';
import { CreateApiKey, RevokeApiKey } from './operations';

/**
 * The ready-made middleware (issue 20) in real servers on loopback, each in front of
 * createVerifier (cache mode) following a real Keyward, itself served on loopback: a VALID
 * key passes with its verification on the request; no key, a wrong, unknown or revoked key,
 * two credentials → 401; a missing scope → 403; a verifier that throws → 503, never a
 * pass; a key with allowed addresses is checked against the connection's address. Rate
 * limits (429 + Retry-After) are shown once, on Express: the status mapping is one module
 * shared by all four.
 */

/** Keyward unreachable, and nothing trustworthy held. */
const broken: Verifier = {
  verify: () => Promise.reject(new Error('Keyward is unreachable')),
  close: async () => {},
};

let t: TestApp;
let keywardServer: Server;
let verifier: KeywardVerifier;
const keys = {} as Record<'read' | 'limited' | 'fenced' | 'local' | 'revoked', { id: string; name: string; secret: string }>;

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

beforeAll(async () => {
  t = await startTestApp({ SCOPE_RESOURCES: 'messages' });
  keywardServer = createServer(t.app);
  const { token: serviceToken } = await createServiceToken(t.services.invalidations, 'middleware-test');
  verifier = createVerifier({ url: `${await listen(keywardServer)}/graphql`, serviceToken });
  await verifier.ready();
  const owner = await t.signUpOrganization('Middleware');
  const create = async (name: keyof typeof keys, extra: { rateLimits?: { name: string; limit: number; durationSeconds: number }[]; allowedIps?: string[] }) => {
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name, access: 'RESTRICTED', scopes: ['messages:read'], ...extra } }, { token: owner.token });
    keys[name] = { id: createApiKey.apiKey.id, name, secret: createApiKey.secret };
  };
  await create('read', {});
  await create('limited', { rateLimits: [{ name: 'minute', limit: 1, durationSeconds: 60 }] });
  await create('fenced', { allowedIps: ['203.0.113.5'] });
  await create('local', { allowedIps: ['127.0.0.1'] });
  await create('revoked', {});
  await t.ok(RevokeApiKey, { id: keys.revoked.id }, { token: owner.token });
});
afterAll(async () => {
  await verifier.close();
  await closeServer(keywardServer);
  await t.close();
});

/**
 * One server per framework, each with three routes: /read needs messages:read, /write
 * messages:write, /broken asks a verifier that throws. A passed request answers the
 * verification the route found on its request.
 */
interface Running {
  url: string;
  /** The answer's error code, from the framework's body (JSON or GraphQL). */
  errorCode(body: unknown): unknown;
  /** The verification the route saw, from a passed request's body. */
  seen(body: unknown): Verification;
  request(path: string, headers: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

const restCode = (body: unknown) => (body as { error?: { code?: unknown } }).error?.code;
const restSeen = (body: unknown) => (body as { keyward: Verification }).keyward;
const get = (base: string) => (path: string, headers: Record<string, string>) => fetch(base + path, { headers });

async function startExpress(): Promise<Running> {
  const app = express();
  app.get('/read', expressKeyward({ verifier, scopes: ['messages:read'] }), (req, res) => {
    res.json({ keyward: req.keyward });
  });
  app.get('/write', expressKeyward({ verifier, scopes: ['messages:write'] }), (req, res) => {
    res.json({ keyward: req.keyward });
  });
  app.get('/broken', expressKeyward({ verifier: broken }), (req, res) => {
    res.json({ keyward: req.keyward });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, errorCode: restCode, seen: restSeen, request: get(url), close: () => closeServer(server) };
}

async function startFastify(): Promise<Running> {
  const app = Fastify();
  app.get('/read', { preHandler: fastifyKeyward({ verifier, scopes: ['messages:read'] }) }, async (request) => ({ keyward: request.keyward }));
  app.get('/write', { preHandler: fastifyKeyward({ verifier, scopes: ['messages:write'] }) }, async (request) => ({ keyward: request.keyward }));
  app.get('/broken', { preHandler: fastifyKeyward({ verifier: broken }) }, async (request) => ({ keyward: request.keyward }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, errorCode: restCode, seen: restSeen, request: get(url), close: () => app.close() };
}

/** Serves a fetch handler on node:http, as @hono/node-server does (with `incoming` in env). */
function nodeAdapter(handler: (request: Request, env: { incoming: IncomingMessage }) => Response | Promise<Response>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const response = await handler(new Request(`http://${req.headers.host}${req.url}`, { headers }), { incoming: req });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

async function startHono(): Promise<Running> {
  const app = new Hono<{ Variables: KeywardVariables }>();
  app.get('/read', honoKeyward({ verifier, scopes: ['messages:read'] }), (c) => c.json({ keyward: c.get('keyward') }));
  app.get('/write', honoKeyward({ verifier, scopes: ['messages:write'] }), (c) => c.json({ keyward: c.get('keyward') }));
  app.get('/broken', honoKeyward({ verifier: broken }), (c) => c.json({ keyward: c.get('keyward') }));
  const server = createServer(nodeAdapter((request, env) => app.fetch(request, env)));
  const url = await listen(server);
  return { url, errorCode: restCode, seen: restSeen, request: get(url), close: () => closeServer(server) };
}

async function startYoga(): Promise<Running> {
  const schema = createSchema<KeywardContext>({
    typeDefs: 'type Query { keyward: String! }',
    resolvers: { Query: { keyward: (_root, _args, context) => JSON.stringify(context.keyward) } },
  });
  const yoga = (path: string, plugin: ReturnType<typeof useKeyward>) => createYoga({ schema, graphqlEndpoint: path, plugins: [plugin], logging: false });
  const yogas: Record<string, ReturnType<typeof yoga>> = {
    '/read': yoga('/read', useKeyward({ verifier, scopes: ['messages:read'] })),
    '/write': yoga('/write', useKeyward({ verifier, scopes: ['messages:write'] })),
    '/broken': yoga('/broken', useKeyward({ verifier: broken })),
  };
  const server = createServer((req, res) => {
    const handler = yogas[new URL(req.url ?? '/', 'http://x').pathname];
    if (handler) return void handler(req, res);
    res.writeHead(404).end();
  });
  const url = await listen(server);
  return {
    url,
    errorCode: (body) => (body as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]?.extensions?.code,
    seen: (body) => JSON.parse((body as { data: { keyward: string } }).data.keyward) as Verification,
    request: (path, headers) =>
      fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ keyward }' }) }),
    close: () => closeServer(server),
  };
}

/** A key whose checksum no longer matches: refused without a lookup. */
const tampered = (key: string) => key.slice(0, -6) + (key.endsWith('A') ? 'B' : 'A') + key.slice(-5);

describe.each([
  ['Express', startExpress],
  ['Fastify', startFastify],
  ['Hono', startHono],
  ['Envelop (GraphQL Yoga)', startYoga],
])('%s', (_name, start) => {
  let s: Running;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(() => s.close());

  async function call(path: string, headers: Record<string, string>) {
    const response = await s.request(path, headers);
    return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
  }

  it('passes a VALID key in each place SPEC §3 allows, with its verification on the request', async () => {
    for (const headers of <Record<string, string>[]>[
      { authorization: `Bearer ${keys.read.secret}` },
      { authorization: `ApiKey ${keys.read.secret}` },
      { 'x-api-key': keys.read.secret },
    ]) {
      const { status, body } = await call('/read', headers);
      expect(status).toBe(200);
      expect(s.seen(body)).toMatchObject({ valid: true, code: 'VALID', apiKey: { id: keys.read.id, name: 'read' }, scopes: ['messages:read'] });
    }
  });

  it('answers 401 with WWW-Authenticate for no key, a wrong, unknown or revoked key, two credentials or another scheme', async () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: `Bearer ${tampered(keys.read.secret)}` },
      { 'x-api-key': `${keys.read.secret.slice(0, 20)}` },
      { 'x-api-key': newKey(newKeyId()).fullKey },
      { authorization: `ApiKey ${keys.revoked.secret}` },
      { authorization: `Bearer ${keys.read.secret}`, 'x-api-key': keys.read.secret },
      { authorization: `Basic ${keys.read.secret}` },
      { 'x-api-key': ' ' },
    ]) {
      const { status, headers: answered, body } = await call('/read', headers);
      expect({ headers, status, code: s.errorCode(body) }).toEqual({ headers, status: 401, code: 'UNAUTHENTICATED' });
      expect(answered.get('www-authenticate')).toBe('ApiKey');
    }
  });

  it('answers 403 INSUFFICIENT_SCOPE for a genuine key without the scope the route needs', async () => {
    const { status, body } = await call('/write', { authorization: `Bearer ${keys.read.secret}` });
    expect(status).toBe(403);
    expect(s.errorCode(body)).toBe('INSUFFICIENT_SCOPE');
  });

  it('reads the client address from the connection: 403 IP_NOT_ALLOWED from an address the key does not allow', async () => {
    const fenced = await call('/read', { 'x-api-key': keys.fenced.secret });
    expect(fenced.status).toBe(403);
    expect(s.errorCode(fenced.body)).toBe('IP_NOT_ALLOWED');
    const local = await call('/read', { 'x-api-key': keys.local.secret });
    expect(local.status).toBe(200);
    expect(s.seen(local.body)).toMatchObject({ code: 'VALID', apiKey: { name: 'local' } });
  });

  it('answers 503 when the verifier throws: never a pass', async () => {
    const { status, headers, body } = await call('/broken', { authorization: `Bearer ${keys.read.secret}` });
    expect(status).toBe(503);
    expect(s.errorCode(body)).toBe('SERVICE_UNAVAILABLE');
    expect(headers.get('retry-after')).toBe('1');
  });
});

describe('rate limits (on Express; the mapping is shared)', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startExpress();
  });
  afterAll(() => s.close());

  it('answers 429 with Retry-After once the rate limit is spent', async () => {
    const first = await s.request('/read', { 'x-api-key': keys.limited.secret });
    expect(first.status).toBe(200);
    const second = await s.request('/read', { 'x-api-key': keys.limited.secret });
    expect(second.status).toBe(429);
    expect(restCode(await second.json())).toBe('RATE_LIMITED');
    const retryAfter = Number(second.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});
