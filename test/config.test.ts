import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

const problem = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('has the defaults of SPEC §1', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir: '.data' },
      bootstrap: null,
      passwordHashCost: 12,
      allowSignup: true,
      scopeResources: [],
      production: false,
      graphiql: true,
      logLevel: 'info',
      maxBodyBytes: 102_400,
      requestTimeoutMs: 30_000,
      trustProxy: { kind: 'none' },
      metrics: false,
      credentialCacheSize: 10_000,
      bcryptQueueSize: 64,
      usageAnalytics: true,
      usageRetention: { minuteDays: 2, hourDays: 90, dayDays: 730 },
      webhookAllowPrivate: false,
      gitHubSecretScanningKeys: null,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@db:5432/keyward',
      BOOTSTRAP_ORGANIZATION: 'Acme',
      BOOTSTRAP_ADMIN_EMAIL: 'Root@Acme.test',
      BOOTSTRAP_ADMIN_PASSWORD: 'a long enough password',
      PASSWORD_HASH_COST: '11',
      ALLOW_SIGNUP: 'false',
      SCOPE_RESOURCES: 'messages, contacts',
      MAX_BODY_BYTES: '65536',
      REQUEST_TIMEOUT_MS: '5000',
      TRUST_PROXY: '10.0.0.0/8, loopback',
      METRICS: 'true',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      database: { kind: 'postgres', url: 'postgres://u@db:5432/keyward' },
      bootstrap: { organization: 'Acme', email: 'root@acme.test', password: 'a long enough password' },
      passwordHashCost: 11,
      allowSignup: false,
      scopeResources: ['messages', 'contacts'],
      maxBodyBytes: 65_536,
      requestTimeoutMs: 5_000,
      trustProxy: { kind: 'addresses', addresses: ['10.0.0.0/8', 'loopback'] },
      metrics: true,
      webhookAllowPrivate: true,
    });
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toEqual({ kind: 'all' });
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toEqual({ kind: 'none' });
    expect(loadConfig({ DATABASE_URL: 'memory://' }).database).toEqual({ kind: 'pglite-memory' });
    expect(loadConfig({ DATA_DIR: '/var/lib/keyward' }).database).toEqual({ kind: 'pglite', dataDir: '/var/lib/keyward' });
  });

  it("reads GitHub's secret-scanning keys as the JSON document or a path to it, and names the variable when neither", () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const document = { public_keys: [{ key_identifier: 'abc', key: publicKey.export({ type: 'spki', format: 'pem' }).toString(), is_current: true }] };
    expect(loadConfig({ GITHUB_SECRET_SCANNING_KEYS: JSON.stringify(document) }).gitHubSecretScanningKeys).toEqual(document);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'keyward-')), 'keys.json');
    writeFileSync(file, JSON.stringify(document));
    expect(loadConfig({ GITHUB_SECRET_SCANNING_KEYS: file }).gitHubSecretScanningKeys).toEqual(document);
    expect(problem({ GITHUB_SECRET_SCANNING_KEYS: '/nowhere/keys.json' })).toMatch(/^GITHUB_SECRET_SCANNING_KEYS: expected GitHub's public_keys JSON document/);
    expect(problem({ GITHUB_SECRET_SCANNING_KEYS: '{"public_keys": []}' })).toMatch(/^GITHUB_SECRET_SCANNING_KEYS: /);
  });

  it('turns sign-up, GraphiQL and introspection off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, allowSignup: false, graphiql: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true', ALLOW_SIGNUP: 'true' })).toMatchObject({
      graphiql: true,
      allowSignup: true,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: /],
    [{ PASSWORD_HASH_COST: 'twelve' }, /^PASSWORD_HASH_COST: /],
    [{ ALLOW_SIGNUP: 'maybe' }, /^ALLOW_SIGNUP: /],
    [{ SCOPE_RESOURCES: 'Messages!' }, /^SCOPE_RESOURCES: /],
    [{ MAX_BODY_BYTES: '10' }, /^MAX_BODY_BYTES: /],
    [{ REQUEST_TIMEOUT_MS: 'soon' }, /^REQUEST_TIMEOUT_MS: /],
    [{ TRUST_PROXY: 'not an address' }, /^TRUST_PROXY: /],
    [{ METRICS: 'perhaps' }, /^METRICS: /],
    [{ WEBHOOK_ALLOW_PRIVATE: 'sometimes' }, /^WEBHOOK_ALLOW_PRIVATE: /],
    [{ BOOTSTRAP_ORGANIZATION: 'Acme' }, /^BOOTSTRAP_ADMIN_EMAIL: must be set together/],
    [{ BOOTSTRAP_ORGANIZATION: 'Acme', BOOTSTRAP_ADMIN_EMAIL: 'nope', BOOTSTRAP_ADMIN_PASSWORD: 'long enough pass' }, /^BOOTSTRAP_ADMIN_EMAIL: /],
    [{ BOOTSTRAP_ORGANIZATION: 'Acme', BOOTSTRAP_ADMIN_EMAIL: 'a@b.test', BOOTSTRAP_ADMIN_PASSWORD: 'short' }, /^BOOTSTRAP_ADMIN_PASSWORD: /],
  ])('refuses %j, naming the variable', (env, expected) => {
    expect(problem(env)).toMatch(expected);
  });

  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../src/main.ts')], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('stops the server with one line naming the variable and a non-zero exit', () => {
    const run = start({ PORT: 'not-a-port', DATABASE_URL: 'memory://' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^keyward: invalid configuration: PORT: /)]);
    expect(run.stdout).toBe('');
  });

  it('stops with one line, and no query parameters, when the database cannot be reached', () => {
    const run = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/keyward' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['keyward: failed to start: cannot reach the database: connect ECONNREFUSED 127.0.0.1:1']);
  });
});
