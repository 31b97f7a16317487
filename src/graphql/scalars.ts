import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { builder } from './builder';

// RFC 3339 date-time: a four-digit year, seconds and fractions optional, a time zone required.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * JavaScript's Date rolls impossible values over (February 31st becomes March 3rd, 24:00
 * the next day): each part is checked against the calendar first, so a date is taken
 * exactly as written or refused. Offsets go to ±14:00, as far as real zones do.
 */
function calendarDate(value: string): Date | null {
  const match = DATE_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => Number(match[i] ?? 0)) as [
    number, number, number, number, number, number, number, number,
  ];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || offsetMinutes > 59) return null;
  if (offsetHours * 60 + offsetMinutes > 14 * 60) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? calendarDate(value) : null;
  if (!date) {
    throw new GraphQLError('DateTime must be an ISO-8601 date and time that exists, with a time zone, e.g. 2030-01-31T12:00:00Z', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

builder.scalarType('DateTime', {
  description: 'An ISO-8601 (RFC 3339) date and time with a time zone, e.g. 2030-01-31T12:00:00Z. A date or time that does not exist is refused, never rolled over.',
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

/** A JSON object (a key's `meta`), bounded by the domain (keys/controls.ts: 8 KB, 5 levels). */
function parseObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GraphQLError('JSONObject must be a JSON object', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value as Record<string, unknown>;
}

/** A literal written in the document itself, as the object it denotes. */
function literalValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalValue(field.value)]));
    case Kind.LIST:
      return ast.values.map(literalValue);
    case Kind.STRING:
    case Kind.ENUM:
      return ast.value;
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    default:
      throw new GraphQLError('JSONObject literals cannot hold variables; pass the whole object as a variable', { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

builder.scalarType('JSONObject', {
  description: 'A JSON object.',
  serialize: (value) => value,
  parseValue: parseObject,
  parseLiteral: (ast) => parseObject(literalValue(ast)),
});
