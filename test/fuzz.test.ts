import fc from 'fast-check';
import { notInArray } from 'drizzle-orm';
import { apiKeys, auditEvents, members, organizations } from '../src/db/schema';
import type { TypedDocumentString } from './gql/graphql';
import { codes, startTestApp, TEST_PASSWORD, type GraphQLResponse, type Session, type TestApp } from './harness';
import {
  AddMember,
  ApiKeyById,
  ApiKeys,
  AuditEvents,
  ChangePassword,
  CreateApiKey,
  Login,
  Members,
  RemoveMember,
  RevokeApiKey,
  RotateApiKey,
  SignUp,
  UpdateApiKey,
  UpdateMemberRole,
  VerifyApiKey,
} from './operations';

/**
 * Property tests: random strings, Unicode, NULs, huge values and wrong types thrown at every
 * argument of every query and mutation, through the API like any client. Whatever comes in,
 * the answer is a success or an error with a code (never INTERNAL_SERVER_ERROR, never a 5xx),
 * nothing is logged at error level, and no row changes without its audit event.
 */

let t: TestApp;
let owner: Session;
const keyIds: string[] = [];
const memberIds: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ ALLOW_SIGNUP: 'true', SCOPE_RESOURCES: 'messages' });
  owner = await t.signUpOrganization('Fuzzed');
  for (const access of ['FULL', 'READ_ONLY', 'FULL', 'READ_ONLY', 'FULL', 'READ_ONLY', 'FULL', 'READ_ONLY'] as const) {
    const { createApiKey } = await t.ok(CreateApiKey, { input: { name: `seed ${access}`, access } }, { token: owner.token });
    keyIds.push(createApiKey.apiKey.id);
  }
  for (const role of ['ADMIN', 'VIEWER'] as const) memberIds.push((await t.addMember(owner, role)).memberId);
});
afterAll(() => t.close());

// ---- values -------------------------------------------------------------------------

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007bell',
  'line\nbreak',
  '\u202Eevil',
  '\uD800',
  '😀'.repeat(101),
  'x'.repeat(1001),
  'é'.repeat(600),
  '%_\\',
  "'; drop table api_keys; --",
  '2030-02-31T00:00:00Z',
  '2030-01-01T24:00:00Z',
  '+100000-01-01T00:00:00Z',
  'kw_AAAAAAAAAAAAAAAA_' + 'A'.repeat(49),
  '__proto__',
);
/** Text with one character no field should take, somewhere in it. */
const poisoned = fc
  .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\u0001', '\u001B', '\u007F', '\uD800', '\uDFFF'), fc.string({ maxLength: 10 }))
  .map(([before, bad, after]) => before + bad + after);
const anyString = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }), weight: 1 },
  { arbitrary: nasty, weight: 2 },
  { arbitrary: poisoned, weight: 2 },
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), anyString, { maxKeys: 3 }),
);
/** Mostly the plausible value, often a random string, sometimes anything at all. */
const around = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plausible, weight: 5 }, { arbitrary: anyString, weight: 2 }, { arbitrary: wrongType, weight: 1 });

const future = fc.integer({ min: 60, max: 10 * 365 * 24 * 3600 }).map((s) => new Date(Date.now() + s * 1000).toISOString());
const access = fc.constantFrom('FULL', 'RESTRICTED', 'READ_ONLY');
const role = fc.constantFrom('OWNER', 'ADMIN', 'VIEWER');
const scopes = fc.subarray(['messages:read', 'messages:write', 'api_keys:read', 'members:write', 'nope:read']);
const keyId = () => fc.oneof(fc.constantFrom(...keyIds), fc.string({ maxLength: 20 }));
const memberId = () => fc.oneof(fc.constantFrom(...memberIds), fc.uuid(), anyString);
const email = () => fc.oneof(fc.emailAddress(), fc.constant(owner.email));
const page = around(fc.integer({ min: -5, max: 120 }));
/** An input object, its required fields mostly present, or something else entirely. */
const input = <R extends Record<string, fc.Arbitrary<unknown>>>(fields: R, required: (keyof R & string)[] = []) =>
  fc.oneof(
    { arbitrary: fc.record(fields, { requiredKeys: required }), weight: 4 },
    { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 1 },
    { arbitrary: wrongType, weight: 1 },
  );

// ---- operations ---------------------------------------------------------------------

type Call = { operation: string; run: () => Promise<GraphQLResponse<unknown>> };
/** Variables are whatever the arbitrary makes, on purpose not what the document's types allow. */
const call = <R, V>(operation: string, document: TypedDocumentString<R, V>, variables: fc.Arbitrary<unknown>, asOwner = true): fc.Arbitrary<Call> =>
  variables.map((v) => ({
    operation,
    run: () => t.execute(document, v as V, asOwner ? { token: owner.token } : {}),
    [fc.toStringMethod]: () => `${operation} ${JSON.stringify(v)}`,
  }));

