import { BcryptQueue, threadPoolSize } from './auth/bcryptQueue';
import { CredentialCache, type CachedCredential } from './auth/credentialCache';
import { FailureLimiter } from './auth/limiter';
import { Passwords } from './auth/passwords';
import { ScopeCatalog } from './auth/scopes';
import { WrongKeyRate } from './auth/wrongKeys';
import type { Config } from './config';
import { InvalidationChannel } from './db/notify';
import type { DatabaseHandle } from './db/open';
import { UsageRecorder } from './db/usageRecorder';
import { Leases } from './keys/leases';
import { KeyVerifier } from './keys/verify';
import { highestPasswordCost } from './members/login';
import type { Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { ServiceTokenVerifier } from './serviceTokens/serviceTokens';
import { SessionVerifier } from './sessions/sessions';
import { UsageCounter } from './usage/usageCounts';
import { WebhookDelivery } from './webhooks/delivery';
import { ExpiryReminders } from './webhooks/reminders';
import { FeedHub } from './feed/changes';

/**
 * What the process is made of, built once: the composition root. The GraphQL and HTTP
 * layers reach the domains through this object (never through module-level singletons,
 * so tests can build as many independent apps as they like), and hand each domain
 * function only the parts it uses.
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
  /** API key rows and sessions read from the database, shared by both verifiers. */
  credentials: CredentialCache<CachedCredential>;
  invalidations: InvalidationChannel;
  bcrypt: BcryptQueue;
  passwords: Passwords;
  limiter: FailureLimiter;
  keys: KeyVerifier;
  /** This instance's shares of keys' rate limits and credits. */
  leases: Leases;
  /** Uses of keys by outcome, for the usage query. */
  usageCounts: UsageCounter;
  sessions: SessionVerifier;
  /** The platform's service credentials (SPEC §11). */
  serviceTokens: ServiceTokenVerifier;
  /** lastUsedAt of service credentials, written in batches. */
  serviceTokenTouches: UsageRecorder;
  wrongKeys: WrongKeyRate;
  /** Sends the webhook outbox, shared with every other instance. */
  webhookDelivery: WebhookDelivery;
  /** The change feed this instance serves to service credentials (SPEC §11). */
  feed: FeedHub;
  /** Queues api_key.expiring, one instance at a time. */
  expiryReminders: ExpiryReminders;
}

/** How long a credential's row may be served from memory without being read again. */
export const CREDENTIAL_TTL_MS = 5 * 60_000;

export function createServices(config: Config, database: DatabaseHandle, logger: Logger): Services {
  const usage = new UsageRecorder(database.db, logger, 'api_keys');
  const sessionTouches = new UsageRecorder(database.db, logger, 'sessions');
  const serviceTokenTouches = new UsageRecorder(database.db, logger, 'service_tokens');
  const leases = new Leases(database.db, logger);
  const usageCounts = new UsageCounter(database.db, logger, config.usageRetention, config.usageAnalytics);
  usage.start();
  sessionTouches.start();
  serviceTokenTouches.start();
  leases.start();
  usageCounts.start();
  const feed = new FeedHub(database.db, logger);
  const webhookDelivery = new WebhookDelivery(database.db, logger, { allowPrivate: config.webhookAllowPrivate });
  const expiryReminders = new ExpiryReminders(database.db, logger);
  webhookDelivery.start();
  expiryReminders.start();
  const catalog = new ScopeCatalog(config.scopeResources);
  const credentials = new CredentialCache<CachedCredential>({ max: config.credentialCacheSize, ttlMs: CREDENTIAL_TTL_MS });
  const bcrypt = new BcryptQueue(threadPoolSize(), config.bcryptQueueSize);
  const limiter = new FailureLimiter(database.db);
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
    // A key's change also voids this instance's lease of its credits (an update replaces them).
    // Every notice also wakes the change feed, which reads what is new from its table.
    invalidations: new InvalidationChannel(database.db, config.database, [credentials, leases, feed], logger),
    feed,
    bcrypt,
    passwords: new Passwords(bcrypt, config.passwordHashCost, () => highestPasswordCost(database.db)),
    limiter,
    // PGlite runs one query at a time; a server takes several of the pool's connections.
    keys: new KeyVerifier(database.db, catalog, credentials, bcrypt, leases, database.driver === 'pglite' ? 1 : 4),
    leases,
    usageCounts,
    sessions: new SessionVerifier(database.db, credentials, sessionTouches),
    serviceTokens: new ServiceTokenVerifier(database.db, credentials, serviceTokenTouches),
    serviceTokenTouches,
    wrongKeys: new WrongKeyRate(),
    webhookDelivery,
    expiryReminders,
  };
}

/** Writes what is still buffered, then closes the database (PGlite flushes to disk here). */
export async function closeServices(services: Services): Promise<void> {
  services.limiter.stop();
  await services.invalidations.stop();
  await services.feed.stop();
  // Before the database closes: deliveries in flight are handed back to be sent again.
  await Promise.all([services.webhookDelivery.stop(), services.expiryReminders.stop()]);
  await Promise.all([
    services.usage.stop(),
    services.sessionTouches.stop(),
    services.serviceTokenTouches.stop(),
    services.leases.stop(),
    services.usageCounts.stop(),
  ]);
  await services.passwords.settled();
  await services.database.close();
}
