import type { Server } from 'node:http';
import { createApp, GRAPHQL_ENDPOINT, type App } from './app';
import type { Config } from './config';
import { openDatabase } from './db/open';
import { createHttpServer } from './http/server';
import { wrongKeyAnswers } from './http/wrongKeyAnswers';
import { loggableError, writeStdout, type Logger } from './logger';
import { bootstrapFirstOrganization } from './organizations/bootstrap';
import { closeServices, createServices, type Services } from './services';
import { deleteExpiredSessions } from './sessions/sessions';

/**
 * Opens the database, makes the first organization if there is none, and serves until a
 * signal stops it. Rejects when the start fails (main.ts reports it in one line).
 */
export async function serve(config: Config, logger: Logger): Promise<void> {
  const database = await openDatabase(config.database);
  const services = createServices(config, database, logger);

  const bootstrap = await bootstrapFirstOrganization(database.db, config.bootstrap, config.passwordHashCost);
  if (bootstrap.created) {
    logger.info({ organization: bootstrap.organization, owner: bootstrap.email }, 'created the first organization');
    if (bootstrap.generatedPassword) {
      // Printed once, straight to the console and never through the logger, so that it
      // does not end up in collected logs. It is not stored anywhere but as a bcrypt hash.
      writeStdout(
        `\nKeyward created organization "${bootstrap.organization}" with owner ${bootstrap.email}.\n` +
          `Its password, shown this once: ${bootstrap.generatedPassword}\n\n`,
      );
    }
  }

  // Expired sessions are already refused; this only frees their rows.
  await deleteExpiredSessions(database.db);

  const server = httpServerFor(createApp(services), services);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new Error(`cannot listen on ${config.host}:${config.port}: ${error.message}`)));
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { url: `http://${config.host}:${port}/graphql`, console: `http://${config.host}:${port}/console/`, database: database.driver },
    'keyward listening',
  );

  let stoppingSince = 0;
  const stop = (signal: string) => {
    if (stoppingSince) {
      // A terminal's Ctrl-C reaches this process directly and again relayed by npm within
      // milliseconds: that is one request to stop. A signal sent later is the operator
      // insisting, and wins at once (buffered key usage is then not written).
      if (Date.now() - stoppingSince < SAME_SIGNAL_MS) return;
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(EXIT_FORCED);
    }
    stoppingSince = Date.now();
    logger.info({ signal }, 'shutting down');
    // Whatever hangs (a connection, the database, stdout), the process ends by this time.
    setTimeout(() => {
      logger.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long: exiting');
      process.exit(EXIT_FORCED);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // Stop accepting, let requests in flight finish, then write buffered key usage and
    // close the database so PGlite has flushed everything to DATA_DIR.
    server.close(async () => {
      try {
        await closeServices(services);
        logger.info('stopped');
        process.exit(0);
      } catch (error) {
        logger.error({ err: loggableError(error) }, 'could not close the database cleanly');
        process.exit(EXIT_FORCED);
      }
    });
    // A keep-alive connection busy now turns idle once its response is sent, and would then
    // be waited on until the client drops it: idle ones are closed as they appear.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    // Keep-alive connections still busy after this are cut rather than waited on.
    setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** The HTTP server around the app, as `npm start` runs it: its deadline, its limits, wrong keys answered early. */
export function httpServerFor(app: App, services: Services): Server {
  const { config, logger } = services;
  return createHttpServer(app, config, logger, wrongKeyAnswers({ ...services, maxBodyBytes: config.maxBodyBytes }, GRAPHQL_ENDPOINT));
}

const SAME_SIGNAL_MS = 1_000;
/** Requests in flight get this long to finish once a stop is asked. */
const DRAIN_MS = 10_000;
/** Draining, writing key usage and closing the database: all within this. */
const SHUTDOWN_DEADLINE_MS = 15_000;
const EXIT_FORCED = 1;
