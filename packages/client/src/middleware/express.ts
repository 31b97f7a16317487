import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Verification } from '../types';
import { authorize, bodyOf, type KeywardMiddlewareOptions } from './http';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The key's verification, set by keyward() once the key is VALID. */
      keyward?: Verification;
    }
  }
}

export type { KeywardMiddlewareOptions } from './http';

/**
 * Express middleware: lets a request through only with a VALID key, its verification on
 * `req.keyward`. The client address is `req.ip` (set Express's `trust proxy` behind a proxy).
 */
export function keyward(options: KeywardMiddlewareOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    authorize(options, (name) => req.headers[name], req.ip).then(
      (outcome) => {
        if (outcome.verification) {
          req.keyward = outcome.verification;
          next();
          return;
        }
        res.status(outcome.refusal.status).set(outcome.refusal.headers).json(bodyOf(outcome.refusal));
      },
      (error: unknown) => next(error),
    );
  };
}
