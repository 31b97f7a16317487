/**
 * Thrown by `verify()` when no trustworthy answer can be given: Keyward cannot be reached
 * (or refuses the service credential) and nothing held locally may answer — in cache mode a
 * key that is not cached or a stale cache; in replica mode a copy older than
 * `maxStalenessMs`, or a key only the server may judge (metered, allowed addresses, legacy
 * bcrypt secret). It is not a verification code: the caller did nothing wrong, so treat it
 * as your own outage (HTTP 503), never as "valid".
 */
export class KeywardUnavailableError extends Error {
  override readonly name = 'KeywardUnavailableError';
  /** The GraphQL error code or HTTP status Keyward answered with, when it answered. */
  readonly code: string | null;

  constructor(message: string, options: { code?: string | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = options.code ?? null;
  }
}
