import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { badInput } from '../errors';
import { characterCount } from '../validation';

/**
 * Limits every argument of every field obeys, before any resolver sees it: the one place
 * where text no field could want is refused, rather than a check per call site that a new
 * argument could miss. Field rules (name lengths, email shape…) are still the domain's.
 *
 * - No NUL or other control characters but tab and line breaks: PostgreSQL refuses NUL in
 *   text (which surfaced as an internal error), bcrypt stops at it, and logs and terminals
 *   misread the others.
 * - No lone UTF-16 surrogates: they are not text, and drivers would store them altered.
 * - No string longer than any rule allows and no list longer than any use needs, so no
 *   argument without a rule of its own (login's email, verifyApiKey's key…) carries an
 *   unbounded value into the database, bcrypt or a log.
 */
export const STRING_ARGUMENT_MAX = 1000;
export const LIST_ARGUMENT_MAX = 100;

const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\p{Cs}]/u;

/**
 * `meta` (a key's JSON object) is bounded as a whole by its own rule (8 KB, 5 levels:
 * keys/controls.ts); inside it only the characters are checked here, and any fault is
 * reported as `meta`, not as a name the platform chose.
 */
const WHOLE_VALUES = new Set(['meta']);

/** Fields whose own rule allows longer text: a webhook's URL (webhooks/webhooks.ts, 2,000). */
const LONGER_STRINGS: Record<string, number> = { url: 2_000 };

function checkInput(field: string, value: unknown, whole = false): void {
  if (typeof value === 'string') {
    if (FORBIDDEN_CHARACTERS.test(value)) throw badInput(field, 'must not contain control characters or invalid Unicode');
    const max = LONGER_STRINGS[field] ?? STRING_ARGUMENT_MAX;
    if (!whole && value.length > max && characterCount(value) > max) throw badInput(field, `must be at most ${max} characters`);
  } else if (Array.isArray(value)) {
    if (!whole && value.length > LIST_ARGUMENT_MAX) throw badInput(field, `must have at most ${LIST_ARGUMENT_MAX} items`);
    for (const item of value) checkInput(field, item, whole);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [name, inner] of Object.entries(value)) {
      if (whole) {
        if (FORBIDDEN_CHARACTERS.test(name)) throw badInput(field, 'must not contain control characters or invalid Unicode');
        checkInput(field, inner, true);
      } else checkInput(name, inner, WHOLE_VALUES.has(name));
    }
  }
}

/**
 * Arguments the field itself judges. verifyApiKey answers a code, never an error (SPEC §5):
 * a key with a NUL or of any length is MALFORMED to it, and the body limit bounds its size;
 * revokeLeakedApiKeys bounds its own list.
 */
const EXEMPT_ARGUMENTS: Record<string, string> = {
  'Query.verifyApiKey': 'key',
  // Up to 1,000 strings, each anything someone found: what is not a key is simply not revoked.
  'Mutation.revokeLeakedApiKeys': 'keys',
};

export class InputLimitsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    const exempt = EXEMPT_ARGUMENTS[`${fieldConfig.parentType}.${fieldConfig.name}`];
    return (parent, args, context, info) => {
      for (const name in args) if (name !== exempt) checkInput(name, (args as Record<string, unknown>)[name]);
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputLimits: InputLimitsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('inputLimits', InputLimitsPlugin);
