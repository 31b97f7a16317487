import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bcrypt from 'bcrypt';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/open';
import { apiKeys } from '../src/db/schema';
import { forgeKey } from '../src/scripts/bench/forge';
import { newKey, newKeyId, lastFourOf } from '../src/keys/format';
import { digestOf } from '../src/keys/secrets';
import { createTestDatabase, type TestDatabase } from './database';
import { codes, startTestApp, type TestApp } from './harness';
import { KeyViewer, Verdict } from './operations';

/**
 * Keys written by the release before SHA-256 digests (migrations 0000–0005, secrets stored
 * as bcrypt of the secret) keep working after the upgrade: each verifies once through
 * bcrypt and is rewritten to its digest in the same step, then verifies at lookup speed.
 */

const PREVIOUS_RELEASE_MIGRATIONS = 6;
const DRIZZLE = path.resolve(__dirname, '../drizzle');

/** The migrations folder as the previous release shipped it: its journal cut at its last entry. */
function previousReleaseMigrations(): { folder: string; remove(): void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'keyward-previous-'));
  mkdirSync(path.join(folder, 'meta'));
  const journal = JSON.parse(readFileSync(path.join(DRIZZLE, 'meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(0, PREVIOUS_RELEASE_MIGRATIONS);
  for (const { tag } of journal.entries) cpSync(path.join(DRIZZLE, `${tag}.sql`), path.join(folder, `${tag}.sql`));
  writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** A database of this test's own: PGlite on disk (an in-memory one dies with its handle), or one on TEST_DATABASE_URL's server. */
async function databaseOfItsOwn(): Promise<TestDatabase> {
  const onServer = await createTestDatabase();
  if (onServer.target.kind === 'postgres') return onServer;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-upgrade-'));
  const target = { kind: 'pglite', dataDir } as const;
  return { target, url: '', open: () => openDatabase(target), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

interface OldKey {
  id: string;
  fullKey: string;
}

let t: TestApp;
let live: OldKey;
let rotated: { id: string; current: string; previous: string };
let revoked: OldKey;
let queued: OldKey;

beforeAll(async () => {
  const database = await databaseOfItsOwn();
  const previous = previousReleaseMigrations();
  try {
    // The previous release's schema and rows, written as it wrote them.
    const old = await openDatabase(database.target, previous.folder);
    // In SQL: drizzle's insert names every column of today's table, some of which the previous schema lacks.
    const inserted = (await old.db.execute(sql`insert into organizations (name) values ('Before') returning id`)) as unknown as { rows?: { id: string }[] } & { id: string }[];
    const org = (inserted.rows ?? inserted)[0];
    const insert = async (key: ReturnType<typeof newKey>, extra: Record<string, unknown> = {}) => {
      const secretHash = await bcrypt.hash(key.secret, 4);
      await old.db.execute(sql`insert into api_keys (id, organization_id, name, access, secret_hash, checksum, last_four,
        previous_secret_hash, previous_checksum, previous_expires_at, revoked_at)
        values (${key.keyId}, ${org!.id}, 'old', 'FULL', ${secretHash}, ${key.checksum}, ${lastFourOf(key.fullKey)},
        ${extra.previousSecretHash ?? null}, ${extra.previousChecksum ?? null}, ${extra.previousExpiresAt ?? null}, ${extra.revokedAt ?? null})`);
    };
    const liveKey = newKey(newKeyId());
    await insert(liveKey);
    live = { id: liveKey.keyId, fullKey: liveKey.fullKey };
    // A key rotated with a grace period: its previous secret is honoured for another hour.
    const before = newKey(newKeyId());
    const after = newKey(before.keyId);
    await insert(after, {
      previousSecretHash: await bcrypt.hash(before.secret, 4),
      previousChecksum: before.checksum,
      previousExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    rotated = { id: before.keyId, current: after.fullKey, previous: before.fullKey };
    const revokedKey = newKey(newKeyId());
    await insert(revokedKey, { revokedAt: new Date().toISOString() });
    revoked = { id: revokedKey.keyId, fullKey: revokedKey.fullKey };
    const queuedKey = newKey(newKeyId());
    await insert(queuedKey);
    queued = { id: queuedKey.keyId, fullKey: queuedKey.fullKey };
    await old.close();
  } finally {
    previous.remove();
  }
  t = await startTestApp({}, { database });
});
afterAll(() => t.close());

const stored = async (id: string) => (await t.services.database.db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;

describe('keys stored as bcrypt by the previous release', () => {
  it('are marked as bcrypt by the migration', async () => {
    expect((await stored(live.id)).secretHashKind).toBe('BCRYPT');
    const grace = await stored(rotated.id);
    expect([grace.secretHashKind, grace.previousSecretHashKind]).toEqual(['BCRYPT', 'BCRYPT']);
  });

  it('verify once through bcrypt, are rewritten to the digest in that step, and then verify without bcrypt', async () => {
    const compares = () => t.services.bcrypt.stats().completed;
    const first = compares();
    expect((await t.ok(Verdict, { key: live.fullKey })).verifyApiKey.code).toBe('VALID');
    expect(compares() - first).toBe(1);
    const row = await stored(live.id);
    expect([row.secretHashKind, row.secretHash]).toEqual(['SHA256', digestOf(live.fullKey)]);
    // A wrong secret of the upgraded key is now refused by the digest, with no compare.
    const again = compares();
    expect((await t.ok(Verdict, { key: live.fullKey })).verifyApiKey.code).toBe('VALID');
    expect((await t.ok(KeyViewer, {}, { token: live.fullKey })).viewer!.apiKey!.id).toBe(live.id);
    expect((await t.ok(Verdict, { key: newKey(live.id).fullKey })).verifyApiKey.code).toBe('NOT_FOUND');
    expect(compares() - again).toBe(0);
    // A fresh instance (nothing cached) verifies it with one read and no bcrypt at all.
    const fresh = await t.another();
    const freshCompares = fresh.services.bcrypt.stats().completed;
    expect((await fresh.ok(Verdict, { key: live.fullKey })).verifyApiKey.code).toBe('VALID');
    expect(fresh.services.bcrypt.stats().completed - freshCompares).toBe(0);
  });

  it('keep a rotation grace period: both secrets verify, each upgraded on its own', async () => {
    expect((await t.ok(KeyViewer, {}, { token: rotated.previous })).viewer!.apiKey!.id).toBe(rotated.id);
    let row = await stored(rotated.id);
    expect([row.secretHashKind, row.previousSecretHashKind, row.previousSecretHash]).toEqual(['BCRYPT', 'SHA256', digestOf(rotated.previous)]);
    expect((await t.ok(Verdict, { key: rotated.current })).verifyApiKey.code).toBe('VALID');
    row = await stored(rotated.id);
    expect([row.secretHashKind, row.secretHash]).toEqual(['SHA256', digestOf(rotated.current)]);
    const compares = t.services.bcrypt.stats().completed;
    for (const key of [rotated.current, rotated.previous]) expect((await t.ok(Verdict, { key })).verifyApiKey.code).toBe('VALID');
    expect(t.services.bcrypt.stats().completed).toBe(compares);
  });

  it('refuse a wrong secret (with the right checksum) without rewriting anything, and stay revoked', async () => {
    const forged = forgeKey(revoked.id, (await stored(revoked.id)).checksum);
    expect((await t.ok(Verdict, { key: forged })).verifyApiKey.code).toBe('NOT_FOUND');
    expect((await stored(revoked.id)).secretHashKind).toBe('BCRYPT');
    expect((await t.ok(Verdict, { key: revoked.fullKey })).verifyApiKey.code).toBe('REVOKED');
    expect(codes(await t.execute(KeyViewer, {}, { token: revoked.fullKey }))).toEqual(['UNAUTHENTICATED']);
  });

  it('meet a full bcrypt queue with RATE_LIMITED (429, Retry-After) and verify once it frees; keys stored as digests pass meanwhile', async () => {
    const small = await t.another({ BCRYPT_QUEUE_SIZE: '0' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = Array.from({ length: small.services.bcrypt.concurrency }, () => small.services.bcrypt.run(() => gate));
    try {
      const refused = await small.execute(KeyViewer, {}, { token: queued.fullKey });
      expect([refused.status, codes(refused), refused.headers.get('retry-after')]).toEqual([429, ['RATE_LIMITED'], '1']);
      expect((await small.ok(Verdict, { key: queued.fullKey })).verifyApiKey.code).toBe('RATE_LIMITED');
      // Upgraded by the test above: a digest, no bcrypt.
      expect((await small.ok(Verdict, { key: live.fullKey })).verifyApiKey.code).toBe('VALID');
    } finally {
      release();
      await Promise.all(held);
    }
    expect((await small.ok(Verdict, { key: queued.fullKey })).verifyApiKey.code).toBe('VALID');
    expect((await stored(queued.id)).secretHashKind).toBe('SHA256');
  });
});
