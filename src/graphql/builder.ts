import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Principal } from '../auth/principal';
import { oncePer } from '../memo';
import type { Context } from './context';
import './inputs';

interface ScopeLoaders {
  public: boolean;
  member: boolean;
  service: boolean;
  scope: (scope: string) => boolean;
}

const ANONYMOUS: ScopeLoaders = { public: true, member: false, service: false, scope: () => false };

/**
 * A principal's scope loaders, made once per principal (principals are shared by every
 * request presenting the same cached credential, see authenticate.ts), not per request.
 */
const scopesOf = oncePer(
  ({ kind, scopes }: Principal): ScopeLoaders => ({
    // A service credential may call what is marked `service` and nothing else (SPEC §11):
    // not even what is open to anyone else, like login.
    public: kind !== 'SERVICE',
    member: kind === 'MEMBER',
    service: kind === 'SERVICE',
    scope: (scope) => scopes.has(scope),
  }),
);

/**
 * The Pothos builder and nothing else. Scopes: `public` for fields anyone may call,
 * `member` for fields only a signed-in person may call, `service` for fields only the
 * platform's service credentials may call (the change feed), and `scope` for `<resource>:<action>`.
 * Every Query and Mutation field declares its scopes; test/schema.test.ts fails on a root
 * field without a declaration, so none can ship open by accident.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { public: boolean; member: boolean; service: boolean; scope: string };
  DefaultFieldNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date }; JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> } };
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
    authScopes: (ctx) => (ctx.principal ? scopesOf(ctx.principal) : ANONYMOUS),
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
