import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * A new embedded database starts as a copy of an empty one, not by running initdb.
 *
 * PGlite's initdb takes about 4 s on these machines; copying the same empty cluster into
 * a new DATA_DIR and opening it, under 1 s; loading it into memory from a tarball, about
 * 1.5 s. The empty cluster depends only on the PGlite release, so it is made once, by
 * `npm install`'s prepare script (`src/scripts/pglite-template.ts`), and kept beside the
 * installed packages, named by that release, as a folder (for DATA_DIR) and a tarball
 * (for `memory://`). Migrations then run on the copy as on any database: the template
 * holds no Keyward table and no data. Without it (an install with --ignore-scripts), a new
 * database runs initdb as before.
 */

// The package exports no package.json: its entry lives in dist/, one level down.
const pgliteRoot = path.resolve(path.dirname(require.resolve('@electric-sql/pglite')), '..');
const pgliteVersion = (JSON.parse(readFileSync(path.join(pgliteRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** Under `node_modules/.cache/`, where tools keep what they can always make again. */
const FOLDER = path.resolve(pgliteRoot, '../../.cache/keyward', `pglite-${pgliteVersion}-empty`);
const TARBALL = `${FOLDER}.tar`;

/** Fills a new DATA_DIR with the empty cluster; false when there is no template. */
export function copyTemplateInto(dataDir: string): boolean {
  const marker = path.join(FOLDER, 'PG_VERSION');
  if (!existsSync(marker)) return false;
  // PG_VERSION is what makes a folder a cluster to PGlite: copied last, so a copy cut
  // short (a full disk, a kill) is still a new folder at the next start, not a broken one.
  cpSync(FOLDER, dataDir, { recursive: true, filter: (source) => source !== marker });
  copyFileSync(marker, path.join(dataDir, 'PG_VERSION'));
  return true;
}

/** The empty cluster for an in-memory database, or undefined when there is no template. */
export function templateTarball(): Blob | undefined {
  return existsSync(TARBALL) ? new Blob([readFileSync(TARBALL)]) : undefined;
}

/** Makes the template unless it exists; returns whether it made it. */
export async function ensureTemplate(): Promise<boolean> {
  if (existsSync(FOLDER) && existsSync(TARBALL)) return false;
  mkdirSync(path.dirname(FOLDER), { recursive: true });
  // Made aside and renamed into place: a reader never sees half a template, and of two
  // installs making it at once, one wins and the other's copy is dropped.
  const partial = `${FOLDER}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const empty = new PGlite(partial);
  await empty.waitReady;
  const tarball = Buffer.from(await (await empty.dumpDataDir('none')).arrayBuffer());
  await empty.close();
  writeFileSync(`${partial}.tar`, tarball);
  renameSync(`${partial}.tar`, TARBALL);
  try {
    renameSync(partial, FOLDER);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
  return true;
}
