import { GraphQLError } from 'graphql';
import type { MaskError } from 'graphql-yoga';
import { isDatabaseUnavailable } from '../db/errors';
import { KeywardError } from '../errors';
import { currentRequestId } from '../http/requestId';
import { loggableError, type Logger } from '../logger';

const HTTP_STATUS: Partial<Record<KeywardError['code'], number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

function toGraphQLError(error: KeywardError, located?: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: located?.nodes,
    path: located?.path,
    extensions: {
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      // Yoga reads `http` for the status of a request-level error and strips it from the body.
      ...(HTTP_STATUS[error.code] ? { http: { status: HTTP_STATUS[error.code], ...retryAfter(error) } } : {}),
    },
  });
}

const retryAfter = (error: KeywardError) =>
  error.retryAfterSeconds ? { headers: { 'Retry-After': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) } } : {};

/**
 * Yoga's error masking, made to keep Keyward's own codes and to log what it hides.
 * Known errors (KeywardError, or GraphQL errors that already carry a code) reach the
 * client; an unreachable database is SERVICE_UNAVAILABLE; anything else is logged with
 * the request ID and replaced by INTERNAL_SERVER_ERROR carrying that same ID, so an
 * operator can find it.
 */
export function createMaskError(logger: Logger): MaskError {
  return (error) => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof KeywardError) return toGraphQLError(original, error instanceof GraphQLError ? error : undefined);
    if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) {
      return asVariableInputError(error) ?? error;
    }

    const requestId = currentRequestId();
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: loggableError(original), requestId }, 'database unavailable');
      return toGraphQLError(new KeywardError('SERVICE_UNAVAILABLE', 'The service is unavailable; try again shortly'), error instanceof GraphQLError ? error : undefined);
    }
    logger.error({ err: loggableError(original), requestId }, 'unexpected error');
    return new GraphQLError('Internal server error', {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    });
  };
}

// graphql-js reports a variable that does not fit its type (an unknown enum value, a bad
// DateTime, a string for an Int) as a plain error: `Variable "$input" got invalid value
// "BOSS" at "input.role"; …`. Typed clients send everything as variables, so these are
// the usual shape of bad input and get the same code and field as the domain's own checks.
const VARIABLE_ERROR = /^Variable "\$(\w+)" (?:got invalid value .*? at "([^"]+)";|got invalid value|of (?:required|non-null) type)/s;

function asVariableInputError(error: GraphQLError): GraphQLError | null {
  const match = VARIABLE_ERROR.exec(error.message);
  if (!match || (error.extensions.code && error.extensions.code !== 'BAD_USER_INPUT')) return null;
  const path = match[2] ?? match[1]!;
  const field = path.replace(/\[\d+\]/g, '').split('.').at(-1)!;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', field },
  });
}
