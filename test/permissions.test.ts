import { isObjectType } from 'graphql';
import { schema } from '../src/graphql/schema';
import { codes, startTestApp, TEST_PASSWORD, type GraphQLResponse, type Session, type TestApp } from './harness';
import {
  AddMember,
  ApiKeyById,
  ApiKeys,
  AuditEvents,
  CreateApiKey,
  ChangePassword,
  Login,
  Logout,
  Members,
  RemoveMember,
  RevokeApiKey,
  RotateApiKey,
  ScopeCatalog,
  Usage,
  RevokeLeakedApiKeys,
  UpdateOrganization,
  SignUp,
  UpdateApiKey,
  UpdateMemberRole,
  CreateWebhook,
  DeleteWebhook,
  ResendWebhookDelivery,
  SendTestWebhook,
  UpdateWebhook,
  WebhookDeliveries,
  Webhooks,
  VerificationSnapshot,
  VerifyApiKey,
  Viewer,
} from './operations';
import { createServiceToken } from '../src/serviceTokens/serviceTokens';

/**
 * Each principal against each operation. The table must name every root field of the
 * schema, so a new operation cannot ship without a row here.
 */

type Caller = 'anonymous' | 'OWNER' | 'ADMIN' | 'VIEWER' | 'KEY_FULL' | 'KEY_READ_ONLY' | 'KEY_RESTRICTED' | 'SERVICE';
const CALLERS: Caller[] = ['anonymous', 'OWNER', 'ADMIN', 'VIEWER', 'KEY_FULL', 'KEY_READ_ONLY', 'KEY_RESTRICTED', 'SERVICE'];
const isKey = (caller: Caller) => caller.startsWith('KEY_');
/** The one RESTRICTED key of the matrix holds exactly these. */
const RESTRICTED_SCOPES = ['api_keys:read', 'api_keys:write', 'audit_log:read'];

/**
 * What an operation needs: anyone (`public`: a service credential excepted; `anyone`: a
 * service credential too), any signed-in member, a service credential, or a scope.
 */
type Requirement = 'public' | 'anyone' | 'member' | 'service' | { scope: string };

interface Row {
  needs: Requirement;
  /** Runs the operation as the caller (token undefined = anonymous); set-up runs as the owner. */
  run: (token: string | undefined) => Promise<GraphQLResponse<unknown>>;
}

let t: TestApp;
let owner: Session;
const emails: Partial<Record<Caller, string>> = {};
const keys: Partial<Record<Caller, string>> = {};
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  owner = await t.signUpOrganization('Matrix');
  emails.OWNER = owner.email;
  emails.ADMIN = (await t.addMember(owner, 'ADMIN')).email;
  emails.VIEWER = (await t.addMember(owner, 'VIEWER')).email;
  for (const [caller, access, scopes] of [
    ['KEY_FULL', 'FULL', undefined],
    ['KEY_READ_ONLY', 'READ_ONLY', undefined],
    ['KEY_RESTRICTED', 'RESTRICTED', RESTRICTED_SCOPES],
  ] as const) {
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name: caller, access, scopes } }, { token: owner.token });
    keys[caller] = createApiKey.secret;
  }
  keys.SERVICE = (await createServiceToken(t.services.invalidations, 'matrix')).token;
});
afterAll(() => t.close());

// This file checks who may call what: nothing it queues is meant to reach a receiver, and
// the endpoints' host names below are never resolved.
beforeAll(() => t.services.webhookDelivery.stop());
const HOOK_URL = 'https://receiver.example/hook';

/** An endpoint for an operation to act on, made by the owner. */
async function freshWebhookId(): Promise<string> {
  const { createWebhook } = await t.ok(CreateWebhook, { input: { url: HOOK_URL, events: ['api_key.revoked'] } }, { token: await tokenFor('OWNER') });
  return createWebhook.webhook.id;
}

/** One endpoint and one of its deliveries, shared by the operations that leave them in place. */
let sharedWebhook: Promise<{ webhookId: string; deliveryId: string }> | null = null;
function shared() {
  sharedWebhook ??= (async () => {
    const webhookId = await freshWebhookId();
    const { sendTestWebhook } = await t.ok(SendTestWebhook, { webhookId }, { token: await tokenFor('OWNER') });
    return { webhookId, deliveryId: sendTestWebhook.id };
  })();
  return sharedWebhook;
}

