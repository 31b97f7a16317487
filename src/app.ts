import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { IncomingMessage } from 'node:http';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { authenticate } from './authenticate';
import { requestContext, type Context } from './graphql/context';
import { deviceCookiePlugin } from './graphql/deviceCookie';
import { createMaskError, valueFreeValidationErrors } from './graphql/errors';
import { GRAPHIQL_OPTIONS, offlineGraphiQL } from './http/graphiql';
import { queryLimitPlugins } from './graphql/limits';
import { schema } from './graphql/schema';
import { clientAddressResolver } from './http/clientAddress';
import { consolePlugin } from './http/console';
import { healthPlugin } from './http/health';
import { GitHubKeys, secretScanningPlugin } from './http/secretScanning';
import { reportLeakedKeys } from './keys/leaks';
import { requestIdOf, requestIdPlugin } from './requestId';
import { requestLimitsPlugin } from './http/requestLimits';
import { loggableError } from './logger';
import { andThen } from './memo';
import { metricsPlugin } from './metrics';
import type { Services } from './services';

const loggable = (arg: unknown) => (arg instanceof Error ? loggableError(arg) : arg);

/** What the Node adapter hands Yoga; absent when a test calls `yoga.fetch` directly. */
export interface ServerContext {
  req?: Pick<IncomingMessage, 'socket'>;
}

export type App = YogaServerInstance<ServerContext, Context>;

export const GRAPHQL_ENDPOINT = '/graphql';

/** Builds the HTTP/GraphQL application on already-open services. It does not listen. */
export function createApp(services: Services): App {
  const { config, logger } = services;
  const clientAddress = clientAddressResolver(config.trustProxy);
  const graphiql = offlineGraphiQL();
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    // Yoga's own probe answers with an empty body; ours (healthPlugin) answers JSON.
    healthCheckEndpoint: '/.yoga/health',
    landingPage: false,
    // Only JSON bodies are parsed (requestLimitsPlugin); file uploads have no use here.
    multipart: false,
    batching: false,
    graphiql: config.graphiql ? GRAPHIQL_OPTIONS : false,
    renderGraphiQL: graphiql.render,
    maskedErrors: { maskError: createMaskError(logger) },
    // Yoga reports the errors it masks here too; maskError has logged them with their
    // request ID already, so they are kept at debug level.
    logging: {
      debug: (...args) => logger.debug({ yoga: args.map(loggable) }),
      info: (...args) => logger.info({ yoga: args.map(loggable) }),
      warn: (...args) => logger.warn({ yoga: args.map(loggable) }),
      error: (...args) => logger.debug({ yoga: args.map(loggable) }),
    },
    context: ({ request, req }) => {
      const clientIp = clientAddress(request.headers, req?.socket.remoteAddress);
      const requestId = requestIdOf(request);
      // Synchronous for a cached credential (see authenticate): no promise on the hot path.
      return andThen(authenticate(request.headers, clientIp, services), (principal) => requestContext(principal, requestId, clientIp, services));
    },
    plugins: [
      requestIdPlugin(),
      deviceCookiePlugin(GRAPHQL_ENDPOINT),
      healthPlugin(services.database),
      secretScanningPlugin({
        keys: new GitHubKeys(config.gitHubSecretScanningKeys, logger),
        clientAddress,
        // GitHub's reports follow each organization's leak policy (REVOKE or NOTIFY).
        report: (reports, ip) => reportLeakedKeys(services.invalidations, services.bcrypt, reports, { kind: 'SYSTEM', id: 'github', ip }, 'organization'),
      }),
      consolePlugin({ logger, graphiqlPolicy: graphiql.contentSecurityPolicy, graphqlEndpoint: GRAPHQL_ENDPOINT }),
      metricsPlugin(services.metrics, { serve: config.metrics }),
      requestLimitsPlugin({ graphqlEndpoint: GRAPHQL_ENDPOINT, maxBodyBytes: config.maxBodyBytes }),
      // A GET (or a form-like POST) runs only with a header a cross-site page cannot set
      // without a CORS preflight; JSON POSTs are preflighted by the browser already.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'graphql-require-preflight'] }),
      valueFreeValidationErrors(),
      ...queryLimitPlugins({ suggestions: config.graphiql }),
      ...(config.graphiql ? [] : [useDisableIntrospection()]),
    ],
  });
}
