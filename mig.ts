import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { readTemplate } from '/work/main/src/db/pgliteTemplate';
async function main() {
  let t = performance.now();
  const lap = (n: string) => { const now = performance.now(); console.log(n, Math.round(now - t)); t = now; };
  const tpl = readTemplate()!; lap('read template');
  const c = new PGlite('/tmp/sd2', { loadDataDir: tpl }); await c.waitReady; lap('load');
  await migrate(drizzle(c), { migrationsFolder: '/work/main/drizzle' }); lap('migrate');
  await c.close(); lap('close');
  const m = new PGlite({ loadDataDir: tpl }); await m.waitReady; lap('load mem');
  await migrate(drizzle(m), { migrationsFolder: '/work/main/drizzle' }); lap('migrate mem');
}
main();
