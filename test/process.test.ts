import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { LOCK_FILE } from '../src/db/dataDirLock';
import { openDatabase } from '../src/db/open';
import { apiKeys } from '../src/db/schema';
import { graphqlOver, stalledRequest, startServer, type RunningServer } from './server';

/** The process as an operator runs it: signals, a reader that goes away, a second start. */

const OWNER = { email: 'ops@process.test', password: 'a password for ops tests' };
const bootstrap = { BOOTSTRAP_ORGANIZATION: 'Ops', BOOTSTRAP_ADMIN_EMAIL: OWNER.email, BOOTSTRAP_ADMIN_PASSWORD: OWNER.password };
const LOGIN = `mutation { login(email: "${OWNER.email}", password: "${OWNER.password}") { token } }`;
const CREATE_KEY = 'mutation { createApiKey(input: { name: "used", access: READ_ONLY }) { secret apiKey { id } } }';

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms).unref())]);

const dataDirs: string[] = [];
function newDataDir(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-process-'));
  dataDirs.push(dataDir);
  return dataDir;
}

/**
 * The servers of the tests below, one per test (what each test does to its process — a
 * stalled output, signals, a lock taken over — is for that test alone), started with the
 * file instead of by each test: a start takes seconds, mostly spent waiting, and overlaps
 * the other starts and the tests that come first. Two at a time: more would only slow each
 * start down. A failed start is reported by the test that awaits it.
 */
interface EarlyServer {
  dataDir: string;
  server: Promise<RunningServer>;
}
const early: EarlyServer[] = [];
let starting = 0;
const turns: Array<() => void> = [];
function startEarly(env: (dataDir: string) => Record<string, string>, prepare: (dataDir: string) => void = () => {}): EarlyServer {
  const dataDir = newDataDir();
  const server = (async () => {
    if (starting >= 2) await new Promise<void>((resolve) => turns.push(resolve));
    starting++;
    try {
      prepare(dataDir);
      return await startServer(env(dataDir));
    } finally {
      starting--;
      turns.shift()?.();
    }
  })();
  server.catch(() => {});
  const started = { dataDir, server };
  early.push(started);
  return started;
}

let readerGone: EarlyServer;
let readerStalled: EarlyServer;
let twoSignals: EarlyServer;
let lockTakenOver: EarlyServer;
beforeAll(() => {
  readerGone = startEarly((dataDir) => ({ DATA_DIR: dataDir, LOG_LEVEL: 'trace', ...bootstrap }));
  readerStalled = startEarly((dataDir) => ({ DATA_DIR: dataDir, LOG_LEVEL: 'trace', ...bootstrap }));
  twoSignals = startEarly(() => ({ DATABASE_URL: 'memory://', ...bootstrap }));
  // A folder whose lock file names a process that died without releasing it.
  lockTakenOver = startEarly(
    (dataDir) => ({ DATA_DIR: dataDir, ...bootstrap }),
    (dataDir) => {
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      writeFileSync(path.join(dataDir, LOCK_FILE), `${dead.stdout}\n`);
    },
  );
});

afterAll(async () => {
  // Those a test has not stopped (it failed, or was not run).
  for (const { server } of early) {
    const running = await server.catch(() => null);
    if (running && running.process.exitCode === null && running.process.signalCode === null) await running.stop('SIGKILL');
  }
  for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
});

describe('shutdown', () => {
  it.each([
    // `npm start | tee log` with tee gone: every write to stdout fails with EPIPE.
    ['is gone', () => readerGone, (output: Readable) => output.destroy()],
    // A reader that no longer reads: the pipe fills up and stays full.
    ['stops reading', () => readerStalled, (output: Readable) => output.pause()],
  ])('finishes when the reader of its output %s, with key usage written', async (_name, which, stall) => {
    const { dataDir, server: starting } = which();
    const server = await starting;
    const token = (await graphqlOver(server.url, LOGIN)).body.data.login.token;
    const created = (await graphqlOver(server.url, CREATE_KEY, {}, { authorization: `Bearer ${token}` })).body.data.createApiKey;
    const used = await graphqlOver(server.url, '{ viewer { kind } }', {}, { authorization: `Bearer ${created.secret}` });
    expect(used.body.data.viewer.kind).toBe('API_KEY');

    stall(server.process.stdout!);
    // Far more log than the pipe and the reader's buffer hold: about 450 bytes a request at trace level.
    for (let batch = 0; batch < 40; batch++) {
      const answers = await within(Promise.all(Array.from({ length: 20 }, () => graphqlOver(server.url, '{ __typename }'))), 10_000, 'requests');
      expect(answers.map((a) => a.body.data.__typename)).toEqual(Array(20).fill('Query'));
    }

    try {
      expect(await within(server.stop('SIGTERM'), 20_000, 'shutdown')).toBe(0);
    } finally {
      // A hung server must not outlive the test as an orphan.
      if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    }

    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const [row] = await database.db.select().from(apiKeys);
      expect(row!.id).toBe(created.apiKey.id);
      expect(row!.lastUsedAt).toBeInstanceOf(Date);
    } finally {
      await database.close();
    }
  });

  it('exits at once on a second signal, without waiting for requests in flight', async () => {
    const server = await twoSignals.server;
    // The signals below are timed against the server's one-second window: no other
    // process is starting meanwhile.
    await Promise.allSettled(early.map((other) => other.server));
    const inFlight = stalledRequest(server.url);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exit = server.stop('SIGTERM');
    // Within a second the same signal is taken for the relay of the first (npm, tsx).
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(server.process.exitCode).toBeNull();
    server.process.kill('SIGTERM');
    expect(await within(exit, 10_000, 'exit')).toBe(1);
    expect(server.output()).toContain('"msg":"second signal: exiting at once"');
    expect(await inFlight).toBeNull();
  });
});

describe('two processes on one DATA_DIR', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../src/main.ts')], {
      env: { ...process.env, PORT: '0', PASSWORD_HASH_COST: '4', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  // The first and the last test share one process: the one that took over a dead
  // process's lock is the one a second process must find holding it. It stops cleanly
  // once both are done.
  afterAll(async () => {
    const first = await lockTakenOver.server.catch(() => null);
    if (first) expect(await first.stop()).toBe(0);
  });

  it('refuses the second with one line, before touching the database, and the first serves on', async () => {
    const { dataDir } = lockTakenOver;
    const first = await lockTakenOver.server;
    const second = start({ DATA_DIR: dataDir });
    expect(second.status).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^keyward: failed to start: DATA_DIR ${dataDir} is in use by another Keyward process \\(pid ${first.process.pid}\\)`)),
    ]);
    expect(second.stdout).not.toContain('listening');
    expect((await graphqlOver(first.url, LOGIN)).body.data.login.token).toMatch(/^kws_/);
  });

  it('counts its own pid as a holder only while it holds the folder (a container restarts as pid 1 again)', async () => {
    const dataDir = newDataDir();
    writeFileSync(path.join(dataDir, LOCK_FILE), `${process.pid}\n`);
    const first = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toThrow(`DATA_DIR ${dataDir} is in use by another Keyward process (pid ${process.pid})`);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ kind: 'pglite', dataDir });
    await again.close();
  });

  it('takes over the lock of a process that died without releasing it', async () => {
    const server = await lockTakenOver.server;
    expect(readFileSync(path.join(lockTakenOver.dataDir, LOCK_FILE), 'utf8')).toBe(`${server.process.pid}\n`);
    expect((await graphqlOver(server.url, LOGIN)).body.data.login.token).toMatch(/^kws_/);
  });
});
