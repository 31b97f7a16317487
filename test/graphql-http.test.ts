import { serverAudits } from 'graphql-http';
import { startServer, type RunningServer } from './server';

/**
 * The GraphQL-over-HTTP conformance audits of the `graphql-http` package, over real HTTP
 * against a development-mode server: every MUST passes.
 */
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ DATABASE_URL: 'memory://' });
});
afterAll(async () => {
  await server.stop();
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
