import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * What an HTTP request to /graphql may look like before anything parses it:
 * - POST only as `application/json`: form-encoded, multipart and text/plain bodies are
 *   what a cross-site form can send without a CORS preflight, and `application/graphql`
 *   is no client's need. (GET is guarded by the CSRF plugin and never runs a mutation.)
 * - At most `maxBodyBytes`: a declared Content-Length over it is refused before a byte is
 *   read, and a body without one (chunked) is counted as it streams and cut at the limit.
 */
export function requestLimitsPlugin(options: { graphqlEndpoint: string; maxBodyBytes: number }): Plugin {
  const { graphqlEndpoint, maxBodyBytes } = options;
  const tooLarge = () =>
    createGraphQLError(`Request body exceeds the limit of ${maxBodyBytes} bytes`, {
      extensions: { code: 'PAYLOAD_TOO_LARGE', http: { status: 413, headers: { connection: 'close' } } },
    });

  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlEndpoint) {
        // Yoga also serves GraphQL at any URL that merely ends in the endpoint (/x/graphql,
        // /graphql/, /?q=/graphql). Only the endpoint itself is served, so that these limits
        // and the wrong keys answered before GraphQL (wrongKeyAnswers.ts) see every GraphQL request.
        const lookalike = request.url.endsWith(graphqlEndpoint) || request.url.endsWith(`${graphqlEndpoint}/`) || url.pathname === `${graphqlEndpoint}/`;
        if (lookalike) endResponse(fetchAPI.Response.json({ errors: [{ message: `GraphQL is served at ${graphqlEndpoint}`, extensions: { code: 'NOT_FOUND' } }] }, { status: 404 }));
        return;
      }
      if (request.method !== 'POST') return;
      const refuse = (status: number, code: string, message: string) =>
        endResponse(
          fetchAPI.Response.json(
            { errors: [{ message, extensions: { code } }] },
            // Connection: close, so Node does not read the rest of a refused body to reuse the socket.
            { status, headers: { connection: 'close' } },
          ),
        );
      const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (mediaType !== 'application/json') {
        return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', 'POST requests must have Content-Type: application/json');
      }
      const declared = Number(request.headers.get('content-length'));
      if (declared > maxBodyBytes) return refuse(413, 'PAYLOAD_TOO_LARGE', tooLarge().message);
    },
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== 'POST') return;
      setRequestParser(async (request) => {
        const text = await readAtMost(request, maxBodyBytes, tooLarge);
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw createGraphQLError('POST body sent invalid JSON.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        }
        // An array would be a batch; batching is off, so only an object is a request.
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          throw createGraphQLError('POST body must be a JSON object', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        }
        return body;
      });
    },
  };
}

async function readAtMost(request: Request, max: number, tooLarge: () => Error): Promise<string> {
  return (await readBytesAtMost(request, max, tooLarge)).toString('utf8');
}

/** The body's bytes, counted as they stream and cut at `max` (`tooLarge` is thrown). */
export async function readBytesAtMost(request: Request, max: number, tooLarge: () => Error): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
