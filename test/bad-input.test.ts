import { count } from 'drizzle-orm';
import { apiKeys } from '../src/db/schema';
import { encodeCursor } from '../src/pagination';
import { codes, startTestApp, TEST_PASSWORD, type Session, type TestApp } from './harness';
import {
  AddMember,
  ApiKeyById,
  ApiKeys,
  AuditEvents,
  ChangePassword,
  CreateApiKey,
  Login,
  Members,
  SignUp,
  UpdateApiKey,
  UpdateMemberRole,
  VerifyApiKey,
} from './operations';

/** Bad input of every shape is BAD_USER_INPUT with its field, quotes nothing and logs no error (issue 8, items 5–9). */

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await startTestApp({ ALLOW_SIGNUP: 'true', SCOPE_RESOURCES: 'messages' });
  owner = await t.signUpOrganization('Bad Input');
});
afterAll(() => t.close());

/** Every key row in the database, read past every cache. */
const keyRows = async () => (await t.services.database.db.select({ n: count() }).from(apiKeys))[0]!.n;

const SECRET_PASSWORD = 'never-echo-this-password-71';

/** The logged lines at error level or above (pino: 50 error, 60 fatal). */
const errorLogs = () => t.logs.map((line) => JSON.parse(line) as { level: number; msg?: string }).filter((entry) => entry.level >= 50);

function expectBadInput(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }, field: string) {
  expect(result.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field }))).toEqual([{ code: 'BAD_USER_INPUT', field }]);
}

