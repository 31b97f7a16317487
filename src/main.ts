import { ConfigError, loadConfig, type Config } from './config';
import { isDatabaseUnavailable } from './db/errors';
import { createLogger } from './logger';

function readConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // One line, naming the variable; a stack trace would only hide it.
      fail(`invalid configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger(config.logLevel);
  // Said before anything heavy loads: a first start on PGlite creates the database.
  const where = config.database.kind === 'pglite' ? { dataDir: config.database.dataDir } : {};
  logger.info({ database: config.database.kind, ...where }, 'opening the database and applying migrations');
  // The GraphQL schema, Yoga and the database drivers take about a second to load: loaded
  // after that line, not before it.
  const { serve } = require('./serve') as typeof import('./serve');
  await serve(config, logger);
}

/** One line on stderr, then exit 1: how every start failure is reported. */
function fail(message: string): never {
  try {
    process.stderr.write(`keyward: ${message}\n`);
  } catch {
    // stderr gone as well: the exit code still tells.
  }
  process.exit(1);
}

/** The root cause in one line: Drizzle's wrapper message names the query and its parameters. */
function reason(error: unknown): string {
  let root = error;
  while (root instanceof Error && root.cause) root = root.cause;
  const message = root instanceof Error ? root.message : String(root);
  return message.split('\n')[0]!;
}

main().catch((error: unknown) => {
  const prefix = isDatabaseUnavailable(error) ? 'cannot reach the database: ' : '';
  fail(`failed to start: ${prefix}${reason(error)}`);
});
