import { ScopeCatalog } from './auth/scopes';
import type { Config } from './config';
import type { DatabaseHandle } from './db/open';
import { UsageRecorder } from './keys/usage';
import type { Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';

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
  usage: UsageRecorder;
  metrics: Metrics;
}

export function createServices(config: Config, database: DatabaseHandle, logger: Logger): Services {
  const usage = new UsageRecorder(database.db, logger);
  usage.start();
  const metrics = createMetrics({ processMetrics: config.metrics });
  return { config, database, logger, catalog: new ScopeCatalog(config.scopeResources), usage, metrics };
}

/** Writes what is still buffered, then closes the database (PGlite flushes to disk here). */
export async function closeServices(services: Services): Promise<void> {
  await services.usage.stop();
  await services.database.close();
}
