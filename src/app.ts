import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { IncomingMessage } from 'node:http';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { authenticate } from './auth/authenticate';
import type { Context } from './graphql/context';
import { createMaskError, valueFreeValidationErrors } from './graphql/errors';
import { GRAPHIQL_OPTIONS, offlineGraphiQL } from './graphql/graphiql';
import { schema } from './graphql/schema';
import { consolePlugin } from './http/console';
import { healthPlugin } from './http/health';
import { requestIdOf, requestIdPlugin } from './http/requestId';
import { loggableError } from './logger';
import type { Services } from './services';
import { tenantFor } from './tenant';

const loggable = (arg: unknown) => (arg instanceof Error ? loggableError(arg) : arg);

/** What the Node adapter hands Yoga; absent when a test calls `yoga.fetch` directly. */
export interface ServerContext {
  req?: Pick<IncomingMessage, 'socket'>;
}

export type App = YogaServerInstance<ServerContext, Context>;

/** Builds the HTTP/GraphQL application on already-open services. It does not listen. */
export function createApp(services: Services): App {
  const { config, logger } = services;
  const graphiql = offlineGraphiQL();
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // Yoga's own probe answers with an empty body; ours (healthPlugin) answers JSON.
    healthCheckEndpoint: '/.yoga/health',
    landingPage: false,
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
    context: async ({ request, req }) => {
      const clientIp = req?.socket.remoteAddress ?? null;
      const principal = await authenticate(request.headers, services, clientIp);
      return {
        principal,
        tenant: principal ? tenantFor(principal, clientIp, services) : null,
        requestId: requestIdOf(request),
        clientIp,
        services,
      };
    },
    plugins: [
      requestIdPlugin(),
      healthPlugin(services.database),
      consolePlugin({ logger, graphiqlPolicy: graphiql.contentSecurityPolicy, graphqlEndpoint: '/graphql' }),
      valueFreeValidationErrors(),
      // Query limits from graphql-armor: an admin API has no use for deep, wide or huge documents.
      maxDepthPlugin({ n: 10 }),
      maxAliasesPlugin({ n: 15 }),
      maxTokensPlugin({ n: 2000 }),
      costLimitPlugin({ maxCost: 5000 }),
      ...(config.graphiql ? [] : [useDisableIntrospection()]),
    ],
  });
}
