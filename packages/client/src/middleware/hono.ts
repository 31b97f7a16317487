import type { Context, MiddlewareHandler } from 'hono';
import type { Verification } from '../types';
import { authorize, bodyOf, type KeywardMiddlewareOptions } from './http';

export type { KeywardMiddlewareOptions } from './http';

/** Hono's Variables this middleware sets: `new Hono<{ Variables: KeywardVariables }>()`. */
export type KeywardVariables = { keyward: Verification };

export interface KeywardHonoOptions extends KeywardMiddlewareOptions {
  /**
   * The address of your client, for keys with allowed addresses. Hono has no `req.ip`; the
   * default is the last address in `X-Forwarded-For` (the one your proxy added) when
   * `trustForwardedFor` is true, else the connection's peer under @hono/node-server or Bun,
   * else none (a key with allowed addresses then answers IP_NOT_ALLOWED). Elsewhere, pass
   * your adapter's `(c) => getConnInfo(c).remote.address`.
   */
  clientIp?: (c: Context) => string | null | undefined;
  /** Believe `X-Forwarded-For`: only behind one proxy that appends the peer to it. */
  trustForwardedFor?: boolean;
}

type Env = {
  incoming?: { socket?: { remoteAddress?: string } };
  requestIP?: (request: Request) => { address: string } | null;
};

function defaultClientIp(c: Context, trustForwardedFor: boolean): string | null {
  if (trustForwardedFor) {
    const last = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (last) return last;
  }
  const env = c.env as Env | undefined;
  return env?.incoming?.socket?.remoteAddress ?? (typeof env?.requestIP === 'function' ? env.requestIP(c.req.raw)?.address ?? null : null);
}

/** Hono middleware: lets a request through only with a VALID key, `c.get('keyward')` its verification. */
export function keyward(options: KeywardHonoOptions): MiddlewareHandler<{ Variables: KeywardVariables }> {
  return async (c, next) => {
    const ip = options.clientIp ? options.clientIp(c) : defaultClientIp(c, options.trustForwardedFor ?? false);
    const outcome = await authorize(options, (name) => c.req.header(name), ip);
    if (outcome.verification) {
      c.set('keyward', outcome.verification);
      await next();
      return;
    }
    return c.json(bodyOf(outcome.refusal), outcome.refusal.status, outcome.refusal.headers);
  };
}
