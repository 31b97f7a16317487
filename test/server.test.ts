import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, serverUrl, type TestDatabase } from './database';
import { graphqlOver, startServer, type RunningServer } from './server';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { email role } } }';

/**
 * The server of the BOOTSTRAP_* test starts with the file, while the restart tests start
 * theirs: a start is seconds of waiting, and nothing ties the two together. It only listens
 * until its own test uses it.
 */
let bootstrapped: Promise<RunningServer>;
beforeAll(() => {
  bootstrapped = startServer({
    DATABASE_URL: 'memory://',
    BOOTSTRAP_ORGANIZATION: 'Initech',
    BOOTSTRAP_ADMIN_EMAIL: 'bill@initech.test',
    BOOTSTRAP_ADMIN_PASSWORD: 'tps reports 2026',
  });
  // Reported by the test that awaits it; stopped below whether or not that test ran.
  bootstrapped.catch(() => {});
});
afterAll(async () => {
  const server = await bootstrapped.catch(() => null);
  await server?.stop();
});

/** The whole process over real HTTP: start, health, bootstrap, restart, graceful shutdown. */
describe.each([
  ['embedded PGlite in DATA_DIR', false],
  ['PostgreSQL', true],
])('server on %s', (_name, onServer) => {
  const run = onServer && !serverUrl ? describe.skip : describe;
  run('', () => {
    let dataDir: string;
    let database: TestDatabase | null = null;
    let env: Record<string, string>;

    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-'));
      if (onServer) database = await createTestDatabase();
      env = onServer ? { DATABASE_URL: database!.url } : { DATA_DIR: dataDir };
    });
    afterAll(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    });

    it('serves health, readiness and GraphiQL, bootstraps once, and keeps data across a graceful restart', async () => {
      // A slow bcrypt cost keeps the login below in flight when the signal arrives.
      const first = await startServer({ ...env, PASSWORD_HASH_COST: '12' });
      // The signal below is timed by a few milliseconds: no other server is still starting then.
      await bootstrapped.catch(() => {});
      const health = await fetch(`${first.url}/health`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      const ready = await fetch(`${first.url}/ready`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
      const graphiql = await fetch(`${first.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(graphiql.status).toBe(200);
      expect(await graphiql.text()).toContain('<title>Keyward</title>');

      const printed = /Its password, shown this once: (\S+)/.exec(first.output());
      expect(printed).not.toBeNull();
      const password = printed![1]!;
      // Printed for the operator, never logged as a structured field.
      expect(first.output().split(password)).toHaveLength(2);

      const login = await graphqlOver(first.url, LOGIN, { e: 'admin@localhost', p: password });
      expect(login.body.data.login.member).toEqual({ email: 'admin@localhost', role: 'OWNER' });

      // A request in flight when SIGTERM arrives still gets its answer (login runs bcrypt).
      const inFlight = graphqlOver(first.url, LOGIN, { e: 'admin@localhost', p: password });
      await new Promise((r) => setTimeout(r, 5));
      const code = first.stop('SIGTERM');
      expect((await inFlight).body.data.login.member.role).toBe('OWNER');
      expect(await code).toBe(0);
      expect(first.output()).toContain('"msg":"stopped"');

      const second = await startServer(env);
      try {
        expect(second.output()).not.toContain('shown this once');
        const again = await graphqlOver(second.url, LOGIN, { e: 'admin@localhost', p: password });
        expect(again.body.data.login.member.email).toBe('admin@localhost');
      } finally {
        expect(await second.stop('SIGINT')).toBe(0);
      }
    });
  });
});

describe('server with BOOTSTRAP_* variables', () => {
  it('creates that organization and owner, and prints no password', async () => {
    const server = await bootstrapped;
    try {
      expect(server.output()).not.toContain('shown this once');
      expect(server.output()).not.toContain('tps reports 2026');
      const login = await graphqlOver(server.url, LOGIN, { e: 'bill@initech.test', p: 'tps reports 2026' });
      expect(login.body.data.login.member).toEqual({ email: 'bill@initech.test', role: 'OWNER' });
    } finally {
      await server.stop();
    }
  });
});
