import { unauthenticated } from '../errors';

/**
 * What a request presents (SPEC §3): at most one credential, in `Authorization`
 * (`Bearer <token or key>`, `ApiKey <key>`) or `X-API-Key`. A header that is there but
 * says nothing usable is an error, never a quiet "anonymous".
 */
export type Credential = { kind: 'session'; token: string } | { kind: 'api_key'; key: string };

/** A request header by its lowercase name: from a Fetch `Headers` or a Node request alike. */
export type HeaderReader = (name: string) => string | null;

/** Every key starts with this; session tokens with kws_ (sessions/sessions.ts). */
const KEY_PREFIX = 'kw_';

/** The credential in the `Authorization` and `X-API-Key` headers' values, if any. */
export function readCredential(header: HeaderReader): Credential | null {
  const authorization = header('authorization');
  const apiKeyHeader = header('x-api-key');
  if (authorization === null && apiKeyHeader === null) return null;
  if (authorization !== null && apiKeyHeader !== null) throw unauthenticated('Send one credential: Authorization or X-API-Key, not both');
  if (apiKeyHeader !== null) {
    if (!apiKeyHeader.trim()) throw unauthenticated('The X-API-Key header is empty');
    return { kind: 'api_key', key: apiKeyHeader.trim() };
  }

  const match = /^(Bearer|ApiKey)\s+(\S+)$/i.exec(authorization!.trim());
  if (!match) throw unauthenticated('Authorization must be "Bearer <token>" or "ApiKey <key>"');
  const [, scheme, value] = match as unknown as [string, string, string];
  // A Bearer credential is a key when it looks like one.
  if (scheme.toLowerCase() === 'apikey' || value.startsWith(KEY_PREFIX)) return { kind: 'api_key', key: value };
  return { kind: 'session', token: value };
}