/** A fresh session for each run, so an operation like logout cannot spoil the next one. */
async function tokenFor(caller: Caller): Promise<string | undefined> {
  if (caller === 'anonymous') return undefined;
  if (isKey(caller) || caller === 'SERVICE') return keys[caller];
  return (await t.ok(Login, { email: emails[caller]!, password: TEST_PASSWORD, organization: owner.organization })).login.token;
}

const scopesOf: Record<Caller, (scope: string) => boolean> = {
  anonymous: () => false,
  OWNER: () => true,
  ADMIN: () => true,
  VIEWER: (scope) => scope.endsWith(':read'),
  KEY_FULL: (scope) => scope !== 'members:write',
  KEY_READ_ONLY: (scope) => scope.endsWith(':read'),
  KEY_RESTRICTED: (scope) => RESTRICTED_SCOPES.includes(scope),
  // The platform's: no organization, no scope; only `service` fields and public ones.
  SERVICE: () => false,
};

/** A key for an operation to act on, made by the owner: RESTRICTED to a scope every key caller with api_keys:write holds. */
async function freshKeyId(): Promise<string> {
  const { createApiKey } = await t.ok(
    CreateApiKey,
    { input: { name: `target ${++n}`, access: 'RESTRICTED', scopes: ['api_keys:read'] } },
    { token: await tokenFor('OWNER') },
  );
  return createApiKey.apiKey.id;
}

async function freshViewerId(): Promise<string> {
  const email = `target${++n}@matrix.test`;
  const { addMember } = await t.ok(AddMember, { input: { email, name: 'Target', role: 'VIEWER', password: TEST_PASSWORD } }, { token: await tokenFor('OWNER') });
  return addMember.member.id;
}

