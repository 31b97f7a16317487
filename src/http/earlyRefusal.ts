import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalFromMemory, type HeaderReader } from '../auth/authenticate';
import { RATE_LIMITED_MESSAGE } from '../auth/bcryptQueue';
import type { Services } from '../services';
import { clientAddressResolver } from './clientAddress';
import { requestIdFrom } from './requestId';

/**
 * Refusals answered before a request reaches GraphQL (SPEC §7, no starvation). A flood of
 * wrong secrets for a real key ID is cut off by the failure limits after a handful of
 * bcrypt compares; answering each later attempt through Yoga would still cost about what a
 * legitimate request costs, so the flood would take half the server. What memory alone can
 * refuse — see `refusalFromMemory` — is answered here instead, with the status, headers
 * (CORS included) and body Yoga gives a well-formed GraphQL request with that key, for a
 * fraction of the work. (A request Yoga would refuse for another reason first — a GET
 * without the CSRF header, a body that is not JSON — may be told 429 here instead.)
 *
 * Such an answer is also *held* for up to HOLD_MS (never past the Retry-After it gives):
 * a client that is told to wait gets nothing sooner by not waiting. Over HTTP/1.1 each
 * connection carries one request at a time, so a flooding client's pace drops to its
 * connections per HOLD_MS, and neither this server nor the attacker's machine spends
 * anything on the requests it would otherwise have sent meanwhile; a held answer costs a
 * timer and an open socket, no CPU. At most MAX_HELD answers are held at once; beyond
 * that (a flood spread over thousands of connections) they are answered at once, as
 * before, so the number of open sockets stays bounded by this too.
 */
export const HOLD_MS = 1_000;
export const MAX_HELD = 1_000;

export type EarlyRefusal = (req: IncomingMessage, res: ServerResponse) => boolean;

export function earlyRefusal(services: Services, graphqlEndpoint: string, hold = { ms: HOLD_MS, max: MAX_HELD }): EarlyRefusal {
  const clientAddress = clientAddressResolver(services.config.trustProxy);
  const { maxBodyBytes } = services.config;
  let held = 0;
  return (req, res) => {
    // The app serves GraphQL at this path only (requestLimits.ts refuses look-alikes).
    if (!req.url || (req.url !== graphqlEndpoint && !req.url.startsWith(`${graphqlEndpoint}?`))) return false;
    // A body that is not small and declared is the body limits' to refuse (413, connection
    // closed); answering it here would make Node read all of it to keep the socket.
    const declared = Number(req.headers['content-length'] ?? 0);
    if (req.headers['transfer-encoding'] || !(declared <= maxBodyBytes)) return false;
    const header = nodeHeader(req);
    const wait = refusalFromMemory(header, services, () => clientAddress({ get: header }, req.socket.remoteAddress));
    if (wait <= 0) return false;
    const reply = (waitLeft: number) => answer(res, waitLeft, requestIdFrom(header('x-request-id')), header('origin'));
    if (held >= hold.max) {
      reply(wait);
      return true;
    }
    const holdMs = Math.min(hold.ms, wait * 1000);
    held++;
    setTimeout(() => {
      held--;
      // A client that gave up meanwhile has nothing left to answer.
      if (!res.destroyed && !res.writableEnded) reply(wait - holdMs / 1000);
    }, holdMs);
    return true;
  };
}

/**
 * As Yoga's `Headers` reads it: the Node adapter wraps `req.headers`, where Node keeps the
 * first `Authorization` and joins repeated `X-API-Key` values with ", ".
 */
function nodeHeader(req: IncomingMessage): HeaderReader {
  return (name) => {
    const value = req.headers[name];
    return value === undefined ? null : String(value);
  };
}

/** What Yoga answers for `rateLimited()` thrown while authenticating (src/graphql/errors.ts). */
const BODY = JSON.stringify({ errors: [{ message: RATE_LIMITED_MESSAGE, extensions: { code: 'RATE_LIMITED' } }] });

function answer(res: ServerResponse, waitSeconds: number, requestId: string, origin: string | null): void {
  res.writeHead(429, {
    'content-type': 'application/json; charset=utf-8',
    'retry-after': String(Math.max(1, Math.ceil(waitSeconds))),
    'content-length': Buffer.byteLength(BODY),
    'x-request-id': requestId,
    // Yoga's default CORS answer, so that a browser client can read the 429 as it could Yoga's.
    ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-allow-credentials': 'true' } : {}),
  });
  // The body the client sent is left unread: Node discards it once the answer is out, and
  // the connection stays usable.
  res.end(BODY);
}
