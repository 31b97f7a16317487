import { serveOverHttp, startTestApp, type ServedApp, type TestApp } from './harness';

/**
 * The checks of the graphql-cop scanner, made as it makes them, over real HTTP. Against a
 * production-mode server none may find anything; against a development server the checks
 * find exactly what development mode serves on purpose, which shows that they can find.
 */
let t: TestApp;
let server: ServedApp;

/** A server with this configuration over real HTTP, for the describe block it is called in. */
function servedWith(env: Record<string, string>) {
  beforeAll(async () => {
    t = await startTestApp(env);
    server = await serveOverHttp(t);
  });
  afterAll(async () => {
    await server.stop();
    await t.close();
  });
}

const endpoint = () => `${server.url}/graphql`;

async function post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(endpoint(), { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}
async function get(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${endpoint()}?query=${encodeURIComponent(query)}`, { headers });
  return { status: response.status, text: await response.text() };
}
const json = (text: string): any => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

const checks: [severity: string, name: string, found: () => Promise<boolean>][] = [
  ['HIGH', 'alias overloading (101 aliases)', async () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `alias${i}:__typename`).join(' \n');
    return json((await post({ query: `query cop { ${aliases} }` })).text)?.data?.alias100 !== undefined;
  }],
  ['HIGH', 'array-based query batching', async () => {
    const answer = json((await post(Array.from({ length: 10 }, () => ({ query: 'query cop { __typename }' })))).text);
    return Array.isArray(answer) && answer.length >= 10;
  }],
  ['HIGH', 'directive overloading', async () => {
    const answer = json((await post({ query: `query cop { __typename ${'@aa'.repeat(10)} }` })).text);
    return answer?.errors?.length === 10;
  }],
  ['HIGH', 'introspection-based circular query', async () => {
    const query = 'query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }';
    return Boolean(json((await post({ query })).text)?.data?.__schema);
  }],
  ['HIGH', 'introspection', async () => {
    return Boolean(json((await post({ query: 'query cop { __schema { types { name fields { name } } } }' })).text)?.data?.__schema);
  }],
  ['HIGH', 'field duplication (500 fields)', async () => {
    return Boolean(json((await post({ query: `query cop { ${'__typename \n'.repeat(500)}} ` })).text)?.data?.__typename);
  }],
  ['MEDIUM', 'GET method query support', async () => {
    return Boolean(json((await get('query cop { __typename }')).text)?.data?.__typename);
  }],
  ['MEDIUM', 'mutation over GET', async () => {
    return Boolean(json((await get('mutation cop { __typename }')).text)?.data?.__typename);
  }],
  ['MEDIUM', 'POST url-encoded query (possible CSRF)', async () => {
    const answer = await post(`query=${encodeURIComponent('query cop { __typename }')}`, { 'content-type': 'application/x-www-form-urlencoded' });
    return Boolean(json(answer.text)?.data?.__typename);
  }],
  ['LOW', 'field suggestions', async () => {
    return /Did you mean/i.test((await post({ query: 'query cop { viewr { kind } }' })).text);
  }],
  ['LOW', 'GraphQL IDE (GraphiQL)', async () => {
    const response = await fetch(endpoint(), { headers: { accept: 'text/html' } });
    return /graphiql|graphql-playground|altair/i.test(await response.text());
  }],
  ['INFO', 'trace mode', async () => {
    return Boolean(json((await post({ query: 'query cop { __typename }' })).text)?.extensions?.tracing);
  }],
  ['INFO', 'unhandled errors (stack traces, library names)', async () => {
    const answers = await Promise.all([
      post({ query: 'qwerty cop { abc }' }),
      post('{"query": "query cop { __typename }"'),
      post({ query: 'query cop($x: Int!) { __typename }', variables: { x: 'not a number' } }),
    ]);
    return answers.some(({ status, text }) => status >= 500 || /exception|stack|\bat .+:\d+:\d+|node_modules|graphql-js|yoga|postgres|pglite|drizzle/i.test(text));
  }],
];

describe('NODE_ENV=production', () => {
  servedWith({ NODE_ENV: 'production' });

  it.each(checks)('%s: %s is not found', async (_severity, _name, found) => {
    expect(await found()).toBe(false);
  });
});

describe('development mode', () => {
  servedWith({});

  it('finds the introspection, the IDE and the field suggestions it serves, and nothing else', async () => {
    const found = [];
    for (const [severity, name, check] of checks) if (await check()) found.push(`${severity}: ${name}`);
    expect(found).toEqual(['HIGH: introspection', 'LOW: field suggestions', 'LOW: GraphQL IDE (GraphiQL)']);
  });
});
