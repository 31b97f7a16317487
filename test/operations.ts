import { graphql } from './gql';

/** Operations several test files share. Ones a single file needs live in that file. */

export const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      member { id email name role createdAt }
    }
  }
`);

export const Login = graphql(`
  mutation Login($email: String!, $password: String!, $organization: String) {
    login(email: $email, password: $password, organization: $organization) {
      token
      member { id email role }
    }
  }
`);

export const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

export const Viewer = graphql(`
  query Viewer {
    viewer {
      kind
      scopes
      organization { id name }
      member { id email role }
    }
  }
`);

export const AddMember = graphql(`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      member { id email name role createdAt }
    }
  }
`);

export const Members = graphql(`
  query Members($first: Int, $after: String) {
    members(first: $first, after: $after) {
      totalCount
      edges { cursor node { id email role } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const AuditEvents = graphql(`
  query AuditEvents($first: Int, $after: String) {
    auditEvents(first: $first, after: $after) {
      totalCount
      edges { node { id action actorKind actorId targetId ip createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const FailedSignIns = graphql(`
  query FailedSignIns {
    auditEvents(first: 100, filter: { action: "member.login_failed" }) {
      totalCount
      edges { node { action targetId ip count lastAt summary createdAt } }
    }
  }
`);

export const UpdateMemberRole = graphql(`
  mutation UpdateMemberRole($id: ID!, $role: MemberRole!) {
    updateMemberRole(id: $id, role: $role) {
      member { id role }
    }
  }
`);

export const RemoveMember = graphql(`
  mutation RemoveMember($id: ID!) {
    removeMember(id: $id) {
      member { id email }
    }
  }
`);

export const ChangePassword = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id name description access scopes lastFour status createdAt createdBy
        expiresAt revokedAt lastUsedAt rotatedAt
      }
    }
  }
`);

export const UpdateApiKey = graphql(`
  mutation UpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {
    updateApiKey(id: $id, input: $input) {
      apiKey { id name description access scopes status expiresAt }
    }
  }
`);

export const RotateApiKey = graphql(`
  mutation RotateApiKey($id: ID!, $gracePeriodSeconds: Int) {
    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {
      secret
      apiKey { id access scopes lastFour status expiresAt rotatedAt }
    }
  }
`);

export const RevokeApiKey = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      apiKey { id status revokedAt }
    }
  }
`);

export const ApiKeys = graphql(`
  query ApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {
    apiKeys(first: $first, after: $after, filter: $filter) {
      totalCount
      edges { cursor node { id name status lastFour createdAt lastUsedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ApiKeyById = graphql(`
  query ApiKeyById($id: ID!) {
    apiKey(id: $id) { id name description access scopes lastFour status createdBy lastUsedAt }
  }
`);

export const VerifyApiKey = graphql(`
  query VerifyApiKey($key: String!, $requiredScopes: [String!]) {
    verifyApiKey(key: $key, requiredScopes: $requiredScopes) {
      valid
      code
      scopes
      apiKey { id name }
      organization { id name }
    }
  }
`);

/** verifyApiKey with what SPEC §9 adds: the caller's address, limits by name, a cost, and what is left. */
export const VerifyApiKeyUse = graphql(`
  query VerifyApiKeyUse($key: String!, $requiredScopes: [String!], $ip: String, $rateLimits: [String!], $cost: Int) {
    verifyApiKey(key: $key, requiredScopes: $requiredScopes, ip: $ip, rateLimits: $rateLimits, cost: $cost) {
      valid
      code
      scopes
      apiKey { id name }
      remaining
      rateLimits { name limit remaining resetAt }
      meta
      retryAfterSeconds
    }
  }
`);

export const KeyViewer = graphql(`
  query KeyViewer {
    viewer {
      kind
      scopes
      organization { name }
      member { id }
      apiKey { id name access }
    }
  }
`);

export const Scopes = graphql(`
  query Scopes {
    viewer { kind scopes }
  }
`);

export const Verdict = graphql(`
  query Verdict($key: String!, $requiredScopes: [String!]) {
    verifyApiKey(key: $key, requiredScopes: $requiredScopes) { valid code scopes }
  }
`);

export const Usage = graphql(`
  query Usage($apiKeyId: ID, $from: DateTime!, $to: DateTime!, $interval: UsageInterval) {
    usage(apiKeyId: $apiKeyId, from: $from, to: $to, interval: $interval) {
      start
      total
      counts { code count }
    }
  }
`);

export const ApiKeyControls = graphql(`
  query ApiKeyControls($id: ID!) {
    apiKey(id: $id) {
      id
      owner
      meta
      allowedIps
      rateLimits { name limit durationSeconds autoApply cost shared }
      credits { remaining refill { interval amount dayOfMonth } refilledAt }
    }
  }
`);

export const ScopeCatalog = graphql(`
  query ScopeCatalog {
    scopeCatalog
  }
`);

export const RevokeLeakedApiKeys = graphql(`
  mutation RevokeLeakedApiKeys($keys: [String!]!) {
    revokeLeakedApiKeys(keys: $keys)
  }
`);

export const LeakPolicy = graphql(`
  query LeakPolicy {
    viewer { organization { id leakPolicy } }
  }
`);

export const UpdateOrganization = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) { id leakPolicy }
  }
`);

export const ApiKeyLeak = graphql(`
  query ApiKeyLeak($id: ID!) {
    apiKey(id: $id) { id status leakedAt revokedAt }
  }
`);

export const Webhooks = graphql(`
  query Webhooks {
    webhooks { id url events enabled disabledReason createdAt }
  }
`);

export const CreateWebhook = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      secret
      webhook { id url events enabled disabledReason createdAt }
    }
  }
`);

export const UpdateWebhook = graphql(`
  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {
    updateWebhook(id: $id, input: $input) {
      webhook { id url events enabled disabledReason }
    }
  }
`);

export const DeleteWebhook = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id) { id }
  }
`);

export const WebhookDeliveries = graphql(`
  query WebhookDeliveries($webhookId: ID!, $first: Int) {
    webhookDeliveries(webhookId: $webhookId, first: $first) {
      id type payload status createdAt nextAttemptAt deliveredAt failedAt
      attempts { at statusCode error durationMs }
    }
  }
`);

export const ResendWebhookDelivery = graphql(`
  mutation ResendWebhookDelivery($id: ID!) {
    resendWebhookDelivery(id: $id) { id status nextAttemptAt }
  }
`);

export const SendTestWebhook = graphql(`
  mutation SendTestWebhook($webhookId: ID!) {
    sendTestWebhook(webhookId: $webhookId) { id type status payload }
  }
`);

export const VerificationSnapshot = graphql(`
  query VerificationSnapshot($after: String, $first: Int, $ids: [ID!]) {
    verificationSnapshot(after: $after, first: $first, ids: $ids) {
      cursor
      hasMore
      endCursor
      keys { id organizationId access scopes secrets { checksum digest kind endsAt } expiresAt revokedAt allowedIps metered meta }
    }
  }
`);
