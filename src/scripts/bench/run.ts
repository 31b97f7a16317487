import { spawn } from 'node:child_process';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { hashPassword } from '../../auth/passwords';
import type { DatabaseTarget } from '../../config';
import { openDatabase, type Queryable } from '../../db/open';
import { apiKeys, members, organizations, usageCounts, type RateLimitRule } from '../../db/schema';
import { MAX_HELD } from '../../http/wrongKeyAnswers';
import { newKey, newKeyId } from '../../keys/format';
import { benchClient } from './client';
import {
  CONNECTIONS,
  EMAIL,
  failures,
  freshDatabase,
  graphql,
  keyRow,
  load,
  mean,
  Measurements,
  print,
  q,
  ROUNDS,
  SECONDS,
  sleep,
  startServer,
  table,
  VIEWER_KEY,
  WARM_UP_SECONDS,
  type Controls,
  type Figures,
  type Key,
  type Line,
  type Scenario,
  type Server,
} from './common';
import { forgeKey } from './forge';
import { benchLeaks } from './leaks';

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
 * then one rate limit's window, at once — counted exactly, not timed. Then (m), a part of
 * its own: (b) on a server counting usage against (b) on one with USAGE_ANALYTICS=false,
 * each on a fresh database of the same kind, over many such pairs of processes, and (m′),
 * the same with both off, to show how far two processes alike differ.
 * Then issue 19's rows (leaks.ts): (r) a signed GitHub secret-scanning report of 1,000
 * tokens, (s) (b) with webhooks delivering against (b) without; and issue 20's
 * (client.ts): (n) @keyward/client's verify() of a cached key in-process against a
 * verifyApiKey round trip, (o) a revocation on A seen by a client of B (PostgreSQL),
 * (p) a replica of 100,000 keys, (q) the feed cut for 30 s while keys are revoked. Each
 * part starts servers on fresh databases of its own and prints its own table.
 * BENCH_SECONDS (default 4) per measurement, BENCH_ROUNDS (default 5),
 * BENCH_CONNECTIONS (default 20), BENCH_ONLY (below), BENCH_ANALYTICS_PAIRS (default 8),
 * BENCH_LEAK_BATCHES (default 5),
 * BENCH_CUT_SECONDS (default 30).
 */

const PASSWORD_COST = 10;
const LISTED_KEYS = 10_000;
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
// (k): limits far beyond what the run can use (a few thousand requests a second for a few
// tens of seconds), so every request is served and only the cost of enforcing them shows.
const UNREACHED_LIMIT: RateLimitRule = { name: 'bench', limit: 1_000_000, durationSeconds: 60, autoApply: true, cost: 1, shared: false };
const UNREACHED_CREDITS = 1_000_000_000;
// (l): the credits two instances must spend exactly, and the rate limit whose window they share.
const EXACT_CREDITS = 10_000;
const WINDOW_LIMIT: RateLimitRule = { name: 'window', limit: 100, durationSeconds: 10, autoApply: true, cost: 1, shared: false };
/** (l)'s clients per instance. */
const EXACT_CLIENTS = 50;

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
const SAME_A = '(b) off, the first of two';
const SAME_B = "(m′) A/A: (b) off, the other";


interface FloodFigures {
  rps: number;
  total: number;
  non2xx: number;
  ok: number;
  addresses: number;
}



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


/** Stops `server` and starts another on the same database: an instance that has met no key. */
async function restart(server: Server, database: { target: DatabaseTarget; url: string | null }): Promise<{ server: Server; ms: number }> {
  await server.stop();
  const started = performance.now();
  const again = await startServer(database.target, database.url);
  return { server: again, ms: performance.now() - started };
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

const LIST = `{ apiKeys(first: 50) { totalCount edges { cursor node { id name description access scopes lastFour status
  createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt } } pageInfo { hasNextPage endCursor } } }`;


// ---------------------------------------------------------------- main

/**
 * BENCH_ONLY (e.g. `m`, `r,s` or `n,o,p,q`) runs some parts only; unset, everything runs.
 * (a)–(l) are one part — their rows share references, restarts and a database — so naming
 * any of them runs them all.
 */
const CLASSIC = 'abcdefghijkl'.split('');
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) : null;
const wanted = (...letters: string[]) => ONLY === null || letters.some((l) => ONLY.has(l));

