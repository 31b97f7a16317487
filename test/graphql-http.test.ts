import { serverAudits } from 'graphql-http';
import { serveOverHttp, startTestApp, type ServedApp, type TestApp } from './harness';

/**
 * The GraphQL-over-HTTP conformance audits of the `graphql-http` package, over real HTTP
 * against a development-mode server: every MUST passes.
 */
let t: TestApp;
let server: ServedApp;
beforeAll(async () => {
  t = await startTestApp();
  server = await serveOverHttp(t);
});
afterAll(async () => {
  await server.stop();
  await t.close();
});

const audits = serverAudits({ url: () => `${server.url}/graphql` });

it('has MUST audits to run', () => {
  expect(audits.filter((audit) => audit.name.startsWith('MUST')).length).toBeGreaterThan(10);
});

describe.each(audits.filter((audit) => audit.name.startsWith('MUST')).map((audit) => [audit.name, audit] as const))('%s', (_name, audit) => {
  it('passes', async () => {
    const result = await audit.fn();
    expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
  });
});
