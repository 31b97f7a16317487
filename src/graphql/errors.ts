import { GraphQLError } from 'graphql';
import type { MaskError, Plugin } from 'graphql-yoga';
import { isDatabaseUnavailable } from '../db/errors';
import { KeywardError } from '../errors';
import { currentRequestId } from '../requestId';
import { loggableError, type Logger } from '../logger';

const HTTP_STATUS: Partial<Record<KeywardError['code'], number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  // A key refused for its usage controls (SPEC §9): the key is fine, this use is not allowed.
  USAGE_EXCEEDED: 403,
  IP_NOT_ALLOWED: 403,
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

function retryAfter(error: KeywardError) {
  const headers = {
    ...error.headers,
    ...(error.retryAfterSeconds ? { 'Retry-After': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) } : {}),
  };
  return Object.keys(headers).length > 0 ? { headers } : {};
}

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
      return withoutQuotedValues(error);
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
// { …, password: "…" } at "input.role"; Value "BOSS" does not exist…`. Typed clients send
// everything as variables, so these are the usual shape of bad input: they get the same
// code and field as the domain's own checks, and a message that names the variable, the
// field and the expected type but never quotes the value, which may be a password.
const VARIABLE_ERROR = /^Variable "\$(\w+)" (?:got invalid value|of (?:required|non-null) type)/;
// The position graphql-js appends to the value it quotes: ` at "input.scopes[2]"`.
const VARIABLE_PATH = / at "(\w+(?:\.\w+|\[\d+\])*)"$/;
const IDENTIFIER = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

interface SafeReason {
  reason: string;
  field?: string;
}

/**
 * The reason graphql-js gives, in words that quote no value. Its messages that quote
 * one (`String cannot represent a non string value: ["…"]`, `Expected value of type
 * "String!", found "…"`, `Value "…" does not exist in "MemberRole" enum`) keep only
 * the type; an unknown field keeps its name only when it is a plain identifier.
 */
function valueFreeReason(message: string): SafeReason | null {
  let m: RegExpExecArray | null;
  if ((m = /^Field "(\w+)" of required type "([^"]+)" was not provided\.$/.exec(message))) return { reason: message, field: m[1] };
  if ((m = /^Field "([^"]*)" is not defined by type "(\w+)"\./.exec(message))) {
    return IDENTIFIER.test(m[1]!)
      ? { reason: `Field "${m[1]}" is not defined by type "${m[2]}".`, field: m[1] }
      : { reason: `A field is not defined by type "${m[2]}".` };
  }
  if (/^Expected non-nullable type "[^"]+" not to be null\.$|^Expected type "[^"]+" to be an object\.$/.test(message)) return { reason: message };
  if ((m = /^Value [\s\S]* does not exist in "(\w+)" enum\./.exec(message))) return { reason: `The value is not one of "${m[1]}".` };
  if ((m = /^(Enum "\w+"|\w+) cannot represent /.exec(message))) return { reason: `${m[1]} cannot represent the value given.` };
  if ((m = /^Expected (?:value of )?type "([^"]+)"/.exec(message))) return { reason: `Expected a value of type "${m[1]}".` };
  return null;
}

function rewrite(error: GraphQLError, message: string, extensions: GraphQLError['extensions']): GraphQLError {
  // In place, not a copy: Yoga logs the original of any error that maskError replaces, and
  // the original's message and stack quote the value. GraphQLError's stack is the inner
  // error's, so both go.
  Object.assign(error, { message, stack: `GraphQLError: ${message}`, extensions, originalError: undefined });
  return error;
}

function withoutQuotedValues(error: GraphQLError): GraphQLError {
  if (error.extensions.originalError) {
    // Yoga attaches the JSON parser's own message to "POST body sent invalid JSON", and V8's
    // quotes the body around the fault: whatever was typed there, a password included.
    // Yoga also reads that attachment to answer 400 rather than 200; `spec: false` keeps
    // the 400 without it.
    const { originalError: _quoted, http, ...extensions } = error.extensions as Record<string, unknown> & { http?: object };
    return rewrite(error, error.message, { ...extensions, ...(http ? { http: { ...http, spec: false } } : {}) });
  }
  const variable = VARIABLE_ERROR.exec(error.message);
  if (variable) {
    const name = variable[1]!;
    const inner = error.originalError instanceof GraphQLError ? error.originalError : null;
    if (!inner) return rewrite(error, error.message, { ...error.extensions, code: 'BAD_USER_INPUT', field: name });
    const prefix = error.message.slice(0, error.message.length - inner.message.length - 2);
    const path = VARIABLE_PATH.exec(prefix)?.[1];
    const at = path?.startsWith(name) ? path : name;
    // Our own scalars' messages (DateTime) quote nothing; graphql-js's may.
    const own: SafeReason | null = inner.extensions.code === 'BAD_USER_INPUT' ? { reason: inner.message } : null;
    const safe = own ?? valueFreeReason(inner.message);
    const message = `Variable "$${name}" got an invalid value at "${at}"${safe ? `: ${safe.reason}` : '.'}`;
    const field = safe?.field ?? at.replace(/\[\d+\]/g, '').split('.').at(-1)!;
    return rewrite(error, message, { ...error.extensions, code: 'BAD_USER_INPUT', field });
  }
  return withoutQuotedLiteral(error);
}

/** The same reasons, reported by validation for a value written in the document itself. */
function withoutQuotedLiteral(error: GraphQLError): GraphQLError {
  const safe = valueFreeReason(error.message);
  return safe && safe.reason !== error.message ? rewrite(error, safe.reason, error.extensions) : error;
}

/**
 * Validation errors never reach maskError (Yoga answers them straight away): this plugin
 * gives them the same treatment, so a password written as a literal of the wrong type is
 * not quoted back either.
 */
export function valueFreeValidationErrors(): Plugin {
  return {
    onValidate: () => ({ valid, result }) => {
      if (!valid) for (const error of result) if (error instanceof GraphQLError) withoutQuotedLiteral(error);
    },
  };
}
