import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the supplier client, generated from the API's committed SDL with GraphQL Code
 * Generator's client preset. `persistedDocuments` writes `src/gql/persisted-documents.json` (the manifest
 * the server is configured with: `TRUSTED_DOCUMENTS=…/persisted-documents.json`) and replaces each document
 * by its sha256 id, so the client sends ids, never query text.
 *
 * Run from the repository root: `npm run example:codegen`.
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: '../../schema/schema.graphql',
  documents: ['operations/**/*.graphql'],
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { LocalDate: 'string', DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
