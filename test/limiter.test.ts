import { sql } from 'drizzle-orm';
import { FailureLimiter, LIMITS, type LimitName, type LimitPolicy } from '../src/auth/limiter';
import { rateLimits } from '../src/db/schema';
import { startTestApp, type TestApp } from './harness';

/**
 * The password failure limits: a point taken before each check and given back on success,
 * counted in the store every instance shares, and a spent limit refused from memory.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const policies = { ...LIMITS, passwordCheck: { points: 3, windowSeconds: 60 } } satisfies Record<LimitName, LimitPolicy>;
let n = 0;
function fresh() {
  const limiter = new FailureLimiter(t.services.database.db, policies);
  // One member per test, so that the shared table's rows of one test never meet another's.
  return { limiter, attempt: { passwordCheck: `member-${++n}-${Date.now()}` } };
}

/** Points stored in the shared store, summed over its rows. */
async function storedPoints(): Promise<number> {
  const [row] = await t.services.database.db.select({ points: sql<number>`coalesce(sum(${rateLimits.points}), 0)::int` }).from(rateLimits);
  return row!.points;
}

describe('failure limits', () => {
  it('take a point before the check and give it back when the password was right', async () => {
    const { limiter, attempt } = fresh();
    const before = await storedPoints();
    await limiter.begin(attempt);
    expect(await storedPoints()).toBe(before + 1);
    await limiter.succeeded(attempt);
    expect(await storedPoints()).toBe(before);
    limiter.stop();
  });

  it('refuse once the points are spent, here from memory and on another instance from the shared store', async () => {
    const { limiter, attempt } = fresh();
    for (let i = 0; i < 3; i++) await limiter.begin(attempt);
    await expect(limiter.begin(attempt)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    const refusedAt = await storedPoints();
    // Refused from memory now: no further point is written.
    await expect(limiter.begin(attempt)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await storedPoints()).toBe(refusedAt);
    const other = new FailureLimiter(t.services.database.db, policies);
    await expect(other.begin(attempt)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(limiter.stats().limited).toBe(2);
    limiter.stop();
    other.stop();
  });
});
