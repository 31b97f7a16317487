import { createServer } from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { isDatabaseUnavailable } from './db/errors';
import { openDatabase } from './db/open';
import { createLogger } from './logger';
import { bootstrapFirstOrganization } from './organizations/bootstrap';
import { closeServices, createServices } from './services';
import { deleteExpiredSessions } from './sessions/sessions';

function readConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // One line, naming the variable; a stack trace would only hide it.
      process.stderr.write(`keyward: invalid configuration: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.database);
  const services = createServices(config, database, logger);

  const bootstrap = await bootstrapFirstOrganization(database.db, config.bootstrap, config.passwordHashCost);
  if (bootstrap.created) {
    logger.info({ organization: bootstrap.organization, owner: bootstrap.email }, 'created the first organization');
    if (bootstrap.generatedPassword) {
      // Printed once, straight to the console and never through the logger, so that it
      // does not end up in collected logs. It is not stored anywhere but as a bcrypt hash.
      console.log(
        `\nKeyward created organization "${bootstrap.organization}" with owner ${bootstrap.email}.\n` +
          `Its password, shown this once: ${bootstrap.generatedPassword}\n`,
      );
    }
  }

  // Expired sessions are already refused; this only frees their rows.
  await deleteExpiredSessions(database.db);

  const app = createApp(services);
  const server = createServer(app);
  server.on('error', (error) => {
    process.stderr.write(`keyward: cannot listen on ${config.host}:${config.port}: ${error.message}\n`);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(
      { url: `http://${config.host}:${port}/graphql`, console: `http://${config.host}:${port}/console/`, database: database.driver },
      'keyward listening',
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Stop accepting, let requests in flight finish, then close the database so PGlite
    // has flushed everything to DATA_DIR.
    server.close(async () => {
      await closeServices(services);
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
    // Keep-alive connections that stay busy past this are cut rather than waited on forever.
    setTimeout(() => server.closeAllConnections(), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
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
  process.stderr.write(`keyward: failed to start: ${prefix}${reason(error)}\n`);
  process.exit(1);
});
