import { graphql } from './gql';

/**
 * Every document the client sends, typed by `npm run codegen` from schema/schema.graphql
 * into ./gql (never edited by hand).
 */

export const VerifyKey = graphql(`
  query KeywardClientVerify($key: String!, $requiredScopes: [String!], $ip: String) {
    verifyApiKey(key: $key, requiredScopes: $requiredScopes, ip: $ip) {
      valid
      code
      scopes
      remaining
      retryAfterSeconds
      meta
      rateLimits { name limit remaining resetAt }
      apiKey { id name expiresAt allowedIps rateLimits { name } credits { remaining } }
      organization { id }
    }
  }
`);

export const Snapshot = graphql(`
  query KeywardClientSnapshot($after: String, $first: Int, $ids: [ID!]) {
    verificationSnapshot(after: $after, first: $first, ids: $ids) {
      cursor
      endCursor
      hasMore
      keys {
        id
        name
        organizationId
        scopes
        secrets { checksum digest kind endsAt }
        expiresAt
        revokedAt
        allowedIps
        metered
        meta
      }
    }
  }
`);

export const Changes = graphql(`
  subscription KeywardClientChanges($after: String) {
    verificationChanges(after: $after) { kind cursor apiKeyId organizationId action at }
  }
`);
