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
    "\n  query AllKeys {\n    apiKeys(first: 100, filter: { status: ACTIVE, search: \"key\" }) {\n      totalCount\n      edges {\n        cursor\n        node { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AllKeysDocument,
    "\n  query AllMembers {\n    members(first: 100) {\n      totalCount\n      edges { cursor node { id email name role createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AllMembersDocument,
    "\n  query AllAuditEvents {\n    auditEvents(first: 100) {\n      totalCount\n      edges { cursor node { id action actorKind actorId targetId ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AllAuditEventsDocument,
    "\n  query FullViewer {\n    viewer {\n      kind\n      scopes\n      organization { id name }\n      member { id email name role createdAt }\n      apiKey { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }\n    }\n  }\n": typeof types.FullViewerDocument,
    "\n  query FullVerification($key: String!) {\n    verifyApiKey(key: $key, requiredScopes: [\"api_keys:read\"]) {\n      valid\n      code\n      scopes\n      organization { id name }\n      apiKey { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }\n    }\n  }\n": typeof types.FullVerificationDocument,
    "\n  query Dashboard {\n    viewer { kind scopes organization { id name } member { id email name role createdAt } }\n    apiKeys(first: 100) {\n      totalCount\n      edges { cursor node { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n    members(first: 100) {\n      totalCount\n      edges { cursor node { id email name role createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n    auditEvents(first: 100) {\n      totalCount\n      edges { cursor node { id action actorKind actorId targetId ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      member { id email name role createdAt }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation Login($email: String!, $password: String!, $organization: String) {\n    login(email: $email, password: $password, organization: $organization) {\n      token\n      member { id email role }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Viewer {\n    viewer {\n      kind\n      scopes\n      organization { id name }\n      member { id email role }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      member { id email name role createdAt }\n    }\n  }\n": typeof types.AddMemberDocument,
    "\n  query Members($first: Int, $after: String) {\n    members(first: $first, after: $after) {\n      totalCount\n      edges { cursor node { id email role } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  query AuditEvents($first: Int, $after: String) {\n    auditEvents(first: $first, after: $after) {\n      totalCount\n      edges { node { id action actorKind actorId targetId ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query FailedSignIns {\n    auditEvents(first: 100, filter: { action: \"member.login_failed\" }) {\n      totalCount\n      edges { node { action targetId ip count lastAt summary createdAt } }\n    }\n  }\n": typeof types.FailedSignInsDocument,
    "\n  mutation UpdateMemberRole($id: ID!, $role: MemberRole!) {\n    updateMemberRole(id: $id, role: $role) {\n      member { id role }\n    }\n  }\n": typeof types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($id: ID!) {\n    removeMember(id: $id) {\n      member { id email }\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id name description access scopes lastFour status createdAt createdBy\n        expiresAt revokedAt lastUsedAt rotatedAt\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation UpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      apiKey { id name description access scopes status expiresAt }\n    }\n  }\n": typeof types.UpdateApiKeyDocument,
    "\n  mutation RotateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey { id access scopes lastFour status expiresAt rotatedAt }\n    }\n  }\n": typeof types.RotateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey { id status revokedAt }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query ApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { id name status lastFour createdAt lastUsedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  query ApiKeyById($id: ID!) {\n    apiKey(id: $id) { id name description access scopes lastFour status createdBy lastUsedAt }\n  }\n": typeof types.ApiKeyByIdDocument,
    "\n  query VerifyApiKey($key: String!, $requiredScopes: [String!]) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes) {\n      valid\n      code\n      scopes\n      apiKey { id name }\n      organization { id name }\n    }\n  }\n": typeof types.VerifyApiKeyDocument,
    "\n  query VerifyApiKeyUse($key: String!, $requiredScopes: [String!], $ip: String, $rateLimits: [String!], $cost: Int) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes, ip: $ip, rateLimits: $rateLimits, cost: $cost) {\n      valid\n      code\n      scopes\n      apiKey { id name }\n      remaining\n      rateLimits { name limit remaining resetAt }\n      meta\n      retryAfterSeconds\n    }\n  }\n": typeof types.VerifyApiKeyUseDocument,
    "\n  query KeyViewer {\n    viewer {\n      kind\n      scopes\n      organization { name }\n      member { id }\n      apiKey { id name access }\n    }\n  }\n": typeof types.KeyViewerDocument,
    "\n  query Scopes {\n    viewer { kind scopes }\n  }\n": typeof types.ScopesDocument,
    "\n  query Verdict($key: String!, $requiredScopes: [String!]) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes) { valid code scopes }\n  }\n": typeof types.VerdictDocument,
    "\n  query Usage($apiKeyId: ID, $from: DateTime!, $to: DateTime!, $interval: UsageInterval) {\n    usage(apiKeyId: $apiKeyId, from: $from, to: $to, interval: $interval) {\n      start\n      total\n      counts { code count }\n    }\n  }\n": typeof types.UsageDocument,
    "\n  query ApiKeyControls($id: ID!) {\n    apiKey(id: $id) {\n      id\n      owner\n      meta\n      allowedIps\n      rateLimits { name limit durationSeconds autoApply cost shared }\n      credits { remaining refill { interval amount dayOfMonth } refilledAt }\n    }\n  }\n": typeof types.ApiKeyControlsDocument,
    "\n  query ScopeCatalog {\n    scopeCatalog\n  }\n": typeof types.ScopeCatalogDocument,
    "\n  mutation RevokeLeakedApiKeys($keys: [String!]!) {\n    revokeLeakedApiKeys(keys: $keys)\n  }\n": typeof types.RevokeLeakedApiKeysDocument,
    "\n  query LeakPolicy {\n    viewer { organization { id leakPolicy } }\n  }\n": typeof types.LeakPolicyDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) { id leakPolicy }\n  }\n": typeof types.UpdateOrganizationDocument,
    "\n  query ApiKeyLeak($id: ID!) {\n    apiKey(id: $id) { id status leakedAt revokedAt }\n  }\n": typeof types.ApiKeyLeakDocument,
    "\n  query Webhooks {\n    webhooks { id url events enabled disabledReason createdAt }\n  }\n": typeof types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook { id url events enabled disabledReason createdAt }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      webhook { id url events enabled disabledReason }\n    }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) { id }\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $first: Int) {\n    webhookDeliveries(webhookId: $webhookId, first: $first) {\n      id type payload status createdAt nextAttemptAt deliveredAt failedAt\n      attempts { at statusCode error durationMs }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation ResendWebhookDelivery($id: ID!) {\n    resendWebhookDelivery(id: $id) { id status nextAttemptAt }\n  }\n": typeof types.ResendWebhookDeliveryDocument,
    "\n  mutation SendTestWebhook($webhookId: ID!) {\n    sendTestWebhook(webhookId: $webhookId) { id type status payload }\n  }\n": typeof types.SendTestWebhookDocument,
    "\n  query VerificationSnapshot($after: String, $first: Int, $ids: [ID!]) {\n    verificationSnapshot(after: $after, first: $first, ids: $ids) {\n      cursor\n      hasMore\n      endCursor\n      keys { id organizationId access scopes secrets { checksum digest kind endsAt } expiresAt revokedAt allowedIps metered meta }\n    }\n  }\n": typeof types.VerificationSnapshotDocument,
};
const documents: Documents = {
    "\n  query AllKeys {\n    apiKeys(first: 100, filter: { status: ACTIVE, search: \"key\" }) {\n      totalCount\n      edges {\n        cursor\n        node { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AllKeysDocument,
    "\n  query AllMembers {\n    members(first: 100) {\n      totalCount\n      edges { cursor node { id email name role createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AllMembersDocument,
    "\n  query AllAuditEvents {\n    auditEvents(first: 100) {\n      totalCount\n      edges { cursor node { id action actorKind actorId targetId ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AllAuditEventsDocument,
    "\n  query FullViewer {\n    viewer {\n      kind\n      scopes\n      organization { id name }\n      member { id email name role createdAt }\n      apiKey { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }\n    }\n  }\n": types.FullViewerDocument,
    "\n  query FullVerification($key: String!) {\n    verifyApiKey(key: $key, requiredScopes: [\"api_keys:read\"]) {\n      valid\n      code\n      scopes\n      organization { id name }\n      apiKey { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }\n    }\n  }\n": types.FullVerificationDocument,
    "\n  query Dashboard {\n    viewer { kind scopes organization { id name } member { id email name role createdAt } }\n    apiKeys(first: 100) {\n      totalCount\n      edges { cursor node { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n    members(first: 100) {\n      totalCount\n      edges { cursor node { id email name role createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n    auditEvents(first: 100) {\n      totalCount\n      edges { cursor node { id action actorKind actorId targetId ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.DashboardDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      member { id email name role createdAt }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation Login($email: String!, $password: String!, $organization: String) {\n    login(email: $email, password: $password, organization: $organization) {\n      token\n      member { id email role }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Viewer {\n    viewer {\n      kind\n      scopes\n      organization { id name }\n      member { id email role }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      member { id email name role createdAt }\n    }\n  }\n": types.AddMemberDocument,
    "\n  query Members($first: Int, $after: String) {\n    members(first: $first, after: $after) {\n      totalCount\n      edges { cursor node { id email role } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MembersDocument,
    "\n  query AuditEvents($first: Int, $after: String) {\n    auditEvents(first: $first, after: $after) {\n      totalCount\n      edges { node { id action actorKind actorId targetId ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query FailedSignIns {\n    auditEvents(first: 100, filter: { action: \"member.login_failed\" }) {\n      totalCount\n      edges { node { action targetId ip count lastAt summary createdAt } }\n    }\n  }\n": types.FailedSignInsDocument,
    "\n  mutation UpdateMemberRole($id: ID!, $role: MemberRole!) {\n    updateMemberRole(id: $id, role: $role) {\n      member { id role }\n    }\n  }\n": types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($id: ID!) {\n    removeMember(id: $id) {\n      member { id email }\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id name description access scopes lastFour status createdAt createdBy\n        expiresAt revokedAt lastUsedAt rotatedAt\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation UpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      apiKey { id name description access scopes status expiresAt }\n    }\n  }\n": types.UpdateApiKeyDocument,
    "\n  mutation RotateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey { id access scopes lastFour status expiresAt rotatedAt }\n    }\n  }\n": types.RotateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey { id status revokedAt }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query ApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { id name status lastFour createdAt lastUsedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  query ApiKeyById($id: ID!) {\n    apiKey(id: $id) { id name description access scopes lastFour status createdBy lastUsedAt }\n  }\n": types.ApiKeyByIdDocument,
    "\n  query VerifyApiKey($key: String!, $requiredScopes: [String!]) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes) {\n      valid\n      code\n      scopes\n      apiKey { id name }\n      organization { id name }\n    }\n  }\n": types.VerifyApiKeyDocument,
    "\n  query VerifyApiKeyUse($key: String!, $requiredScopes: [String!], $ip: String, $rateLimits: [String!], $cost: Int) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes, ip: $ip, rateLimits: $rateLimits, cost: $cost) {\n      valid\n      code\n      scopes\n      apiKey { id name }\n      remaining\n      rateLimits { name limit remaining resetAt }\n      meta\n      retryAfterSeconds\n    }\n  }\n": types.VerifyApiKeyUseDocument,
    "\n  query KeyViewer {\n    viewer {\n      kind\n      scopes\n      organization { name }\n      member { id }\n      apiKey { id name access }\n    }\n  }\n": types.KeyViewerDocument,
    "\n  query Scopes {\n    viewer { kind scopes }\n  }\n": types.ScopesDocument,
    "\n  query Verdict($key: String!, $requiredScopes: [String!]) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes) { valid code scopes }\n  }\n": types.VerdictDocument,
    "\n  query Usage($apiKeyId: ID, $from: DateTime!, $to: DateTime!, $interval: UsageInterval) {\n    usage(apiKeyId: $apiKeyId, from: $from, to: $to, interval: $interval) {\n      start\n      total\n      counts { code count }\n    }\n  }\n": types.UsageDocument,
    "\n  query ApiKeyControls($id: ID!) {\n    apiKey(id: $id) {\n      id\n      owner\n      meta\n      allowedIps\n      rateLimits { name limit durationSeconds autoApply cost shared }\n      credits { remaining refill { interval amount dayOfMonth } refilledAt }\n    }\n  }\n": types.ApiKeyControlsDocument,
    "\n  query ScopeCatalog {\n    scopeCatalog\n  }\n": types.ScopeCatalogDocument,
    "\n  mutation RevokeLeakedApiKeys($keys: [String!]!) {\n    revokeLeakedApiKeys(keys: $keys)\n  }\n": types.RevokeLeakedApiKeysDocument,
    "\n  query LeakPolicy {\n    viewer { organization { id leakPolicy } }\n  }\n": types.LeakPolicyDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) { id leakPolicy }\n  }\n": types.UpdateOrganizationDocument,
    "\n  query ApiKeyLeak($id: ID!) {\n    apiKey(id: $id) { id status leakedAt revokedAt }\n  }\n": types.ApiKeyLeakDocument,
    "\n  query Webhooks {\n    webhooks { id url events enabled disabledReason createdAt }\n  }\n": types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook { id url events enabled disabledReason createdAt }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      webhook { id url events enabled disabledReason }\n    }\n  }\n": types.UpdateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) { id }\n  }\n": types.DeleteWebhookDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $first: Int) {\n    webhookDeliveries(webhookId: $webhookId, first: $first) {\n      id type payload status createdAt nextAttemptAt deliveredAt failedAt\n      attempts { at statusCode error durationMs }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation ResendWebhookDelivery($id: ID!) {\n    resendWebhookDelivery(id: $id) { id status nextAttemptAt }\n  }\n": types.ResendWebhookDeliveryDocument,
    "\n  mutation SendTestWebhook($webhookId: ID!) {\n    sendTestWebhook(webhookId: $webhookId) { id type status payload }\n  }\n": types.SendTestWebhookDocument,
    "\n  query VerificationSnapshot($after: String, $first: Int, $ids: [ID!]) {\n    verificationSnapshot(after: $after, first: $first, ids: $ids) {\n      cursor\n      hasMore\n      endCursor\n      keys { id organizationId access scopes secrets { checksum digest kind endsAt } expiresAt revokedAt allowedIps metered meta }\n    }\n  }\n": types.VerificationSnapshotDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllKeys {\n    apiKeys(first: 100, filter: { status: ACTIVE, search: \"key\" }) {\n      totalCount\n      edges {\n        cursor\n        node { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').AllKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllMembers {\n    members(first: 100) {\n      totalCount\n      edges { cursor node { id email name role createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').AllMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllAuditEvents {\n    auditEvents(first: 100) {\n      totalCount\n      edges { cursor node { id action actorKind actorId targetId ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').AllAuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FullViewer {\n    viewer {\n      kind\n      scopes\n      organization { id name }\n      member { id email name role createdAt }\n      apiKey { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }\n    }\n  }\n"): typeof import('./graphql').FullViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FullVerification($key: String!) {\n    verifyApiKey(key: $key, requiredScopes: [\"api_keys:read\"]) {\n      valid\n      code\n      scopes\n      organization { id name }\n      apiKey { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt }\n    }\n  }\n"): typeof import('./graphql').FullVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    viewer { kind scopes organization { id name } member { id email name role createdAt } }\n    apiKeys(first: 100) {\n      totalCount\n      edges { cursor node { id name description access scopes lastFour status createdAt createdBy expiresAt revokedAt lastUsedAt rotatedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n    members(first: 100) {\n      totalCount\n      edges { cursor node { id email name role createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n    auditEvents(first: 100) {\n      totalCount\n      edges { cursor node { id action actorKind actorId targetId ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      member { id email name role createdAt }\n    }\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!, $organization: String) {\n    login(email: $email, password: $password, organization: $organization) {\n      token\n      member { id email role }\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      kind\n      scopes\n      organization { id name }\n      member { id email role }\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      member { id email name role createdAt }\n    }\n  }\n"): typeof import('./graphql').AddMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($first: Int, $after: String) {\n    members(first: $first, after: $after) {\n      totalCount\n      edges { cursor node { id email role } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').MembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($first: Int, $after: String) {\n    auditEvents(first: $first, after: $after) {\n      totalCount\n      edges { node { id action actorKind actorId targetId ip createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').AuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailedSignIns {\n    auditEvents(first: 100, filter: { action: \"member.login_failed\" }) {\n      totalCount\n      edges { node { action targetId ip count lastAt summary createdAt } }\n    }\n  }\n"): typeof import('./graphql').FailedSignInsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMemberRole($id: ID!, $role: MemberRole!) {\n    updateMemberRole(id: $id, role: $role) {\n      member { id role }\n    }\n  }\n"): typeof import('./graphql').UpdateMemberRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($id: ID!) {\n    removeMember(id: $id) {\n      member { id email }\n    }\n  }\n"): typeof import('./graphql').RemoveMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id name description access scopes lastFour status createdAt createdBy\n        expiresAt revokedAt lastUsedAt rotatedAt\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      apiKey { id name description access scopes status expiresAt }\n    }\n  }\n"): typeof import('./graphql').UpdateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiKey($id: ID!, $gracePeriodSeconds: Int) {\n    rotateApiKey(id: $id, gracePeriodSeconds: $gracePeriodSeconds) {\n      secret\n      apiKey { id access scopes lastFour status expiresAt rotatedAt }\n    }\n  }\n"): typeof import('./graphql').RotateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey { id status revokedAt }\n    }\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($first: Int, $after: String, $filter: ApiKeyFilter) {\n    apiKeys(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { id name status lastFour createdAt lastUsedAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').ApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyById($id: ID!) {\n    apiKey(id: $id) { id name description access scopes lastFour status createdBy lastUsedAt }\n  }\n"): typeof import('./graphql').ApiKeyByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyApiKey($key: String!, $requiredScopes: [String!]) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes) {\n      valid\n      code\n      scopes\n      apiKey { id name }\n      organization { id name }\n    }\n  }\n"): typeof import('./graphql').VerifyApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyApiKeyUse($key: String!, $requiredScopes: [String!], $ip: String, $rateLimits: [String!], $cost: Int) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes, ip: $ip, rateLimits: $rateLimits, cost: $cost) {\n      valid\n      code\n      scopes\n      apiKey { id name }\n      remaining\n      rateLimits { name limit remaining resetAt }\n      meta\n      retryAfterSeconds\n    }\n  }\n"): typeof import('./graphql').VerifyApiKeyUseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyViewer {\n    viewer {\n      kind\n      scopes\n      organization { name }\n      member { id }\n      apiKey { id name access }\n    }\n  }\n"): typeof import('./graphql').KeyViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Scopes {\n    viewer { kind scopes }\n  }\n"): typeof import('./graphql').ScopesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Verdict($key: String!, $requiredScopes: [String!]) {\n    verifyApiKey(key: $key, requiredScopes: $requiredScopes) { valid code scopes }\n  }\n"): typeof import('./graphql').VerdictDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Usage($apiKeyId: ID, $from: DateTime!, $to: DateTime!, $interval: UsageInterval) {\n    usage(apiKeyId: $apiKeyId, from: $from, to: $to, interval: $interval) {\n      start\n      total\n      counts { code count }\n    }\n  }\n"): typeof import('./graphql').UsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyControls($id: ID!) {\n    apiKey(id: $id) {\n      id\n      owner\n      meta\n      allowedIps\n      rateLimits { name limit durationSeconds autoApply cost shared }\n      credits { remaining refill { interval amount dayOfMonth } refilledAt }\n    }\n  }\n"): typeof import('./graphql').ApiKeyControlsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeCatalog {\n    scopeCatalog\n  }\n"): typeof import('./graphql').ScopeCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeLeakedApiKeys($keys: [String!]!) {\n    revokeLeakedApiKeys(keys: $keys)\n  }\n"): typeof import('./graphql').RevokeLeakedApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeakPolicy {\n    viewer { organization { id leakPolicy } }\n  }\n"): typeof import('./graphql').LeakPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) { id leakPolicy }\n  }\n"): typeof import('./graphql').UpdateOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyLeak($id: ID!) {\n    apiKey(id: $id) { id status leakedAt revokedAt }\n  }\n"): typeof import('./graphql').ApiKeyLeakDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks { id url events enabled disabledReason createdAt }\n  }\n"): typeof import('./graphql').WebhooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      secret\n      webhook { id url events enabled disabledReason createdAt }\n    }\n  }\n"): typeof import('./graphql').CreateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {\n    updateWebhook(id: $id, input: $input) {\n      webhook { id url events enabled disabledReason }\n    }\n  }\n"): typeof import('./graphql').UpdateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) { id }\n  }\n"): typeof import('./graphql').DeleteWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($webhookId: ID!, $first: Int) {\n    webhookDeliveries(webhookId: $webhookId, first: $first) {\n      id type payload status createdAt nextAttemptAt deliveredAt failedAt\n      attempts { at statusCode error durationMs }\n    }\n  }\n"): typeof import('./graphql').WebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendWebhookDelivery($id: ID!) {\n    resendWebhookDelivery(id: $id) { id status nextAttemptAt }\n  }\n"): typeof import('./graphql').ResendWebhookDeliveryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhook($webhookId: ID!) {\n    sendTestWebhook(webhookId: $webhookId) { id type status payload }\n  }\n"): typeof import('./graphql').SendTestWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerificationSnapshot($after: String, $first: Int, $ids: [ID!]) {\n    verificationSnapshot(after: $after, first: $first, ids: $ids) {\n      cursor\n      hasMore\n      endCursor\n      keys { id organizationId access scopes secrets { checksum digest kind endsAt } expiresAt revokedAt allowedIps metered meta }\n    }\n  }\n"): typeof import('./graphql').VerificationSnapshotDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