/** A document sent as is, for what a typed client cannot write. */
async function executeRaw(query: string, variables?: Record<string, unknown>) {
  const response = await t.app.fetch('http://keyward.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

describe('variables of the wrong shape', () => {
  it.each([
    ['login with the password as an array', () => t.execute(Login, { email: owner.email, password: [SECRET_PASSWORD] as never }), 'password'],
    [
      'addMember missing name',
      () => t.execute(AddMember, { input: { email: 'new@bad.test', role: 'VIEWER', password: SECRET_PASSWORD } as never }, { token: owner.token }),
      'name',
    ],
    [
      'signUp with an unknown field',
      () => t.execute(SignUp, { input: { organization: 'Echo', name: 'E', email: 'e@echo.test', password: SECRET_PASSWORD, plan: 'gold' } as never }),
      'plan',
    ],
    [
      'changePassword with an object',
      () => t.execute(ChangePassword, { currentPassword: { value: SECRET_PASSWORD } as never, newPassword: SECRET_PASSWORD }, { token: owner.token }),
      'currentPassword',
    ],
    [
      'addMember with the password where the role goes',
      () => t.execute(AddMember, { input: { email: 'n@bad.test', name: 'N', role: SECRET_PASSWORD as never, password: SECRET_PASSWORD } }, { token: owner.token }),
      'role',
    ],
    ['a number too large for Int', () => t.execute(Members, { first: 2 ** 40 }, { token: owner.token }), 'first'],
  ])('%s: BAD_USER_INPUT naming the field, never the value', async (_label, run, field) => {
    const logged = t.logs.length;
    const result = await run();
    expectBadInput(result, field);
    expect(result.errors![0]!.message).toMatch(/^Variable "\$\w+" got an invalid value at "[\w.]+"/);
    expect(JSON.stringify(result)).not.toContain(SECRET_PASSWORD);
    expect(t.logs.slice(logged).join('')).not.toContain(SECRET_PASSWORD);
    expect(errorLogs()).toEqual([]);
  });

  it('names the expected type', async () => {
    const result = await t.execute(Login, { email: owner.email, password: 42 as never });
    expect(result.errors![0]!.message).toBe('Variable "$password" got an invalid value at "password": String cannot represent the value given.');
    const missing = await t.execute(AddMember, { input: { email: 'x@bad.test', role: 'VIEWER', password: SECRET_PASSWORD } as never }, { token: owner.token });
    expect(missing.errors![0]!.message).toBe('Variable "$input" got an invalid value at "input": Field "name" of required type "String!" was not provided.');
  });

  it('a value written in the document itself is not quoted back either', async () => {
    const logged = t.logs.length;
    const literal = await executeRaw(`mutation { login(email: "a@b.test", password: ["${SECRET_PASSWORD}"]) { token } }`);
    expect(literal.text).toContain('String cannot represent the value given');
    const enumLiteral = await executeRaw(`mutation { updateMemberRole(id: "x", role: ${SECRET_PASSWORD.replace(/-/g, '_')}) { member { id } } }`);
    expect(JSON.parse(enumLiteral.text).errors).toHaveLength(1);
    for (const body of [literal.text, enumLiteral.text]) expect(body).not.toContain('never');
    expect(t.logs.slice(logged).join('')).not.toContain('never');
  });
});

describe('a body that is not JSON', () => {
  it('is BAD_REQUEST without the parser quoting the body back', async () => {
    // The password left unquoted: V8's message quotes about ten characters either side of the fault.
    const body = `{"query":"mutation($p: String!) { login(email: \\"a@b.test\\", password: $p) { token } }","variables":{"p":${SECRET_PASSWORD}}}`;
    const response = await t.app.fetch('http://keyward.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text).errors).toEqual([expect.objectContaining({ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } })]);
    expect(text).not.toContain(SECRET_PASSWORD.slice(0, 10));
  });
});

describe('NUL and control characters', () => {
  const NUL = 'abc\u0000def';

  it.each([
    ['createApiKey name', () => t.execute(CreateApiKey, { input: { name: NUL, access: 'READ_ONLY' } }, { token: owner.token }), 'name'],
    [
      'createApiKey description',
      () => t.execute(CreateApiKey, { input: { name: 'ok', description: NUL, access: 'READ_ONLY' } }, { token: owner.token }),
      'description',
    ],
    [
      'createApiKey scopes',
      () => t.execute(CreateApiKey, { input: { name: 'ok', access: 'RESTRICTED', scopes: ['messages:read\u0000'] } }, { token: owner.token }),
      'scopes',
    ],
    ['updateApiKey id', () => t.execute(UpdateApiKey, { id: NUL, input: { name: 'x' } }, { token: owner.token }), 'id'],
    ['apiKeys search', () => t.execute(ApiKeys, { filter: { search: NUL } }, { token: owner.token }), 'search'],
    ['apiKeys after', () => t.execute(ApiKeys, { after: NUL }, { token: owner.token }), 'after'],
    ['apiKey id', () => t.execute(ApiKeyById, { id: NUL }, { token: owner.token }), 'id'],
    ['login email', () => t.execute(Login, { email: `a${NUL}@b.test`, password: TEST_PASSWORD }), 'email'],
    ['login password', () => t.execute(Login, { email: owner.email, password: `${TEST_PASSWORD}\u0000` }), 'password'],
    ['login organization', () => t.execute(Login, { email: owner.email, password: TEST_PASSWORD, organization: NUL }), 'organization'],
    ['signUp organization', () => t.execute(SignUp, { input: { organization: NUL, name: 'N', email: 'n@nul.test', password: TEST_PASSWORD } }), 'organization'],
    ['signUp password', () => t.execute(SignUp, { input: { organization: 'Nul', name: 'N', email: 'n@nul.test', password: `${TEST_PASSWORD}\u0000` } }), 'password'],
    [
      'addMember name',
      () => t.execute(AddMember, { input: { email: 'm@nul.test', name: NUL, role: 'VIEWER', password: TEST_PASSWORD } }, { token: owner.token }),
      'name',
    ],
    ['updateMemberRole id', () => t.execute(UpdateMemberRole, { id: NUL, role: 'ADMIN' }, { token: owner.token }), 'id'],
    [
      'changePassword newPassword',
      () => t.execute(ChangePassword, { currentPassword: TEST_PASSWORD, newPassword: `${TEST_PASSWORD}\u0000x` }, { token: owner.token }),
      'newPassword',
    ],
    ['verifyApiKey requiredScopes', () => t.execute(VerifyApiKey, { key: 'kw_x', requiredScopes: [NUL] }), 'requiredScopes'],
    ['auditEvents after', () => t.execute(AuditEvents, { after: NUL }, { token: owner.token }), 'after'],
  ])('in %s: BAD_USER_INPUT on its field, nothing written, no error logged', async (_label, run, field) => {
    const before = (await t.ok(AuditEvents, { first: 1 }, { token: owner.token })).auditEvents.totalCount;
    expectBadInput(await run(), field);
    expect((await t.ok(AuditEvents, { first: 1 }, { token: owner.token })).auditEvents.totalCount).toBe(before);
    expect(errorLogs()).toEqual([]);
  });

  it('are checked after permissions: a caller without them learns nothing about its arguments', async () => {
    const anonymous = await t.execute(CreateApiKey, { input: { name: NUL, access: 'READ_ONLY' } });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const viewer = await t.addMember(owner, 'VIEWER');
    expect(codes(await t.execute(CreateApiKey, { input: { name: NUL, access: 'READ_ONLY' } }, { token: viewer.token }))).toEqual(['FORBIDDEN']);
  });

  it.each([
    ['a bell', 'Billing\u0007'],
    ['a line break', 'Billing\nsync'],
    ['a line separator', 'Billing\u2028sync'],
    ['a right-to-left override', 'Billing\u202Etxt.exe'],
    ['a lone surrogate', 'Billing \uD800'],
    ['a C1 control', 'Billing\u0085'],
  ])('a name with %s is refused', async (_label, name) => {
    expectBadInput(await t.execute(CreateApiKey, { input: { name, access: 'READ_ONLY' } }, { token: owner.token }), 'name');
  });

  it('a description may span lines', async () => {
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name: 'Lines', description: 'first\nsecond\tthird', access: 'READ_ONLY' } }, { token: owner.token });
    expect(createApiKey.apiKey.description).toBe('first\nsecond\tthird');
  });
});

