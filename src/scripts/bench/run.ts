import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { hashPassword } from '../../auth/passwords';
import type { DatabaseTarget } from '../../config';
import { openDatabase, type Queryable } from '../../db/open';
import { apiKeys, members, organizations, usageCounts, type RateLimitRule } from '../../db/schema';
import { MAX_HELD } from '../../http/wrongKeyAnswers';
import { lastFourOf, newKey, newKeyId } from '../../keys/format';
import { digestOf } from '../../keys/secrets';
import { forgeKey } from './forge';

/** The report goes to stdout as plain lines: it is the command's output, not a server log. */
const print = (line = '') => void process.stdout.write(`${line}\n`);

/**
 * `npm run bench`: the hot path measured over real HTTP. Starts Keyward the way `npm start`
 * does (src/main.ts under tsx, production mode) on a fresh database — PostgreSQL when
 * BENCH_DATABASE_URL or DATABASE_URL names a server (a database of its own is created
 * there and dropped afterwards), else PGlite in a temporary DATA_DIR — seeds it, and drives
 * it with autocannon. Every ratio is set against its reference measured in the same run
 * just before and just after it — (b)–(f) against (a), (g) and (j) against (b) — round
 * after round, so that noise on a shared machine falls on both sides, and reported as the
 * median of the rounds' ratios with their range. Then the server is restarted on the same
 * database for (i) (2,000 keys at once on an instance that knows none of them) and again
 * for (j) (a flood from many addresses against a key ID the instance has not met yet).
 * (k), a key with usage controls it never reaches, is set against (b) beside it. Then, on
 * PostgreSQL only, (l): two new instances on the same database spend one key's credits,
 * then one rate limit's window, at once — counted exactly, not timed. Last, (m): (b) on a
 * server counting usage against (b) on one with USAGE_ANALYTICS=false, each on a fresh
 * database of the same kind.
 * BENCH_SECONDS (default 4) per measurement, BENCH_ROUNDS (default 5),
 * BENCH_CONNECTIONS (default 20).
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PASSWORD_COST = 10;
const LISTED_KEYS = 10_000;
const WARM_UP_SECONDS = 2;
const SETTLE_MS = 1_000;
// Each cold key is presented once: enough for every run of (f) at this rate, well above
// what a cold verification has done on the 2-core development machines (a few hundred on
// PGlite, ~2,800/s on PostgreSQL). A run that presents them all anyway says so in (f)'s row, rather than pass
// warm keys off as cold ones.
const COLD_RATE_CEILING = 4_000;
const COLD_KEYS = (ROUNDS * SECONDS + WARM_UP_SECONDS) * COLD_RATE_CEILING;
const RESTART_KEYS = 2_000;
const RESTART_DEADLINE_MS = 60_000;
const PASSWORD = 'bench password 2026';
const EMAIL = 'bench@bench.test';
// (k): limits far beyond what the run can use (a few thousand requests a second for a few
// tens of seconds), so every request is served and only the cost of enforcing them shows.
const UNREACHED_LIMIT: RateLimitRule = { name: 'bench', limit: 1_000_000, durationSeconds: 60, autoApply: true, cost: 1, shared: false };
const UNREACHED_CREDITS = 1_000_000_000;
// (l): the credits two instances must spend exactly, and the rate limit whose window they share.
const EXACT_CREDITS = 10_000;
const WINDOW_LIMIT: RateLimitRule = { name: 'window', limit: 100, durationSeconds: 10, autoApply: true, cost: 1, shared: false };
/** (l)'s clients per instance. */
const EXACT_CLIENTS = 50;
/** The preload that prints an instance's lease trips when it exits (leaseTrips.ts). */
const LEASE_TRIPS = path.resolve(__dirname, 'leaseTrips.ts');

