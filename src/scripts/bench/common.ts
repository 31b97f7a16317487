import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { hash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { hashPassword } from '../../auth/passwords';
import type { DatabaseTarget } from '../../config';
import { openDatabase } from '../../db/open';
import { apiKeys, members, organizations, serviceTokens } from '../../db/schema';
import { lastFourOf, newKey, newKeyId } from '../../keys/format';
import { digestOf } from '../../keys/secrets';

/**
 * What every part of `npm run bench` shares (run.ts is the command): a fresh database, a
 * real server started as `npm start` starts it, autocannon load, rounds alternated with
 * their reference, and the report's table.
 */

/** Who the seeded rows say made them; the seeded owner's email. */
export const EMAIL = 'bench@bench.test';

/** The report goes to stdout as plain lines: it is the command's output, not a server log. */
export const print = (line = '') => void process.stdout.write(`${line}\n`);

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

export const WARM_UP_SECONDS = 2;

/** The preload that prints an instance's lease trips when it exits (leaseTrips.ts). */
export const LEASE_TRIPS = path.resolve(__dirname, 'leaseTrips.ts');

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  mismatches: number;
  /** Answers with a 2xx status: (m) compares them with the uses its server counted. */
  served: number;
}

// ---------------------------------------------------------------- database and seed

export async function freshDatabase(): Promise<{ target: DatabaseTarget; url: string | null; drop(): Promise<void> }> {
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

export type Key = ReturnType<typeof newKey>;

/** The columns of a key set directly in the database: its usage controls (SPEC §9). */
export type Controls = Pick<typeof apiKeys.$inferInsert, 'rateLimits' | 'creditsRemaining'>;

/** A key as the product stores it now: the SHA-256 digest of the full key, its own. */
export const keyRow = (orgId: string, key: Key, name: string, controls: Controls = {}) => ({
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

// ---------------------------------------------------------------- server

export interface Server {
  url: string;
  stop(): Promise<void>;
  /** Started with the leaseTrips.ts preload, once stopped: the database trips its leases made. */
  leaseTrips(): number | null;
}

export interface ServerOptions {
  /** Set on top of the bench's environment: (m)'s USAGE_ANALYTICS=false. */
  env?: Record<string, string>;
  /** Preload leaseTrips.ts, and keep the server's output to read its line at exit. */
  countLeaseTrips?: boolean;
}

export function startServer(target: DatabaseTarget, url: string | null, options: ServerOptions = {}): Promise<Server> {
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
  const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/profs'] : []), '--import', 'tsx', ...preload, path.resolve(__dirname, '../../main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // What the server says after it listens is dropped, but for the line leaseTrips.ts prints at exit.
  let afterListening = '';
  // 'close', not 'exit': the output is all in once its pipes have closed.
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
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


export async function graphql(url: string, query: string, variables: object = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { data?: any; errors?: any[] } };
}

// ---------------------------------------------------------------- load

export interface Scenario {
  name: string;
  body: string;
  headers?: Record<string, string>;
  /** The exact answer a request must get to count as a success. */
  expect?: string;
}

export function load(url: string, scenario: Scenario, seconds = SECONDS, extra: Partial<autocannon.Options> = {}): Promise<Figures> {
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

export const q = (query: string, variables: object = {}) => JSON.stringify({ query, variables });

export const VIEWER_KEY = '{"data":{"viewer":{"kind":"API_KEY"}}}';
export const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const failures = (f: Figures) => f.non2xx + f.errors + f.mismatches;
export const average = (runs: Figures[]): Figures => ({
  rps: mean(runs.map((r) => r.rps)),
  p50: Math.round(mean(runs.map((r) => r.p50))),
  p99: Math.round(mean(runs.map((r) => r.p99))),
  non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  errors: runs.reduce((n, r) => n + r.errors, 0),
  mismatches: runs.reduce((n, r) => n + r.mismatches, 0),
  served: runs.reduce((n, r) => n + r.served, 0),
});

/** Runs and ratios by scenario name, each ratio against the reference runs beside it. */
export class Measurements {
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
   * `rounds` (ROUNDS) rounds of: the reference, then each measured run followed by the reference
   * again; each measured run's ratio is to the mean of the reference runs just before and
   * just after it.
   */
  async alternate(reference: { name: string; run: () => Promise<Figures> }, measured: Array<{ name: string; run: () => Promise<Figures> }>, rounds = ROUNDS): Promise<void> {
    for (let round = 1; round <= rounds; round++) {
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

export interface Line {
  name: string;
  figures: Pick<Figures, 'rps' | 'p50' | 'p99'> | null;
  ratio: string;
  range: string;
  target: string;
  /** null: information, no target. */
  met: boolean | null;
  note: string;
}

export function table(lines: Line[]): void {
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
        l.figures && Number.isFinite(l.figures.rps) ? l.figures.rps.toFixed(0) : '—',
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

// ---------------------------------------------------------------- seeding the later parts

/** The password of the owner seedOrganization makes (the classic part has its own). */
export const OWNER_PASSWORD = 'bench owner password 2026';

export interface SeededOrganization {
  organizationId: string;
  email: string;
  keys: Key[];
  /** A service credential (SPEC §11) when asked for: `kwsrv_` + 43 base64url characters. */
  serviceToken: string | null;
}

/**
 * An organization with an owner who can log in, `keys` plain keys (no usage controls) and,
 * if asked, a service credential — written straight into the database in one transaction
 * (on PGlite a commit per batch costs more than the batch), as the classic part seeds.
 * The service token row is what serviceTokens.ts's createServiceToken writes: the token's
 * SHA-256 in hex; the audit event it also writes is of no use to a bench.
 */
export async function seedOrganization(target: DatabaseTarget, options: { name: string; keys: number; serviceToken?: boolean }): Promise<SeededOrganization> {
  const database = await openDatabase(target);
  try {
    const passwordHash = await hashPassword(OWNER_PASSWORD, 10);
    return await database.db.transaction(async (db) => {
      const [org] = await db.insert(organizations).values({ name: options.name }).returning();
      await db.insert(members).values({ organizationId: org!.id, email: EMAIL, name: 'Bench', role: 'OWNER', passwordHash });
      const keys: Key[] = [];
      for (let i = 0; i < options.keys; i += 1000) {
        const batch = Array.from({ length: Math.min(1000, options.keys - i) }, () => newKey(newKeyId()));
        await db.insert(apiKeys).values(batch.map((key, j) => keyRow(org!.id, key, `${options.name} ${i + j}`)));
        keys.push(...batch);
      }
      let serviceToken: string | null = null;
      if (options.serviceToken) {
        serviceToken = `kwsrv_${randomBytes(32).toString('base64url')}`;
        await db.insert(serviceTokens).values({ name: `bench ${randomBytes(4).toString('hex')}`, tokenHash: hash('sha256', serviceToken, 'hex') });
      }
      return { organizationId: org!.id, email: EMAIL, keys, serviceToken };
    });
  } finally {
    await database.close();
  }
}

/** Logs the seeded owner in on `url`: a session token for admin changes. */
export async function ownerSession(url: string): Promise<string> {
  const login = await graphql(url, 'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }', { e: EMAIL, p: OWNER_PASSWORD });
  const token = login.body.data?.login?.token as string | undefined;
  if (!token) throw new Error(`login failed: ${login.text.slice(0, 300)}`);
  return token;
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