describe('cursors', () => {
  it.each([
    ['a year past 9999', '+100000-01-01T00:00:00.000Z'],
    ['a negative year', '-000001-01-01T00:00:00.000Z'],
    ['year zero', '0000-01-01T00:00:00.000Z'],
    ['a date that does not exist', '2030-02-31T00:00:00.000Z'],
    ['a date in another form', '2030-01-01'],
  ])('with %s are BAD_USER_INPUT on after', async (_label, date) => {
    const keys = await t.execute(ApiKeys, { after: encodeCursor([date, 'AAAAAAAAAAAAAAAA']) }, { token: owner.token });
    expectBadInput(keys, 'after');
    const people = await t.execute(Members, { after: encodeCursor([date, '00000000-0000-0000-0000-000000000000']) }, { token: owner.token });
    expectBadInput(people, 'after');
    expect(errorLogs()).toEqual([]);
  });

  it('issued by the server still page', async () => {
    for (const name of ['one', 'two']) await t.ok(CreateApiKey, { input: { name, access: 'READ_ONLY' } }, { token: owner.token });
    const first = await t.ok(ApiKeys, { first: 1 }, { token: owner.token });
    const second = await t.ok(ApiKeys, { first: 1, after: first.apiKeys.pageInfo.endCursor }, { token: owner.token });
    expect(second.apiKeys.edges[0]!.node.id).not.toBe(first.apiKeys.edges[0]!.node.id);
  });
});

describe('DateTime', () => {
  const create = (expiresAt: unknown) =>
    t.execute(CreateApiKey, { input: { name: 'Dated', access: 'READ_ONLY', expiresAt: expiresAt as string } }, { token: owner.token });

  it.each([
    ['February 31st', '2030-02-31T00:00:00Z'],
    ['February 29th of a common year', '2031-02-29T00:00:00Z'],
    ['February 29th of 2100', '2100-02-29T00:00:00Z'],
    ['April 31st', '2030-04-31T00:00:00Z'],
    ['month 13', '2030-13-01T00:00:00Z'],
    ['day 0', '2030-01-00T00:00:00Z'],
    ['hour 24', '2030-01-01T24:00:00Z'],
    ['minute 60', '2030-01-01T12:60:00Z'],
    ['second 60', '2030-01-01T12:00:60Z'],
    ['an offset past +14:00', '2030-01-01T12:00:00+15:00'],
    ['offset minutes past 59', '2030-01-01T12:00:00+01:60'],
    ['no time zone', '2030-01-01T12:00:00'],
    ['a five-digit year', '+12030-01-01T12:00:00Z'],
    ['a number', 1893456000000],
  ])('refuses %s with BAD_USER_INPUT on expiresAt, writing nothing', async (_label, value) => {
    // Rows counted in the database itself, not through the list it checks.
    const before = await keyRows();
    const result = await create(value);
    expectBadInput(result, 'expiresAt');
    expect(result.errors![0]!.message).toContain('DateTime');
    expect(await keyRows()).toBe(before);
  });

  it.each([
    ['a leap day', '2032-02-29T23:59:59Z', '2032-02-29T23:59:59.000Z'],
    ['an offset', '2030-06-30T23:30:00+14:00', '2030-06-30T09:30:00.000Z'],
    ['a negative offset', '2030-06-30T23:30:00-12:00', '2030-07-01T11:30:00.000Z'],
    ['fractions of a second', '2030-01-01T00:00:00.123456Z', '2030-01-01T00:00:00.123Z'],
    ['no seconds', '2030-01-01T00:00Z', '2030-01-01T00:00:00.000Z'],
  ])('takes %s exactly as written', async (_label, value, stored) => {
    const result = await create(value);
    expect(codes(result)).toEqual([]);
    expect(result.data!.createApiKey.apiKey.expiresAt).toBe(stored);
  });

  it('refuses an impossible date written in the document too', async () => {
    const { text } = await executeRaw(`mutation { createApiKey(input: { name: "x", access: READ_ONLY, expiresAt: "2030-02-31T00:00:00Z" }) { secret } }`);
    expect(JSON.parse(text).errors[0].message).toContain('DateTime must be');
  });
});

