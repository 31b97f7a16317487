import { startTestApp, type TestApp } from './harness';
import { AuditEvents, Login } from './operations';

/**
 * The client address that limits and the audit log use: the socket's peer unless
 * TRUST_PROXY says which proxies may report it in X-Forwarded-For.
 */
const FORWARDED = '198.51.100.1, 203.0.113.7, 10.0.0.2';

// One database for the file (a fresh one costs seconds): each case runs a Keyward
// instance of its own on it, with its own TRUST_PROXY, and signs up an organization of
// its own, whose audit log holds that case's login alone.
let shared: TestApp;
let organizations = 0;
beforeAll(async () => {
  shared = await startTestApp();
});
afterAll(() => shared?.close());

describe.each([
  ['unset: the header is anyone’s to write and is ignored', {}, '10.0.0.1', '10.0.0.1'],
  ['true: every hop is trusted, the first address is the client', { TRUST_PROXY: 'true' }, '10.0.0.1', '198.51.100.1'],
  ['1: only the nearest proxy is trusted', { TRUST_PROXY: '1' }, '10.0.0.1', '10.0.0.2'],
  ['2: the two nearest proxies are trusted', { TRUST_PROXY: '2' }, '10.0.0.1', '203.0.113.7'],
  ['a CIDR: trusted proxies are skipped up to the first other address', { TRUST_PROXY: '10.0.0.0/8' }, '10.0.0.1', '203.0.113.7'],
  ['a CIDR, from a peer outside it: the header is ignored', { TRUST_PROXY: '10.0.0.0/8' }, '192.0.2.55', '192.0.2.55'],
])('TRUST_PROXY %s', (_name, env, peer, expected) => {
  it(`records ${expected} in the audit log`, async () => {
    const t = await shared.another(env);
    const owner = await t.signUpOrganization(`Proxied ${++organizations}`);
    await t.ok(Login, { email: owner.email, password: owner.password }, { ip: peer, headers: { 'x-forwarded-for': FORWARDED } });
    const { auditEvents } = await t.ok(AuditEvents, { first: 1 }, owner);
    expect(auditEvents.edges.map((e) => [e.node.action, e.node.ip])).toEqual([['member.login', expected]]);
  });
});
