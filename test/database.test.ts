import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../src/db/open';
import { organizations, members } from '../src/db/schema';
import { bootstrapFirstOrganization } from '../src/organizations/bootstrap';
import { createTestDatabase, type TestDatabase } from './database';

const journal = JSON.parse(readFileSync(path.resolve(__dirname, '../drizzle/meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};

async function appliedMigrations(handle: DatabaseHandle): Promise<number> {
  const result = await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: { n: number }[] }).rows;
  return Number(rows[0]!.n);
}

describe('migrations and bootstrap on the test database', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.drop());

  /**
   * Two instances opening the test database together. On a server, two handles racing on
   * a database nothing has migrated yet; there the advisory lock must make the second
   * wait, not fail. PGlite in memory is one database per handle, so "together" means
   * nothing there: both are one handle, and both tests share it (an open costs seconds;
   * the first test only reads), closed after them.
   */
  let sharedPglite: Promise<DatabaseHandle> | null = null;
  afterAll(async () => {
    await (await sharedPglite)?.close();
  });
  async function openTogether(): Promise<{ handles: DatabaseHandle[]; close(): Promise<void> }> {
    if (database.target.kind === 'postgres') {
      const handles = await Promise.all([openDatabase(database.target), openDatabase(database.target)]);
      return { handles, close: () => Promise.all(handles.map((h) => h.close())).then(() => {}) };
    }
    sharedPglite ??= openDatabase(database.target);
    const handle = await sharedPglite;
    return { handles: [handle, handle], close: async () => {} };
  }

  it('migrates once even when two instances open the database together', async () => {
    const { handles, close } = await openTogether();
    try {
      for (const handle of new Set(handles)) {
        expect(await handle.isReady()).toBe(true);
        expect(await appliedMigrations(handle)).toBe(journal.entries.length);
      }
    } finally {
      await close();
    }
  });

  it('bootstraps exactly one organization, even when asked twice at once', async () => {
    const {
      handles: [a, b],
      close,
    } = await openTogether();
    try {
      const results = await Promise.all([
        bootstrapFirstOrganization(a!.db, null, 4),
        bootstrapFirstOrganization(b!.db, null, 4),
      ]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const created = results.find((r) => r.created)!;
      expect(created).toMatchObject({ organization: 'default', email: 'admin@localhost' });
      expect((created as { generatedPassword: string }).generatedPassword).toMatch(/^[A-Za-z0-9_-]{32}$/);

      const orgs = await a!.db.select().from(organizations);
      expect(orgs.map((o) => o.name)).toEqual(['default']);
      const owners = await a!.db.select().from(members);
      expect(owners.map((m) => [m.email, m.role])).toEqual([['admin@localhost', 'OWNER']]);
      expect(owners[0]!.passwordHash).toMatch(/^\$2b\$04\$/);

      expect(await bootstrapFirstOrganization(a!.db, null, 4)).toEqual({ created: false });
    } finally {
      await close();
    }
  });
});

describe('embedded PGlite in a data directory', () => {
  it('keeps its schema and rows across reopening, without migrating again', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-db-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir });
      await bootstrapFirstOrganization(first.db, { organization: 'Persisted', email: 'o@p.test', password: 'twelve chars!' }, 4);
      await first.close();

      const second = await openDatabase({ kind: 'pglite', dataDir });
      try {
        expect(await appliedMigrations(second)).toBe(journal.entries.length);
        expect((await second.db.select().from(organizations)).map((o) => o.name)).toEqual(['Persisted']);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('is not ready once closed', async () => {
    const handle = await openDatabase({ kind: 'pglite-memory' });
    expect(await handle.isReady()).toBe(true);
    await handle.close();
    expect(await handle.isReady()).toBe(false);
  });
});
