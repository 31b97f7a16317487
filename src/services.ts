import { BcryptQueue, threadPoolSize } from './auth/bcryptQueue';
import { CredentialCache, type CachedCredential } from './auth/credentialCache';
import { FailureLimiter } from './auth/limiter';
import { hashPassword } from './auth/passwords';
import { ScopeCatalog } from './auth/scopes';
import type { Config } from './config';
import { InvalidationChannel } from './db/notify';
import type { DatabaseHandle } from './db/open';
import { KeyListCache } from './keys/listCache';
import { UsageRecorder } from './keys/usage';
import { KeyVerifier } from './keys/verify';
import type { Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { SessionVerifier } from './sessions/sessions';
import { randomBytes } from 'node:crypto';

/**
 * Everything a request may use, built once per process. Resolvers reach the domain
 * modules through this object, never through module-level singletons, so tests can build
 * as many independent apps as they like.
 */
export interface Services {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  catalog: ScopeCatalog;
  /** lastUsedAt of API keys, written in batches. */
  usage: UsageRecorder;
  metrics: Metrics;
  /** lastUsedAt (the idle limit) of sessions, written in batches. */
  sessionTouches: UsageRecorder;
  /** Verified API keys and sessions, shared by both verifiers. */
  credentials: CredentialCache<CachedCredential>;
  /** Answers to key-list queries, held for a moment (graphql/keyListCache.ts). */
  keyLists: KeyListCache<object>;
  invalidations: InvalidationChannel;
  bcrypt: BcryptQueue;
  limiter: FailureLimiter;
  keys: KeyVerifier;
  sessions: SessionVerifier;
  /**
   * A hash of nothing anyone knows, at the configured cost, made at start: an unknown email
   * is compared against it so that it costs the same bcrypt time as a wrong password.
   */
  decoyPasswordHash: Promise<string>;
}

/** How long a verified credential may be served from memory without being read again. */
export const CREDENTIAL_TTL_MS = 5 * 60_000;

export function createServices(config: Config, database: DatabaseHandle, logger: Logger): Services {
  const usage = new UsageRecorder(database.db, logger, 'api_keys');
  const sessionTouches = new UsageRecorder(database.db, logger, 'sessions');
  usage.start();
  sessionTouches.start();
  const catalog = new ScopeCatalog(config.scopeResources);
  const credentials = new CredentialCache<CachedCredential>({ max: config.credentialCacheSize, ttlMs: CREDENTIAL_TTL_MS });
  const keyLists = new KeyListCache<object>({ ttlMs: config.keyListCacheTtlMs });
  const bcrypt = new BcryptQueue(threadPoolSize(), config.bcryptQueueSize);
  const limiter = new FailureLimiter(database.db);
  const decoyPasswordHash = hashPassword(randomBytes(32).toString('hex'), config.passwordHashCost);
  const metrics = createMetrics({
    processMetrics: config.metrics,
    hotPath: () => {
      const [cache, queue, limits] = [credentials.stats(), bcrypt.stats(), limiter.stats()];
      return {
        cacheHits: cache.hits,
        cacheMisses: cache.misses,
        bcryptWaiting: queue.waiting,
        failureLimited: limits.limited,
        bcryptRejected: queue.rejected,
      };
    },
  });
  return {
    metrics,
    config,
    database,
    logger,
    catalog,
    usage,
    sessionTouches,
    credentials,
    keyLists,
    invalidations: new InvalidationChannel(database.db, config.database, [credentials, keyLists], logger),
    bcrypt,
    limiter,
    keys: new KeyVerifier(database.db, catalog, credentials, bcrypt, limiter),
    sessions: new SessionVerifier(database.db, credentials, sessionTouches),
    decoyPasswordHash,
  };
}

/** The counters the hot path keeps, for metrics. */
export function hotPathStats(services: Services) {
  return {
    credentialCache: services.credentials.stats(),
    keyListCache: services.keyLists.stats(),
    bcryptQueue: services.bcrypt.stats(),
    limiter: services.limiter.stats(),
    invalidations: services.invalidations.stats(),
  };
}

/** Writes what is still buffered, then closes the database (PGlite flushes to disk here). */
export async function closeServices(services: Services): Promise<void> {
  services.limiter.stop();
  await services.invalidations.stop();
  await Promise.all([services.usage.stop(), services.sessionTouches.stop()]);
  await services.decoyPasswordHash.catch(() => {});
  await services.database.close();
}