const rows: Record<string, Row> = {
  viewer: { needs: 'anyone', run: (token) => t.execute(Viewer, {}, { token }) },
  signUp: {
    needs: 'public',
    run: (token) =>
      t.execute(SignUp, { input: { organization: `Signup ${++n}`, name: 'S', email: `s${n}@signup.test`, password: TEST_PASSWORD } }, { token }),
  },
  login: { needs: 'public', run: (token) => t.execute(Login, { email: owner.email, password: TEST_PASSWORD }, { token }) },
  logout: { needs: 'member', run: (token) => t.execute(Logout, {}, { token }) },
  changePassword: {
    needs: 'member',
    run: (token) => t.execute(ChangePassword, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, { token }),
  },
  members: { needs: { scope: 'members:read' }, run: (token) => t.execute(Members, {}, { token }) },
  auditEvents: { needs: { scope: 'audit_log:read' }, run: (token) => t.execute(AuditEvents, {}, { token }) },
  addMember: {
    needs: { scope: 'members:write' },
    run: (token) =>
      t.execute(AddMember, { input: { email: `added${++n}@matrix.test`, name: 'A', role: 'VIEWER', password: TEST_PASSWORD } }, { token }),
  },
  updateMemberRole: {
    needs: { scope: 'members:write' },
    run: async (token) => t.execute(UpdateMemberRole, { id: await freshViewerId(), role: 'ADMIN' }, { token }),
  },
  removeMember: {
    needs: { scope: 'members:write' },
    run: async (token) => t.execute(RemoveMember, { id: await freshViewerId() }, { token }),
  },
  apiKeys: { needs: { scope: 'api_keys:read' }, run: (token) => t.execute(ApiKeys, {}, { token }) },
  apiKey: { needs: { scope: 'api_keys:read' }, run: async (token) => t.execute(ApiKeyById, { id: await freshKeyId() }, { token }) },
  scopeCatalog: { needs: { scope: 'api_keys:read' }, run: (token) => t.execute(ScopeCatalog, {}, { token }) },
  usage: {
    needs: { scope: 'api_keys:read' },
    run: (token) => t.execute(Usage, { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date().toISOString() }, { token }),
  },
  verifyApiKey: { needs: 'anyone', run: (token) => t.execute(VerifyApiKey, { key: keys.KEY_FULL! }, { token }) },
  verificationSnapshot: { needs: 'service', run: (token) => t.execute(VerificationSnapshot, { first: 1 }, { token }) },
  // Public by design: a holder of a leaked key may revoke it (a string that is no key revokes nothing).
  revokeLeakedApiKeys: { needs: 'public', run: (token) => t.execute(RevokeLeakedApiKeys, { keys: ['not a key'] }, { token, ip: `198.51.100.${++n % 250}` }) },
  updateOrganization: { needs: { scope: 'organization:write' }, run: (token) => t.execute(UpdateOrganization, { input: { leakPolicy: 'REVOKE' } }, { token }) },
  webhooks: { needs: { scope: 'organization:read' }, run: (token) => t.execute(Webhooks, {}, { token }) },
  webhookDeliveries: {
    needs: { scope: 'organization:read' },
    run: async (token) => t.execute(WebhookDeliveries, { webhookId: (await shared()).webhookId }, { token }),
  },
  createWebhook: {
    needs: { scope: 'organization:write' },
    run: (token) => t.execute(CreateWebhook, { input: { url: HOOK_URL, events: ['member.added'] } }, { token }),
  },
  updateWebhook: {
    needs: { scope: 'organization:write' },
    run: async (token) => t.execute(UpdateWebhook, { id: (await shared()).webhookId, input: { events: ['api_key.revoked'] } }, { token }),
  },
  deleteWebhook: {
    needs: { scope: 'organization:write' },
    run: async (token) => t.execute(DeleteWebhook, { id: await freshWebhookId() }, { token }),
  },
  resendWebhookDelivery: {
    needs: { scope: 'organization:write' },
    run: async (token) => t.execute(ResendWebhookDelivery, { id: (await shared()).deliveryId }, { token }),
  },
  sendTestWebhook: {
    needs: { scope: 'organization:write' },
    run: async (token) => t.execute(SendTestWebhook, { webhookId: (await shared()).webhookId }, { token }),
  },
  createApiKey: {
    needs: { scope: 'api_keys:write' },
    run: (token) => t.execute(CreateApiKey, { input: { name: `made ${++n}`, access: 'RESTRICTED', scopes: ['api_keys:read'] } }, { token }),
  },
  updateApiKey: {
    needs: { scope: 'api_keys:write' },
    run: async (token) => t.execute(UpdateApiKey, { id: await freshKeyId(), input: { name: 'renamed' } }, { token }),
  },
  rotateApiKey: {
    needs: { scope: 'api_keys:write' },
    run: async (token) => t.execute(RotateApiKey, { id: await freshKeyId() }, { token }),
  },
  revokeApiKey: {
    needs: { scope: 'api_keys:write' },
    run: async (token) => t.execute(RevokeApiKey, { id: await freshKeyId() }, { token }),
  },
};

export function expectedCode(needs: Requirement, caller: Caller): string | null {
  if (needs === 'anyone') return null;
  // SPEC §11: a service credential calls verifyApiKey and the feed, nothing else.
  if (needs === 'public') return caller === 'SERVICE' ? 'FORBIDDEN' : null;
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (needs === 'service') return caller === 'SERVICE' ? null : 'FORBIDDEN';
  if (needs === 'member') return isKey(caller) || caller === 'SERVICE' ? 'FORBIDDEN' : null;
  return scopesOf[caller](needs.scope) ? null : 'FORBIDDEN';
}

it('has a row for every root field', () => {
  const fields = ['Query', 'Mutation'].flatMap((name) => {
    const type = schema.getType(name);
    return isObjectType(type) ? Object.keys(type.getFields()) : [];
  });
  expect(Object.keys(rows).sort()).toEqual(fields.sort());
});

describe.each(CALLERS)('as %s', (caller) => {
  it.each(Object.keys(rows))('%s', async (field) => {
    const row = rows[field]!;
    const result = await row.run(await tokenFor(caller));
    const expected = expectedCode(row.needs, caller);
    expect(codes(result)).toEqual(expected ? [expected] : []);
    if (!expected) {
      const value = (result.data as Record<string, unknown>)[field];
      expect(value).toEqual(field === 'viewer' && caller === 'anonymous' ? null : expect.anything());
    }
  });
});