const A = '(a) baseline { __typename }';
const COLD = '(f) cold verification (new key each)';
const FLOOD = '(g) (b) under a flood of wrong secrets';
const WIDE_FLOOD = '(g′) (g), the flood past MAX_HELD';
const MANY_ADDRESSES = '(j) new instance, flood from many addresses';
const CONTROLLED = '(k) (b), key with a rate limit and credits';
const EXACT_CREDITS_NAME = '(l) credits spent from two instances';
const EXACT_WINDOW_NAME = "(l′) one rate limit's window, two instances";
const ANALYTICS = '(m) (b) with usage analytics on';
const ANALYTICS_OFF = '(b) with USAGE_ANALYTICS=false';

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  mismatches: number;
  /** Answers with a 2xx status: (m) compares them with the uses its server counted. */
  served: number;
}

interface FloodFigures {
  rps: number;
  total: number;
  non2xx: number;
  ok: number;
  addresses: number;
}

// ---------------------------------------------------------------- database and seed

async function freshDatabase(): Promise<{ target: DatabaseTarget; url: string | null; drop(): Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (server && server.startsWith('postgres')) {
    const name = `keyward_bench_${randomBytes(4).toString('hex')}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      target: { kind: 'postgres', url: url.toString() },
      url: url.toString(),
      drop: async () => {
        const again = postgres(server, { max: 1, onnotice: () => {} });
        await again.unsafe(`drop database if exists "${name}" with (force)`);
        await again.end();
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-bench-'));
  return { target: { kind: 'pglite', dataDir }, url: null, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

type Key = ReturnType<typeof newKey>;

interface Seed {
  email: string;
  main: Key;
  listerKey: string;
  /** Presented once each in (f). */
  coldKeys: string[];
  /** Presented all at once in (i), after the restart; never presented before. */
  restartKeys: string[];
  /** One per round of (j): the key ID the flood forges secrets for, then its real key. */
  floodedKeys: Key[];
  /** (k): an auto-applied rate limit and credits, neither ever reached. */
  controlled: Key;
  /** (l): exactly EXACT_CREDITS credits. */
  creditsKey: Key;
  /** (l′): WINDOW_LIMIT, auto-applied. */
  windowKey: Key;
}

/** The columns of a key set directly in the database: its usage controls (SPEC §9). */
type Controls = Pick<typeof apiKeys.$inferInsert, 'rateLimits' | 'creditsRemaining'>;

/** A key as the product stores it now: the SHA-256 digest of the full key, its own. */
const keyRow = (orgId: string, key: Key, name: string, controls: Controls = {}) => ({
  id: key.keyId,
  organizationId: orgId,
  name,
  description: 'seeded by npm run bench',
  access: 'FULL' as const,
  secretHash: digestOf(key.fullKey),
  secretHashKind: 'SHA256' as const,
  checksum: key.checksum,
  lastFour: lastFourOf(key.fullKey),
  createdBy: EMAIL,
  ...controls,
});

async function seed(target: DatabaseTarget): Promise<Seed> {
  const database = await openDatabase(target);
  try {
    // One transaction: on PGlite a commit per batch costs more than the batch.
    return await database.db.transaction((db) => seedInto(db));
  } finally {
    await database.close();
  }
}

async function seedInto(db: Queryable): Promise<Seed> {
  {
    const [org] = await db.insert(organizations).values({ name: 'Bench' }).returning();
    const [big] = await db.insert(organizations).values({ name: 'Bench Listing' }).returning();
    await db.insert(members).values({ organizationId: org!.id, email: EMAIL, name: 'Bench', role: 'OWNER', passwordHash: await hashPassword(PASSWORD, PASSWORD_COST) });

    const insertKeys = async (orgId: string, count: number, name: string, controls: Controls = {}): Promise<Key[]> => {
      const keys: Key[] = [];
      for (let i = 0; i < count; i += 1000) {
        const batch = Array.from({ length: Math.min(1000, count - i) }, () => newKey(newKeyId()));
        await db.insert(apiKeys).values(batch.map((key, j) => keyRow(orgId, key, `${name} ${i + j}`, controls)));
        keys.push(...batch);
      }
      return keys;
    };

    const [main] = await insertKeys(org!.id, 1, 'main');
    const [lister] = await insertKeys(big!.id, 1, 'lister');
    await insertKeys(big!.id, LISTED_KEYS, 'listed');
    const coldKeys = (await insertKeys(org!.id, COLD_KEYS, 'cold')).map((k) => k.fullKey);
    const restartKeys = (await insertKeys(org!.id, RESTART_KEYS, 'restart')).map((k) => k.fullKey);
    const floodedKeys = await insertKeys(org!.id, ROUNDS, 'flooded');
    const [controlled] = await insertKeys(org!.id, 1, 'controlled', { rateLimits: [UNREACHED_LIMIT], creditsRemaining: UNREACHED_CREDITS });
    const [creditsKey] = await insertKeys(org!.id, 1, 'exact credits', { creditsRemaining: EXACT_CREDITS });
    const [windowKey] = await insertKeys(org!.id, 1, 'exact window', { rateLimits: [WINDOW_LIMIT] });
    // What PostgreSQL's autovacuum would do after such a load (PGlite has no autovacuum):
    // without statistics the planner sorts all 10,000 rows instead of walking the index.
    await db.execute(sql`analyze`);
    return { email: EMAIL, main: main!, listerKey: lister!.fullKey, coldKeys, restartKeys, floodedKeys, controlled: controlled!, creditsKey: creditsKey!, windowKey: windowKey! };
  }
}

/** (m)'s databases: an organization and the one key, the same in each. */
async function seedOneKey(target: DatabaseTarget, key: Key): Promise<void> {
  const database = await openDatabase(target);
  try {
    const [org] = await database.db.insert(organizations).values({ name: 'Bench analytics' }).returning();
    await database.db.insert(apiKeys).values(keyRow(org!.id, key, 'analytics'));
  } finally {
    await database.close();
  }
}

/** The uses of `keyId` a database holds in usage_counts (each counted once, in its minute). */
async function countedUses(target: DatabaseTarget, keyId: string): Promise<number> {
  const database = await openDatabase(target);
  try {
    const [row] = await database.db
      .select({ uses: sql<string>`coalesce(sum(${usageCounts.count}), 0)` })
      .from(usageCounts)
      .where(and(eq(usageCounts.apiKeyId, keyId), eq(usageCounts.interval, 'MINUTE')));
    return Number(row?.uses ?? 0);
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------- server

interface Server {
  url: string;
  stop(): Promise<void>;
  /** Started with the leaseTrips.ts preload, once stopped: the database trips its leases made. */
  leaseTrips(): number | null;
}

interface ServerOptions {
  /** Set on top of the bench's environment: (m)'s USAGE_ANALYTICS=false. */
  env?: Record<string, string>;
  /** Preload leaseTrips.ts, and keep the server's output to read its line at exit. */
  countLeaseTrips?: boolean;
}

function startServer(target: DatabaseTarget, url: string | null, options: ServerOptions = {}): Promise<Server> {
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    // (j)'s flood says it comes from many clients (X-Forwarded-For, trusted from loopback as
    // from a proxy in front). Requests without the header — the measured load, and (g)'s
    // flood — come from loopback itself.
    TRUST_PROXY: 'loopback',
    ...(url ? { DATABASE_URL: url } : { DATABASE_URL: '', DATA_DIR: (target as { dataDir: string }).dataDir }),
    ...options.env,
  };
  const preload = options.countLeaseTrips ? ['--import', LEASE_TRIPS] : [];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...preload, path.resolve(__dirname, '../../main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // What the server says after it listens is dropped, but for the line leaseTrips.ts prints at exit.
  let afterListening = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        if (options.countLeaseTrips) child.stdout!.on('data', (more: Buffer) => (afterListening += more.toString()));
        child.stdout!.resume();
        child.stderr!.resume();
        resolve({
          url: match[1]!,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
          leaseTrips: () => {
            const line = /\{"leaseTrips":(\d+)\}/.exec(afterListening);
            return line ? Number(line[1]) : null;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)));
  });
}

/** Stops `server` and starts another on the same database: an instance that has met no key. */
async function restart(server: Server, database: { target: DatabaseTarget; url: string | null }): Promise<{ server: Server; ms: number }> {
  await server.stop();
  const started = performance.now();
  const again = await startServer(database.target, database.url);
  return { server: again, ms: performance.now() - started };
}

async function graphql(url: string, query: string, variables: object = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { data?: any; errors?: any[] } };
}

// ---------------------------------------------------------------- load

interface Scenario {
  name: string;
  body: string;
  headers?: Record<string, string>;
  /** The exact answer a request must get to count as a success. */
  expect?: string;
}

function load(url: string, scenario: Scenario, seconds = SECONDS, extra: Partial<autocannon.Options> = {}): Promise<Figures> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: seconds,
        headers: { 'content-type': 'application/json', ...scenario.headers },
        body: scenario.body,
        ...(scenario.expect ? { verifyBody: (body: unknown) => String(body) === scenario.expect } : {}),
        ...extra,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          mismatches: (result as unknown as { mismatches?: number }).mismatches ?? 0,
          served: result['2xx'],
        });
      },
    );
  });
}

/**
 * A flood of `keys` from a process of its own (flood.ts), lasting `seconds`; `spread` gives
 * each request an X-Forwarded-For address of its own, else it comes from loopback.
 */
function startFlood(url: string, keys: string[], options: { connections: number; seconds: number; spread: boolean }): { started: Promise<void>; done: Promise<FloodFigures> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(__dirname, 'flood.ts')], {
    env: {
      ...process.env,
      FLOOD_URL: `${url}/graphql`,
      FLOOD_KEYS: JSON.stringify(keys),
      FLOOD_CONNECTIONS: String(options.connections),
      FLOOD_SECONDS: String(options.seconds),
      FLOOD_SPREAD: String(options.spread),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('started\n')) markStarted();
  });
  const done = new Promise<FloodFigures>((resolve, reject) =>
    child.on('exit', (code) => {
      const last = output.trim().split('\n').at(-1)!;
      if (code !== 0 || !last.startsWith('{')) return reject(new Error(`the flood process failed (${code}): ${output}`));
      resolve(JSON.parse(last) as FloodFigures);
    }),
  );
  return { started, done };
}

interface Burst {
  ms: number;
  refused: number;
  byStatus: Record<string, number>;
  p50: number;
  p99: number;
}

/**
 * (i): every key presented at once, each on a connection of its own (no keep-alive, an
 * agent with a socket for each), the way clients come back after an instance restarted.
 * A request counts as answered right only with 200 and the exact body.
 */
async function burst(url: string, keys: string[], expected: string): Promise<Burst> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: keys.length });
  const target = new URL(`${url}/graphql`);
  const body = JSON.stringify({ query: '{ viewer { kind } }', variables: {} });
  const start = performance.now();
  const answers = await Promise.all(
    keys.map(
      (key) =>
        new Promise<{ status: string; ok: boolean; ms: number }>((resolve) => {
          const request = http.request(
            {
              host: target.hostname,
              port: target.port,
              path: target.pathname,
              method: 'POST',
              agent,
              timeout: RESTART_DEADLINE_MS,
              headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}` },
            },
            (response) => {
              let text = '';
              response.setEncoding('utf8');
              response.on('data', (chunk: string) => (text += chunk));
              response.on('end', () => resolve({ status: String(response.statusCode), ok: response.statusCode === 200 && text === expected, ms: performance.now() - start }));
              response.on('error', () => resolve({ status: 'error', ok: false, ms: performance.now() - start }));
            },
          );
          request.on('timeout', () => request.destroy(new Error('timeout')));
          request.on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? error.message, ok: false, ms: performance.now() - start }));
          request.end(body);
        }),
    ),
  );
  agent.destroy();
  const times = answers.map((a) => a.ms).sort((x, y) => x - y);
  const byStatus: Record<string, number> = {};
  for (const a of answers) byStatus[a.ok ? 'ok' : a.status] = (byStatus[a.ok ? 'ok' : a.status] ?? 0) + 1;
  return {
    ms: times.at(-1)!,
    refused: answers.filter((a) => !a.ok).length,
    byStatus,
    p50: Math.round(times[Math.floor(times.length / 2)]!),
    p99: Math.round(times[Math.floor(times.length * 0.99)]!),
  };
}

