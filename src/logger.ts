import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stdout. The redact paths are a second line of defence: no code path is
 * meant to log a credential, but if a header or a variables object is ever logged whole,
 * the secret parts are censored.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'keyward' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'headers.authorization',
          'headers["x-api-key"]',
          '*.password',
          '*.currentPassword',
          '*.newPassword',
          '*.secret',
          '*.token',
          '*.key',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * What of an unexpected error may be logged. Drizzle's query errors carry the query's
 * parameters, which can hold password hashes or token digests: log the SQL text and the
 * database's own message, never the parameters.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { query, params, cause } = error as Error & { query?: string; params?: unknown; cause?: unknown };
  if (typeof query === 'string' && params !== undefined) {
    const reason = cause instanceof Error ? cause : undefined;
    return { type: 'DatabaseError', query, message: reason?.message, code: (reason as { code?: string } | undefined)?.code, stack: reason?.stack };
  }
  return { type: error.name, message: error.message, stack: error.stack };
}
