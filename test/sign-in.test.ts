import bcrypt from 'bcrypt';
import { costOf } from '../src/auth/passwords';
import { codes, startTestApp, TEST_PASSWORD, type Session, type TestApp } from './harness';
import { AddMember, FailedSignIns, Login } from './operations';

/**
 * Sign-in that strangers cannot turn against members (issue: lockout, audit floods, timing).
 * A database of its own: the decoy follows the costliest hash of the whole database.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const WRONG = 'not the password at all';
/** The device cookie a response sets, as a browser would send it back. */
const deviceCookieOf = (headers: Headers) => /(?:^|, )(kw_device=[^;]+)/.exec(headers.get('set-cookie') ?? '')?.[1] ?? null;

async function login(who: Session, password: string, ip: string, cookie?: string) {
  return t.execute(Login, { email: who.email, password }, { ip, headers: cookie ? { cookie } : {} });
}

describe('lockout', () => {
  it('strangers spending the account limit from many addresses lock out new clients, never one the member used before', async () => {
    const owner = await t.signUpOrganization('Lockout');
    const first = await login(owner, TEST_PASSWORD, '198.51.100.1');
    expect(codes(first)).toEqual([]);
    const cookie = deviceCookieOf(first.headers);
    expect(cookie).toMatch(/^kw_device=kwd_[A-Za-z0-9_-]{43}$/);
    expect(first.headers.get('set-cookie')).toMatch(/; Path=\/graphql; Expires=[^;]+; HttpOnly; SameSite=Strict$/);

    // 100 wrong passwords from 20 addresses, 5 each: NIST's bound for the account.
    for (let a = 0; a < 20; a++) {
      for (let i = 0; i < 5; i++) expect(codes(await login(owner, WRONG, `203.0.113.${a}`))).toEqual(['UNAUTHENTICATED']);
    }
    const stranger = await login(owner, TEST_PASSWORD, '203.0.113.200');
    expect(codes(stranger)).toEqual(['RATE_LIMITED']);
    expect(stranger.status).toBe(429);

    // The member's own client, from an address the flood never used, signs in at once.
    const again = await login(owner, TEST_PASSWORD, '198.51.100.77', cookie!);
    expect(codes(again)).toEqual([]);
    expect(again.data!.login.member.id).toBe(owner.memberId);
    // The same device token, renewed.
    expect(deviceCookieOf(again.headers)).toBe(cookie);
  });

  it('a device token counts only for its own account, and is itself limited', async () => {
    const owner = await t.signUpOrganization('Devices');
    const cookie = deviceCookieOf((await login(owner, TEST_PASSWORD, '198.51.100.2')).headers)!;
    const admin = await t.addMember(owner, 'ADMIN');
    for (let i = 0; i < 5; i++) await login(admin, WRONG, '203.0.113.50');
    // The owner's token does not lift the admin's (email, address) limit.
    expect(codes(await login(admin, TEST_PASSWORD, '203.0.113.50', cookie))).toEqual(['RATE_LIMITED']);

    // Whoever holds the token gets 10 tries per 15 minutes with it, then waits like anyone.
    for (let i = 0; i < 10; i++) expect(codes(await login(owner, WRONG, '203.0.113.51', cookie))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await login(owner, TEST_PASSWORD, '203.0.113.51', cookie))).toEqual(['RATE_LIMITED']);
    // A made-up token is no token: the ordinary limits apply, and the right password passes.
    expect(codes(await login(owner, TEST_PASSWORD, '198.51.100.3', 'kw_device=kwd_made-up'))).toEqual([]);
  });
});

describe('the audit trail under a flood', () => {
  // Failures fall into 15-minute windows aligned to the clock: a flood that ran across a
  // quarter hour (as one run of the suite did, at 21:30) is two events, rightly. The app's clock
  // starts a minute into a window here and runs on in real time; only Date is replaced.
  beforeEach(() => {
    const window = 15 * 60_000;
    jest.useFakeTimers({
      now: (Math.floor(Date.now() / window) + 1) * window + 60_000,
      advanceTimers: true,
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
  });
  afterEach(() => jest.useRealTimers());

  it('records 300 refused sign-ins from one address, then 40 from 20 more, as one event with a count', async () => {
    const owner = await t.signUpOrganization('Flooded');
    for (let i = 0; i < 300; i++) await login(owner, WRONG, '203.0.113.99');
    for (let a = 0; a < 20; a++) for (let i = 0; i < 2; i++) await login(owner, WRONG, `198.51.100.${100 + a}`);
    const { auditEvents } = await t.ok(FailedSignIns, {}, { token: owner.token });
    expect(auditEvents.totalCount).toBe(1);
    const event = auditEvents.edges[0]!.node;
    expect(event).toMatchObject({ targetId: owner.memberId, ip: '203.0.113.99', count: 340, summary: `340 failed sign-ins as ${owner.email}` });
    expect(Date.parse(event.lastAt!)).toBeGreaterThanOrEqual(Date.parse(event.createdAt));
  });
});

describe('timing after PASSWORD_HASH_COST is lowered', () => {
  it('compares an unknown email at the costliest stored cost, pads cheaper members to it, and follows it down', async () => {
    // Members hashed at cost 6 by an earlier configuration; this instance runs at 4.
    const costly = await t.another({ PASSWORD_HASH_COST: '6' });
    const owner = await costly.signUpOrganization('Costly');
    const low = await t.another({ PASSWORD_HASH_COST: '4' });
    await low.services.passwords.refreshDecoy();

    const compare = jest.spyOn(bcrypt, 'compare');
    const costsCompared = async (email: string, password: string) => {
      compare.mockClear();
      await low.execute(Login, { email, password }, { ip: '192.0.2.200' });
      return compare.mock.calls.map((call) => costOf(call[1] as string)).sort();
    };
    try {
      expect(await costsCompared('nobody@costly.test', WRONG)).toEqual([6]);
      expect(await costsCompared(owner.email, WRONG)).toEqual([6]);
      // A member hashed at today's cost 4: its compare, and a decoy compare at 6 alongside.
      const cheap = await low.ok(AddMember, { input: { email: 'cheap@costly.test', name: 'Cheap', role: 'VIEWER', password: TEST_PASSWORD } }, { token: owner.token });
      expect(cheap.addMember.member.email).toBe('cheap@costly.test');
      expect(await costsCompared('cheap@costly.test', WRONG)).toEqual([4, 6]);

      // The only cost-6 hash in the database (every other member here was made at 4) signs
      // in on this instance and is rehashed at 4: the decoy follows the costliest hash down.
      await low.ok(Login, { email: owner.email, password: TEST_PASSWORD });
      await low.services.passwords.refreshDecoy();
      expect(await costsCompared('nobody@costly.test', WRONG)).toEqual([4]);
      expect(await costsCompared('cheap@costly.test', WRONG)).toEqual([4]);
    } finally {
      compare.mockRestore();
    }
  });
});
