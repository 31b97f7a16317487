import { writeSync } from 'node:fs';
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Standard output for the log and the one-time bootstrap message, written synchronously
 * so that nothing is lost when the process exits, and never allowed to block it:
 * - the reader is gone (EPIPE: `npm start | tee log` with tee stopped, a supervisor that
 *   closed its end): output is dropped from then on. pino's default destination retries
 *   such a write forever in its exit flush, which is how a stopped server used to hang.
 * - the pipe is full (EAGAIN): retried for at most about 100 ms, then the line is dropped
 *   rather than stalling every request behind a reader that does not read.
 */
let stdoutGone = false;
const retryFor = 100;

export function writeStdout(text: string): void {
  if (stdoutGone) return;
  let buffer = Buffer.from(text);
  const giveUp = Date.now() + retryFor;
  while (buffer.length > 0) {
    try {
      buffer = buffer.subarray(writeSync(1, buffer));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' && Date.now() < giveUp) continue;
      if (code !== 'EAGAIN') stdoutGone = true;
      return;
    }
  }
}

const stdoutDestination: pino.DestinationStream = { write: writeStdout };

// Credential-bearing names, at the top level and up to three levels down (pino's redact
// wildcards match one level each: `*.password` does not reach `a.b.password`).
const SECRET_FIELDS = [
  'authorization',
  '["x-api-key"]',
  'cookie',
  '["set-cookie"]',
  'password',
  'currentPassword',
  'newPassword',
  'secret',
  'token',
  'key',
  'apiKey',
  'variables',
];
const REDACTED_PATHS = SECRET_FIELDS.flatMap((field) => {
  const quoted = field.startsWith('[');
  const top = quoted ? [] : [field];
  return [...top, ...['*', '*.*', '*.*.*'].map((parents) => `${parents}${quoted ? '' : '.'}${field}`)];
});

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
        paths: REDACTED_PATHS,
        censor: '[redacted]',
      },
    },
    destination ?? stdoutDestination,
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
