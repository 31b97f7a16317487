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
 */
export type EarlyRefusal = (req: IncomingMessage, res: ServerResponse) => boolean;

export function earlyRefusal(services: Services, graphqlEndpoint: string): EarlyRefusal {
  const clientAddress = clientAddressResolver(services.config.trustProxy);
  const { maxBodyBytes } = services.config;
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
    answer(res, wait, requestIdFrom(header('x-request-id')), header('origin'));
    return true;
  };
}

/** As a Fetch `Headers` reads it: repeated headers joined with ", ". */
function nodeHeader(req: IncomingMessage): HeaderReader {
  return (name) => req.headersDistinct[name]?.join(', ') ?? null;
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
