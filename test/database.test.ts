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

  it('migrates once even when two instances open the database together', async () => {
    // PGlite in memory is one database per handle, so "together" only means something on
    // a server; there the advisory lock must make the second instance wait, not fail.
    const handles =
      database.target.kind === 'postgres'
        ? await Promise.all([openDatabase(database.target), openDatabase(database.target)])
        : [await openDatabase(database.target)];
    try {
      for (const handle of handles) {
        expect(await handle.isReady()).toBe(true);
        expect(await appliedMigrations(handle)).toBe(journal.entries.length);
      }
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });

  it('bootstraps exactly one organization, even when asked twice at once', async () => {
    const [a, b] =
      database.target.kind === 'postgres'
        ? await Promise.all([openDatabase(database.target), openDatabase(database.target)])
        : await openDatabase(database.target).then((h) => [h, h] as const);
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
      await a!.close();
      if (b !== a) await b!.close();
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
