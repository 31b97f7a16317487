import { createHash } from 'node:crypto';
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { lt } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/open';
import { rateLimits } from '../db/schema';
import { rateLimited } from './bcryptQueue';

/**
 * Failure limits against guessing (SPEC §7, OWASP API2): API-key secrets per key ID and
 * per client address, logins per email, per client address and per (email, address), and
 * password checks per member.
 *
 * Counters live in PostgreSQL (rate-limiter-flexible's Drizzle store, one atomic upsert
 * per counted attempt in `rate_limits`), so every instance sharing the database shares
 * them: with a per-instance store, N instances would give an attacker N times the tries. Only the
 * cold path pays for it — a credential answered from the cache never reaches a limiter —
 * and a blocked key is then answered from memory (`inMemoryBlockOnConsumed`) without a
 * query. If the database cannot be reached, an in-memory limiter stands in.
 *
 * A login or password check takes its point *before* the bcrypt compare (`begin`), and
 * gives it back when the credential turns out right (`succeeded`): concurrent guesses
 * cannot all slip in before the first failure is counted, and a legitimate user's
 * successes never count against them.
 *
 * API keys are checked far more often than passwords (every first presentation of a key,
 * on every instance, e.g. a gateway verifying its customers' keys) and are almost never
 * wrong, so they take the cheap road while their limits have a clean record: `admit`
 * writes nothing and `settle` writes only a failure. What the point-first rule gives is kept
 * by bounding, in memory, how many attempts of one limit may be in flight at once (two per
 * key ID), and once a limit has failed in its window (as this instance knows) its later
 * attempts take their points first again. A burst of guesses for one key ID thus costs at
 * most its points plus two per instance before the limit is spent, and a right key costs
 * no write at all.
 */

export interface LimitPolicy {
  /** Failures allowed per window. */
  points: number;
  windowSeconds: number;
  /** Attempts admitted the cheap way (`admit`) at once per instance; `points` when unset. */
  inFlight?: number;
}

export const LIMITS = {
  // A key ID is public; its secret has 256 bits. These only stop a flood from turning into
  // a bcrypt compare per request.
  // In flight: one key ID has at most two right full keys (current and rotation grace),
  // and concurrent presentations of one full key share a check (keys/verify.ts).
  keyId: { points: 10, windowSeconds: 60, inFlight: 2 },
  keyClient: { points: 100, windowSeconds: 60 },
  // One address hammering one email is stopped quickly; the per-email limit is far looser
  // so that an attacker at one address cannot lock the owner out from another address
  // (NIST SP 800-63B allows up to 100 consecutive failures per account).
  loginEmailClient: { points: 5, windowSeconds: 15 * 60 },
  loginEmail: { points: 100, windowSeconds: 60 * 60 },
  loginClient: { points: 100, windowSeconds: 15 * 60 },
  passwordCheck: { points: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, LimitPolicy>;

export type LimitName = keyof typeof LIMITS;
export type Attempt = Partial<Record<LimitName, string>>;

/** One limit of one attempt, as the in-memory maps know it: `keyId:<id>`, `keyClient:<address>`, … */
const limitKey = (name: string, key: string) => `${name}:${key}`;

/** An attempt `admit` let through; hand it to `settle` once the check is over. */
export interface Admission {
  readonly attempt: Attempt;
  readonly limits: readonly string[];
  /** Took its points first (the limit has failed lately), rather than the cheap way. */
  readonly strict: boolean;
}

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
   * refused before it costs even the row read of the credential it guesses at.
   */
  private readonly spent = new LRUCache<string, true>({ max: 100_000, ttl: 1, ttlAutopurge: false });
  private nextSweep = 0;

  /** Limits that failed in their current window, as far as this instance has seen. */
  private readonly failing = new LRUCache<string, true>({ max: 100_000, ttl: 1, ttlAutopurge: false });
  /** Attempts admitted the cheap way and not yet settled, per limit. */
  private readonly running = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly policies: Record<LimitName, LimitPolicy> = LIMITS,
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
  refuseIfSpent(attempt: Attempt): void {
    const wait = this.spentForMs(attempt, true);
    if (wait > 0) throw rateLimited(wait / 1000, 'Too many failed attempts; try again later');
  }

  /**
   * How long until every limit of `attempt` known to be spent has a point again, from
   * memory alone (0 when none is spent); counts a refusal when `refusing` is set.
   */
  spentForMs(attempt: Attempt, refusing = false): number {
    let wait = 0;
    for (const [name, key] of Object.entries(attempt)) wait = Math.max(wait, this.spent.getRemainingTTL(limitKey(name, key)));
    if (wait > 0 && refusing) this.limited++;
    return Math.max(0, wait);
  }

  /**
   * Whether any limit may be spent at all: false, the usual case, lets a caller skip
   * reading the attempt's key ID and client address. Entries whose window ended are
   * swept at most once a second, so that a flood, once over, stops costing the check.
   */
  anySpent(): boolean {
    if (this.spent.size > 0 && Date.now() >= this.nextSweep) {
      this.spent.purgeStale();
      this.nextSweep = Date.now() + 1_000;
    }
    return this.spent.size > 0;
  }

  /** Starts an attempt the cheap way when its limits have a clean record (see above). */
  async admit(attempt: Attempt): Promise<Admission> {
    this.refuseIfSpent(attempt);
    const limits = Object.entries(attempt).map(([name, key]) => limitKey(name, key!));
    if (limits.some((limit) => this.failing.has(limit))) {
      await this.begin(attempt);
      return { attempt, limits, strict: true };
    }
    const crowded = Object.keys(attempt).some((name, i) => {
      const policy = this.policies[name as LimitName];
      return (this.running.get(limits[i]!) ?? 0) >= (policy.inFlight ?? policy.points);
    });
    if (crowded) {
      this.limited++;
      throw rateLimited(1, 'Too many attempts at once; try again shortly');
    }
    for (const limit of limits) this.running.set(limit, (this.running.get(limit) ?? 0) + 1);
    return { attempt, limits, strict: false };
  }

  /**
   * Ends an admitted attempt: `right` gives back a point taken first, `wrong` counts the
   * failure (and spends the limit when it was the last point), `abandoned` (the check never
   * ran, e.g. the bcrypt queue was full) counts nothing either way.
   */
  async settle(admission: Admission, outcome: 'right' | 'wrong' | 'abandoned'): Promise<void> {
    const { attempt, limits, strict } = admission;
    if (!strict) {
      for (const limit of limits) {
        const left = (this.running.get(limit) ?? 1) - 1;
        if (left > 0) this.running.set(limit, left);
        else this.running.delete(limit);
      }
    }
    if (outcome !== 'wrong') {
      if (strict) await this.succeeded(attempt);
      return;
    }
    for (const [i, name] of (Object.keys(attempt) as LimitName[]).entries()) {
      this.failing.set(limits[i]!, true, { ttl: this.policies[name].windowSeconds * 1000 });
    }
    if (!strict) await this.consume(attempt);
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
