import { createHash } from 'node:crypto';
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { lt } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/open';
import { rateLimits } from '../db/schema';
import { rateLimited } from './bcryptQueue';

/**
 * Failure limits against password guessing (SPEC §7, OWASP API2): logins per email, per
 * client address and per (email, address), and password checks per member. API keys have
 * none: a key's secret is 256 random bits, checked at the cost of a digest, so there is
 * nothing to slow down and no limit that could refuse a right key for someone else's
 * guesses (keys/verify.ts).
 *
 * Counters live in PostgreSQL (rate-limiter-flexible's Drizzle store, one atomic upsert
 * per counted attempt in `rate_limits`), so every instance sharing the database shares
 * them: with a per-instance store, N instances would give an attacker N times the tries. A
 * spent limit is then answered from memory until its window ends, without a query. If the
 * database cannot be reached, an in-memory limiter stands in.
 *
 * An attempt takes its point *before* the bcrypt compare (`begin`), and gives it back when
 * the password turns out right (`succeeded`): concurrent guesses cannot all slip in before
 * the first failure is counted, and a legitimate user's successes never count against them.
 */

export interface LimitPolicy {
  /** Failures allowed per window. */
  points: number;
  windowSeconds: number;
}

export const LIMITS = {
  // One address hammering one email is stopped quickly; the per-email limit is far looser
  // so that an attacker at one address cannot lock the owner out from another address
  // (NIST SP 800-63B allows up to 100 consecutive failures per account).
  loginEmailClient: { points: 5, windowSeconds: 15 * 60 },
  loginEmail: { points: 100, windowSeconds: 60 * 60 },
  loginClient: { points: 100, windowSeconds: 15 * 60 },
  passwordCheck: { points: 5, windowSeconds: 15 * 60 },
  // A client that signed in to the account before (a device token): its own budget, which
  // only the holder of that token can spend.
  loginDevice: { points: 10, windowSeconds: 15 * 60 },
  // revokeLeakedApiKeys: anyone may call it, with up to 1,000 keys a call; an address gets
  // 10 calls a minute — plenty for a holder, too few to test key guesses in bulk.
  leakReportClient: { points: 10, windowSeconds: 60 },
} satisfies Record<string, LimitPolicy>;

export type LimitName = keyof typeof LIMITS;
export type Attempt = Partial<Record<LimitName, string>>;

/** One limit of one attempt, as the in-memory map knows it: `loginEmail:<email>`, … */
const limitKey = (name: string, key: string) => `${name}:${key}`;

export interface LimiterStats {
  limited: number;
}

/** Keys are hashed: the table never holds an email or an address in clear. */
const opaque = (value: string) => createHash('sha256').update(value, 'utf8').digest('base64url');

export class FailureLimiter {
  private readonly limiters: Record<LimitName, RateLimiterAbstract>;
  private limited = 0;
  private readonly sweeper: NodeJS.Timeout;
  /**
   * Limits found spent, until their window ends: a flood against a spent limit is then
   * refused without a query.
   */
  private readonly spent = new LRUCache<string, true>({ max: 100_000, ttl: 1, ttlAutopurge: false });

  constructor(
    private readonly db: Database,
    policies: Record<LimitName, LimitPolicy> = LIMITS,
  ) {
    this.limiters = Object.fromEntries(
      Object.entries(policies).map(([name, policy]) => [
        name,
        new RateLimiterDrizzle({
          storeClient: db,
          schema: rateLimits,
          keyPrefix: name,
          points: policy.points,
          duration: policy.windowSeconds,
          inMemoryBlockOnConsumed: policy.points + 1,
          insuranceLimiter: new RateLimiterMemory({ points: policy.points, duration: policy.windowSeconds }),
          clearExpiredByTimeout: false,
        }),
      ]),
    ) as unknown as Record<LimitName, RateLimiterAbstract>;
    this.sweeper = setInterval(() => void this.sweep(), 10 * 60_000);
    this.sweeper.unref();
  }

  /**
   * Takes one point from each named limit; throws RATE_LIMITED (with Retry-After) when any
   * is spent. Call `succeeded` with the same attempt when the credential was right.
   */
  async begin(attempt: Attempt): Promise<void> {
    this.refuseIfSpent(attempt);
    await this.consume(attempt);
  }

  /** One point from each named limit, in the shared store; RATE_LIMITED when any is spent. */
  private async consume(attempt: Attempt): Promise<void> {
    const entries = Object.entries(attempt) as Array<[LimitName, string]>;
    const results = await Promise.allSettled(
      entries.map(([name, key]) => this.limiters[name].consume(opaque(key))),
    );
    let wait = 0;
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') return;
      if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
      const [name, key] = entries[i]!;
      this.spent.set(limitKey(name, key), true, { ttl: Math.max(1, result.reason.msBeforeNext) });
      wait = Math.max(wait, result.reason.msBeforeNext);
    });
    if (wait === 0) return;
    this.limited++;
    throw rateLimited(wait / 1000, 'Too many failed attempts; try again later');
  }

  /** Throws RATE_LIMITED, from memory alone, if a limit of `attempt` is known to be spent. */
  private refuseIfSpent(attempt: Attempt): void {
    const wait = this.spentForMs(attempt);
    if (wait === 0) return;
    this.limited++;
    throw rateLimited(wait / 1000, 'Too many failed attempts; try again later');
  }

  /** How long until every limit of `attempt` known to be spent has a point again (0 when none is). */
  private spentForMs(attempt: Attempt): number {
    let wait = 0;
    for (const [name, key] of Object.entries(attempt)) wait = Math.max(wait, this.spent.getRemainingTTL(limitKey(name, key)));
    return Math.max(0, wait);
  }

  /** Gives back the points `begin` took: a right credential is not a failure. */
  async succeeded(attempt: Attempt): Promise<void> {
    await Promise.all(Object.entries(attempt).map(([name, key]) => this.limiters[name as LimitName].reward(opaque(key!), 1)));
  }

  stats(): LimiterStats {
    return { limited: this.limited };
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  /** Frees rows of windows long over; an expired row is already ignored. */
  private async sweep(): Promise<void> {
    try {
      await this.db.delete(rateLimits).where(lt(rateLimits.expire, new Date(Date.now() - 60 * 60_000)));
    } catch {
      // Housekeeping only: the next sweep tries again.
    }
  }
}
