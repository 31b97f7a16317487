/**
 * The errors a client can act on (SPEC §6). Domain code throws these; the GraphQL layer
 * turns them into `extensions.code` (and `extensions.field`). Anything else is a bug and
 * is masked as INTERNAL_SERVER_ERROR. Messages never contain a secret, key, password or token.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'USAGE_EXCEEDED'
  | 'IP_NOT_ALLOWED'
  | 'SERVICE_UNAVAILABLE';

export class KeywardError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** For RATE_LIMITED: when to try again, sent as the Retry-After header. */
    readonly retryAfterSeconds?: number,
    /** More response headers for a request refused as a whole (a key's RateLimit headers). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'KeywardError';
  }
}

export const badInput = (field: string, message: string) => new KeywardError('BAD_USER_INPUT', message, field);
export const notFound = (what: string) => new KeywardError('NOT_FOUND', `${what} not found`);
export const unauthenticated = (message = 'Authentication required') => new KeywardError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Not allowed') => new KeywardError('FORBIDDEN', message);
