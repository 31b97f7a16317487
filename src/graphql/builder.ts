import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Context } from './context';
import './inputs';

/**
 * The Pothos builder and nothing else. Scopes: `public` for fields anyone may call,
 * `member` for fields only a signed-in person may call, and `scope` for `<resource>:<action>`.
 * Every Query and Mutation field declares its scopes; test/schema.test.ts fails on a root
 * field without a declaration, so none can ship open by accident.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { public: boolean; member: boolean; scope: string };
  DefaultFieldNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date } };
}>({
  // Relay before scope-auth, so that auth sees decoded arguments; input limits last, so
  // that a caller without the scope learns FORBIDDEN, not what its arguments lack.
  plugins: [RelayPlugin, ScopeAuthPlugin, 'inputLimits'],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  scopeAuth: {
    authScopes: (ctx) => ({
      public: true,
      member: ctx.principal?.kind === 'MEMBER',
      scope: (scope: string) => ctx.principal?.scopes.has(scope) ?? false,
    }),
    // No principal → UNAUTHENTICATED; a principal without the scope → FORBIDDEN (SPEC §4).
    unauthorizedError: (_parent, ctx) =>
      ctx.principal
        ? new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } })
        : new GraphQLError('Authentication required', { extensions: { code: 'UNAUTHENTICATED' } }),
  },
});

builder.queryType({});
builder.mutationType({});

export type BuilderTypes = typeof builder.$inferSchemaTypes;