describe('lengths count characters, not UTF-16 units', () => {
  const emoji = (n: number) => '😀'.repeat(n);

  it('a name of 100 emoji is fine, 101 is not', async () => {
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name: emoji(100), access: 'READ_ONLY' } }, { token: owner.token });
    expect(createApiKey.apiKey.name).toBe(emoji(100));
    expectBadInput(await t.execute(CreateApiKey, { input: { name: emoji(101), access: 'READ_ONLY' } }, { token: owner.token }), 'name');
  });

  it('a description of 500 emoji is fine, 501 is not', async () => {
    expect(codes(await t.execute(CreateApiKey, { input: { name: 'd', description: emoji(500), access: 'READ_ONLY' } }, { token: owner.token }))).toEqual([]);
    expectBadInput(await t.execute(CreateApiKey, { input: { name: 'd', description: emoji(501), access: 'READ_ONLY' } }, { token: owner.token }), 'description');
  });

  it('an organization name and a search of 100 emoji are fine', async () => {
    const { signUp } = await t.ok(SignUp, { input: { organization: emoji(100), name: emoji(100), email: 'emoji@org.test', password: TEST_PASSWORD } });
    expect(signUp.member.name).toBe(emoji(100));
    expect(codes(await t.execute(ApiKeys, { filter: { search: emoji(100) } }, { token: owner.token }))).toEqual([]);
    expectBadInput(await t.execute(ApiKeys, { filter: { search: emoji(101) } }, { token: owner.token }), 'search');
  });

  it('a password of 128 emoji signs up and logs in; 11 emoji are too few', async () => {
    const password = emoji(128);
    await t.ok(SignUp, { input: { organization: 'Emoji Passwords', name: 'E', email: 'pw@emoji.test', password } });
    expect((await t.ok(Login, { email: 'pw@emoji.test', password })).login.token).toBeTruthy();
    const short = await t.execute(SignUp, { input: { organization: 'Short', name: 'S', email: 's@emoji.test', password: emoji(11) } });
    expectBadInput(short, 'password');
  });
});

describe('arguments without a rule of their own are still bounded', () => {
  const huge = 'a'.repeat(20_000);

  it.each([
    ['a NUL', `kw_${'\u0000'}`],
    ['20,000 characters', `kw_${'a'.repeat(20_000)}`],
  ])('verifyApiKey answers a key with %s as MALFORMED, a code rather than an error', async (_label, key) => {
    const result = await t.execute(VerifyApiKey, { key });
    expect(result.errors).toBeUndefined();
    expect(result.data!.verifyApiKey).toMatchObject({ valid: false, code: 'MALFORMED' });
    expect(JSON.stringify(result)).not.toContain('aaaaaaaaaa');
  });

  it.each([
    ['login email', () => t.execute(Login, { email: `${huge}@example.test`, password: TEST_PASSWORD }), 'email'],
    ['login organization', () => t.execute(Login, { email: owner.email, password: TEST_PASSWORD, organization: huge }), 'organization'],
    ['verifyApiKey requiredScopes (count)', () => t.execute(VerifyApiKey, { key: 'kw_x', requiredScopes: Array(101).fill('messages:read') }), 'requiredScopes'],
    [
      'createApiKey scopes (count)',
      () => t.execute(CreateApiKey, { input: { name: 'many', access: 'RESTRICTED', scopes: Array(101).fill('messages:read') } }, { token: owner.token }),
      'scopes',
    ],
    ['apiKeys after', () => t.execute(ApiKeys, { after: huge }, { token: owner.token }), 'after'],
  ])('%s', async (_label, run, field) => {
    const result = await run();
    expectBadInput(result, field);
    expect(JSON.stringify(result)).not.toContain(huge.slice(0, 100));
  });

  it('a scope outside the catalog is named by its position, not quoted', async () => {
    const result = await t.execute(
      CreateApiKey,
      { input: { name: 'typo', access: 'RESTRICTED', scopes: ['messages:read', SECRET_PASSWORD, 'x:y'] } },
      { token: owner.token },
    );
    expectBadInput(result, 'scopes');
    expect(result.errors![0]!.message).toBe('scopes[1] is not of the form resource:action');
  });

  it('a key of ordinary length is still answered with a code, not an error', async () => {
    const { verifyApiKey } = await t.ok(VerifyApiKey, { key: 'kw_not-a-key', requiredScopes: ['messages:read'] });
    expect(verifyApiKey).toMatchObject({ valid: false, code: 'MALFORMED' });
  });
});
