import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Verification } from '../types';
import { authorize, bodyOf, type KeywardMiddlewareOptions } from './http';

declare module 'fastify' {
  interface FastifyRequest {
    /** The key's verification, set by keyward() once the key is VALID. */
    keyward?: Verification;
  }
}

export type { KeywardMiddlewareOptions } from './http';

/**
 * A Fastify hook: `{ preHandler: keyward({ verifier, scopes }) }` on a route, or
 * `app.addHook('preHandler', keyward(...))` for every route in a scope. Lets a request
 * through only with a VALID key, its verification on `request.keyward`. The client address
 * is `request.ip` (set Fastify's `trustProxy` behind a proxy).
 */
export function keyward(options: KeywardMiddlewareOptions) {
  return async function keywardPreHandler(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const outcome = await authorize(options, (name) => request.headers[name], request.ip);
    if (outcome.verification) {
      request.keyward = outcome.verification;
      return undefined;
    }
    // Sent and returned from an async hook, the reply ends the request: the handler does not run.
    return reply.code(outcome.refusal.status).headers(outcome.refusal.headers).send(bodyOf(outcome.refusal));
  };
}
