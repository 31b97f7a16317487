import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: typed clients (GraphQL Code Generator, client preset) from the
 * committed SDL — one for the operations written in the tests (test/gql), one for the
 * admin console's (src/console/gql), one for the client package's
 * (packages/client/src/gql). The output is committed, so that `npm start` from a fresh
 * clone needs no build step, and `npm test` fails when it is stale (`npm run codegen:check`).
 * Never edit test/gql, src/console/gql or packages/client/src/gql by hand.
 */
const typedClient = {
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: {
    // Plain strings: the console ships no GraphQL parser, and both send `document.toString()`.
    documentMode: 'string',
    enumsAsTypes: true,
    useTypeImports: true,
    scalars: { DateTime: 'string' },
    // Only what the operations use (inputs, enums, results), not every type of the schema.
    onlyOperationTypes: true,
  },
} as const;

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'test/gql/': { ...typedClient, documents: ['test/**/*.ts', '!test/gql/**'] },
    'src/console/gql/': { ...typedClient, documents: ['src/console/**/*.{ts,tsx}', '!src/console/gql/**'] },
    'packages/client/src/gql/': { ...typedClient, documents: ['packages/client/src/**/*.ts', '!packages/client/src/gql/**'] },
  },
};

export default config;
