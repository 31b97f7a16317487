// @ts-check
const { TestEnvironment } = require('jest-environment-node');
const { PGlite } = require('@electric-sql/pglite');

/**
 * Jest's node environment, plus in-memory PGlite databases that outlive a test file.
 *
 * Jest runs each test file in a realm of its own, so everything a file makes goes with it:
 * starting a PGlite there (its WebAssembly, the empty cluster loaded from a tarball) took
 * 2–3 s of CPU, for each of some 40 test apps — about a third of `npm test`. This module
 * is loaded once per worker, outside the files' realms: the databases it makes are handed
 * from one file to the next, emptied in between (test/database.ts), one file at a time.
 */

/** @type {PGlite[]} */
const idle = [];

/**
 * PostgreSQL's default 128 MB buffer cache is far more than a test file's rows need, and
 * PGlite touches it while it starts: with 16 MB a database starts in about two thirds of
 * the CPU (0.8 s instead of 1.2 s here) and a worker holds ~110 MB less per database.
 * What the tests see of PostgreSQL is otherwise the same.
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

const pool = {
  /** An emptied database a file before this one gave back, or null. */
  take: () => idle.pop() ?? null,
  /** @param {import('@electric-sql/pglite').PGliteOptions} options */
  create: (options) => new PGlite({ ...options, startParams }),
  /** @param {PGlite} client */
  give: (client) => void idle.push(client),
};

/** Closes what is idle: jest's globalTeardown, for a run in one process (`jest -i`), which they would keep alive. */
async function closeIdle() {
  await Promise.all(idle.splice(0).map((client) => client.close()));
}

class KeywardTestEnvironment extends TestEnvironment {
  /** @param {ConstructorParameters<typeof TestEnvironment>} args */
  constructor(...args) {
    super(...args);
    this.global.keywardPglitePool = pool;
  }
}

module.exports = KeywardTestEnvironment;
module.exports.closeIdle = closeIdle;
