import type { Verification, VerificationCode, Verifier } from '../types';

/**
 * What every middleware shares (SPEC §3): where a request's key is, and how a verdict
 * becomes an HTTP answer — the same answers Keyward itself gives. Each framework's file only
 * reads headers and writes the answer its own way.
 */

export interface KeywardMiddlewareOptions {
  /** What you ask verify() for: a request is refused unless the key is VALID. */
  verifier: Pick<Verifier, 'verify'>;
  /** Scopes every request through this middleware needs (INSUFFICIENT_SCOPE → 403 otherwise). */
  scopes?: readonly string[];
  /** Told of each error the verifier throws (the request is answered 503). */
  onError?: (error: unknown) => void;
}

/** A request's header by its lowercase name; a repeated header may come as an array. */
export type HeaderReader = (name: string) => string | readonly string[] | null | undefined;

/** A refused request: the status, the headers and the JSON body `{ error: { code, message } }`. */
export interface Refusal {
  status: 401 | 403 | 429 | 503;
  code: 'UNAUTHENTICATED' | 'SERVICE_UNAVAILABLE' | Exclude<VerificationCode, 'VALID'>;
  message: string;
  headers: Record<string, string>;
}

export type Outcome = { verification: Verification; refusal?: undefined } | { verification?: undefined; refusal: Refusal };

const single = (value: string | readonly string[] | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : value.join(', ');

const unauthenticated = (message: string): Refusal => ({
  status: 401,
  code: 'UNAUTHENTICATED',
  message,
  headers: { 'WWW-Authenticate': 'ApiKey' },
});

/**
 * The key a request presents — `Authorization: Bearer <key>`, `Authorization: ApiKey <key>`
 * or `X-API-Key: <key>` — or why there is none usable. One credential only: both headers, an
 * empty header or another scheme is a refusal, never an anonymous request.
 */
export function readKey(header: HeaderReader): { key: string } | { refusal: Refusal } {
  const authorization = single(header('authorization'));
  const apiKey = single(header('x-api-key'));
  if (authorization === null && apiKey === null) return { refusal: unauthenticated('An API key is required: send Authorization: Bearer <key> or X-API-Key: <key>') };
  if (authorization !== null && apiKey !== null) return { refusal: unauthenticated('Send one credential: Authorization or X-API-Key, not both') };
  if (apiKey !== null) {
    const key = apiKey.trim();
    return key && !/\s/.test(key) ? { key } : { refusal: unauthenticated('The X-API-Key header must hold one key') };
  }
  const match = /^(?:Bearer|ApiKey)\s+(\S+)$/i.exec(authorization!.trim());
  return match ? { key: match[1]! } : { refusal: unauthenticated('Authorization must be "Bearer <key>" or "ApiKey <key>"') };
}

/** How a verdict other than VALID is answered: null for VALID. Anything unknown is a 401. */
export function refusalOf(verification: Verification): Refusal | null {
  if (verification.valid && verification.code === 'VALID') return null;
  switch (verification.code) {
    case 'INSUFFICIENT_SCOPE':
      return { status: 403, code: 'INSUFFICIENT_SCOPE', message: 'The API key lacks a scope this call needs', headers: {} };
    case 'IP_NOT_ALLOWED':
      return { status: 403, code: 'IP_NOT_ALLOWED', message: 'The API key may not be used from this address', headers: {} };
    case 'USAGE_EXCEEDED':
      return { status: 403, code: 'USAGE_EXCEEDED', message: 'The API key has no credits left', headers: {} };
    case 'RATE_LIMITED': {
      const seconds = Math.max(1, Math.ceil(verification.retryAfterSeconds ?? 1));
      return { status: 429, code: 'RATE_LIMITED', message: 'Too many requests with this API key; try again later', headers: { 'Retry-After': String(seconds) } };
    }
    default:
      // MALFORMED, NOT_FOUND, REVOKED, EXPIRED: like Keyward, one answer that tells no more.
      return unauthenticated('Invalid or expired API key');
  }
}

/** Keyward could not be asked and the verifier holds nothing it trusts: never a pass. */
export const UNAVAILABLE: Refusal = {
  status: 503,
  code: 'SERVICE_UNAVAILABLE',
  message: 'API keys cannot be verified right now; try again shortly',
  headers: { 'Retry-After': '1' },
};

/** Reads the key, verifies it and says what to do: pass with the verification, or refuse. */
export async function authorize(options: KeywardMiddlewareOptions, header: HeaderReader, ip: string | null | undefined): Promise<Outcome> {
  const read = readKey(header);
  if ('refusal' in read) return { refusal: read.refusal };
  let verification: Verification;
  try {
    verification = await options.verifier.verify(read.key, { scopes: options.scopes ?? [], ip: ip ?? null });
  } catch (error) {
    options.onError?.(error);
    return { refusal: UNAVAILABLE };
  }
  const refusal = refusalOf(verification);
  return refusal ? { refusal } : { verification };
}

/** The JSON body of a refusal. */
export const bodyOf = (refusal: Refusal) => ({ error: { code: refusal.code, message: refusal.message } });