const q = (query: string, variables: object = {}) => JSON.stringify({ query, variables });
const LIST = `{ apiKeys(first: 50) { totalCount edges { cursor node { id name description access scopes lastFour status
  createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt } } pageInfo { hasNextPage endCursor } } }`;
const VIEWER_KEY = '{"data":{"viewer":{"kind":"API_KEY"}}}';
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failures = (f: Figures) => f.non2xx + f.errors + f.mismatches;
const average = (runs: Figures[]): Figures => ({
  rps: mean(runs.map((r) => r.rps)),
  p50: Math.round(mean(runs.map((r) => r.p50))),
  p99: Math.round(mean(runs.map((r) => r.p99))),
  non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  errors: runs.reduce((n, r) => n + r.errors, 0),
  mismatches: runs.reduce((n, r) => n + r.mismatches, 0),
  served: runs.reduce((n, r) => n + r.served, 0),
});

/** Runs and ratios by scenario name, each ratio against the reference runs beside it. */
class Measurements {
  readonly results = new Map<string, Figures[]>();
  readonly ratios = new Map<string, number[]>();

  record(round: number, name: string, figures: Figures): Figures {
    this.results.set(name, [...(this.results.get(name) ?? []), figures]);
    print(`  round ${round}: ${name} ${figures.rps.toFixed(0)} req/s${failures(figures) ? `, ${failures(figures)} failed` : ''}`);
    return figures;
  }

