import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { DatabaseTarget } from '../src/config';

/**
 * Where a test file's data lives: an in-memory PGlite, or, when TEST_DATABASE_URL is set,
 * a database of its own on that server, created here and dropped afterwards, so test
 * files never see each other's rows.
 */
export interface TestDatabase {
  target: DatabaseTarget;
  /** The same database as a postgres:// URL, or `memory://`: for a server started as a child process. */
  url: string;
  drop(): Promise<void>;
}

export const serverUrl = process.env.TEST_DATABASE_URL || null;

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!serverUrl) return { target: { kind: 'pglite-memory' }, url: 'memory://', drop: async () => {} };

  const name = `keyward_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    url: url.toString(),
    drop: async () => {
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}
