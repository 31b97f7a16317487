import { readFileSync } from 'node:fs';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import { isEmail } from './validation';

/**
 * The environment of SPEC §1 turned into a typed config. Every variable is optional;
 * an invalid one is reported as `NAME: what is wrong` so the operator can fix it at once.
 */

const RESOURCE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), 'expected true or false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `expected an integer from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `expected an integer from ${min} to ${max}`).max(max, `expected an integer from ${min} to ${max}`));

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const env = z.object({
  PORT: int(0, 65535).default(4000),
  HOST: nonEmpty.default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || v === 'memory://' || /^postgres(ql)?:\/\/.+/.test(v),
      'expected postgres://…, postgresql://… or memory://',
    )
    .optional(),
  DATA_DIR: nonEmpty.default('.data'),
  BOOTSTRAP_ORGANIZATION: nonEmpty.max(100, 'at most 100 characters').optional(),
  BOOTSTRAP_ADMIN_EMAIL: z.string().trim().toLowerCase().refine(isEmail, 'expected an email address').optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z
    .string()
    .min(12, 'must be 12 to 128 characters')
    .max(128, 'must be 12 to 128 characters')
    .optional(),
  // bcrypt accepts 4–31; above 15 a single hash takes seconds, which no login should.
  PASSWORD_HASH_COST: int(4, 15).default(12),
  ALLOW_SIGNUP: bool.optional(),
  SCOPE_RESOURCES: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every((r) => RESOURCE_NAME.test(r)), 'expected comma-separated names of lowercase letters, digits and _')
    .optional(),
  NODE_ENV: z.string().optional(),
  GRAPHIQL: bool.optional(),
  // 100 KB: the largest real document with its variables is a few KB.
  MAX_BODY_BYTES: int(1024, 10 * 1024 * 1024).default(100 * 1024),
  REQUEST_TIMEOUT_MS: int(1000, 600_000).default(30_000),
  TRUST_PROXY: z
    .string()
    .trim()
    .transform(parseTrustProxy)
    .refine((v) => v !== null, 'expected true, false, a number of hops, or a comma-separated list of addresses, CIDRs, loopback, linklocal or uniquelocal')
    .optional(),
  METRICS: bool.default(false),
  // Key rows and sessions kept in memory (about 1 KB each: see docs/performance.md).
  CREDENTIAL_CACHE_SIZE: int(1, 10_000_000).default(10_000),
  // bcrypt compares allowed to wait for the thread pool before RATE_LIMITED.
  BCRYPT_QUEUE_SIZE: int(0, 100_000).default(64),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Verifications by outcome (SPEC §9 usage): on by default; each bucket size kept this many days.
  USAGE_ANALYTICS: bool.default(true),
  USAGE_RETENTION_MINUTE_DAYS: int(1, 3650).default(2),
  USAGE_RETENTION_HOUR_DAYS: int(1, 3650).default(90),
  USAGE_RETENTION_DAY_DAYS: int(1, 36500).default(730),
  // Webhook receivers on loopback, private and link-local addresses, and over plain http (SPEC §10).
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  // GitHub's secret-scanning public keys: the JSON document GitHub serves, or a path to it.
  GITHUB_SECRET_SCANNING_KEYS: z
    .string()
    .trim()
    .transform((value, ctx) => {
      try {
        const text = value.startsWith('{') ? value : readFileSync(value, 'utf8');
        return gitHubKeysDocument.parse(JSON.parse(text));
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `expected GitHub's public_keys JSON document or a readable path to it (${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'})` });
        return z.NEVER;
      }
    })
    .optional(),
});

/** GitHub's `meta/public_keys/secret_scanning` document: the keys its reports are signed with. */
export const gitHubKeysDocument = z.object({
  public_keys: z.array(z.object({ key_identifier: z.string().min(1), key: z.string().min(1), is_current: z.boolean().optional() })).min(1),
});
export type GitHubKeysDocument = z.infer<typeof gitHubKeysDocument>;

/**
 * Which proxies in front of Keyward are trusted to report the client's address in
 * X-Forwarded-For: none (the socket's peer is the client), all, the nearest `hops`, or
 * those whose addresses match a list (proxy-addr's syntax).
 */
