import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { bootstrapFirstOrganization } from '../src/organizations/bootstrap';
import { serveOverHttp, startTestApp, type ServedApp, type TestApp } from './harness';
import { graphqlOver, stalledRequest } from './server';

/** What lives in HTTP, tried over a real socket against a production-mode server. */

const OWNER = { email: 'owner@http.test', password: 'a password for http tests' };
const LOGIN = `mutation { login(email: "${OWNER.email}", password: "${OWNER.password}") { token } }`;

/** A raw HTTP exchange, for what fetch will not send (oversized headers, chunked bodies). */
function rawExchange(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
  });
}

async function health(url: string) {
  const response = await fetch(`${url}/health`);
  return [response.status, await response.json()];
}

/**
 * Two servers for the whole file, each an app over real HTTP through the server `npm start`
 * runs: the production one (its owner made as BOOTSTRAP_* makes it), and one with the
 * defaults but a short REQUEST_TIMEOUT_MS, which also is the server without METRICS.
 */
const apps: TestApp[] = [];
const started: ServedApp[] = [];
let server: ServedApp;
let defaults: ServedApp;
beforeAll(async () => {
  const production = await startTestApp({
    NODE_ENV: 'production',
    BOOTSTRAP_ORGANIZATION: 'Http',
    BOOTSTRAP_ADMIN_EMAIL: OWNER.email,
    BOOTSTRAP_ADMIN_PASSWORD: OWNER.password,
    METRICS: 'true',
  });
  apps.push(production);
  const { config, database } = production.services;
  await bootstrapFirstOrganization(database.db, config.bootstrap, config.passwordHashCost);
  apps.push(await startTestApp({ REQUEST_TIMEOUT_MS: '1000' }));
  for (const app of apps) started.push(await serveOverHttp(app));
  [server, defaults] = started as [ServedApp, ServedApp];
});
afterAll(async () => {
  for (const served of started) await served.stop();
  for (const app of apps) await app.close();
});

describe('production server over HTTP', () => {
  it('executes a JSON POST, also when the client accepts application/graphql-response+json', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: LOGIN }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect((await response.json()).data.login.token).toMatch(/^kws_/);
  });

  it.each([
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(LOGIN)}`],
    ['text/plain', JSON.stringify({ query: LOGIN })],
    ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: LOGIN })}\r\n--x--\r\n`],
    ['application/graphql', LOGIN],
  ])('does not run a POST sent as %s', async (contentType, body) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const text = await response.text();
    expect(response.status).toBe(415);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(text).not.toContain('kws_');
  });

  it('runs a GET query only with a header a cross-site page cannot send, and never a GET mutation', async () => {
    const query = `${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const simple = await fetch(query);
    expect(simple.status).toBe(403);
    expect((await simple.json()).data).toBeUndefined();

    const preflighted = await fetch(query, { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect([preflighted.status, (await preflighted.json()).data]).toEqual([200, { __typename: 'Query' }]);

    const mutation = await fetch(`${server.url}/graphql?query=${encodeURIComponent(LOGIN)}`, { headers: { 'x-graphql-yoga-csrf': '1' } });
    const text = await mutation.text();
    expect(mutation.status).toBe(405);
    expect(text).not.toContain('kws_');
  });

  it('refuses a batch', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: LOGIN }, { query: LOGIN }]),
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).not.toContain('kws_');
  });

  it('refuses a body over 100 KB with 413 before reading it, declared or streamed, and lives on', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } });
    const declared = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    expect((await declared.json()).errors[0]).toEqual({
      message: 'Request body exceeds the limit of 102400 bytes',
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });

    // No Content-Length: the body streams in chunks and is counted as it comes.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      });
      request.on('error', reject);
      for (let i = 0; i < 40; i++) request.write(big.slice(i * 50_000, (i + 1) * 50_000));
      request.end();
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');

    // Just under the limit is parsed as usual.
    const fits = await graphqlOver(server.url, '{ __typename }', { padding: 'x'.repeat(90 * 1024) });
    expect(fits.body.data).toEqual({ __typename: 'Query' });
    expect(await health(server.url)).toEqual([200, { status: 'ok' }]);
  });

  it('answers headers over the limit with 431 and lives on', async () => {
    const answer = await rawExchange(server.url, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(await health(server.url)).toEqual([200, { status: 'ok' }]);
  });

  it('serves Prometheus metrics counted by operation and code', async () => {
    const signedIn = await graphqlOver(server.url, LOGIN);
    const bearer = { authorization: `Bearer ${signedIn.body.data.login.token}` };
    // The first use of the session misses the credential cache; the second hits it.
    for (let i = 0; i < 2; i++) expect((await graphqlOver(server.url, '{ viewer { kind } }', {}, bearer)).body.data.viewer.kind).toBe('MEMBER');
    await graphqlOver(server.url, 'mutation { login(email: "nobody@http.test", password: "wrong password 1") { token } }');
    await graphqlOver(server.url, 'query { verifyApiKey(key: "kw_not_a_key") { code } }');
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const value = (line: string) => Number(new RegExp(`^${line.replace(/[{}]/g, '\\$&')} (\\d+)$`, 'm').exec(text)?.[1]);
    expect(value('keyward_graphql_requests_total{operation="login"}')).toBeGreaterThanOrEqual(2);
    expect(value('keyward_graphql_errors_total{operation="login",code="UNAUTHENTICATED"}')).toBe(1);
    expect(value('keyward_verifications_total{code="MALFORMED"}')).toBe(1);
    expect(value('keyward_credential_cache_total{result="hit"}')).toBeGreaterThanOrEqual(1);
    expect(value('keyward_credential_cache_total{result="miss"}')).toBeGreaterThanOrEqual(1);
    expect(value('keyward_bcrypt_queue_depth')).toBe(0);
    expect(value('keyward_rate_limited_total{limit="failures"}')).toBe(0);
    expect(text).toContain('keyward_process_cpu_seconds_total');
  });
});

describe('a request past REQUEST_TIMEOUT_MS', () => {
  it('is answered 503 SERVICE_UNAVAILABLE, not left hanging', async () => {
    // Its body never finishes arriving.
    const answer = await stalledRequest(defaults.url);
    expect(answer?.status).toBe(503);
    expect(answer?.headers['retry-after']).toBe('1');
    expect(JSON.parse(answer!.body).errors[0]).toEqual({
      message: 'The request was not answered within 1000 ms; try again shortly',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(await health(defaults.url)).toEqual([200, { status: 'ok' }]);
  });
});

describe('without METRICS', () => {
  it('serves no /metrics', async () => {
    const response = await fetch(`${defaults.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('keyward_');
  });
});
