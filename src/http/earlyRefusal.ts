import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalFromMemory, type HeaderReader } from '../auth/authenticate';
import type { KeywardError } from '../errors';
import type { Services } from '../services';
import { clientAddressResolver } from './clientAddress';
import { requestIdFrom } from './requestId';

/**
 * Refusals answered before a request reaches GraphQL (SPEC §7, no starvation). A flood of
 * wrong secrets for a real key ID is cut off by the failure limits after a handful of
 * bcrypt compares; answering each later attempt through Yoga would still cost about what a
 * legitimate request costs, so the flood would take half the server. What memory alone can
 * refuse — see `refusalFromMemory` — is answered here instead, with the same status,
 * headers and body Yoga would give it, for a fraction of the work.
 */
export type EarlyRefusal = (req: IncomingMessage, res: ServerResponse) => boolean;

export function earlyRefusal(services: Services, graphqlEndpoint: string): EarlyRefusal {
  const clientAddress = clientAddressResolver(services.config.trustProxy);
  return (req, res) => {
    if (!req.url || (req.url !== graphqlEndpoint && !req.url.startsWith(`${graphqlEndpoint}?`))) return false;
    const header = nodeHeader(req);
    const refusal = refusalFromMemory(header, services, clientAddress({ get: header }, req.socket.remoteAddress));
    if (!refusal) return false;
    answer(res, refusal, requestIdFrom(header('x-request-id')));
    return true;
  };
}

/** As a Fetch `Headers` reads it: repeated headers joined with ", ". */
function nodeHeader(req: IncomingMessage): HeaderReader {
  return (name) => req.headersDistinct[name]?.join(', ') ?? null;
}

function answer(res: ServerResponse, refusal: KeywardError, requestId: string): void {
  const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  res.writeHead(429, {
    'content-type': 'application/json; charset=utf-8',
    'retry-after': String(Math.max(1, Math.ceil(refusal.retryAfterSeconds ?? 1))),
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
  });
  // The body the client sent is left unread: Node discards it once the answer is out, and
  // the connection stays usable.
  res.end(body);
}
