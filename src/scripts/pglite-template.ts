// Run by `npm install` (the prepare script): makes the empty embedded database that every
// new PGlite database is copied from (see src/db/pgliteTemplate.ts). Never fails the
// install: without the template a new database runs initdb, as it would anyway.
import { ensureTemplate } from '../db/pgliteTemplate';
import { createLogger } from '../logger';

const logger = createLogger('info');
ensureTemplate().then(
  (made) => {
    if (made) logger.info('prepared the embedded database template');
  },
  (error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'no embedded database template: new databases run initdb instead');
  },
);
