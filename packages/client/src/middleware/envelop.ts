import type { Plugin } from '@envelop/core';
import { GraphQLError } from 'graphql';
import type { Verification } from '../types';
import { authorize, type HeaderReader, type KeywardMiddlewareOptions } from './http';

export type { KeywardMiddlewareOptions } from './http';

/** What the plugin adds to the GraphQL context. */
export type KeywardContext = { keyward: Verification };

/** The parts of a Yoga context the plugin reads (Yoga under node:http, Express or Fastify). */
type ServerContext = {
  request?: { headers: { get(name: string): string | null } };
  req?: { headers?: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
};

export interface KeywardEnvelopOptions extends KeywardMiddlewareOptions {
  /**
   * The address of your client, for keys with allowed addresses. Default: the connection's
   * peer (`context.req.socket.remoteAddress`, which Yoga has under node:http), never
   * `X-Forwarded-For`; behind a proxy, say which address to believe here.
   */
  clientIp?: (context: Record<string, unknown>) => string | null | undefined;
}

/**
 * An Envelop / GraphQL Yoga plugin: every operation needs a VALID key, and resolvers find its
 * verification as `context.keyward`. A refusal is a GraphQLError with `extensions.code` and
 * `extensions.http.status` (401, 403, 429 with Retry-After, 503), which Yoga answers as such.
 */
export function useKeyward(options: KeywardEnvelopOptions): Plugin<KeywardContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const server = context as unknown as ServerContext;
      const header: HeaderReader = server.request ? (name) => server.request!.headers.get(name) : (name) => server.req?.headers?.[name];
      const ip = options.clientIp ? options.clientIp(context as Record<string, unknown>) : server.req?.socket?.remoteAddress;
      const outcome = await authorize(options, header, ip);
      if (outcome.refusal) {
        const { status, code, message, headers } = outcome.refusal;
        throw new GraphQLError(message, { extensions: { code, http: { status, headers } } });
      }
      extendContext({ keyward: outcome.verification });
    },
  };
}