async function main(): Promise<void> {
  const cpu = cpus();
  print(`machine: ${cpu.length} cores, ${cpu[0]?.model.trim()}, Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start`);
  const kind = (process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || '').startsWith('postgres') ? 'PostgreSQL' : 'PGlite (embedded)';
  print(`database: ${kind}; ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds${ONLY ? `; BENCH_ONLY=${[...ONLY].join(',')}` : ''}`);
  if (wanted(...CLASSIC)) await benchClassic();
  if (wanted('m')) await benchAnalytics();
  if (wanted('r', 's')) await benchLeaks({ r: wanted('r'), s: wanted('s') });
  if (wanted('n', 'o', 'p', 'q')) await benchClient({ n: wanted('n'), o: wanted('o'), p: wanted('p'), q: wanted('q') });
  print(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
}

/** (a)–(l): the hot path, floods, restarts and usage controls, in one table. */
async function benchClassic(): Promise<void> {
  const database = await freshDatabase();
  const seedStart = performance.now();
  const seeded = await seed(database.target);
  print(`seeded ${(LISTED_KEYS + COLD_KEYS + RESTART_KEYS + ROUNDS + 5).toLocaleString('en')} keys in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
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
    // (k): (b)'s request with a key whose usage controls are applied to every use (an
    // auto-applied rate limit and credits) and never reached.
    const controlled: Scenario = { name: CONTROLLED, body: q('{ viewer { kind } }'), headers: { authorization: `Bearer ${seeded.controlled.fullKey}` }, expect: VIEWER_KEY };
    // Warm each credential once (the first presentation is the cold path, measured in (f)),
    // and take (d)'s and (e)'s answers as the ones every later request must get.
    for (const s of [...scenarios, controlled]) {
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
    for (const s of [...scenarios, controlled]) await load(server.url, s, WARM_UP_SECONDS);

    // Phases, so that nothing measured follows (f)'s thousands of new keys (their usage
    // written in batches) or the floods of (g) but their own references.
    const runOf = (s: Scenario) => ({ name: s.name, run: () => load(server.url, s) });
    await m.alternate(runOf(baseline), compared.map(runOf));
    // (k) against (b) beside it, the same request with a key without controls: what
    // enforcing them adds (the leases' trips to the database included: credits are leased
    // at most MAX_LEASE at a time, so one trip every hundred requests).
    const bBesideK = `${plainB.name} beside (k)`;
    await m.alternate({ name: bBesideK, run: () => load(server.url, plainB) }, [runOf(controlled)]);
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

    // (l) starts instances of its own: this one would only take memory meanwhile.
    await server.stop();
    let credits: CreditsRun | null = null;
    let window: WindowRun | null = null;
    if (database.target.kind === 'postgres') {
      credits = await creditsAcrossInstances(database.url!, seeded.creditsKey);
      window = await windowAcrossInstances(database.url!, seeded.windowKey);
    }

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
    lines.push(ratioLine(CONTROLLED, 0.8, '(b)'));
    const pgOnly = { figures: null, ratio: '—', range: '', met: null, note: 'PostgreSQL only (set BENCH_DATABASE_URL)' };
    if (credits) {
      const total = credits.valid[0] + credits.valid[1];
      lines.push({
        name: EXACT_CREDITS_NAME,
        figures: null,
        ratio: '—',
        range: '',
        target: `= ${EXACT_CREDITS.toLocaleString('en')} VALID`,
        met: total === EXACT_CREDITS && credits.settled,
        note:
          `${total.toLocaleString('en')} VALID (${credits.valid.map((n) => n.toLocaleString('en')).join(' + ')}), then ${credits.exceeded.toLocaleString('en')} USAGE_EXCEEDED` +
          ` (${credits.exceededEarly} before the last VALID), ${credits.other} other, in ${credits.seconds.toFixed(1)} s${credits.settled ? '' : ' (deadline: the total never settled)'};` +
          ` left in the row: ${credits.remaining} unleased, ${credits.leased} leased; ${credits.trips ?? '?'} lease trips`,
      });
    } else lines.push({ name: EXACT_CREDITS_NAME, target: `= ${EXACT_CREDITS.toLocaleString('en')} VALID`, ...pgOnly });
    const windowTarget = `≤ ${WINDOW_LIMIT.limit} a window`;
    if (window) {
      lines.push({
        name: EXACT_WINDOW_NAME,
        figures: null,
        ratio: '—',
        range: '',
        target: windowTarget,
        met: window.accepted <= WINDOW_LIMIT.limit,
        note:
          `${window.accepted} accepted in ${new Date(window.opens).toISOString().slice(11, 19)}+${WINDOW_LIMIT.durationSeconds} s (bound ${WINDOW_LIMIT.limit}, overshoot 0; ${window.answeredInside} VALID arrived in it),` +
          ` ${window.refused.toLocaleString('en')} RATE_LIMITED of ${window.answers.toLocaleString('en')} answers, ${window.other} other; ${window.trips ?? '?'} lease trips`,
      });
    } else lines.push({ name: EXACT_WINDOW_NAME, target: windowTarget, ...pgOnly });
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

/**
 * Keep-alive clients that each send `body` again as soon as its last answer came, until
 * stopped: for (l), which counts every answer by its code, where autocannon only counts
 * statuses. `onAnswer` gets the status (0: no answer) and the body.
 */
function hammer(url: string, body: string, clients: number, onAnswer: (status: number, text: string) => void): { stop(): Promise<void> } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const target = new URL(`${url}/graphql`);
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  let running = true;
  const send = () =>
    new Promise<void>((resolve) => {
      const request = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          onAnswer(response.statusCode ?? 0, text);
          resolve();
        });
      });
      request.on('error', () => {
        onAnswer(0, '');
        // A server gone away would otherwise be asked again in a tight loop.
        void sleep(10).then(() => resolve());
      });
      request.end(body);
    });
  const loops = Array.from({ length: clients }, async () => {
    while (running) await send();
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      agent.destroy();
    },
  };
}

/** `run` with two new instances on one PostgreSQL database, each printing its lease trips at exit. */
async function onTwoInstances<T>(url: string, run: (servers: [Server, Server]) => Promise<T>): Promise<T> {
  const target: DatabaseTarget = { kind: 'postgres', url };
  const servers = await Promise.all([startServer(target, url, { countLeaseTrips: true }), startServer(target, url, { countLeaseTrips: true })]);
  try {
    return await run(servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

const tripsOf = (servers: Server[]) => {
  const trips = servers.map((s) => s.leaseTrips());
  return trips.every((t) => t !== null) ? trips.reduce((n, t) => n! + t!, 0)! : null;
};

/** The code of a verifyApiKey answer; null for anything else (an error, no answer). */
const codeOf = (status: number, text: string): string | null => {
  if (status !== 200) return null;
  try {
    return (JSON.parse(text) as { data?: { verifyApiKey?: { code?: string } } }).data?.verifyApiKey?.code ?? null;
  } catch {
    return null;
  }
};

interface CreditsRun {
  /** VALID answers from each instance. */
  valid: [number, number];
  exceeded: number;
  /** USAGE_EXCEEDED answers after which a VALID still came (from either instance). */
  exceededEarly: number;
  other: number;
  /** False when the deadline came before the total stopped changing. */
  settled: boolean;
  seconds: number;
  /** The key's row once both instances stopped and gave back what they held. */
  remaining: number | null;
  leased: number;
  trips: number | null;
}

/** Both instances' answers at least this long without a VALID: the total has stopped. */
const QUIET_MS = 3_000;
/** …and this many USAGE_EXCEEDED in a row from each. */
const REFUSED_IN_A_ROW = 100;
const EXACT_DEADLINE_MS = 90_000;

/**
 * (l) A key with exactly EXACT_CREDITS credits, spent from two instances at once, each
 * hammered by EXACT_CLIENTS clients calling verifyApiKey, until both answer USAGE_EXCEEDED
 * over and over and no VALID has come for QUIET_MS — three times the second an exhausted
 * instance waits before asking the database again (keys/leases.ts), so each has asked
 * again and got nothing. Every VALID is a credit spent: the total must be the credits
 * exactly, never more (overspent) and, with no instance crashed, never fewer (stranded).
 */
const creditsAcrossInstances = (url: string, key: Key) => onTwoInstances(url, async (servers): Promise<CreditsRun> => {
  const body = q('query($k:String!){ verifyApiKey(key:$k) { code } }', { k: key.fullKey });
  const tally = servers.map(() => ({ valid: 0, exceeded: 0, inARow: 0 }));
  let other = 0;
  let exceeded = 0;
  let exceededEarly = 0;
  const started = performance.now();
  let lastValid = started;
  const clients = servers.map((server, i) =>
    hammer(server.url, body, EXACT_CLIENTS, (status, text) => {
      const code = codeOf(status, text);
      const mine = tally[i]!;
      if (code === 'VALID') {
        mine.valid++;
        mine.inARow = 0;
        lastValid = performance.now();
        exceededEarly = exceeded;
      } else if (code === 'USAGE_EXCEEDED') {
        mine.exceeded++;
        mine.inARow++;
        exceeded++;
      } else other++;
    }),
  );
  let settled = true;
  for (;;) {
    await sleep(100);
    const now = performance.now();
    if (tally.every((t) => t.inARow >= REFUSED_IN_A_ROW) && now - lastValid >= QUIET_MS) break;
    if (now - started > EXACT_DEADLINE_MS) {
      settled = false;
      break;
    }
  }
  await Promise.all(clients.map((c) => c.stop()));
  const seconds = (performance.now() - started) / 1000;
  // Stopped, the instances give back what they still hold and report what they spent.
  await Promise.all(servers.map((s) => s.stop()));
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const [row] = await admin<{ remaining: string | null; leased: string }[]>`select credits_remaining as remaining, credits_leased as leased from api_keys where id = ${key.keyId}`;
  await admin.end();
  const result: CreditsRun = {
    valid: [tally[0]!.valid, tally[1]!.valid],
    exceeded,
    exceededEarly,
    other,
    settled,
    seconds,
    remaining: row?.remaining == null ? null : Number(row.remaining),
    leased: Number(row?.leased ?? 0),
    trips: tripsOf(servers),
  };
  print(`  (l) credits: VALID ${result.valid.join(' + ')} = ${result.valid[0] + result.valid[1]} of ${EXACT_CREDITS}; ${exceeded} USAGE_EXCEEDED (${exceededEarly} before the last VALID), ${other} other; ${seconds.toFixed(1)} s; lease trips ${result.trips ?? '?'}`);
  return result;
});

interface WindowRun {
  /** VALID answers charged to the measured window (by the resetAt each answer names). */
  accepted: number;
  /** VALID answers that arrived while the window was open, by the client's clock. */
  answeredInside: number;
  /** Answers that arrived while the window was open, of any kind. */
  answers: number;
  refused: number;
  other: number;
  opens: number;
  trips: number | null;
}

/**
 * (l′) One key's rate limit of WINDOW_LIMIT per window, hammered from two new instances
 * through one whole window. Windows are fixed and aligned to the epoch, so the run starts
 * a second before a boundary (every connection open and busy when the window opens) and
 * goes on half a second past its end. Each VALID answer names the window it was charged to
 * (its rate limit's resetAt), so what the instances let through in that window is counted
 * exactly, whatever the clients' timing; the count by arrival time is shown beside it.
 */
const windowAcrossInstances = (url: string, key: Key) => onTwoInstances(url, async (servers): Promise<WindowRun> => {
  const body = q('query($k:String!){ verifyApiKey(key:$k) { code rateLimits { resetAt } } }', { k: key.fullKey });
  // Each instance reads the key's row before the run, so the first second is not a cold read.
  for (const s of servers) await graphql(s.url, 'query($k:String!){ verifyApiKey(key:$k) { code } }', { k: key.fullKey });
  const windowMs = WINDOW_LIMIT.durationSeconds * 1000;
  const opens = Math.ceil((Date.now() + 1_500) / windowMs) * windowMs;
  const closes = opens + windowMs;
  await sleep(opens - 1_000 - Date.now());
  const run: WindowRun = { accepted: 0, answeredInside: 0, answers: 0, refused: 0, other: 0, opens, trips: null };
  const clients = servers.map((server) =>
    hammer(server.url, body, EXACT_CLIENTS, (status, text) => {
      const now = Date.now();
      const inside = now >= opens && now < closes;
      const code = codeOf(status, text);
      if (inside) run.answers++;
      if (code === 'VALID') {
        const resetAt = (JSON.parse(text) as { data: { verifyApiKey: { rateLimits: { resetAt: string }[] } } }).data.verifyApiKey.rateLimits[0]?.resetAt;
        if (resetAt && Date.parse(resetAt) === closes) run.accepted++;
        if (inside) run.answeredInside++;
      } else if (code === 'RATE_LIMITED') {
        if (inside) run.refused++;
      } else run.other++;
    }),
  );
  await sleep(closes + 500 - Date.now());
  await Promise.all(clients.map((c) => c.stop()));
  await Promise.all(servers.map((s) => s.stop()));
  run.trips = tripsOf(servers);
  const at = new Date(opens).toISOString().slice(11, 19);
  print(`  (l′) window ${at}+${WINDOW_LIMIT.durationSeconds} s: ${run.accepted} accepted (limit ${WINDOW_LIMIT.limit}; ${run.answeredInside} VALID arrived in it), ${run.refused} RATE_LIMITED, ${run.other} other, ${run.answers} answers; lease trips ${run.trips ?? '?'}`);
  return run;
});

/** What one pair of processes served, and what their databases counted. */
interface PairCounts {
  /** Answers the measured server gave (2xx), and the uses it wrote to usage_counts. */
  served: number;
  counted: number;
  /** The same for the reference server, with USAGE_ANALYTICS=false: its count must be 0. */
  servedOff: number;
  countedOff: number;
}

/**
 * Counting a use costs about 0.3 µs against a request's 500 µs, so what a comparison of two
 * processes sees is mostly how the two differ: where each landed on the two cores beside
 * PostgreSQL and the load generator, what each JIT made of the same code. One pair measured
 * 0.92–1.05 from run to run on PostgreSQL, and three pairs of three rounds 0.89–1.05: one
 * draw of that difference weighs on a whole pair. So (m) takes many fresh pairs, two blocks
 * each, and the same is done with both processes off, (m′), an A/A comparison that shows
 * how far two identical processes differ here: the resolution (m) is read against.
 */
const ANALYTICS_PAIRS = Number(process.env.BENCH_ANALYTICS_PAIRS ?? 8);
const SAME_PAIRS = Math.max(2, Math.ceil(ANALYTICS_PAIRS / 2));
const BLOCKS_PER_PAIR = 2;

/**
 * (m) The cost of counting every use (usage/usageCounts.ts): (b) on a server with usage
 * analytics on, against (b) on one with USAGE_ANALYTICS=false beside it. Both are new
 * processes on new databases of the bench's kind (PGlite cannot share a data folder
 * between two processes), seeded with the same one key, so the two differ in that one
 * setting only. Afterwards the databases say what was counted: every answer the analytics
 * server gave must be among its counted uses (a few more: requests still in flight when a
 * run ended were answered and counted, but not received), and nothing on the other.
 */
async function benchAnalytics(): Promise<void> {
  print();
  print(`(m): ${ANALYTICS_PAIRS} pairs of fresh processes, analytics on against off; then (m′): ${SAME_PAIRS} pairs, both off; ${BLOCKS_PER_PAIR} blocks of runs A B B A a pair`);
  const m = new Measurements();
  const total: PairCounts = { served: 0, counted: 0, servedOff: 0, countedOff: 0 };
  for (let pair = 1; pair <= ANALYTICS_PAIRS; pair++) {
    const result = await processPair(m, { name: ANALYTICS, analytics: true }, ANALYTICS_OFF);
    print(`  (m) pair ${pair}: counted ${result.counted} uses for ${result.served} answers with analytics on; ${result.countedOff} for ${result.servedOff} with it off`);
    total.served += result.served;
    total.counted += result.counted;
    total.servedOff += result.servedOff;
    total.countedOff += result.countedOff;
  }
  let sameCounted = 0;
  for (let pair = 1; pair <= SAME_PAIRS; pair++) {
    const result = await processPair(m, { name: SAME_B, analytics: false }, SAME_A);
    print(`  (m′) pair ${pair}: counted ${result.counted + result.countedOff} uses for ${result.served + result.servedOff} answers, both off`);
    sameCounted += result.counted + result.countedOff;
  }

  const line = (name: string, target: number | null, reference: string, note: string): Line => {
    const figures = m.figures(name);
    const ratio = m.median(name);
    const failed = failures(figures);
    return {
      name,
      figures,
      ratio: ratio.toFixed(2),
      range: m.range(name),
      target: target === null ? '—' : `≥ ${target.toFixed(2)}`,
      met: target === null ? null : ratio >= target && failed === 0,
      note: `ratio to ${reference} beside it; ${failed} failed; ${note}`,
    };
  };
  const analytics = line(
    ANALYTICS,
    0.95,
    'USAGE_ANALYTICS=false',
    `counted ${total.counted.toLocaleString('en')} uses for ${total.served.toLocaleString('en')} answers (off: ${total.countedOff} for ${total.servedOff.toLocaleString('en')})`,
  );
  analytics.met = analytics.met === true && total.counted >= total.served && total.countedOff === 0;
  const same = line(SAME_B, null, 'the first', `two processes alike: how far they differ here; counted ${sameCounted}`);
  print();
  table([analytics, same]);
  print("(req/s and latency in ms: mean of the runs; ratio: median over every pair's blocks of the measured runs' sum over the reference's, range their spread)");
}

/**
 * One pair: two new processes on two new databases with the same key, the measured one
 * with USAGE_ANALYTICS as given, the reference with it off, in BLOCKS_PER_PAIR blocks.
 */
async function processPair(m: Measurements, measured: { name: string; analytics: boolean }, referenceName: string): Promise<PairCounts> {
  const key = newKey(newKeyId());
  const databases: Awaited<ReturnType<typeof freshDatabase>>[] = [];
  const servers: Server[] = [];
  try {
    databases.push(await freshDatabase(), await freshDatabase());
    const [measuredDb, referenceDb] = databases as [(typeof databases)[0], (typeof databases)[0]];
    await Promise.all([seedOneKey(measuredDb.target, key), seedOneKey(referenceDb.target, key)]);
    // Both set explicitly: the bench's own environment may say either.
    servers.push(
      ...(await Promise.all([
        startServer(measuredDb.target, measuredDb.url, { env: { USAGE_ANALYTICS: String(measured.analytics) } }),
        startServer(referenceDb.target, referenceDb.url, { env: { USAGE_ANALYTICS: 'false' } }),
      ])),
    );
    const [measuredServer, referenceServer] = servers as [Server, Server];
    const scenario: Scenario = { name: measured.name, body: q('{ viewer { kind } }'), headers: { authorization: `Bearer ${key.fullKey}` }, expect: VIEWER_KEY };
    const served = { measured: 0, reference: 0 };
    const run = (server: Server, side: keyof typeof served, seconds = SECONDS) => async () => {
      const figures = await load(server.url, scenario, seconds);
      served[side] += figures.served;
      return figures;
    };
    for (const [server, side] of [[measuredServer, 'measured'], [referenceServer, 'reference']] as const) {
      const first = await graphql(server.url, '{ viewer { kind } }', {}, scenario.headers);
      if (first.text !== VIEWER_KEY) throw new Error(`${measured.name}: unexpected answer ${first.text.slice(0, 300)}`);
      served[side]++;
      await run(server, side, WARM_UP_SECONDS)();
    }
    // A B B A: each process runs once right after itself and once after the other. The plain
    // alternation (A B A, A B A) gave the reference every back-to-back run, and two processes
    // alike measured 0.92 by it (PostgreSQL, 4 pairs): a difference as large as what (m)
    // looks for, between processes that differ in nothing.
    for (let block = 1; block <= BLOCKS_PER_PAIR; block++) {
      const a1 = m.record(block, referenceName, await run(referenceServer, 'reference')());
      const b1 = m.record(block, measured.name, await run(measuredServer, 'measured')());
      const b2 = m.record(block, measured.name, await run(measuredServer, 'measured')());
      const a2 = m.record(block, referenceName, await run(referenceServer, 'reference')());
      m.ratio(measured.name, (b1.rps + b2.rps) / (a1.rps + a2.rps));
    }
    // Stopping writes what is still counted in memory.
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    return {
      served: served.measured,
      counted: await countedUses(measuredDb.target, key.keyId),
      servedOff: served.reference,
      countedOff: await countedUses(referenceDb.target, key.keyId),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.all(databases.map((d) => d.drop()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
