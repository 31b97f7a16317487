import autocannon from 'autocannon';
import bcrypt from 'bcrypt';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { hashPassword } from '../../auth/passwords';
import type { DatabaseTarget } from '../../config';
import { openDatabase } from '../../db/open';
import { apiKeys, members, organizations } from '../../db/schema';
import { checksumOf, KEY_PREFIX, lastFourOf, newKey, newKeyId } from '../../keys/format';
import { MAX_HELD } from '../../http/earlyRefusal';
import { forgeKey } from './forge';

/** The report goes to stdout as plain lines: it is the command's output, not a server log. */
const print = (line = '') => void process.stdout.write(`${line}\n`);

/**
 * `npm run bench`: the hot path measured over real HTTP (issue 7). Starts Keyward the way
 * `npm start` does (src/main.ts under tsx) on a fresh database — PostgreSQL when
 * BENCH_DATABASE_URL or DATABASE_URL names a server (a database of its own is created
 * there and dropped afterwards), else PGlite in a temporary DATA_DIR — seeds it, and
 * drives it with autocannon. Every figure is set against a reference measured in the same
 * run just before and just after it — (b)–(e) against (a), (f) against bcrypt's own rate,
 * (g) against (b) — round after round, so that noise on a shared machine falls on both
 * sides, and reported as the median of the rounds' ratios with their range.
 * BENCH_SECONDS (default 4) per measurement, BENCH_ROUNDS (default 5),
 * BENCH_CONNECTIONS (default 20).
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const KEY_COST = 10;
const LISTED_KEYS = 10_000;
const WARM_UP_SECONDS = 2;
const OWN_RATE_SECONDS = 3;
const SETTLE_MS = 1_000;
// Each cold key is presented once: enough for every round at well over bcrypt's rate.
const COLD_KEYS = Math.max(1_500, (ROUNDS * SECONDS + WARM_UP_SECONDS) * 100);
const PASSWORD = 'bench password 2026';
const FLOOD_CLIENT = '203.0.113.66';
const COLD = '(f) cold verification (new key each)';
const FLOOD = '(g) (b) under a flood of wrong secrets';
const WIDE_FLOOD = "(g′) (g), the flood past MAX_HELD";

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  mismatches: number;
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

interface Seed {
  email: string;
  mainKey: string;
  mainKeyId: string;
  mainChecksum: string;
  listerKey: string;
  coldKeys: string[];
}

async function seed(target: DatabaseTarget): Promise<Seed> {
  const database = await openDatabase(target);
  const { db } = database;
  try {
    const [org] = await db.insert(organizations).values({ name: 'Bench' }).returning();
    const [big] = await db.insert(organizations).values({ name: 'Bench Listing' }).returning();
    const email = 'bench@bench.test';
    await db.insert(members).values({ organizationId: org!.id, email, name: 'Bench', role: 'OWNER', passwordHash: await hashPassword(PASSWORD, KEY_COST) });

    const row = (orgId: string, key: ReturnType<typeof newKey>, secretHash: string, name: string) => ({
      id: key.keyId,
      organizationId: orgId,
      name,
      description: 'seeded by npm run bench',
      access: 'FULL' as const,
      secretHash,
      checksum: key.checksum,
      lastFour: lastFourOf(key.fullKey),
      createdBy: email,
    });

    const main = newKey(newKeyId());
    const lister = newKey(newKeyId());
    await db.insert(apiKeys).values([
      row(org!.id, main, await bcrypt.hash(main.secret, KEY_COST), 'main'),
      row(big!.id, lister, await bcrypt.hash(lister.secret, KEY_COST), 'lister'),
    ]);

    // 10,000 keys to list: one cheap hash shared by all, since nobody presents them.
    const cheap = await bcrypt.hash(randomBytes(16).toString('hex'), 4);
    for (let i = 0; i < LISTED_KEYS; i += 1000) {
      await db.insert(apiKeys).values(Array.from({ length: 1000 }, (_, j) => row(big!.id, newKey(newKeyId()), cheap, `listed ${i + j}`)));
    }

    // Keys each presented once: one secret (hashed once at the real cost) under many key
    // IDs, so every full key is distinct and each costs a real bcrypt compare.
    const shared = newKey(newKeyId());
    const sharedHash = await bcrypt.hash(shared.secret, KEY_COST);
    const coldKeys: string[] = [];
    for (let i = 0; i < COLD_KEYS; i += 500) {
      const batch = Array.from({ length: 500 }, () => {
        const keyId = newKeyId();
        const body = `${KEY_PREFIX}${keyId}_${shared.secret}`;
        const key = { keyId, secret: shared.secret, checksum: checksumOf(body), fullKey: body + checksumOf(body) };
        coldKeys.push(key.fullKey);
        return row(org!.id, key, sharedHash, 'cold');
      });
      await db.insert(apiKeys).values(batch);
    }
    // What PostgreSQL's autovacuum would do after such a load (PGlite has no autovacuum):
    // without statistics the planner sorts all 10,000 rows instead of walking the index.
    await db.execute(sql`analyze`);
    return { email, mainKey: main.fullKey, mainKeyId: main.keyId, mainChecksum: main.checksum, listerKey: lister.fullKey, coldKeys };
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------- server

interface Server {
  url: string;
  stop(): Promise<void>;
}

function startServer(target: DatabaseTarget, url: string | null, extraEnv: Record<string, string> = {}): Promise<Server> {
  const env = {
    ...process.env,
    ...extraEnv,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    // The flood in (g) says it comes from another client (X-Forwarded-For, trusted from
    // loopback as from a proxy in front): its failures must not mark the address the
    // measured load comes from, or (f) would run under the limits' strict mode.
    TRUST_PROXY: 'loopback',
    ...(url ? { DATABASE_URL: url } : { DATABASE_URL: '', DATA_DIR: (target as { dataDir: string }).dataDir }),
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve({
          url: match[1]!,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)));
  });
}

async function graphql(url: string, query: string, variables: object = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
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
        });
      },
    );
  });
}

/** (g)'s flood, from a process of its own (flood.ts), running a little longer than the measured load. */
function startFlood(url: string, keys: string[], connections = CONNECTIONS): { started: Promise<void>; done: Promise<Figures> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(__dirname, 'flood.ts')], {
    env: {
      ...process.env,
      FLOOD_URL: `${url}/graphql`,
      FLOOD_KEYS: JSON.stringify(keys),
      FLOOD_CONNECTIONS: String(connections),
      FLOOD_SECONDS: String(SECONDS + 1),
      FLOOD_CLIENT,
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
  const done = new Promise<Figures>((resolve, reject) =>
    child.on('exit', (code) => {
      const last = output.trim().split('\n').at(-1)!;
      if (code !== 0 || !last.startsWith('{')) return reject(new Error(`the flood process failed (${code}): ${output}`));
      const { rps, non2xx } = JSON.parse(last) as { rps: number; non2xx: number };
      resolve({ rps, non2xx, p50: 0, p99: 0, errors: 0, mismatches: 0 });
    }),
  );
  return { started, done };
}

const q = (query: string, variables: object = {}) => JSON.stringify({ query, variables });
const LIST = `{ apiKeys(first: 50) { totalCount edges { cursor node { id name description access scopes lastFour status
  createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt } } pageInfo { hasNextPage endCursor } } }`;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** bcrypt's own compare rate on libuv's pool, `UV_THREADPOOL_SIZE` compares in flight. */
async function bcryptRate(seconds: number): Promise<number> {
  const hash = await bcrypt.hash('measure', KEY_COST);
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  let done = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: pool }, async () => {
      while (Date.now() < end) {
        await bcrypt.compare('wrong', hash);
        done++;
      }
    }),
  );
  return done / seconds;
}

