import { isObjectType } from 'graphql';
import { schema } from '../src/graphql/schema';
import { codes, startTestApp, TEST_PASSWORD, type GraphQLResponse, type Session, type TestApp } from './harness';
import {
  AddMember,
  AuditEvents,
  ChangePassword,
  Login,
  Logout,
  Members,
  RemoveMember,
  SignUp,
  UpdateMemberRole,
  Viewer,
} from './operations';

/**
 * Each principal against each operation. The table must name every root field of the
 * schema, so a new operation cannot ship without a row here.
 */

type Caller = 'anonymous' | 'OWNER' | 'ADMIN' | 'VIEWER';
const CALLERS: Caller[] = ['anonymous', 'OWNER', 'ADMIN', 'VIEWER'];

/** What an operation needs: anyone, any signed-in member, or a scope. */
type Requirement = 'public' | 'member' | { scope: string };

interface Row {
  needs: Requirement;
  /** Runs the operation as the caller (token undefined = anonymous); set-up runs as the owner. */
  run: (token: string | undefined) => Promise<GraphQLResponse<unknown>>;
}

let t: TestApp;
let owner: Session;
const emails: Partial<Record<Caller, string>> = {};
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  owner = await t.signUpOrganization('Matrix');
  emails.OWNER = owner.email;
  emails.ADMIN = (await t.addMember(owner, 'ADMIN')).email;
  emails.VIEWER = (await t.addMember(owner, 'VIEWER')).email;
});
afterAll(() => t.close());

/** A fresh session for each run, so an operation like logout cannot spoil the next one. */
async function tokenFor(caller: Caller): Promise<string | undefined> {
  if (caller === 'anonymous') return undefined;
  return (await t.ok(Login, { email: emails[caller]!, password: TEST_PASSWORD, organization: owner.organization })).login.token;
}

const scopesOf: Record<Caller, (scope: string) => boolean> = {
  anonymous: () => false,
  OWNER: () => true,
  ADMIN: () => true,
  VIEWER: (scope) => scope.endsWith(':read'),
};

async function freshViewerId(): Promise<string> {
  const email = `target${++n}@matrix.test`;
  const { addMember } = await t.ok(AddMember, { input: { email, name: 'Target', role: 'VIEWER', password: TEST_PASSWORD } }, { token: await tokenFor('OWNER') });
  return addMember.member.id;
}

const rows: Record<string, Row> = {
  viewer: { needs: 'public', run: (token) => t.execute(Viewer, {}, { token }) },
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
};

export function expectedCode(needs: Requirement, caller: Caller): string | null {
  if (needs === 'public') return null;
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (needs === 'member') return null;
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