export type TrustProxy =
  | { kind: 'none' }
  | { kind: 'all' }
  | { kind: 'hops'; hops: number }
  | { kind: 'addresses'; addresses: string[] };

function parseTrustProxy(value: string): TrustProxy | null {
  const lower = value.toLowerCase();
  if (['false', '0', 'no'].includes(lower)) return { kind: 'none' };
  if (['true', 'yes'].includes(lower)) return { kind: 'all' };
  if (/^\d+$/.test(lower)) return Number(lower) <= 32 ? { kind: 'hops', hops: Number(lower) } : null;
  const addresses = value.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    proxyaddr.compile(addresses);
    return { kind: 'addresses', addresses };
  } catch {
    return null;
  }
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' }
  | { kind: 'postgres'; url: string };

export interface Bootstrap {
  organization: string;
  email: string;
  password: string;
}

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Set when all three BOOTSTRAP_* variables are given. */
  bootstrap: Bootstrap | null;
  passwordHashCost: number;
  allowSignup: boolean;
  scopeResources: string[];
  production: boolean;
  graphiql: boolean;
  logLevel: string;
  /** Larger request bodies are refused with 413 before they are parsed. */
  maxBodyBytes: number;
  /** A request not answered within this gets 503 SERVICE_UNAVAILABLE. */
  requestTimeoutMs: number;
  trustProxy: TrustProxy;
  /** Serve Prometheus metrics at GET /metrics. */
  metrics: boolean;
  credentialCacheSize: number;
  bcryptQueueSize: number;
  usageAnalytics: boolean;
  usageRetention: { minuteDays: number; hourDays: number; dayDays: number };
  /** Let webhooks reach non-public addresses and plain-http URLs: for tests and closed networks. */
  webhookAllowPrivate: boolean;
  /** Null: fetched from GitHub's meta endpoint when a report arrives. */
  gitHubSecretScanningKeys: GitHubKeysDocument | null;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, as they do in most shells' `VAR= command`. */
function withoutEmpty(source: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;

  const bootstrapVars = ['BOOTSTRAP_ORGANIZATION', 'BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD'] as const;
  const given = bootstrapVars.filter((name) => e[name] !== undefined);
  if (given.length > 0 && given.length < bootstrapVars.length) {
    const missing = bootstrapVars.find((name) => e[name] === undefined)!;
    throw new ConfigError(missing, `must be set together with ${given.join(', ')}`);
  }

  const production = e.NODE_ENV === 'production';
  const database: DatabaseTarget =
    !e.DATABASE_URL
      ? { kind: 'pglite', dataDir: e.DATA_DIR }
      : e.DATABASE_URL === 'memory://'
        ? { kind: 'pglite-memory' }
        : { kind: 'postgres', url: e.DATABASE_URL };

  return {
    port: e.PORT,
    host: e.HOST,
    database,
    bootstrap:
      given.length === bootstrapVars.length
        ? { organization: e.BOOTSTRAP_ORGANIZATION!, email: e.BOOTSTRAP_ADMIN_EMAIL!, password: e.BOOTSTRAP_ADMIN_PASSWORD! }
        : null,
    passwordHashCost: e.PASSWORD_HASH_COST,
    allowSignup: e.ALLOW_SIGNUP ?? !production,
    scopeResources: e.SCOPE_RESOURCES ?? [],
    production,
    graphiql: e.GRAPHIQL ?? !production,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY ?? { kind: 'none' },
    metrics: e.METRICS,
    credentialCacheSize: e.CREDENTIAL_CACHE_SIZE,
    bcryptQueueSize: e.BCRYPT_QUEUE_SIZE,
    usageAnalytics: e.USAGE_ANALYTICS,
    usageRetention: { minuteDays: e.USAGE_RETENTION_MINUTE_DAYS, hourDays: e.USAGE_RETENTION_HOUR_DAYS, dayDays: e.USAGE_RETENTION_DAY_DAYS },
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    gitHubSecretScanningKeys: e.GITHUB_SECRET_SCANNING_KEYS ?? null,
  };
}
