import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Standard output for the log and the one-time bootstrap message. It must never stop the
 * process, whatever the reader of the pipe does:
 * - a reader that stops reading (a stalled `tee`, a supervisor that does not drain): a
 *   blocking write on a full pipe freezes the event loop, and with it every request and
 *   the signal handlers (pino's default destination writes fd 1 synchronously, and
 *   retries EAGAIN forever). process.stdout puts the pipe in non-blocking mode and queues
 *   what the pipe cannot take; past 1 MB queued, lines are dropped rather than held.
 * - a reader that is gone (EPIPE): output is dropped from then on.
 */
const MAX_QUEUED_BYTES = 1024 * 1024;
let stdoutGone = false;
let listening = false;

export function writeStdout(text: string): void {
  if (stdoutGone) return;
  const stdout = process.stdout;
  if (!listening) {
    listening = true;
    stdout.on('error', () => {
      stdoutGone = true;
    });
  }
  if (stdout.writableLength > MAX_QUEUED_BYTES) return;
  stdout.write(text);
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
  // A GraphQL error is the client's (its stack says nothing of ours), and graphql-js
  // quotes the variable's value in it: `Variable "$password" got invalid value [...]`.
  if (error.name === 'GraphQLError') return { type: error.name, message: withoutVariableValue(error.message) };
  return { type: error.name, message: error.message, stack: error.stack };
}

const VARIABLE_VALUE = /^(Variable "\$[^"]+" got invalid value)[\s\S]*$/;

function withoutVariableValue(message: string): string {
  return message.replace(VARIABLE_VALUE, '$1 (value not logged)');
}
