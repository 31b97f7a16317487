import { getIntrospectionQuery } from 'graphql';
import { graphql } from './gql';
import { startTestApp, type GraphQLResponse, type TestApp } from './harness';
import { CreateApiKey } from './operations';

/**
 * The query limits of production mode: every operation a real client makes passes at its
 * largest page with every field; abusive documents are refused as validation errors that
 * name the limit: never "Syntax Error", never a 500.
 */

// Page sizes written as literals: that is what the cost analysis weighs (a variable counts as 1).
const AllKeys = graphql(`
  query AllKeys {
    apiKeys(first: 100, filter: { status: ACTIVE, search: "key" }) {
      totalCount
      edges {
        cursor
        node { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const AllMembers = graphql(`
  query AllMembers {
    members(first: 100) {
      totalCount
      edges { cursor node { id email name role createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const AllAuditEvents = graphql(`
  query AllAuditEvents {
    auditEvents(first: 100) {
      totalCount
      edges { cursor node { id action actorKind actorId targetId ip createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const FullViewer = graphql(`
  query FullViewer {
    viewer {
      kind
      scopes
      organization { id name }
      member { id email name role createdAt }
      apiKey { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }
    }
  }
`);

const FullVerification = graphql(`
  query FullVerification($key: String!) {
    verifyApiKey(key: $key, requiredScopes: ["api_keys:read"]) {
      valid
      code
      scopes
      organization { id name }
      apiKey { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }
    }
  }
`);

// A console's first screen in one document: who am I, and every list at 100.
const Dashboard = graphql(`
  query Dashboard {
    viewer { kind scopes organization { id name } member { id email name role createdAt } }
    apiKeys(first: 100) {
      totalCount
      edges { cursor node { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt } }
      pageInfo { hasNextPage endCursor }
    }
    members(first: 100) {
      totalCount
      edges { cursor node { id email name role createdAt } }
      pageInfo { hasNextPage endCursor }
    }
    auditEvents(first: 100) {
      totalCount
      edges { cursor node { id action actorKind actorId targetId ip createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const raw = (query: string) => ({ toString: () => query }) as never;
const KEY_FIELDS = 'id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt';

function expectRefused(result: GraphQLResponse<unknown>, limit: RegExp) {
  expect(result.status).not.toBe(500);
  expect(result.data ?? null).toBeNull();
  // One error, the limit's: not one more per offending node from the other rules.
  expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(limit), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
  expect(result.errors![0]!.message).not.toMatch(/Syntax Error/);
}

describe('production limits', () => {
  let t: TestApp;
  let owner: { token: string };
  let key: string;

  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', ALLOW_SIGNUP: 'true' });
    owner = await t.signUpOrganization('Limits');
    // In batches of 20: a hundred hashes at once would overflow the bcrypt queue (RATE_LIMITED by design).
    const created = [];
    for (let batch = 0; batch < 5; batch++) {
      const next = [];
      for (let i = batch * 20; i < (batch + 1) * 20; i++) {
        next.push(t.ok(CreateApiKey, { input: { name: `key ${i}`, description: 'd'.repeat(500), access: 'FULL' } }, owner));
      }
      created.push(...(await Promise.all(next)));
    }
    key = created[0]!.createApiKey.secret;
  });
  afterAll(() => t.close());

  it('passes every real operation at its largest page with every field', async () => {
    const keys = await t.ok(AllKeys, {}, owner);
    expect(keys.apiKeys.totalCount).toBe(100);
    expect(keys.apiKeys.edges).toHaveLength(100);
    expect(keys.apiKeys.edges[0]!.node.description).toHaveLength(500);

    const members = await t.ok(AllMembers, {}, owner);
    expect(members.members.edges.map((e) => e.node.role)).toEqual(['OWNER']);

    const audit = await t.ok(AllAuditEvents, {}, owner);
    expect(audit.auditEvents.edges).toHaveLength(100);
    expect(audit.auditEvents.pageInfo.hasNextPage).toBe(true);

    expect((await t.ok(FullViewer, {}, owner)).viewer?.member?.role).toBe('OWNER');
    const asKey = await t.ok(FullViewer, {}, { token: key });
    expect([asKey.viewer?.kind, asKey.viewer?.apiKey?.access]).toEqual(['API_KEY', 'FULL']);

    const verification = await t.ok(FullVerification, { key });
    expect([verification.verifyApiKey.valid, verification.verifyApiKey.organization?.name]).toEqual([true, 'Limits']);

    const dashboard = await t.ok(Dashboard, {}, owner);
    expect([dashboard.apiKeys.edges.length, dashboard.auditEvents.edges.length]).toEqual([100, 100]);
  });

  it.each([
    ['too deep', `{ __type(name: "Query") { fields { type ${'{ ofType '.repeat(10)}{ name }${' }'.repeat(10)} } } }`, /depth limit of 10/i],
    ['too costly (aliases of the largest page)', `{ ${Array.from({ length: 12 }, (_, i) => `k${i}: apiKeys(first: 100) { edges { node { ${KEY_FIELDS} } } }`).join(' ')} }`, /cost limit of 20000/i],
    ['101 aliases of __typename', `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: __typename`).join(' ')} }`, /aliases limit of 15/i],
    ['16 aliases of a real field', `{ ${Array.from({ length: 16 }, (_, i) => `v${i}: viewer { kind }`).join(' ')} }`, /aliases limit of 15/i],
    ['10 directives', `{ __typename ${'@include(if: true) '.repeat(10)}}`, /directives limit of 5/i],
    ['500 duplicated fields', `query cop { ${'__typename\n'.repeat(500)}}`, /field limit of 250/i],
    ['a huge token count', `{ viewer { kind } ${'__typename '.repeat(1500)}}`, /token limit of 1000/i],
  ])('refuses a document %s, naming the limit', async (_name, query, limit) => {
    expectRefused(await t.execute(raw(query), {}, owner), limit);
  });

  it('gives no field suggestions', async () => {
    const result = await t.execute(raw('{ apiKey(id: "x") { nmae } }'), {}, owner);
    expect(result.errors?.[0]?.message).toBe('Cannot query field "nmae" on type "ApiKey". [Suggestion hidden]');
  });
});

describe('with GraphiQL and introspection on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', GRAPHIQL: 'true' });
  });
  afterAll(() => t.close());

  it("passes GraphiQL's own introspection query", async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
    const result = await t.execute(raw(query), {});
    expect(result.errors).toBeUndefined();
    expect((result.data as { __schema: { types: { name: string }[] } }).__schema.types.map((type) => type.name)).toContain('ApiKey');
  });

  it('refuses circular introspection', async () => {
    const circular = '{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }';
    expectRefused(await t.execute(raw(circular), {}), /circular introspection/);
    const viaFragments = `
      query { __schema { types { ...T } } }
      fragment T on __Type { fields { type { ...U } } }
      fragment U on __Type { fields { name } }`;
    expectRefused(await t.execute(raw(viaFragments), {}), /circular introspection/);
  });

  it('suggests fields, to help the developer', async () => {
    const result = await t.execute(raw('{ viewr { kind } }'), {});
    expect(result.errors?.[0]?.message).toMatch(/Did you mean "viewer"\?/);
  });
});
