import { createServer, type Server } from 'node:http';
import type { App } from '../app';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { EarlyAnswer } from './wrongKeyAnswers';

/**
 * The Node HTTP server around the app, with its timeouts chosen rather than inherited:
 * - a request not answered within REQUEST_TIMEOUT_MS gets 503 SERVICE_UNAVAILABLE (and
 *   its connection closed, which aborts the request's signal), never an endless wait;
 * - headersTimeout / requestTimeout cut clients that send their request too slowly
 *   (slowloris), keepAliveTimeout frees idle connections;
 * - headers over Node's 16 KB limit are answered 431 by Node itself, and the server lives on.
 * What `answerEarly` answers (wrong keys during a flood of them) never reaches the app.
 */
export function createHttpServer(
  app: App,
  config: Pick<Config, 'requestTimeoutMs'>,
  logger: Logger,
  answerEarly: EarlyAnswer = () => false,
): Server {
  const deadline = config.requestTimeoutMs;
  const server = createServer(
    {
      headersTimeout: Math.min(10_000, deadline),
      // Node's own bound on receiving a request; ours on answering it is below.
      requestTimeout: deadline + 5_000,
      keepAliveTimeout: 5_000,
    },
    (req, res) => {
      if (answerEarly(req, res)) return;
      const timer = setTimeout(() => {
        // A stream (the change feed over SSE) answered long ago and goes on answering: no deadline.
        if (res.headersSent && String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) return;
        logger.warn({ method: req.method, url: req.url, deadlineMs: deadline }, 'request timed out');
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const body = JSON.stringify({
          errors: [{ message: `The request was not answered within ${deadline} ms; try again shortly`, extensions: { code: 'SERVICE_UNAVAILABLE' } }],
        });
        // Connection: close ends the socket, and with it the request's AbortSignal; the
        // app's late answer, if it comes, finds the response ended and is dropped.
        res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close', 'retry-after': '1' });
        res.end(body);
      }, deadline);
      res.once('close', () => clearTimeout(timer));
      void app(req, res);
    },
  );
  server.maxHeadersCount = 100;
  return server;
}
