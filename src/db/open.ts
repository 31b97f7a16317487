import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { pgSchema, serial, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { DatabaseTarget } from '../config';
import { lockDataDir } from './dataDirLock';
import { copyTemplateInto, templateTarball } from './pgliteTemplate';
import * as schema from './schema';

/** One type for both drivers: the data layer never knows which one it runs on. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle, or the database itself: whatever the caller runs its queries on. */
export type Queryable = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** True when the database answers and every migration in `drizzle/` has been applied. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

const MIGRATIONS_FOLDER = path.resolve(__dirname, '../../drizzle');
// Any constant shared by all Keyward instances: serialises migrations and the bootstrap.
export const MIGRATION_LOCK_ID = 0x6b657977; // "keyw"

function expectedMigrationCount(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

// Drizzle's own bookkeeping table; declared here, not in schema.ts, so drizzle-kit leaves it alone.
const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', { id: serial('id').primaryKey() });

/**
 * Opens the database the config names and brings its schema up to date (with the
 * migrations in `drizzle/`; a test may name an earlier release's set).
 * On PostgreSQL the migrations run under an advisory lock on a dedicated connection, so
 * several instances starting together apply each migration exactly once.
 */
export async function openDatabase(target: DatabaseTarget, migrationsFolder = MIGRATIONS_FOLDER): Promise<DatabaseHandle> {
  const expected = expectedMigrationCount(migrationsFolder);

  if (target.kind === 'postgres') {
    const options = { onnotice: () => {}, connection: { application_name: 'keyward' } };
    const migrator = postgres(target.url, { ...options, max: 1 });
    try {
      const migrationDb = drizzlePostgres(migrator);
      await migrationDb.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
      try {
        await migratePostgres(migrationDb, { migrationsFolder });
      } finally {
        await migrationDb.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
      }
    } finally {
      await migrator.end();
    }

    const client = postgres(target.url, { ...options, max: 10 });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    return {
      db,
      driver: 'postgres',
      isReady: () => readiness(db, expected),
      close: once(() => client.end({ timeout: 5 })),
    };
  }

  let unlock = () => {};
  if (target.kind === 'pglite') {
    mkdirSync(target.dataDir, { recursive: true });
    // Before PGlite touches the folder: a second process must not even open it.
    unlock = lockDataDir(target.dataDir);
  }
  // A new database is a copy of an empty one made at install (pgliteTemplate.ts), when there is one.
  let client: PGlite;
  if (target.kind === 'pglite') {
    if (!existsSync(path.join(target.dataDir, 'PG_VERSION'))) copyTemplateInto(target.dataDir);
    client = new PGlite(target.dataDir);
  } else {
    const template = templateTarball();
    client = new PGlite(template ? { loadDataDir: template } : {});
  }
  try {
    return await attachPglite(client, migrationsFolder, async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    });
  } catch (error) {
    await client.close();
    unlock();
    throw error;
  }
}

/**
 * A handle on a PGlite database someone else opened, brought up to date like any other;
 * closing the handle calls `close` (the test harness hands its databases on rather than
 * close them).
 */
export async function attachPglite(client: PGlite, migrationsFolder = MIGRATIONS_FOLDER, close: () => Promise<void> = async () => {}): Promise<DatabaseHandle> {
  const pgliteDb = drizzlePglite(client, { schema });
  await migratePglite(pgliteDb, { migrationsFolder });
  const db = pgliteDb as unknown as Database;
  const expected = expectedMigrationCount(migrationsFolder);
  return { db, driver: 'pglite', isReady: () => readiness(db, expected), close: once(close) };
}

/** Closing twice (a signal during shutdown, a test tearing down) is harmless. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

async function readiness(db: Database, expected: number): Promise<boolean> {
  try {
    return (await db.$count(appliedMigrations)) >= expected;
  } catch {
    return false;
  }
}
