import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditEvents as auditEventsTable, members as membersTable, sessions } from '../src/db/schema';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../src/sessions/sessions';
import { codes, startTestApp, TEST_PASSWORD, type Session, type TestApp } from './harness';
import {
  AddMember,
  AuditEvents,
  ChangePassword,
  Login,
  Members,
  RemoveMember,
  SignUp,
  UpdateMemberRole,
  Viewer,
} from './operations';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function memberCount(owner: Session) {
  return (await t.ok(Members, { first: 100 }, { token: owner.token })).members.totalCount;
}
async function auditActions(owner: Session) {
  const { auditEvents } = await t.ok(AuditEvents, { first: 100 }, { token: owner.token });
  return auditEvents.edges.map((e) => e.node.action);
}

describe('adding members', () => {
  it('adds a member who can sign in, and audits it', async () => {
    const owner = await t.signUpOrganization('Adders');
    const { addMember } = await t.ok(
      AddMember,
      { input: { email: 'Ada@Adders.test', name: 'Ada', role: 'ADMIN', password: TEST_PASSWORD } },
      { token: owner.token, ip: '203.0.113.5' },
    );
    expect(addMember.member).toMatchObject({ email: 'ada@adders.test', name: 'Ada', role: 'ADMIN' });

    const { login } = await t.ok(Login, { email: 'ADA@adders.test', password: TEST_PASSWORD });
    expect(login.member).toEqual({ id: addMember.member.id, email: 'ada@adders.test', role: 'ADMIN' });

    const { auditEvents } = await t.ok(AuditEvents, { first: 3 }, { token: owner.token });
    const added = auditEvents.edges.map((e) => e.node).find((n) => n.action === 'member.added')!;
    expect(added).toMatchObject({ actorKind: 'MEMBER', actorId: owner.memberId, targetId: addMember.member.id, ip: '203.0.113.5' });
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['an empty name', { name: '   ' }, 'name'],
    ['a name over 100 characters', { name: 'n'.repeat(101) }, 'name'],
    ['a short password', { password: 'short' }, 'password'],
    ['a password over 128 characters', { password: 'p'.repeat(129) }, 'password'],
    ['an unknown role', { role: 'BOSS' }, 'role'],
  ])('refuses %s with BAD_USER_INPUT on its field, writing nothing', async (_label, change, field) => {
    const owner = await t.signUpOrganization(`Bad ${field} ${Math.random()}`);
    const before = [await memberCount(owner), await auditActions(owner)];
    const input = { email: 'ok@example.test', name: 'Ok', role: 'VIEWER', password: TEST_PASSWORD, ...change };
    const result = await t.execute(AddMember, { input: input as never }, { token: owner.token });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect([await memberCount(owner), await auditActions(owner)]).toEqual(before);
  });

  it('refuses a second member with the same email, whatever its case', async () => {
    const owner = await t.signUpOrganization('Dupes');
    await t.addMember(owner, 'VIEWER', 'same@dupes.test');
    const result = await t.execute(
      AddMember,
      { input: { email: 'SAME@dupes.test', name: 'Twin', role: 'ADMIN', password: TEST_PASSWORD } },
      { token: owner.token },
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe('email');
    expect(await memberCount(owner)).toBe(2);
  });

  it('refuses look-alike emails that hide invisible or reordering characters, and creates nobody', async () => {
    const owner = await t.signUpOrganization('Lookalikes');
    await t.addMember(owner, 'VIEWER', 'owner@acme.test');
    const lookAlikes = [
      'owner\u200b@acme.test', // zero-width space
      'ow\u200dner@acme.test', // zero-width joiner
      '\u202eowner@acme.test', // right-to-left override
      'owner\u2066@acme.test', // left-to-right isolate
      'own\u00ader@acme.test', // soft hyphen
      'owner\u0007@acme.test', // a control character
    ];
    for (const email of lookAlikes) {
      const result = await t.execute(AddMember, { input: { email, name: 'Twin', role: 'OWNER', password: TEST_PASSWORD } }, { token: owner.token });
      expect({ email, codes: codes(result), field: result.errors?.[0]?.extensions?.field }).toEqual({ email, codes: ['BAD_USER_INPUT'], field: 'email' });
    }
    expect(await memberCount(owner)).toBe(2);
    // Signing up refuses them the same way.
    const signUp = await t.execute(SignUp, { input: { organization: 'Lookalikes 2', name: 'X', email: 'ow\u200dner@acme.test', password: TEST_PASSWORD } });
    expect(codes(signUp)).toEqual(['BAD_USER_INPUT']);
    expect(signUp.errors![0]!.extensions!.field).toBe('email');
  });

  it('stores an email in NFC: a composed and a decomposed accent are one address', async () => {
    const owner = await t.signUpOrganization('Accents');
    const { addMember } = await t.ok(
      AddMember,
      { input: { email: 'jose\u0301@accents.test', name: 'José', role: 'VIEWER', password: TEST_PASSWORD } },
      { token: owner.token },
    );
    expect(addMember.member.email).toBe('jos\u00e9@accents.test');
    const twin = await t.execute(AddMember, { input: { email: 'JOS\u00c9@accents.test', name: 'Twin', role: 'VIEWER', password: TEST_PASSWORD } }, { token: owner.token });
    expect(codes(twin)).toEqual(['BAD_USER_INPUT']);
    // Either form signs in.
    expect((await t.ok(Login, { email: 'jose\u0301@Accents.test', password: TEST_PASSWORD })).login.member.id).toBe(addMember.member.id);
  });
});

describe('owners', () => {
  it('only an owner makes, demotes or removes an owner', async () => {
    const owner = await t.signUpOrganization('Owners');
    const admin = await t.addMember(owner, 'ADMIN');

    const addOwner = await t.execute(
      AddMember,
      { input: { email: 'o2@owners.test', name: 'O2', role: 'OWNER', password: TEST_PASSWORD } },
      { token: admin.token },
    );
    expect(codes(addOwner)).toEqual(['FORBIDDEN']);
    expect(codes(await t.execute(UpdateMemberRole, { id: admin.memberId, role: 'OWNER' }, { token: admin.token }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.execute(UpdateMemberRole, { id: owner.memberId, role: 'ADMIN' }, { token: admin.token }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.execute(RemoveMember, { id: owner.memberId }, { token: admin.token }))).toEqual(['FORBIDDEN']);
    expect(await memberCount(owner)).toBe(2);

    const promoted = await t.ok(UpdateMemberRole, { id: admin.memberId, role: 'OWNER' }, { token: owner.token });
    expect(promoted.updateMemberRole.member.role).toBe('OWNER');
    // The promoted member's very next request carries the owner's scopes.
    expect((await t.ok(Viewer, {}, { token: admin.token })).viewer!.member!.role).toBe('OWNER');
  });

  it('keeps at least one owner', async () => {
    const owner = await t.signUpOrganization('Last Owner');
    const demote = await t.execute(UpdateMemberRole, { id: owner.memberId, role: 'ADMIN' }, { token: owner.token });
    expect(codes(demote)).toEqual(['BAD_USER_INPUT']);
    expect(demote.errors![0]!.extensions!.field).toBe('role');
    const remove = await t.execute(RemoveMember, { id: owner.memberId }, { token: owner.token });
    expect(codes(remove)).toEqual(['BAD_USER_INPUT']);

    const second = await t.addMember(owner, 'OWNER');
    await t.ok(UpdateMemberRole, { id: owner.memberId, role: 'VIEWER' }, { token: second.token });
    const lastAgain = await t.execute(RemoveMember, { id: second.memberId }, { token: second.token });
    expect(codes(lastAgain)).toEqual(['BAD_USER_INPUT']);
    const roles = (await t.ok(Members, {}, { token: second.token })).members.edges.map((e) => e.node.role);
    expect(roles.sort()).toEqual(['OWNER', 'VIEWER']);
  });

  it('never loses its last owner to two owners demoting each other at once', async () => {
    const a = await t.signUpOrganization('Duel');
    const b = await t.addMember(a, 'OWNER');
    // Both sessions cached, and the owner rows held locked until both demotions have passed
    // authorization as owners: they then meet only at the database, whose lock is the guard
    // under test (a demotion that authenticated after the other committed would simply be
    // FORBIDDEN, and prove nothing).
    for (const owner of [a, b]) await t.ok(Viewer, {}, { token: owner.token });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const holder = t.services.database.db.transaction(async (tx) => {
      await tx.select({ id: membersTable.id }).from(membersTable).where(eq(membersTable.role, 'OWNER')).for('update');
      locked();
      await released;
    });
    await holding;
    const demotions = Promise.all([
      t.execute(UpdateMemberRole, { id: b.memberId, role: 'ADMIN' }, { token: a.token }),
      t.execute(UpdateMemberRole, { id: a.memberId, role: 'ADMIN' }, { token: b.token }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await holder;
    const results = await demotions;
    const roles = (await t.ok(Members, {}, { token: a.token })).members.edges.map((e) => e.node.role);
    expect(roles.filter((r) => r === 'OWNER')).toHaveLength(1);
    expect(results.map(codes).flat()).toEqual(['BAD_USER_INPUT']);
  });
});

describe('removing members and changing passwords', () => {
  it("removing a member ends that member's sessions", async () => {
    const owner = await t.signUpOrganization('Removers');
    const viewer = await t.addMember(owner, 'VIEWER');
    const { removeMember } = await t.ok(RemoveMember, { id: viewer.memberId }, { token: owner.token });
    expect(removeMember.member.id).toBe(viewer.memberId);
    expect(codes(await t.execute(Viewer, {}, { token: viewer.token }))).toEqual(['UNAUTHENTICATED']);
    expect(await auditActions(owner)).toContain('member.removed');
    expect(codes(await t.execute(RemoveMember, { id: viewer.memberId }, { token: owner.token }))).toEqual(['NOT_FOUND']);
  });

  it('changes the password, keeps this session, ends the others', async () => {
    const owner = await t.signUpOrganization('Passwords');
    const other = (await t.ok(Login, { email: owner.email, password: TEST_PASSWORD })).login.token;

    const wrong = await t.execute(ChangePassword, { currentPassword: 'not my password', newPassword: 'a brand new password' }, { token: owner.token });
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors![0]!.extensions!.field).toBe('currentPassword');
    const short = await t.execute(ChangePassword, { currentPassword: TEST_PASSWORD, newPassword: 'short' }, { token: owner.token });
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await t.ok(Viewer, {}, { token: other })).viewer).not.toBeNull();

    expect((await t.ok(ChangePassword, { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' }, { token: owner.token })).changePassword).toBe(true);
    expect((await t.ok(Viewer, {}, { token: owner.token })).viewer!.member!.id).toBe(owner.memberId);
    expect(codes(await t.execute(Viewer, {}, { token: other }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.execute(Login, { email: owner.email, password: TEST_PASSWORD }))).toEqual(['UNAUTHENTICATED']);
    expect((await t.ok(Login, { email: owner.email, password: 'a brand new password' })).login.member.id).toBe(owner.memberId);
  });
});

describe('sessions', () => {
  it('expire after 12 hours idle and after 7 days whatever the use', async () => {
    const owner = await t.signUpOrganization('Expiry');
    const { db } = t.services.database;
    const idle = (await t.ok(Login, { email: owner.email, password: TEST_PASSWORD })).login.token;
    const old = (await t.ok(Login, { email: owner.email, password: TEST_PASSWORD })).login.token;
    const all = await db.select().from(sessions).where(eq(sessions.memberId, owner.memberId));
    expect(all).toHaveLength(3);
    // Sessions store only a hash: no row holds either token.
    expect(JSON.stringify(all)).not.toContain(idle.slice(4));

    const now = Date.now();
    const rowOf = (token: string) => all.find((r) => r.tokenHash === createHash('sha256').update(token).digest('hex'))!;
    const [idleRow, oldRow] = [rowOf(idle), rowOf(old)];
    await db.update(sessions).set({ lastUsedAt: new Date(now - SESSION_IDLE_MS - 1000) }).where(eq(sessions.id, idleRow.id));
    await db.update(sessions).set({ expiresAt: new Date(now - 1000), lastUsedAt: new Date(now) }).where(eq(sessions.id, oldRow.id));
    expect(codes(await t.execute(Viewer, {}, { token: idle }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.execute(Viewer, {}, { token: old }))).toEqual(['UNAUTHENTICATED']);
    expect((await t.ok(Viewer, {}, { token: owner.token })).viewer!.kind).toBe('MEMBER');
    const fresh = rowOf(owner.token);
    expect(fresh.expiresAt.getTime() - fresh.createdAt.getTime()).toBe(SESSION_MAX_MS);
  });

  it('tokens are 256-bit opaque strings', async () => {
    const owner = await t.signUpOrganization('Tokens');
    expect(owner.token).toMatch(/^kws_[A-Za-z0-9_-]{43}$/);
    expect(codes(await t.execute(Viewer, {}, { token: `${owner.token.slice(0, -1)}A` === owner.token ? `${owner.token.slice(0, -1)}B` : `${owner.token.slice(0, -1)}A` }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.execute(Viewer, {}, { headers: { authorization: 'Basic abc' } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('asks for the organization when the email is in several', async () => {
    const a = await t.signUpOrganization('Twin A');
    const b = await t.signUpOrganization('Twin B');
    await t.addMember(a, 'VIEWER', 'shared@twins.test');
    await t.addMember(b, 'ADMIN', 'shared@twins.test');
    const ambiguous = await t.execute(Login, { email: 'shared@twins.test', password: TEST_PASSWORD });
    expect(ambiguous.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organization' });
    const { login } = await t.ok(Login, { email: 'shared@twins.test', password: TEST_PASSWORD, organization: 'twin b' });
    expect(login.member.role).toBe('ADMIN');
  });

  it('records failed logins without the password', async () => {
    const owner = await t.signUpOrganization('Failures');
    await t.execute(Login, { email: owner.email, password: 'guess number one!' }, { ip: '198.51.100.9' });
    const { auditEvents } = await t.ok(AuditEvents, { first: 5 }, { token: owner.token });
    const failed = auditEvents.edges.map((e) => e.node).find((n) => n.action === 'member.login_failed')!;
    expect(failed).toMatchObject({ actorKind: 'ANONYMOUS', actorId: null, targetId: owner.memberId, ip: '198.51.100.9' });
    expect(JSON.stringify(auditEvents)).not.toContain('guess number one!');
    expect(t.logs.join('')).not.toContain('guess number one!');
  });
});

describe('audit log', () => {
  it('records role changes and logins with actor, target and address, and never a token or password', async () => {
    const owner = await t.signUpOrganization('Audit Trail');
    const viewer = await t.addMember(owner, 'VIEWER');
    await t.ok(UpdateMemberRole, { id: viewer.memberId, role: 'ADMIN' }, { token: owner.token, ip: '203.0.113.44' });
    const { auditEvents } = await t.ok(AuditEvents, { first: 100 }, { token: owner.token });
    const events = auditEvents.edges.map((e) => e.node);
    expect(events.map((e) => [e.action, e.actorKind, e.actorId, e.targetId])).toEqual([
      ['member.role_changed', 'MEMBER', owner.memberId, viewer.memberId],
      ['member.login', 'MEMBER', viewer.memberId, viewer.memberId],
      ['member.added', 'MEMBER', owner.memberId, viewer.memberId],
      ['organization.created', 'MEMBER', owner.memberId, expect.any(String)],
    ]);
    expect(events[0]!.ip).toBe('203.0.113.44');
    const everything = JSON.stringify(await t.services.database.db.select().from(auditEventsTable));
    for (const secret of [owner.token, viewer.token, owner.token.slice(4), TEST_PASSWORD]) expect(everything).not.toContain(secret);
  });
});

describe('sign-up', () => {
  it('refuses a taken organization name, whatever its case', async () => {
    await t.signUpOrganization('Unique Name');
    const result = await t.execute(SignUp, {
      input: { organization: 'UNIQUE name', name: 'X', email: 'x@unique.test', password: TEST_PASSWORD },
    });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organization' });
    expect(codes(await t.execute(Login, { email: 'x@unique.test', password: TEST_PASSWORD }))).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['an empty organization name', { organization: ' ' }, 'organization'],
    ['an organization name over 100 characters', { organization: 'o'.repeat(101) }, 'organization'],
    ['an empty name', { name: '' }, 'name'],
    ['an invalid email', { email: 'founder at example' }, 'email'],
    ['a short password', { password: 'elevenchars' }, 'password'],
  ])('refuses %s with BAD_USER_INPUT on its field, creating nothing', async (label, change, field) => {
    const slug = label.replace(/\W+/g, '-');
    const input = { organization: `Fresh ${slug}`, name: 'Founder', email: `founder${slug}@fresh.test`, password: TEST_PASSWORD };
    const result = await t.execute(SignUp, { input: { ...input, ...change } });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    // Nothing was written: the same sign-up, corrected, goes through as the first of its name.
    expect((await t.ok(SignUp, { input })).signUp.member.email).toBe(input.email);
  });

  it('audits the new organization', async () => {
    const owner = await t.signUpOrganization('Audited');
    const { auditEvents } = await t.ok(AuditEvents, {}, { token: owner.token });
    expect(auditEvents.edges.map((e) => [e.node.action, e.node.actorId])).toEqual([
      ['organization.created', owner.memberId],
    ]);
  });
});

describe('members list', () => {
  it('pages oldest first with cursors and a total', async () => {
    const owner = await t.signUpOrganization('Pager');
    for (let i = 0; i < 4; i++) await t.addMember(owner, 'VIEWER', `m${i}@pager.test`);
    const page1 = (await t.ok(Members, { first: 2 }, { token: owner.token })).members;
    expect(page1.totalCount).toBe(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await t.ok(Members, { first: 2, after: page1.pageInfo.endCursor }, { token: owner.token })).members;
    const page3 = (await t.ok(Members, { first: 2, after: page2.pageInfo.endCursor }, { token: owner.token })).members;
    expect(page3.pageInfo.hasNextPage).toBe(false);
    const emails = [...page1.edges, ...page2.edges, ...page3.edges].map((e) => e.node.email);
    expect(emails).toEqual([owner.email, 'm0@pager.test', 'm1@pager.test', 'm2@pager.test', 'm3@pager.test']);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'garbage' }, 'after'],
    [{ after: Buffer.from('["v1","x","y"]').toString('base64url') }, 'after'],
  ])('refuses %j', async (args, field) => {
    const owner = await t.signUpOrganization(`Bad page ${Math.random()}`);
    const result = await t.execute(Members, args, { token: owner.token });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('sign-up switched off', () => {
  it('answers FORBIDDEN and creates nothing', async () => {
    const closed = await startTestApp({ ALLOW_SIGNUP: 'false' });
    try {
      const result = await closed.execute(SignUp, {
        input: { organization: 'Nope', name: 'N', email: 'n@nope.test', password: TEST_PASSWORD },
      });
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(codes(await closed.execute(Login, { email: 'n@nope.test', password: TEST_PASSWORD }))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await closed.close();
    }
  });
});