const calls = () =>
  fc.oneof(
    call('createApiKey', CreateApiKey, fc.record({
      input: input({ name: around(fc.constant('fuzz key')), description: around(fc.constant('d')), access: around(access), scopes: around(scopes), expiresAt: around(future) }, ['name', 'access']),
    })),
    call('updateApiKey', UpdateApiKey, fc.record({
      id: around(keyId()),
      input: input({ name: around(fc.constant('renamed')), description: around(fc.constant('d2')), access: around(access), scopes: around(scopes), expiresAt: around(fc.option(future)) }),
    })),
    call('rotateApiKey', RotateApiKey, fc.record({ id: around(keyId()), gracePeriodSeconds: around(fc.integer({ min: -10, max: 700_000 })) })),
    call('revokeApiKey', RevokeApiKey, fc.record({ id: around(keyId()) })),
    call('addMember', AddMember, fc.record({
      input: input({ email: around(email()), name: around(fc.constant('Fuzz')), role: around(role), password: around(fc.constant(TEST_PASSWORD)) }, ['email', 'name', 'role', 'password']),
    })),
    call('updateMemberRole', UpdateMemberRole, fc.record({ id: around(memberId()), role: around(role) })),
    call('removeMember', RemoveMember, fc.record({ id: around(memberId()) })),
    call('changePassword', ChangePassword, fc.record({ currentPassword: around(fc.constant('not the password')), newPassword: around(fc.constant(TEST_PASSWORD)) })),
    call('signUp', SignUp, fc.record({
      input: input({ organization: around(fc.string({ minLength: 1, maxLength: 20 })), name: around(fc.constant('N')), email: around(email()), password: around(fc.constant(TEST_PASSWORD)) }, ['organization', 'name', 'email', 'password']),
    }), false),
    call('login', Login, fc.record({ email: around(email()), password: around(fc.constant('wrong password!')), organization: around(fc.constant('Fuzzed')) }, { requiredKeys: [] }), false),
    call('apiKeys', ApiKeys, fc.record({ first: page, after: anyString, filter: input({ status: around(fc.constantFrom('ACTIVE', 'EXPIRED', 'REVOKED')), search: anyString }) }, { requiredKeys: [] })),
    call('apiKey', ApiKeyById, fc.record({ id: around(keyId()) })),
    call('members', Members, fc.record({ first: page, after: anyString }, { requiredKeys: [] })),
    call('auditEvents', AuditEvents, fc.record({ first: page, after: anyString }, { requiredKeys: [] })),
    call('verifyApiKey', VerifyApiKey, fc.record({ key: around(nasty), requiredScopes: around(scopes) }, { requiredKeys: ['key'] }), false),
  );

// ---- what may change ------------------------------------------------------------------

/** Every key, member and organization as a comparable string, and the audit rows that record changes. */
async function snapshot() {
  const { db } = t.services.database;
  const keys = await db.select().from(apiKeys);
  const people = await db.select().from(members);
  const orgs = await db.select({ id: organizations.id }).from(organizations);
  // Logins are audited but change no key or member.
  const audit = await db.select({ id: auditEvents.id }).from(auditEvents).where(notInArray(auditEvents.action, ['member.login', 'member.login_failed']));
  const rows = new Map<string, string>();
  // lastUsedAt is written in batches off the request path: not a change a request makes.
  for (const { lastUsedAt: _, ...key } of keys) rows.set(`key:${key.id}`, JSON.stringify(key));
  for (const member of people) rows.set(`member:${member.id}`, JSON.stringify(member));
  return { rows, organizations: new Set(orgs.map((o) => o.id)), audited: audit.length, people };
}

/** Changed rows, counting a new organization and its owner as one change (one audit event). */
function changes(before: Awaited<ReturnType<typeof snapshot>>, after: Awaited<ReturnType<typeof snapshot>>): number {
  const newOrganizations = [...after.organizations].filter((id) => !before.organizations.has(id));
  const founders = new Set(after.people.filter((m) => newOrganizations.includes(m.organizationId)).map((m) => `member:${m.id}`));
  let changed = newOrganizations.length;
  for (const [id, row] of after.rows) if (!founders.has(id) && before.rows.get(id) !== row) changed++;
  for (const id of before.rows.keys()) if (!after.rows.has(id)) changed++;
  return changed;
}

/**
 * A fixed seed unless FUZZ_SEED names another: the suite must not pass or fail by chance
 * (with a fresh seed per run, some runs met too few plausible inputs), and any seed that
 * fails is printed so that `FUZZ_SEED=<seed> npm test` replays it.
 */
const SEED = Number(process.env.FUZZ_SEED) || 20261207;

it(`every argument of every operation: a coded answer, no error logged, no change without its audit event (seed ${SEED})`, async () => {
  const changed = new Set<string>();
  await fc.assert(
    fc.asyncProperty(calls(), async ({ operation, run }) => {
      const logged = t.logs.length;
      const before = await snapshot();
      const result = await run();
      const after = await snapshot();

      expect(result.status).toBeLessThan(500);
      for (const code of codes(result)) {
        expect(typeof code).toBe('string');
        expect(code).not.toBe('INTERNAL_SERVER_ERROR');
      }
      const errorLines = t.logs.slice(logged).filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
      expect(errorLines).toEqual([]);
      const count = changes(before, after);
      expect(after.audited - before.audited).toBe(count);
      if (count > 0) changed.add(operation);
    }),
    { numRuns: 200, seed: SEED },
  );
  // The inputs are plausible often enough that changes of several kinds happen and get checked.
  expect({ seed: SEED, kindsChanged: changed.size >= 3 ? 'three or more' : [...changed] }).toEqual({ seed: SEED, kindsChanged: 'three or more' });
});
