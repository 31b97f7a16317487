import { sql } from 'drizzle-orm';
import { FailureLimiter, LIMITS, type LimitName, type LimitPolicy } from '../src/auth/limiter';
import { rateLimits } from '../src/db/schema';
import { startTestApp, type TestApp } from './harness';

/**
 * The failure limits' cheap road for API keys (admit/settle): a clean record costs no write,
 * failures are counted in the shared store, concurrent attempts are bounded in memory, and a
 * limit that has failed takes its points first again.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const policies = { ...LIMITS, keyId: { points: 3, windowSeconds: 60, inFlight: 2 } } satisfies Record<LimitName, LimitPolicy>;
let n = 0;
function fresh() {
  const limiter = new FailureLimiter(t.services.database.db, policies);
  // One key ID per test, so that the shared table's rows of one test never meet another's.
  return { limiter, attempt: { keyId: `limited-${++n}-${Date.now()}` } };
}

/** Points stored in the shared store, summed over its rows, and how many rows it holds. */
async function storedPoints(): Promise<number> {
  const [row] = await t.services.database.db.select({ points: sql<number>`coalesce(sum(${rateLimits.points}), 0)::int` }).from(rateLimits);
  return row!.points;
}
async function storedRows(): Promise<number> {
  const [row] = await t.services.database.db.select({ n: sql<number>`count(*)::int` }).from(rateLimits);
  return row!.n;
}

describe('failure limits on the API-key road', () => {
  it('writes nothing for right keys, however many', async () => {
    const { limiter, attempt } = fresh();
    const before = await storedRows();
    for (let i = 0; i < 10; i++) await limiter.settle(await limiter.admit(attempt), 'right');
    // Not even a row: taking a point and giving it back would have left one at 0.
    expect(await storedRows()).toBe(before);
    limiter.stop();
  });

  it('counts wrong keys in the shared store and, once the points are spent, refuses from memory', async () => {
    const { limiter, attempt } = fresh();
    const before = await storedPoints();
    for (let i = 0; i < 3; i++) await limiter.settle(await limiter.admit(attempt), 'wrong');
    expect(await storedPoints()).toBe(before + 3);
    await expect(limiter.admit(attempt)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(limiter.spentForMs(attempt)).toBeGreaterThan(0);
    // Another instance, sharing the store, refuses too once it has counted one more failure.
    const other = new FailureLimiter(t.services.database.db, policies);
    await expect(other.settle(await other.admit(attempt), 'wrong')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(other.admit(attempt)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    limiter.stop();
    other.stop();
  });

  it('lets at most `inFlight` attempts of one limit run at once the cheap way', async () => {
    expect(LIMITS.keyId.inFlight).toBe(2);
    const { limiter, attempt } = fresh();
    const running = [await limiter.admit(attempt), await limiter.admit(attempt)];
    await expect(limiter.admit(attempt)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    await limiter.settle(running[0]!, 'right');
    const next = await limiter.admit(attempt);
    for (const admission of [...running.slice(1), next]) await limiter.settle(admission, 'abandoned');
    expect((await limiter.admit(attempt)).strict).toBe(false);
    limiter.stop();
  });

  it('after a failure takes points first, and gives them back to a right key or an abandoned check', async () => {
    const { limiter, attempt } = fresh();
    const base = await storedPoints();
    await limiter.settle(await limiter.admit(attempt), 'wrong');
    expect(await storedPoints()).toBe(base + 1);
    const strict = await limiter.admit(attempt);
    expect(strict.strict).toBe(true);
    expect(await storedPoints()).toBe(base + 2);
    await limiter.settle(strict, 'right');
    expect(await storedPoints()).toBe(base + 1);
    const abandoned = await limiter.admit(attempt);
    await limiter.settle(abandoned, 'abandoned');
    expect(await storedPoints()).toBe(base + 1);
    limiter.stop();
  });

  it('tells whether any limit may be spent, and stops telling so once its window is over', async () => {
    const limiter = new FailureLimiter(t.services.database.db, { ...policies, keyId: { points: 1, windowSeconds: 1, inFlight: 2 } });
    const attempt = { keyId: `swept-${++n}-${Date.now()}` };
    expect(limiter.anySpent()).toBe(false);
    await limiter.settle(await limiter.admit(attempt), 'wrong');
    await expect(limiter.admit(attempt)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(limiter.anySpent()).toBe(true);
    // The window is 1 s and spent limits are swept at most once a second.
    const end = Date.now() + 4_000;
    while (limiter.anySpent() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(limiter.anySpent()).toBe(false);
    expect(limiter.spentForMs(attempt)).toBe(0);
    limiter.stop();
  });
});
