import { graphql } from './gql';

/**
 * Every GraphQL operation the console sends. `npm run codegen` turns these into typed
 * documents under ./gql from schema/schema.graphql, the same pipeline as the tests.
 */

export const ViewerQuery = graphql(`
  query ConsoleViewer {
    viewer {
      kind
      scopes
      organization { name }
      member { id email name role }
    }
  }
`);

export const LoginMutation = graphql(`
  mutation ConsoleLogin($email: String!, $password: String!, $organization: String) {
    login(email: $email, password: $password, organization: $organization) {
      token
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation ConsoleLogout {
    logout
  }
`);

// What the console shows of a key, in the list and on its own page (Edit starts from it):
// spread by the two queries below, and typed as ConsoleApiKeyFieldsFragment (apiKey.tsx).
graphql(`
  fragment ConsoleApiKeyFields on ApiKey {
    id name description access scopes lastFour status
    createdAt createdBy expiresAt lastUsedAt
    owner meta allowedIps leakedAt rotatedAt
    rateLimits { name limit durationSeconds autoApply cost shared }
    credits { remaining refill { interval amount dayOfMonth } }
  }
`);

export const ApiKeysQuery = graphql(`
  query ConsoleApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {
    apiKeys(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node { ...ConsoleApiKeyFields }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ApiKeyQuery = graphql(`
  query ConsoleApiKey($id: ID!) {
    apiKey(id: $id) { ...ConsoleApiKeyFields }
  }
`);

export const UsageQuery = graphql(`
  query ConsoleUsage($apiKeyId: ID, $from: DateTime!, $to: DateTime!, $interval: UsageInterval!) {
    usage(apiKeyId: $apiKeyId, from: $from, to: $to, interval: $interval) {
      start total
      counts { code count }
    }
  }
`);

export const ScopeCatalogQuery = graphql(`
  query ConsoleScopeCatalog {
    scopeCatalog
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey { id }
    }
  }
`);

export const UpdateApiKeyMutation = graphql(`
  mutation ConsoleUpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {
    updateApiKey(id: $id, input: $input) {
      apiKey { id }
    }
  }
`);

export const RotateApiKeyMutation = graphql(`
  mutation ConsoleRotateApiKey($id: ID!, $gracePeriodSeconds: Int) {
    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {
      secret
      apiKey { id }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation ConsoleRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      apiKey { id status }
    }
  }
`);

export const MembersQuery = graphql(`
  query ConsoleMembers($first: Int, $after: String) {
    members(first: $first, after: $after) {
      edges { node { id email name role createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const AddMemberMutation = graphql(`
  mutation ConsoleAddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      member { id }
    }
  }
`);

export const UpdateMemberRoleMutation = graphql(`
  mutation ConsoleUpdateMemberRole($id: ID!, $role: MemberRole!) {
    updateMemberRole(id: $id, role: $role) {
      member { id role }
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation ConsoleRemoveMember($id: ID!) {
    removeMember(id: $id) {
      member { id }
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const AuditEventsQuery = graphql(`
  query ConsoleAuditEvents($first: Int, $after: String, $filter: AuditEventFilter) {
    auditEvents(first: $first, after: $after, filter: $filter) {
      edges { node { id action summary actorKind actorId actorName targetId targetName ip createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const OrganizationQuery = graphql(`
  query ConsoleOrganization {
    viewer {
      organization { id name leakPolicy }
    }
  }
`);

export const UpdateOrganizationMutation = graphql(`
  mutation ConsoleUpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) { id leakPolicy }
  }
`);

// What the console shows of a webhook endpoint, in the list and on its own page (webhook.tsx).
graphql(`
  fragment ConsoleWebhookFields on Webhook {
    id url events enabled disabledReason createdAt
  }
`);

// One delivery with its attempts, as the endpoint's page lists them (webhook.tsx).
graphql(`
  fragment ConsoleWebhookDeliveryFields on WebhookDelivery {
    id type status payload createdAt deliveredAt failedAt nextAttemptAt
    attempts { at statusCode error durationMs }
  }
`);

export const WebhooksQuery = graphql(`
  query ConsoleWebhooks {
    webhooks { ...ConsoleWebhookFields }
  }
`);

export const CreateWebhookMutation = graphql(`
  mutation ConsoleCreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      secret
      webhook { id url }
    }
  }
`);

export const UpdateWebhookMutation = graphql(`
  mutation ConsoleUpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {
    updateWebhook(id: $id, input: $input) {
      webhook { ...ConsoleWebhookFields }
    }
  }
`);

export const DeleteWebhookMutation = graphql(`
  mutation ConsoleDeleteWebhook($id: ID!) {
    deleteWebhook(id: $id) { id }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query ConsoleWebhookDeliveries($webhookId: ID!, $first: Int) {
    webhookDeliveries(webhookId: $webhookId, first: $first) { ...ConsoleWebhookDeliveryFields }
  }
`);

export const SendTestWebhookMutation = graphql(`
  mutation ConsoleSendTestWebhook($webhookId: ID!) {
    sendTestWebhook(webhookId: $webhookId) { ...ConsoleWebhookDeliveryFields }
  }
`);

export const ResendWebhookDeliveryMutation = graphql(`
  mutation ConsoleResendWebhookDelivery($id: ID!) {
    resendWebhookDelivery(id: $id) { ...ConsoleWebhookDeliveryFields }
  }
`);
