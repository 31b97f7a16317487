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
    "\n  query ConsoleViewer {\n    viewer {\n      kind\n      scopes\n      organization { name }\n      member { id email name role }\n    }\n  }\n": typeof types.ConsoleViewerDocument,
    "\n  mutation ConsoleLogin($email: String!, $password: String!, $organization: String) {\n    login(email: $email, password: $password, organization: $organization) {\n      token\n    }\n  }\n": typeof types.ConsoleLoginDocument,
    "\n  mutation ConsoleLogout {\n    logout\n  }\n": typeof types.ConsoleLogoutDocument,
    "\n  fragment ConsoleApiKeyFields on ApiKey {\n    id name description access scopes lastFour status\n    createdAt createdBy expiresAt lastUsedAt\n    owner meta allowedIps leakedAt rotatedAt\n    rateLimits { name limit durationSeconds autoApply cost shared }\n    credits { remaining refill { interval amount dayOfMonth } }\n  }\n": typeof types.ConsoleApiKeyFieldsFragmentDoc,
    "\n  query ConsoleApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node { ...ConsoleApiKeyFields }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ConsoleApiKeysDocument,
    "\n  query ConsoleApiKey($id: ID!) {\n    apiKey(id: $id) { ...ConsoleApiKeyFields }\n  }\n": typeof types.ConsoleApiKeyDocument,
    "\n  query ConsoleUsage($apiKeyId: ID, $from: DateTime!, $to: DateTime!, $interval: UsageInterval!) {\n    usage(apiKeyId: $apiKeyId, from: $from, to: $to, interval: $interval) {\n      start total\n      counts { code count }\n    }\n  }\n": typeof types.ConsoleUsageDocument,
    "\n  query ConsoleScopeCatalog {\n    scopeCatalog\n  }\n": typeof types.ConsoleScopeCatalogDocument,
    "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey { id }\n    }\n  }\n": typeof types.ConsoleCreateApiKeyDocument,
    "\n  mutation ConsoleUpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      apiKey { id }\n    }\n  }\n": typeof types.ConsoleUpdateApiKeyDocument,
    "\n  mutation ConsoleRotateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey { id }\n    }\n  }\n": typeof types.ConsoleRotateApiKeyDocument,
    "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey { id status }\n    }\n  }\n": typeof types.ConsoleRevokeApiKeyDocument,
    "\n  query ConsoleMembers($first: Int, $after: String) {\n    members(first: $first, after: $after) {\n      edges { node { id email name role createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ConsoleMembersDocument,
    "\n  mutation ConsoleAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      member { id }\n    }\n  }\n": typeof types.ConsoleAddMemberDocument,
    "\n  mutation ConsoleUpdateMemberRole($id: ID!, $role: MemberRole!) {\n    updateMemberRole(id: $id, role: $role) {\n      member { id role }\n    }\n  }\n": typeof types.ConsoleUpdateMemberRoleDocument,
    "\n  mutation ConsoleRemoveMember($id: ID!) {\n    removeMember(id: $id) {\n      member { id }\n    }\n  }\n": typeof types.ConsoleRemoveMemberDocument,
    "\n  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ConsoleChangePasswordDocument,
    "\n  query ConsoleAuditEvents($first: Int, $after: String, $filter: AuditEventFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      edges { node { id action summary actorKind actorId actorName targetId targetName ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ConsoleAuditEventsDocument,
    "\n  query ConsoleOrganization {\n    viewer {\n      organization { id name leakPolicy }\n    }\n  }\n": typeof types.ConsoleOrganizationDocument,
    "\n  mutation ConsoleUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) { id leakPolicy }\n  }\n": typeof types.ConsoleUpdateOrganizationDocument,
    "\n  fragment ConsoleWebhookFields on Webhook {\n    id url events enabled disabledReason createdAt\n  }\n": typeof types.ConsoleWebhookFieldsFragmentDoc,
    "\n  fragment ConsoleWebhookDeliveryFields on WebhookDelivery {\n    id type status payload createdAt deliveredAt failedAt nextAttemptAt\n    attempts { at statusCode error durationMs }\n  }\n": typeof types.ConsoleWebhookDeliveryFieldsFragmentDoc,
    "\n  query ConsoleWebhooks {\n    webhooks { ...ConsoleWebhookFields }\n  }\n": typeof types.ConsoleWebhooksDocument,
    "\n  mutation ConsoleCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook { id url }\n    }\n  }\n": typeof types.ConsoleCreateWebhookDocument,
    "\n  mutation ConsoleUpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      webhook { ...ConsoleWebhookFields }\n    }\n  }\n": typeof types.ConsoleUpdateWebhookDocument,
    "\n  mutation ConsoleDeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) { id }\n  }\n": typeof types.ConsoleDeleteWebhookDocument,
    "\n  query ConsoleWebhookDeliveries($webhookId: ID!, $first: Int) {\n    webhookDeliveries(webhookId: $webhookId, first: $first) { ...ConsoleWebhookDeliveryFields }\n  }\n": typeof types.ConsoleWebhookDeliveriesDocument,
    "\n  mutation ConsoleSendTestWebhook($webhookId: ID!) {\n    sendTestWebhook(webhookId: $webhookId) { ...ConsoleWebhookDeliveryFields }\n  }\n": typeof types.ConsoleSendTestWebhookDocument,
    "\n  mutation ConsoleResendWebhookDelivery($id: ID!) {\n    resendWebhookDelivery(id: $id) { ...ConsoleWebhookDeliveryFields }\n  }\n": typeof types.ConsoleResendWebhookDeliveryDocument,
};
const documents: Documents = {
    "\n  query ConsoleViewer {\n    viewer {\n      kind\n      scopes\n      organization { name }\n      member { id email name role }\n    }\n  }\n": types.ConsoleViewerDocument,
    "\n  mutation ConsoleLogin($email: String!, $password: String!, $organization: String) {\n    login(email: $email, password: $password, organization: $organization) {\n      token\n    }\n  }\n": types.ConsoleLoginDocument,
    "\n  mutation ConsoleLogout {\n    logout\n  }\n": types.ConsoleLogoutDocument,
    "\n  fragment ConsoleApiKeyFields on ApiKey {\n    id name description access scopes lastFour status\n    createdAt createdBy expiresAt lastUsedAt\n    owner meta allowedIps leakedAt rotatedAt\n    rateLimits { name limit durationSeconds autoApply cost shared }\n    credits { remaining refill { interval amount dayOfMonth } }\n  }\n": types.ConsoleApiKeyFieldsFragmentDoc,
    "\n  query ConsoleApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node { ...ConsoleApiKeyFields }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ConsoleApiKeysDocument,
    "\n  query ConsoleApiKey($id: ID!) {\n    apiKey(id: $id) { ...ConsoleApiKeyFields }\n  }\n": types.ConsoleApiKeyDocument,
    "\n  query ConsoleUsage($apiKeyId: ID, $from: DateTime!, $to: DateTime!, $interval: UsageInterval!) {\n    usage(apiKeyId: $apiKeyId, from: $from, to: $to, interval: $interval) {\n      start total\n      counts { code count }\n    }\n  }\n": types.ConsoleUsageDocument,
    "\n  query ConsoleScopeCatalog {\n    scopeCatalog\n  }\n": types.ConsoleScopeCatalogDocument,
    "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey { id }\n    }\n  }\n": types.ConsoleCreateApiKeyDocument,
    "\n  mutation ConsoleUpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      apiKey { id }\n    }\n  }\n": types.ConsoleUpdateApiKeyDocument,
    "\n  mutation ConsoleRotateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey { id }\n    }\n  }\n": types.ConsoleRotateApiKeyDocument,
    "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey { id status }\n    }\n  }\n": types.ConsoleRevokeApiKeyDocument,
    "\n  query ConsoleMembers($first: Int, $after: String) {\n    members(first: $first, after: $after) {\n      edges { node { id email name role createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ConsoleMembersDocument,
    "\n  mutation ConsoleAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      member { id }\n    }\n  }\n": types.ConsoleAddMemberDocument,
    "\n  mutation ConsoleUpdateMemberRole($id: ID!, $role: MemberRole!) {\n    updateMemberRole(id: $id, role: $role) {\n      member { id role }\n    }\n  }\n": types.ConsoleUpdateMemberRoleDocument,
    "\n  mutation ConsoleRemoveMember($id: ID!) {\n    removeMember(id: $id) {\n      member { id }\n    }\n  }\n": types.ConsoleRemoveMemberDocument,
    "\n  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ConsoleChangePasswordDocument,
    "\n  query ConsoleAuditEvents($first: Int, $after: String, $filter: AuditEventFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      edges { node { id action summary actorKind actorId actorName targetId targetName ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ConsoleAuditEventsDocument,
    "\n  query ConsoleOrganization {\n    viewer {\n      organization { id name leakPolicy }\n    }\n  }\n": types.ConsoleOrganizationDocument,
    "\n  mutation ConsoleUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) { id leakPolicy }\n  }\n": types.ConsoleUpdateOrganizationDocument,
    "\n  fragment ConsoleWebhookFields on Webhook {\n    id url events enabled disabledReason createdAt\n  }\n": types.ConsoleWebhookFieldsFragmentDoc,
    "\n  fragment ConsoleWebhookDeliveryFields on WebhookDelivery {\n    id type status payload createdAt deliveredAt failedAt nextAttemptAt\n    attempts { at statusCode error durationMs }\n  }\n": types.ConsoleWebhookDeliveryFieldsFragmentDoc,
    "\n  query ConsoleWebhooks {\n    webhooks { ...ConsoleWebhookFields }\n  }\n": types.ConsoleWebhooksDocument,
    "\n  mutation ConsoleCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook { id url }\n    }\n  }\n": types.ConsoleCreateWebhookDocument,
    "\n  mutation ConsoleUpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      webhook { ...ConsoleWebhookFields }\n    }\n  }\n": types.ConsoleUpdateWebhookDocument,
    "\n  mutation ConsoleDeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) { id }\n  }\n": types.ConsoleDeleteWebhookDocument,
    "\n  query ConsoleWebhookDeliveries($webhookId: ID!, $first: Int) {\n    webhookDeliveries(webhookId: $webhookId, first: $first) { ...ConsoleWebhookDeliveryFields }\n  }\n": types.ConsoleWebhookDeliveriesDocument,
    "\n  mutation ConsoleSendTestWebhook($webhookId: ID!) {\n    sendTestWebhook(webhookId: $webhookId) { ...ConsoleWebhookDeliveryFields }\n  }\n": types.ConsoleSendTestWebhookDocument,
    "\n  mutation ConsoleResendWebhookDelivery($id: ID!) {\n    resendWebhookDelivery(id: $id) { ...ConsoleWebhookDeliveryFields }\n  }\n": types.ConsoleResendWebhookDeliveryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleViewer {\n    viewer {\n      kind\n      scopes\n      organization { name }\n      member { id email name role }\n    }\n  }\n"): typeof import('./graphql').ConsoleViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogin($email: String!, $password: String!, $organization: String) {\n    login(email: $email, password: $password, organization: $organization) {\n      token\n    }\n  }\n"): typeof import('./graphql').ConsoleLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogout {\n    logout\n  }\n"): typeof import('./graphql').ConsoleLogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleApiKeyFields on ApiKey {\n    id name description access scopes lastFour status\n    createdAt createdBy expiresAt lastUsedAt\n    owner meta allowedIps leakedAt rotatedAt\n    rateLimits { name limit durationSeconds autoApply cost shared }\n    credits { remaining refill { interval amount dayOfMonth } }\n  }\n"): typeof import('./graphql').ConsoleApiKeyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node { ...ConsoleApiKeyFields }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').ConsoleApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleApiKey($id: ID!) {\n    apiKey(id: $id) { ...ConsoleApiKeyFields }\n  }\n"): typeof import('./graphql').ConsoleApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUsage($apiKeyId: ID, $from: DateTime!, $to: DateTime!, $interval: UsageInterval!) {\n    usage(apiKeyId: $apiKeyId, from: $from, to: $to, interval: $interval) {\n      start total\n      counts { code count }\n    }\n  }\n"): typeof import('./graphql').ConsoleUsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleScopeCatalog {\n    scopeCatalog\n  }\n"): typeof import('./graphql').ConsoleScopeCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey { id }\n    }\n  }\n"): typeof import('./graphql').ConsoleCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      apiKey { id }\n    }\n  }\n"): typeof import('./graphql').ConsoleUpdateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRotateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey { id }\n    }\n  }\n"): typeof import('./graphql').ConsoleRotateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey { id status }\n    }\n  }\n"): typeof import('./graphql').ConsoleRevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMembers($first: Int, $after: String) {\n    members(first: $first, after: $after) {\n      edges { node { id email name role createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').ConsoleMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      member { id }\n    }\n  }\n"): typeof import('./graphql').ConsoleAddMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateMemberRole($id: ID!, $role: MemberRole!) {\n    updateMemberRole(id: $id, role: $role) {\n      member { id role }\n    }\n  }\n"): typeof import('./graphql').ConsoleUpdateMemberRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRemoveMember($id: ID!) {\n    removeMember(id: $id) {\n      member { id }\n    }\n  }\n"): typeof import('./graphql').ConsoleRemoveMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ConsoleChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAuditEvents($first: Int, $after: String, $filter: AuditEventFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      edges { node { id action summary actorKind actorId actorName targetId targetName ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').ConsoleAuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOrganization {\n    viewer {\n      organization { id name leakPolicy }\n    }\n  }\n"): typeof import('./graphql').ConsoleOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) { id leakPolicy }\n  }\n"): typeof import('./graphql').ConsoleUpdateOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleWebhookFields on Webhook {\n    id url events enabled disabledReason createdAt\n  }\n"): typeof import('./graphql').ConsoleWebhookFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleWebhookDeliveryFields on WebhookDelivery {\n    id type status payload createdAt deliveredAt failedAt nextAttemptAt\n    attempts { at statusCode error durationMs }\n  }\n"): typeof import('./graphql').ConsoleWebhookDeliveryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWebhooks {\n    webhooks { ...ConsoleWebhookFields }\n  }\n"): typeof import('./graphql').ConsoleWebhooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook { id url }\n    }\n  }\n"): typeof import('./graphql').ConsoleCreateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      webhook { ...ConsoleWebhookFields }\n    }\n  }\n"): typeof import('./graphql').ConsoleUpdateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) { id }\n  }\n"): typeof import('./graphql').ConsoleDeleteWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWebhookDeliveries($webhookId: ID!, $first: Int) {\n    webhookDeliveries(webhookId: $webhookId, first: $first) { ...ConsoleWebhookDeliveryFields }\n  }\n"): typeof import('./graphql').ConsoleWebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSendTestWebhook($webhookId: ID!) {\n    sendTestWebhook(webhookId: $webhookId) { ...ConsoleWebhookDeliveryFields }\n  }\n"): typeof import('./graphql').ConsoleSendTestWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleResendWebhookDelivery($id: ID!) {\n    resendWebhookDelivery(id: $id) { ...ConsoleWebhookDeliveryFields }\n  }\n"): typeof import('./graphql').ConsoleResendWebhookDeliveryDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
