import { createServer, connect, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import postgres from 'postgres';
import { createLogger } from '../src/logger';
import { UsageCounter } from '../src/usage/usageCounts';
import { serverUrl } from './database';
import { codes, startTestApp, type TestApp } from './harness';
import { CreateApiKey, VerifyApiKey, Viewer } from './operations';

/**
 * A PostgreSQL outage, made by cutting a TCP proxy the app connects through: requests get
 * SERVICE_UNAVAILABLE at once, /ready says 503, and the app recovers when the database is
 * back, without a restart. No change is ever left without its audit row.
 */

class CuttableProxy {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly upstream: { host: string; port: number }) {}

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.upstream.port, this.upstream.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** No more connections, and every open one cut mid-stream. */
  async down(): Promise<void> {
    const server = this.server!;
    this.server = null;
    const closed = new Promise((resolve) => server.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

const run = serverUrl ? describe : describe.skip;

run('a PostgreSQL outage', () => {
  let t: TestApp;
  let proxy: CuttableProxy;
  let directUrl = '';

  beforeAll(async () => {
    const real = new URL(serverUrl!);
    proxy = new CuttableProxy({ host: real.hostname, port: Number(real.port || 5432) });
    await proxy.up();
    t = await startTestApp({}, {
      connectVia: (url) => {
        directUrl = url;
        const via = new URL(url);
        via.port = String(proxy.port);
        return via.toString();
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await proxy.down().catch(() => {});
  });

  const ready = async () => (await t.app.fetch('http://keyward.test/ready')).status;
  const createKey = (token: string, name: string) =>
    t.execute(CreateApiKey, { input: { name, access: 'READ_ONLY' } }, { token });

  it('answers SERVICE_UNAVAILABLE during it, recovers after, and never splits a change from its audit row', async () => {
    const owner = await t.signUpOrganization('Outage');
    const before = await createKey(owner.token, 'before');
    expect(before.errors).toBeUndefined();
    const key = before.data!.createApiKey.secret;

    // Changes in flight when the connections are cut either commit whole or not at all.
    const inFlight = Array.from({ length: 5 }, (_, i) => createKey(owner.token, `in flight ${i}`));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await proxy.down();
    await Promise.all(inFlight);

    const during = await createKey(owner.token, 'during');
    expect(codes(during)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(during.status).toBe(503);
    expect(codes(await t.execute(VerifyApiKey, { key }))).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await ready()).toBe(503);

    await proxy.up();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = await ready();
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    const after = await createKey(owner.token, 'after');
    expect(after.data?.createApiKey.apiKey.name).toBe('after');
    expect((await t.ok(VerifyApiKey, { key })).verifyApiKey.code).toBe('VALID');

    const sql = postgres(directUrl, { max: 1, onnotice: () => {} });
    try {
      const keys = await sql`select id from api_keys`;
      const created = await sql`select target_id from audit_events where action = 'api_key.created'`;
      expect(created.map((row) => row.target_id).sort()).toEqual(keys.map((row) => row.id).sort());
      expect(keys.length).toBeGreaterThanOrEqual(2);
    } finally {
      await sql.end();
    }
  });

  it('holds at most its cap of usage counts while the database is away, drops the newest and says so, and writes the rest when it returns', async () => {
    const owner = await t.signUpOrganization('Held counts');
    const { viewer } = await t.ok(Viewer, {}, { token: owner.token });
    const organizationId = viewer!.organization!.id;
    const warnings: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        warnings.push(String(chunk));
        done();
      },
    });
    const counter = new UsageCounter(t.services.database.db, createLogger('warn', sink), { minuteDays: 1, hourDays: 1, dayDays: 1 }, true, 4);
    const at = Date.now();
    const count = (keyId: string) => counter.count(organizationId, keyId, 'VALID', at);

    await proxy.down();
    for (const keyId of ['held-a', 'held-b', 'held-c']) count(keyId);
    await counter.flush();
    // (Its first flush also tries the hourly purge of old rows, which fails the same way.)
    expect(warnings.map((line) => JSON.parse(line).msg)).toEqual(['could not purge old usage counts', 'could not write usage counts']);
    count('held-d');
    count('held-e'); // a fifth (key, outcome, minute): past the cap of 4
    count('held-a'); // one held: still added
    await counter.flush();
    const dropped = warnings.map((line) => JSON.parse(line)).filter((line) => line.uses !== undefined);
    expect(dropped.map(({ msg, uses, held }) => ({ msg, uses, held }))).toEqual([
      { msg: 'usage counts dropped: too many are waiting for the database', uses: 1, held: 4 },
    ]);

    await proxy.up();
    // The pool reconnects on its own: flush until a flush is not refused (each refusal is logged).
    for (let attempt = 0; attempt < 50; attempt++) {
      const refusals = warnings.length;
      await counter.flush();
      if (warnings.length === refusals) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sql = postgres(directUrl, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql`select api_key_id, count::int from usage_counts where api_key_id like 'held-%' and interval = 'MINUTE' order by api_key_id`;
      expect(rows.map((row) => [row.api_key_id, row.count])).toEqual([
        ['held-a', 2],
        ['held-b', 1],
        ['held-c', 1],
        ['held-d', 1],
      ]);
    } finally {
      await sql.end();
    }
  });
});
