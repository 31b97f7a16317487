import { codes, startTestApp, TEST_PASSWORD, type Session, type TestApp } from './harness';
import { AuditEvents, Login, Members, RemoveMember, UpdateMemberRole, Viewer } from './operations';

/** Two organizations side by side: nothing of one is visible to, or changeable by, the other. */
let t: TestApp;
let a: Session;
let aViewer: Session;
let b: Session;

beforeAll(async () => {
  t = await startTestApp();
  a = await t.signUpOrganization('Alpha');
  aViewer = await t.addMember(a, 'VIEWER');
  b = await t.signUpOrganization('Beta');
  await t.addMember(b, 'ADMIN');
});
afterAll(() => t.close());

describe('between organizations', () => {
  it("viewer names the caller's own organization", async () => {
    expect((await t.ok(Viewer, {}, { token: b.token })).viewer!.organization!.name).toBe('Beta');
  });

  it('members lists only its own members', async () => {
    const { members } = await t.ok(Members, {}, { token: b.token });
    expect(members.totalCount).toBe(2);
    expect(members.edges.map((e) => e.node.id)).not.toContain(a.memberId);
    expect(members.edges.map((e) => e.node.id)).not.toContain(aViewer.memberId);
  });

  it('auditEvents lists only its own events', async () => {
    const { auditEvents } = await t.ok(AuditEvents, { first: 100 }, { token: b.token });
    const mentioned = auditEvents.edges.flatMap((e) => [e.node.actorId, e.node.targetId]);
    expect(mentioned).not.toContain(a.memberId);
    expect(mentioned).not.toContain(aViewer.memberId);
    expect(auditEvents.edges.map((e) => e.node.action).sort()).toEqual(['member.added', 'member.login', 'organization.created']);
  });

  it.each([
    ['updateMemberRole', () => t.execute(UpdateMemberRole, { id: aViewer.memberId, role: 'ADMIN' }, { token: b.token })],
    ['removeMember', () => t.execute(RemoveMember, { id: aViewer.memberId }, { token: b.token })],
  ])("%s on another organization's member is NOT_FOUND and changes nothing", async (_name, run) => {
    expect(codes(await run())).toEqual(['NOT_FOUND']);
    const { members } = await t.ok(Members, {}, { token: a.token });
    expect(members.edges.find((e) => e.node.id === aViewer.memberId)!.node.role).toBe('VIEWER');
  });

  it("login does not reach a member through another organization's name", async () => {
    expect(codes(await t.execute(Login, { email: aViewer.email, password: TEST_PASSWORD, organization: 'Beta' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});
