import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCredential, type Credential, type HeaderReader } from '../authenticate';
import type { WrongKeyRate } from '../auth/wrongKeys';
import type { KeyVerifier } from '../keys/verify';
import { requestIdFrom } from '../requestId';

/**
 * Wrong keys answered before GraphQL, and slowly, while a flood of them is on (SPEC §7, no
 * starvation). A wrong key costs a digest, but answering it through Yoga costs about what a
 * legitimate request costs, so a flood would take half the server. While this instance
 * refuses keys at a flood's rate (auth/wrongKeys.ts), a request whose API key memory alone
 * proves wrong — its key ID's row is cached and the digest differs, or it is revoked,
 * expired or malformed — is answered here: the 401 Yoga would give, for a fraction of the
 * work. Everything else (a right key, a key ID this instance has not read yet, a session)
 * goes on to Yoga as usual, so no right key is ever refused or even delayed here.
 *
 * Such an answer is *held* for HOLD_MS: over HTTP/1.1 each connection carries one request
 * at a time, so a flooding client's pace drops to its connections per HOLD_MS, and neither
 * this server nor the flooding machine spends anything meanwhile; a held answer costs a
 * timer and an open socket, no CPU. At most MAX_HELD are held at once; beyond that (a flood
 * spread over thousands of connections) they are answered at once, so the number of open
 * sockets stays bounded too. (A request Yoga would refuse for another reason first — a GET
 * without the CSRF header, a body that is not JSON — may be told 401 here instead.)
 */
export const HOLD_MS = 1_000;
export const MAX_HELD = 1_000;

export type EarlyAnswer = (req: IncomingMessage, res: ServerResponse) => boolean;

export function wrongKeyAnswers(
  deps: { keys: KeyVerifier; wrongKeys: WrongKeyRate; maxBodyBytes: number },
  graphqlEndpoint: string,
  hold = { ms: HOLD_MS, max: MAX_HELD },
): EarlyAnswer {
  const { keys, wrongKeys, maxBodyBytes } = deps;
  let held = 0;
  return (req, res) => {
    if (!wrongKeys.busy()) return false;
    // The app serves GraphQL at this path only (requestLimits.ts refuses look-alikes).
    if (!req.url || (req.url !== graphqlEndpoint && !req.url.startsWith(`${graphqlEndpoint}?`))) return false;
    // A body that is not small and declared is the body limits' to refuse (413, connection
    // closed); answering it here would make Node read all of it to keep the socket.
    const declared = Number(req.headers['content-length'] ?? 0);
    if (req.headers['transfer-encoding'] || !(declared <= maxBodyBytes)) return false;
    const header = nodeHeader(req);
    let credential: Credential | null;
    try {
      credential = readCredential(header);
    } catch {
      return false;
    }
    if (credential?.kind !== 'api_key') return false;
    const verdict = keys.verifyFromMemory(credential.key);
    if (!verdict || verdict.code === 'VALID') return false;
    wrongKeys.record();
    const reply = () => answer(res, requestIdFrom(header('x-request-id')), header('origin'));
    if (held >= hold.max) {
      reply();
      return true;
    }
    held++;
    const timer = setTimeout(() => {
      if (!res.destroyed) reply();
    }, hold.ms);
    // Answered, or given up by the client: either way the hold is over.
    res.once('close', () => {
      clearTimeout(timer);
      held--;
    });
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

/** What Yoga answers for the UNAUTHENTICATED that `authenticate` throws (src/authenticate.ts). */
const BODY = JSON.stringify({ errors: [{ message: 'Invalid or expired credential', extensions: { code: 'UNAUTHENTICATED' } }] });

function answer(res: ServerResponse, requestId: string, origin: string | null): void {
  res.writeHead(401, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(BODY),
    'x-request-id': requestId,
    // Yoga's default CORS answer, so that a browser client can read the 401 as it could Yoga's.
    ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-allow-credentials': 'true' } : {}),
  });
  // The body the client sent is left unread: Node discards it once the answer is out, and
  // the connection stays usable.
  res.end(BODY);
}
