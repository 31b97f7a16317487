import { createTestDatabase } from './database';
import { startTestApp, type TestApp } from './harness';
import { Viewer, VerifyApiKey } from './operations';
import { newKey } from '../src/keys/format';

describe('unexpected errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('are masked as INTERNAL_SERVER_ERROR with a request ID the log also holds', async () => {
    const owner = await t.signUpOrganization('Masked');
    const catalog = t.services.catalog;
    const list = catalog.list;
    catalog.list = () => {
      throw new Error('bug detail the client must not see');
    };
    try {
      const result = await t.execute(Viewer, {}, { token: owner.token, headers: { 'x-request-id': 'req-masking-1' } });
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-masking-1' },
        }),
      ]);
      expect(result.headers.get('x-request-id')).toBe('req-masking-1');
      const logged = t.logs.map((line) => JSON.parse(line)).find((entry) => entry.requestId === 'req-masking-1');
      expect(logged).toMatchObject({ msg: 'unexpected error', err: { message: 'bug detail the client must not see' } });
    } finally {
      catalog.list = list;
    }
  });

  it('give every response a request ID, made up when none (or a malformed one) is sent', async () => {
    const made = await t.execute(Viewer, {}, { headers: { 'x-request-id': 'not ok: spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('an unreachable database', () => {
  it('answers SERVICE_UNAVAILABLE, and /ready says 503', async () => {
    // A database of its own: the harness's shared ones are never closed (database.ts).
    const t = await startTestApp({}, { database: await createTestDatabase() });
    await t.services.database.close();
    const result = await t.execute(VerifyApiKey, { key: newKey('AAAAAAAAAAAAAAAA').fullKey });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    const ready = await t.app.fetch('http://keyward.test/ready');
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'unavailable' }]);
    const health = await t.app.fetch('http://keyward.test/health');
    expect(health.status).toBe(200);
    await t.close();
  });
});
