import { readFileSync } from 'node:fs';
import { isObjectType, type GraphQLField } from 'graphql';
import { schema } from '../src/graphql/schema';
import { renderSchema, SCHEMA_FILE } from '../src/scripts/print-schema';

describe('schema', () => {
  it('matches the committed SDL (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== renderSchema()) {
      throw new Error('schema/schema.graphql is stale: run `npm run schema` and commit the result');
    }
  });

  // Deny by default: a root field without a scope declaration must not ship.
  it.each(['Query', 'Mutation'])('declares authScopes on every %s field', (typeName) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is missing`);
    const undeclared = Object.values(type.getFields())
      .filter((field: GraphQLField<unknown, unknown>) => {
        const options = (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions;
        return !options?.authScopes;
      })
      .map((field) => field.name);
    expect(undeclared).toEqual([]);
  });

  // graphql/context.ts shares scope-auth's request cache among the requests of one
  // principal: sound only while every verdict is a function of the principal alone.
  it('keeps every scope verdict a function of the principal alone', () => {
    const offending: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const typeOptions = (type.extensions as { pothosOptions?: Record<string, unknown> }).pothosOptions ?? {};
      for (const option of ['authScopes', 'grantScopes', 'runScopesOnType']) if (typeOptions[option] !== undefined) offending.push(`${type.name} ${option}`);
      for (const field of Object.values(type.getFields())) {
        const options = (field.extensions as { pothosOptions?: Record<string, unknown> }).pothosOptions ?? {};
        if (options.grantScopes !== undefined) offending.push(`${type.name}.${field.name} grantScopes`);
        const scopes = options.authScopes;
        if (scopes !== undefined && (typeof scopes !== 'object' || scopes === null || JSON.stringify(scopes).includes('$granted'))) {
          offending.push(`${type.name}.${field.name} authScopes`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
