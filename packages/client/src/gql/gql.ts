/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query KeywardClientVerify($key: String!, $requiredScopes: [String!], $ip: String) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes, ip: $ip) {\n      valid\n      code\n      scopes\n      remaining\n      retryAfterSeconds\n      meta\n      rateLimits { name limit remaining resetAt }\n      apiKey { id name expiresAt allowedIps rateLimits { name } credits { remaining } }\n      organization { id }\n    }\n  }\n": typeof types.KeywardClientVerifyDocument,
    "\n  query KeywardClientSnapshot($after: String, $first: Int, $ids: [ID!]) {\n    verificationSnapshot(after: $after, first: $first, ids: $ids) {\n      cursor\n      endCursor\n      hasMore\n      keys {\n        id\n        name\n        organizationId\n        scopes\n        secrets { checksum digest kind endsAt }\n        expiresAt\n        revokedAt\n        allowedIps\n        metered\n        meta\n      }\n    }\n  }\n": typeof types.KeywardClientSnapshotDocument,
    "\n  subscription KeywardClientChanges($after: String) {\n    verificationChanges(after: $after) { kind cursor apiKeyId organizationId action at }\n  }\n": typeof types.KeywardClientChangesDocument,
};
const documents: Documents = {
    "\n  query KeywardClientVerify($key: String!, $requiredScopes: [String!], $ip: String) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes, ip: $ip) {\n      valid\n      code\n      scopes\n      remaining\n      retryAfterSeconds\n      meta\n      rateLimits { name limit remaining resetAt }\n      apiKey { id name expiresAt allowedIps rateLimits { name } credits { remaining } }\n      organization { id }\n    }\n  }\n": types.KeywardClientVerifyDocument,
    "\n  query KeywardClientSnapshot($after: String, $first: Int, $ids: [ID!]) {\n    verificationSnapshot(after: $after, first: $first, ids: $ids) {\n      cursor\n      endCursor\n      hasMore\n      keys {\n        id\n        name\n        organizationId\n        scopes\n        secrets { checksum digest kind endsAt }\n        expiresAt\n        revokedAt\n        allowedIps\n        metered\n        meta\n      }\n    }\n  }\n": types.KeywardClientSnapshotDocument,
    "\n  subscription KeywardClientChanges($after: String) {\n    verificationChanges(after: $after) { kind cursor apiKeyId organizationId action at }\n  }\n": types.KeywardClientChangesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeywardClientVerify($key: String!, $requiredScopes: [String!], $ip: String) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes, ip: $ip) {\n      valid\n      code\n      scopes\n      remaining\n      retryAfterSeconds\n      meta\n      rateLimits { name limit remaining resetAt }\n      apiKey { id name expiresAt allowedIps rateLimits { name } credits { remaining } }\n      organization { id }\n    }\n  }\n"): typeof import('./graphql').KeywardClientVerifyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeywardClientSnapshot($after: String, $first: Int, $ids: [ID!]) {\n    verificationSnapshot(after: $after, first: $first, ids: $ids) {\n      cursor\n      endCursor\n      hasMore\n      keys {\n        id\n        name\n        organizationId\n        scopes\n        secrets { checksum digest kind endsAt }\n        expiresAt\n        revokedAt\n        allowedIps\n        metered\n        meta\n      }\n    }\n  }\n"): typeof import('./graphql').KeywardClientSnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription KeywardClientChanges($after: String) {\n    verificationChanges(after: $after) { kind cursor apiKeyId organizationId action at }\n  }\n"): typeof import('./graphql').KeywardClientChangesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
