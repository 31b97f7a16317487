import { codes, startTestApp, TEST_PASSWORD, type TestApp } from './harness';
import { Login, Logout, Viewer } from './operations';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sessions', () => {
  it('signs up, reads the viewer, logs out', async () => {
    const owner = await t.signUpOrganization('Acme');
    const { viewer } = await t.ok(Viewer, {}, { token: owner.token });
    expect(viewer).toMatchObject({ kind: 'MEMBER', organization: { name: 'Acme' }, member: { email: owner.email, role: 'OWNER' } });
    expect(viewer!.scopes).toContain('members:write');

    expect((await t.ok(Logout, {}, { token: owner.token })).logout).toBe(true);
    const after = await t.execute(Viewer, {}, { token: owner.token });
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.status).toBe(401);
  });

  it('is null when anonymous', async () => {
    expect((await t.ok(Viewer)).viewer).toBeNull();
  });

  it('fails alike for unknown email and wrong password', async () => {
    const owner = await t.signUpOrganization('Globex');
    const wrong = await t.execute(Login, { email: owner.email, password: 'not the password!' });
    const unknown = await t.execute(Login, { email: 'nobody@globex.test', password: TEST_PASSWORD });
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
  });
});