/** One line of the report; `ratio` null for a scenario compared with something else than (a) (said in its note). */
function row(name: string, f: Figures, ratio: number | null, note = ''): string {
  const shown = ratio === null ? '—' : ratio.toFixed(2);
  return `${name.padEnd(44)} ${f.rps.toFixed(0).padStart(7)} ${String(f.p50).padStart(6)} ${String(f.p99).padStart(6)} ${shown.padStart(6)}  ${note}`;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const cpu = cpus();
  const database = await freshDatabase();
  print(`machine: ${cpu.length} cores, ${cpu[0]?.model.trim()}, Node ${process.version}, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? '(default 4)'}`);
  print(`database: ${database.target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}; ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds`);
  const seeded = await seed(database.target);
  const server = await startServer(database.target, database.url);
  let baselineAndList: [Scenario, Scenario] | null = null;
  try {
    const login = await graphql(server.url, 'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }', { e: seeded.email, p: PASSWORD });
    const token = login.body.data.login.token as string;
    const viewerKey = '{"data":{"viewer":{"kind":"API_KEY"}}}';
    const scenarios: Scenario[] = [
      { name: '(a) baseline { __typename }', body: q('{ __typename }'), expect: '{"data":{"__typename":"Query"}}' },
      { name: '(b) viewer with an API key', body: q('{ viewer { kind } }'), headers: { authorization: `Bearer ${seeded.mainKey}` }, expect: viewerKey },
      { name: '(c) viewer with a session', body: q('{ viewer { kind } }'), headers: { authorization: `Bearer ${token}` }, expect: '{"data":{"viewer":{"kind":"MEMBER"}}}' },
      {
        name: '(d) verifyApiKey with requiredScopes',
        body: q('query($k:String!){ verifyApiKey(key:$k, requiredScopes:["api_keys:read"]) { valid code scopes } }', { k: seeded.mainKey }),
        expect: undefined,
      },
      {
        name: '(e) apiKeys(first: 50), every field, 10k keys',
        body: q(LIST),
        headers: { authorization: `Bearer ${seeded.listerKey}` },
      },
    ];
    baselineAndList = [scenarios[0]!, scenarios[4]!];
    // Warm each credential once (the first presentation is the cold path, measured in (f)).
    for (const s of scenarios) await graphql(server.url, JSON.parse(s.body).query, JSON.parse(s.body).variables, s.headers);
    // (f) every request presents a key never seen before; (g) is (b) while wrong secrets
    // for the same key ID flood in, forged to reach bcrypt until the limits stop them.
    let next = 0;
    const cold = (seconds = SECONDS): Promise<Figures> =>
      load(server.url, { name: 'cold', body: '' }, seconds, {
        requests: [
          {
            setupRequest: (request: any) => {
              const key = seeded.coldKeys[next++ % seeded.coldKeys.length]!;
              return { ...request, body: q('query($k:String!){ verifyApiKey(key:$k) { valid } }', { k: key }) };
            },
          },
        ],
        verifyBody: (body: unknown) => String(body) === '{"data":{"verifyApiKey":{"valid":true}}}',
      });
    // And warm the server itself (V8 compiles what runs hot): the first seconds of a fresh
    // process are slower, and would otherwise fall on round 1 only. The cold path too (its
    // lookup and bookkeeping run nowhere else), first, so that its bcrypt work is over
    // before anything is measured.
    await cold(WARM_UP_SECONDS);
    for (const s of scenarios) await load(server.url, s, WARM_UP_SECONDS);

    const forged = Array.from({ length: 200 }, () => forgeKey(seeded.mainKeyId, seeded.mainChecksum));
    // (g′) the same flood over more connections than the server holds answers for
    // (http/earlyRefusal.ts): the connections past MAX_HELD are answered at once, so this
    // is what a flood costs the server when holding cannot slow it down.
    const floodFigures = new Map<string, Figures[]>();
    const underFlood = (name: string, connections: number) => async (): Promise<Figures> => {
      const flood = startFlood(server.url, forged, connections);
      await flood.started;
      const legitimate = await load(server.url, scenarios[1]!);
      floodFigures.set(name, [...(floodFigures.get(name) ?? []), await flood.done]);
      // Let the server close the flood's connections before anything else is measured.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      return legitimate;
    };
    const [baselineScenario, ...compared] = scenarios as [Scenario, ...Scenario[]];
    const plainB = compared[0]!;
    // Every ratio is a scenario's run against its reference measured just before and just
    // after it, so that a noisy or slowing stretch of the shared machine falls on both sides
    // alike; one ratio per round, and what is reported is their median, with their range,
    // so that one round a neighbour's load spoiled moves neither. Three phases, so that
    // nothing measured follows the bcrypt work of (f) or the floods of (g) but their own
    // references: (b)–(e) against (a); (f) against bcrypt's own rate; (g) and (g′) against (b).
    const ratios = new Map<string, number[]>();
    const results = new Map<string, Figures[]>();
    const ownRates: number[] = [];
    const record = (round: number, name: string, figures: Figures) => {
      results.set(name, [...(results.get(name) ?? []), figures]);
      print(`  round ${round}: ${name} ${figures.rps.toFixed(0)} req/s`);
      return figures;
    };
    const alternate = async (reference: Scenario, measured: Array<{ name: string; run: () => Promise<Figures> }>) => {
      for (let round = 1; round <= ROUNDS; round++) {
        let before = record(round, reference.name, await load(server.url, reference));
        for (const m of measured) {
          const figures = record(round, m.name, await m.run());
          const after = record(round, reference.name, await load(server.url, reference));
          ratios.set(m.name, [...(ratios.get(m.name) ?? []), figures.rps / ((before.rps + after.rps) / 2)]);
          before = after;
        }
      }
    };

    await alternate(
      baselineScenario,
      compared.map((s) => ({ name: s.name, run: () => load(server.url, s) })),
    );
    for (let round = 1; round <= ROUNDS; round++) {
      const before = await bcryptRate(OWN_RATE_SECONDS);
      const figures = record(round, COLD, await cold());
      const own = (before + (await bcryptRate(OWN_RATE_SECONDS))) / 2;
      ownRates.push(own);
      ratios.set(COLD, [...(ratios.get(COLD) ?? []), figures.rps / own]);
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await load(server.url, plainB, WARM_UP_SECONDS);
    // (b)'s runs here are references only: (b)'s own row is from the first phase.
    const flooded = { ...plainB, name: `${plainB.name} beside the floods` };
    await alternate(flooded, [
      { name: FLOOD, run: underFlood(FLOOD, CONNECTIONS) },
      { name: WIDE_FLOOD, run: underFlood(WIDE_FLOOD, MAX_HELD + CONNECTIONS) },
    ]);
    const average = (runs: Figures[]): Figures => ({
      rps: mean(runs.map((r) => r.rps)),
      p50: Math.round(mean(runs.map((r) => r.p50))),
      p99: Math.round(mean(runs.map((r) => r.p99))),
      non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
      errors: runs.reduce((n, r) => n + r.errors, 0),
      mismatches: runs.reduce((n, r) => n + r.mismatches, 0),
    });
    const avg = (name: string) => average(results.get(name)!);
    const failures = (f: Figures) => f.non2xx + f.errors + f.mismatches;
    const spread = (name: string) => {
      const values = ratios.get(name)!;
      return `range ${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)} over ${values.length} rounds`;
    };

    print(`\n${'scenario'.padEnd(44)} ${'req/s'.padStart(7)} ${'p50'.padStart(6)} ${'p99'.padStart(6)} ${'ratio'.padStart(6)}  (ms; ratio: median of the rounds' ratios to the (a) runs beside it, unless said)`);
    print(row(baselineScenario.name, avg(baselineScenario.name), 1, `mean of all ${results.get(baselineScenario.name)!.length} runs`));
    for (const s of compared) {
      const fig = avg(s.name);
      print(row(s.name, fig, median(ratios.get(s.name)!), `${spread(s.name)}${failures(fig) ? `; ${failures(fig)} failed` : ''}`));
    }
    const coldFigures = avg(COLD);
    print(row(COLD, coldFigures, null, `${median(ratios.get(COLD)!).toFixed(2)} × bcrypt's own ${mean(ownRates).toFixed(1)} compares/s measured beside it (${spread(COLD)}); ${failures(coldFigures)} failed`));
    for (const name of [FLOOD, WIDE_FLOOD]) {
      const figures = avg(name);
      const flood = average(floodFigures.get(name)!);
      print(row(name, figures, null, `${median(ratios.get(name)!).toFixed(2)} × (b) beside it (${spread(name)}); ${failures(figures)} failed legitimate; flood ${flood.rps.toFixed(0)} req/s, ${flood.non2xx} refused`));
    }

    if (database.target.kind === 'postgres') await revocationLatency(server, database.url!, token);
    else print('(h) revocation seen by another instance: PostgreSQL only (set BENCH_DATABASE_URL)');
  } finally {
    await server.stop();
  }
  try {
    if (baselineAndList) await uncachedList(database, ...baselineAndList);
  } finally {
    await database.drop();
  }
}

/**
 * (e′) The list of (e) with the key list cache off (KEY_LIST_CACHE_TTL_MS=0), on a server of
 * its own on the same database, against a baseline measured again on that server: what a
 * page costs when nobody asked for it in the last 2 s.
 */
async function uncachedList(database: { target: DatabaseTarget; url: string | null }, baseline: Scenario, listing: Scenario): Promise<void> {
  const server = await startServer(database.target, database.url, { KEY_LIST_CACHE_TTL_MS: '0' });
  try {
    for (const s of [baseline, listing]) await load(server.url, s, WARM_UP_SECONDS);
    const bases: number[] = [];
    const lists: Figures[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      bases.push((await load(server.url, baseline)).rps);
      lists.push(await load(server.url, listing));
      print(`  round ${round}: (e′) ${bases.at(-1)!.toFixed(0)} / ${lists.at(-1)!.rps.toFixed(0)} req/s`);
    }
    const base = mean(bases);
    const figures = { ...lists[0]!, rps: mean(lists.map((r) => r.rps)), p50: Math.round(mean(lists.map((r) => r.p50))), p99: Math.round(mean(lists.map((r) => r.p99))) };
    print(row('(e′) (e) with the key list cache off', figures, figures.rps / base, `ratio to (a) on that server, ${base.toFixed(0)} req/s`));
  } finally {
    await server.stop();
  }
}

/** (h) A key revoked on instance A: how long until instance B refuses it. */
async function revocationLatency(a: Server, url: string, token: string): Promise<void> {
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
    print(`(h) revocation on A seen by B: median ${times[2]!.toFixed(1)} ms, max ${times[4]!.toFixed(1)} ms (5 trials)`);
  } finally {
    await b.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
