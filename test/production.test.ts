import { getIntrospectionQuery } from 'graphql';
import { startTestApp, TEST_PASSWORD, type TestApp } from './harness';
import { SignUp } from './operations';

const introspection = { toString: () => getIntrospectionQuery() } as never;
const graphiql = (t: TestApp) => t.app.fetch('http://keyward.test/graphql', { headers: { accept: 'text/html' } });

describe('NODE_ENV=production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('serves neither GraphiQL nor introspection', async () => {
    expect(await (await graphiql(t)).text()).not.toContain('<title>Keyward</title>');
    const result = await t.execute(introspection, {});
    expect(result.errors?.[0]?.message).toMatch(/introspection has been disabled/);
  });

  it('refuses sign-up', async () => {
    const result = await t.execute(SignUp, { input: { organization: 'Prod', name: 'P', email: 'p@prod.test', password: TEST_PASSWORD } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('NODE_ENV=production with GRAPHIQL=true', () => {
  it('serves GraphiQL and introspection', async () => {
    const t = await startTestApp({ NODE_ENV: 'production', GRAPHIQL: 'true' });
    try {
      expect(await (await graphiql(t)).text()).toContain('<title>Keyward</title>');
      const result = await t.execute(introspection, {});
      expect(result.errors).toBeUndefined();
      expect((result.data as { __schema: { queryType: { name: string } } }).__schema.queryType.name).toBe('Query');
    } finally {
      await t.close();
    }
  });
});
