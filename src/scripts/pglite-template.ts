// Run by `npm install` (the prepare script): makes the empty embedded database that every
// new PGlite database is copied from (see src/db/pgliteTemplate.ts). Never fails the
// install: without the template a new database runs initdb, as it would anyway.
import { ensureTemplate } from '../db/pgliteTemplate';

ensureTemplate().then(
  (made) => {
    if (made) console.log('keyward: prepared the embedded database template');
  },
  (error: unknown) => {
    console.log(`keyward: no embedded database template (${error instanceof Error ? error.message : String(error)}); new databases run initdb instead`);
  },
);
