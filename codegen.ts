import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: a typed client (GraphQL Code Generator, client preset) from the
 * committed SDL and the operations written in the tests. `npm test` runs it first, so
 * the generated code under test/gql can never be stale. Never edit test/gql by hand.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'test/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
