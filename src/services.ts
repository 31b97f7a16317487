import { ScopeCatalog } from './auth/scopes';
import type { Config } from './config';
import type { DatabaseHandle } from './db/open';
import type { Logger } from './logger';

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
}

export function createServices(config: Config, database: DatabaseHandle, logger: Logger): Services {
  return { config, database, logger, catalog: new ScopeCatalog(config.scopeResources) };
}
