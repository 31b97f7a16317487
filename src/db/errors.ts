/** The error and the errors it wraps (Drizzle wraps the driver's error as `cause`). */
function* chain(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    yield e as { code?: unknown; message?: unknown };
  }
}

/** True when a query failed on a unique constraint (SQLSTATE 23505), on either driver. */
export function isUniqueViolation(error: unknown): boolean {
  for (const e of chain(error)) if (e.code === '23505') return true;
  return false;
}

// postgres.js connection failures, and SQLSTATEs for a server going away or full.
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

/**
 * True when the database could not be reached, rather than the query being wrong: the
 * client may retry, so this is SERVICE_UNAVAILABLE, not an internal error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    if (typeof e.code === 'string' && (UNAVAILABLE.has(e.code) || e.code.startsWith('08'))) return true;
    if (typeof e.message === 'string' && /^PGlite is clos(ed|ing)$/.test(e.message)) return true;
  }
  return false;
}
