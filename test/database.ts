import { randomBytes } from 'node:crypto';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { DatabaseTarget } from '../src/config';
import { attachPglite, openDatabase, type DatabaseHandle } from '../src/db/open';
import { templateTarball } from '../src/db/pgliteTemplate';

/**
 * Where a test file's data lives: an in-memory PGlite, or, when TEST_DATABASE_URL is set,
 * a database of its own on that server, created here and dropped afterwards, so test
 * files never see each other's rows.
 */
export interface TestDatabase {
  target: DatabaseTarget;
  /** The same database as a postgres:// URL, or `memory://`: for a server started as a child process. */
  url: string;
  /** Opens it (migrated) for an app in this process. */
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

export const serverUrl = process.env.TEST_DATABASE_URL || null;

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!serverUrl) {
    const target: DatabaseTarget = { kind: 'pglite-memory' };
    return { target, url: 'memory://', open: () => openDatabase(target), drop: async () => {} };
  }

  const name = `keyward_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { kind: 'postgres', url: url.toString() };
  return {
    target,
    url: url.toString(),
    open: () => openDatabase(target),
    drop: async () => {
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}

/** What test/environment.cjs shares between the test files of a worker. */
interface PglitePool {
  take(): PGlite | null;
  create(options: PGliteOptions): PGlite;
  give(client: PGlite): void;
}

/**
 * A database for a test app in this process: on PGlite, one the test files of this worker
 * share (test/environment.cjs), empty and migrated; else as createTestDatabase. It is
 * emptied when dropped — every table truncated, identities restarted — and only then
 * handed to the next file, so no file sees another's rows.
 */
export async function createAppDatabase(): Promise<TestDatabase> {
  const pool = (globalThis as { keywardPglitePool?: PglitePool }).keywardPglitePool;
  if (serverUrl || !pool) return createTestDatabase();
  const client = pool.take() ?? pool.create({ loadDataDir: templateTarball() });
  let dropped = false;
  return {
    target: { kind: 'pglite-memory' },
    url: 'memory://',
    open: () => attachPglite(client),
    async drop() {
      if (dropped) return;
      dropped = true;
      const tables = await client.query<{ name: string }>(`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`);
      await client.exec(`truncate ${tables.rows.map((t) => t.name).join(', ')} restart identity cascade`);
      pool.give(client);
    },
  };
}