  ratio(name: string, value: number): void {
    this.ratios.set(name, [...(this.ratios.get(name) ?? []), value]);
  }

  /**
   * ROUNDS rounds of: the reference, then each measured run followed by the reference
   * again; each measured run's ratio is to the mean of the reference runs just before and
   * just after it.
   */
  async alternate(reference: { name: string; run: () => Promise<Figures> }, measured: Array<{ name: string; run: () => Promise<Figures> }>): Promise<void> {
    for (let round = 1; round <= ROUNDS; round++) {
      let before = this.record(round, reference.name, await reference.run());
      for (const m of measured) {
        const figures = this.record(round, m.name, await m.run());
        const after = this.record(round, reference.name, await reference.run());
        this.ratio(m.name, figures.rps / ((before.rps + after.rps) / 2));
        before = after;
      }
    }
  }

  figures(name: string): Figures {
    return average(this.results.get(name)!);
  }

  median(name: string): number {
    return median(this.ratios.get(name)!);
  }

  range(name: string): string {
    const values = this.ratios.get(name)!;
    return `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
  }
}

// ---------------------------------------------------------------- the report

interface Line {
  name: string;
  figures: Pick<Figures, 'rps' | 'p50' | 'p99'> | null;
  ratio: string;
  range: string;
  target: string;
  /** null: information, no target. */
  met: boolean | null;
  note: string;
}

function table(lines: Line[]): void {
  const widths = [46, 7, 6, 6, 6, 9, 18, 4];
  const cells = (values: string[]) =>
    values
      .map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : i === values.length - 1 ? v : i >= 5 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!)))
      .join(' ')
      .trimEnd();
  print(cells(['scenario', 'req/s', 'p50', 'p99', 'ratio', 'range', 'target', 'met', 'notes']));
  for (const l of lines) {
    print(
      cells([
        l.name,
        l.figures ? l.figures.rps.toFixed(0) : '—',
        l.figures ? String(l.figures.p50) : '—',
        l.figures ? String(l.figures.p99) : '—',
        l.ratio,
        l.range,
        l.target,
        l.met === null ? '—' : l.met ? 'yes' : 'NO',
        l.note,
      ]),
    );
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const cpu = cpus();
  const database = await freshDatabase();
  print(`machine: ${cpu.length} cores, ${cpu[0]?.model.trim()}, Node ${process.version}`);
  print(`database: ${database.target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}; ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds`);
  const seedStart = performance.now();
  const seeded = await seed(database.target);
  print(`seeded ${(LISTED_KEYS + COLD_KEYS + RESTART_KEYS + ROUNDS + 2).toLocaleString('en')} keys in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  let server = await startServer(database.target, database.url);
  const lines: Line[] = [];
  try {
    const m = new Measurements();
    const login = await graphql(server.url, 'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }', { e: seeded.email, p: PASSWORD });
    const token = login.body.data.login.token as string;
    const mainHeaders = { authorization: `Bearer ${seeded.main.fullKey}` };
    const scenarios: Scenario[] = [
      { name: A, body: q('{ __typename }'), expect: '{"data":{"__typename":"Query"}}' },
      { name: '(b) viewer with an API key', body: q('{ viewer { kind } }'), headers: mainHeaders, expect: VIEWER_KEY },
      { name: '(c) viewer with a session', body: q('{ viewer { kind } }'), headers: { authorization: `Bearer ${token}` }, expect: '{"data":{"viewer":{"kind":"MEMBER"}}}' },
      { name: '(d) verifyApiKey with requiredScopes', body: q('query($k:String!){ verifyApiKey(key:$k, requiredScopes:["api_keys:read"]) { valid code scopes } }', { k: seeded.main.fullKey }) },
      { name: '(e) apiKeys(first: 50), every field, 10k keys', body: q(LIST), headers: { authorization: `Bearer ${seeded.listerKey}` } },
    ];
    // Warm each credential once (the first presentation is the cold path, measured in (f)),
    // and take (d)'s and (e)'s answers as the ones every later request must get.
    for (const s of scenarios) {
      const { query, variables } = JSON.parse(s.body) as { query: string; variables: object };
      const first = await graphql(server.url, query, variables, s.headers);
      if (first.status !== 200 || first.body.errors) throw new Error(`${s.name}: ${first.status} ${first.text.slice(0, 300)}`);
      if (s.expect && first.text !== s.expect) throw new Error(`${s.name}: unexpected answer ${first.text.slice(0, 300)}`);
      s.expect ??= first.text;
    }
    const [baseline, plainB] = scenarios as [Scenario, Scenario, ...Scenario[]];
    const compared = scenarios.slice(1);

    // (f): every request verifies a key this instance has never verified.
    let nextCold = 0;
    const cold = (seconds = SECONDS): Promise<Figures> =>
      load(server.url, { name: COLD, body: '' }, seconds, {
        requests: [
          {
            setupRequest: (request: any) => {
              const key = seeded.coldKeys[nextCold++ % seeded.coldKeys.length]!;
              return { ...request, body: q('query($k:String!){ verifyApiKey(key:$k) { valid } }', { k: key }) };
            },
          },
        ],
        verifyBody: (body: unknown) => String(body) === '{"data":{"verifyApiKey":{"valid":true}}}',
      });
    // Warm the server itself (V8 compiles what runs hot): the first seconds of a fresh
    // process are slower, and would otherwise fall on round 1 only. The cold path too: its
    // lookup and bookkeeping run nowhere else.
    await cold(WARM_UP_SECONDS);
    for (const s of scenarios) await load(server.url, s, WARM_UP_SECONDS);

    // Three phases, so that nothing measured follows (f)'s thousands of new keys (their
    // usage written in batches) or the floods of (g) but their own references.
    const runOf = (s: Scenario) => ({ name: s.name, run: () => load(server.url, s) });
    await m.alternate(runOf(baseline), compared.map(runOf));
    await m.alternate(runOf(baseline), [{ name: COLD, run: () => cold() }]);
    const coldReused = Math.max(0, nextCold - seeded.coldKeys.length);

    // (g): (b) while wrong secrets for the same key ID, forged to pass the checksum, flood
    // in from the same client address (loopback) from a process of their own. (g′): the
    // same flood over more connections than the server holds answers for
    // (http/wrongKeyAnswers.ts): the connections past MAX_HELD are answered at once.
    const floods = new Map<string, FloodFigures[]>();
    const forged = Array.from({ length: 200 }, () => forgeKey(seeded.main.keyId, seeded.main.checksum));
    const underFlood = (name: string, keys: string[], connections: number, spread: boolean, measured: Scenario, leadMs = 0) => async (): Promise<Figures> => {
      const flood = startFlood(server.url, keys, { connections, seconds: SECONDS + 1 + Math.ceil(leadMs / 1000), spread });
      await flood.started;
      await sleep(leadMs);
      const legitimate = await load(server.url, measured);
      floods.set(name, [...(floods.get(name) ?? []), await flood.done]);
      // Let the server close the flood's connections before anything else is measured.
      await sleep(SETTLE_MS);
      return legitimate;
    };
    await sleep(SETTLE_MS);
    await load(server.url, plainB, WARM_UP_SECONDS);
    // (b)'s runs here are references only: (b)'s own row is from the first phase.
    const bBesideFloods = `${plainB.name} beside the floods`;
    await m.alternate({ name: bBesideFloods, run: () => load(server.url, plainB) }, [
      { name: FLOOD, run: underFlood(FLOOD, forged, CONNECTIONS, false, plainB) },
      { name: WIDE_FLOOD, run: underFlood(WIDE_FLOOD, forged, MAX_HELD + CONNECTIONS, false, plainB) },
    ]);

    let revocation: { median: number; max: number } | null = null;
    if (database.target.kind === 'postgres') revocation = await revocationLatency(server, database.url!, token);

    // (i): the server restarted on the same database, then 2,000 live keys it has never
    // met, all at once.
    const restarted = await restart(server, database);
    server = restarted.server;
    print(`  (i) restarted in ${(restarted.ms / 1000).toFixed(1)} s; presenting ${RESTART_KEYS} keys at once`);
    const restartBurst = await burst(server.url, seeded.restartKeys, VIEWER_KEY);
    print(`  (i) all answered after ${(restartBurst.ms / 1000).toFixed(2)} s: ${JSON.stringify(restartBurst.byStatus)}`);

    // (j): restarted again, then in each round a flood of forged secrets for a key ID this
    // instance has never met, from a new X-Forwarded-For address per request; a second
    // into the flood, the legitimate load with that key ID's real key, which the instance
    // has never seen. Its reference is (b) (another key ID) beside it. The instance is
    // warmed first with (a) and (b) only, which touch no flooded key ID.
    const again = await restart(server, database);
    server = again.server;
    print(`  (j) restarted in ${(again.ms / 1000).toFixed(1)} s`);
    await load(server.url, baseline, WARM_UP_SECONDS);
    await load(server.url, plainB, WARM_UP_SECONDS);
    const bBesideJ = `${plainB.name} beside (j)`;
    let jRound = 0;
    await m.alternate({ name: bBesideJ, run: () => load(server.url, plainB) }, [
      {
        name: MANY_ADDRESSES,
        run: () => {
          const key = seeded.floodedKeys[jRound++]!;
          const wrong = Array.from({ length: 200 }, () => forgeKey(key.keyId, key.checksum));
          const real: Scenario = { name: MANY_ADDRESSES, body: q('{ viewer { kind } }'), headers: { authorization: `Bearer ${key.fullKey}` }, expect: VIEWER_KEY };
          return underFlood(MANY_ADDRESSES, wrong, CONNECTIONS, true, real, 1_000)();
        },
      },
    ]);

    // ------------------------------------------------------------ the report
    const ratioLine = (name: string, target: number | null, reference: string, extraNote = '', floodName?: string): Line => {
      const figures = m.figures(name);
      const ratio = m.median(name);
      const failed = failures(figures);
      let note = `ratio to ${reference} beside it; ${failed} failed`;
      if (floodName) {
        const flood = floods.get(floodName)!;
        note += `; flood ${mean(flood.map((f) => f.rps)).toFixed(0)} req/s, ${flood.reduce((n, f) => n + f.non2xx, 0)} refused, ${flood.reduce((n, f) => n + f.ok, 0)} accepted`;
        if (floodName === MANY_ADDRESSES) note += `, up to ${Math.max(...flood.map((f) => f.addresses)).toLocaleString('en')} addresses a round`;
      }
      return {
        name,
        figures,
        ratio: ratio.toFixed(2),
        range: m.range(name),
        target: target === null ? (floodName === MANY_ADDRESSES ? '0 failed' : '—') : `≥ ${target.toFixed(2)}${floodName ? ', 0 failed' : ''}`,
        met: target === null ? (floodName === MANY_ADDRESSES ? failed === 0 : null) : ratio >= target && failed === 0,
        note: note + extraNote,
      };
    };
    const aRuns = m.results.get(A)!;
    lines.push({ name: A, figures: m.figures(A), ratio: '1.00', range: '', target: '—', met: null, note: `mean of all ${aRuns.length} runs; ${aRuns.reduce((n, r) => n + failures(r), 0)} failed` });
    const targets: Record<string, number> = { [compared[0]!.name]: 0.9, [compared[1]!.name]: 0.9, [compared[2]!.name]: 0.85, [compared[3]!.name]: 0.5 };
    for (const s of compared) lines.push(ratioLine(s.name, targets[s.name]!, '(a)'));
    lines.push(ratioLine(COLD, 0.3, '(a)', coldReused ? `; ${coldReused} presentations reused a key (too few cold keys)` : ''));
    lines.push(ratioLine(FLOOD, 0.8, '(b)', '', FLOOD));
    lines.push(ratioLine(WIDE_FLOOD, null, '(b)', ` (${MAX_HELD + CONNECTIONS} flood connections)`, WIDE_FLOOD));
    lines.push(
      revocation
        ? { name: '(h) revocation on A seen by B', figures: null, ratio: '—', range: '', target: '≤ 1,000 ms', met: revocation.max <= 1_000, note: `median ${revocation.median.toFixed(1)} ms, max ${revocation.max.toFixed(1)} ms (5 trials)` }
        : { name: '(h) revocation on A seen by B', figures: null, ratio: '—', range: '', target: '≤ 1,000 ms', met: null, note: 'PostgreSQL only (set BENCH_DATABASE_URL)' },
    );
    lines.push({
      name: `(i) restart, ${RESTART_KEYS.toLocaleString('en')} new keys at once`,
      figures: { rps: RESTART_KEYS / (restartBurst.ms / 1000), p50: restartBurst.p50, p99: restartBurst.p99 },
      ratio: '—',
      range: '',
      target: '0 refused, ≤ 10 s',
      met: restartBurst.refused === 0 && restartBurst.ms <= 10_000,
      note: `all answered in ${(restartBurst.ms / 1000).toFixed(2)} s, ${restartBurst.refused} refused ${JSON.stringify(restartBurst.byStatus)}; restart took ${(restarted.ms / 1000).toFixed(1)} s`,
    });
    lines.push(ratioLine(MANY_ADDRESSES, null, '(b)', '', MANY_ADDRESSES));
    print();
    table(lines);
    print('(req/s and latency in ms: mean of the runs; ratio: median of the rounds\' ratios, range their spread; (i): req/s is 2,000 over the time until all were answered, p50/p99 of each answer\'s time since the burst began)');
  } finally {
    await server.stop();
    await database.drop();
  }
}

/** (h) A key revoked on instance A: how long until instance B refuses it. */
async function revocationLatency(a: Server, url: string, token: string): Promise<{ median: number; max: number }> {
  const b = await startServer({ kind: 'postgres', url }, url);
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await graphql(a.url, 'mutation{ createApiKey(input:{name:"h", access:READ_ONLY}) { secret apiKey { id } } }', {}, { authorization: `Bearer ${token}` });
      const { secret, apiKey } = created.body.data.createApiKey;
      const headers = { authorization: `Bearer ${secret}` };
      if ((await graphql(b.url, '{ viewer { kind } }', {}, headers)).status !== 200) throw new Error('key not accepted on B');
      await graphql(a.url, 'mutation($id:ID!){ revokeApiKey(id:$id) { apiKey { id } } }', { id: apiKey.id }, { authorization: `Bearer ${token}` });
      const revoked = performance.now();
      while ((await graphql(b.url, '{ viewer { kind } }', {}, headers)).status === 200) {
        if (performance.now() - revoked > 5_000) throw new Error('B never saw the revocation');
      }
      times.push(performance.now() - revoked);
    }
    times.sort((x, y) => x - y);
    print(`  (h) revocation on A seen by B: median ${times[2]!.toFixed(1)} ms, max ${times[4]!.toFixed(1)} ms (5 trials)`);
    return { median: times[2]!, max: times[4]! };
  } finally {
    await b.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
