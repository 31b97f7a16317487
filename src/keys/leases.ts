import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { apiKeys, rateWindows, type CreditRefill } from '../db/schema';
import type { Logger } from '../logger';
import { nextRefill, refillPeriodStart } from './controls';

/**
 * Budgets that every instance on one database shares — a key's credits, a rate limit's
 * window — spent without a database round trip per use (SPEC §9, docs/design.md).
 *
 * An instance *leases* part of a budget in one short statement and spends it in memory;
 * what it has not spent it gives back when the lease idles, when the key changes and when
 * the instance stops. The database only ever hands out what the budget has left, and an
 * instance only spends what it was handed, so the sum spent across any number of
 * instances never exceeds the budget — a crash included: a crashed instance's unspent
 * lease is lost to the key (underspent, never overspent). Leases are small near the end
 * of a budget (a tenth of what is left, at most MAX_LEASE), so near exhaustion an
 * instance may refuse while another still holds at most that much.
 *
 * rate-limiter-flexible's PostgreSQL store was the library candidate; it makes one query
 * per use, which is what this exists to avoid, and its memory store is not shared.
 */

/**
 * The most one lease of credits takes. An instance asks for the next lease when a quarter of
 * the last is left, so a crash strands at most 1¼ leases (125 credits) per key and instance.
 */
export const MAX_LEASE = 100;
/**
 * The most one lease of a rate limit's window takes. Larger than for credits: a crash costs
 * a window nothing but some uses it could have admitted, and a busy key needs fewer trips.
 */
export const MAX_WINDOW_LEASE = 1_000;
/** A lease nobody has used for this long goes back, so idle instances hoard nothing. */
export const LEASE_IDLE_MS = 5_000;
/** How often spent credits are reported and idle leases given back. */
export const SETTLE_MS = 1_000;
/** After a budget said "none left", ask again no sooner than this (credits only: a window's refusal lasts the window). */
const EXHAUSTED_RECHECK_MS = 1_000;

interface Lease {
  /** What is leased here and not yet spent. */
  left: number;
  /** The last grant: when `left` falls to a quarter of it, the next is asked for ahead of need. */
  granted: number;
  lastUse: number;
  /** The budget's unleased rest when this lease was last topped up, for `remaining`. */
  restSeen: number;
  /** The database had nothing more to give: refuse without asking until then… */
  exhaustedUntil: number;
  /** …a use of this cost or more (a cheaper one may still fit what is left). */
  exhaustedAt: number;
}

interface CreditLease extends Lease {
  keyId: string;
  epoch: number;
  /** Spent since the last report: reported in credits_leased by `settle`. */
  unreported: number;
  /** The lease belongs to one refill period; it is void from the next one. */
  until: number;
}

interface WindowLease extends Lease {
  counter: string;
  limit: number;
  endsAt: number;
}

/** A lease for a key found to have no credits: spends freely, reports nothing, belongs to no balance. */
const UNMETERED: Omit<CreditLease, 'keyId' | 'lastUse'> = {
  epoch: -1,
  left: Number.MAX_SAFE_INTEGER,
  granted: 0,
  unreported: 0,
  restSeen: 0,
  until: Number.POSITIVE_INFINITY,
  exhaustedUntil: 0,
  exhaustedAt: 0,
};

/** A lease worth topping up early: down to a quarter of its last grant, and not known exhausted. */
const runningLow = (lease: Lease, now: number) => lease.granted > 1 && lease.left <= lease.granted / 4 && lease.exhaustedUntil <= now;

const wantOf = (rest: number, cost: number) => Math.min(rest, Math.max(cost, Math.min(MAX_LEASE, Math.ceil(rest / 10))));

export class Leases {
  private readonly credits = new Map<string, CreditLease>();
  private readonly windows = new Map<string, WindowLease>();
  /** One database trip per budget at a time; later askers wait for it. */
  private readonly topping = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private settling: Promise<void> = Promise.resolve();
  private lastSweep = 0;
  /** Lease statements sent: what the tests and the bench compare with uses. */
  trips = 0;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.settle(), SETTLE_MS);
    this.timer.unref();
  }

  // --- credits -------------------------------------------------------------------------

  /** Credits this instance can spend now without asking, or null when it must ask first. */
  creditsAt(keyId: string, now: number): CreditLease | null {
    const lease = this.credits.get(keyId);
    return lease && lease.until > now ? lease : null;
  }

  /**
   * Spends `cost` credits from this instance's lease: true when it had them. False means
   * "ask the database" (`topUpCredits`) unless the budget is known to be exhausted.
   */
  spendCredits(keyId: string, refill: CreditRefill | null, cost: number, now: number): boolean {
    const lease = this.creditsAt(keyId, now);
    if (!lease || lease.left < cost) return false;
    lease.left -= cost;
    lease.unreported += cost;
    lease.lastUse = now;
    // Asked for ahead of need, so that a busy key's uses do not wait for the trip.
    if (runningLow(lease, now)) this.ahead(this.topUpCredits(keyId, refill, cost, now));
    return true;
  }

  creditsExhausted(keyId: string, cost: number, now: number): boolean {
    const lease = this.creditsAt(keyId, now);
    return !!lease && lease.left < cost && lease.exhaustedUntil > now && cost >= lease.exhaustedAt;
  }

  /** What the key has left as this instance knows it: its own lease and the unleased rest. */
  creditsRemaining(keyId: string, now: number): number | null {
    const lease = this.creditsAt(keyId, now);
    return lease && lease.epoch !== UNMETERED.epoch ? lease.left + lease.restSeen : null;
  }

  /** Leases more of the key's credits (refilling first when a new period began). */
  topUpCredits(keyId: string, refill: CreditRefill | null, cost: number, now: number): Promise<void> {
    return this.once(`c:${keyId}`, () => this.leaseCredits(keyId, refill, cost, now));
  }

  private async leaseCredits(keyId: string, refill: CreditRefill | null, cost: number, now: number): Promise<void> {
    const period = refill ? refillPeriodStart(refill, now) : null;
    this.trips++;
    const taken = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ remaining: apiKeys.creditsRemaining, leased: apiKeys.creditsLeased, epoch: apiKeys.creditsEpoch, refilledAt: apiKeys.creditsRefilledAt, refill: apiKeys.creditsRefill })
        .from(apiKeys)
        .where(eq(apiKeys.id, keyId))
        .for('update');
      if (!row || row.remaining === null) return null;
      let { remaining, leased, epoch } = row;
      const set: Partial<typeof apiKeys.$inferInsert> = {};
      // The refill replaces the balance: what earlier leases hold belongs to the old period.
      if (period !== null && row.refill && (!row.refilledAt || row.refilledAt.getTime() < period)) {
        remaining = row.refill.amount;
        leased = 0;
        epoch += 1;
        Object.assign(set, { creditsEpoch: epoch, creditsRefilledAt: new Date(period) });
      }
      // What this instance still holds of this same balance counts towards the use: a lease
      // topped up ahead of need must not leave a use refused that the two together cover.
      const held = this.credits.get(keyId);
      const need = Math.max(1, cost - (held && held.epoch === epoch && held.until > now ? held.left : 0));
      const grant = remaining >= need ? wantOf(remaining, need) : 0;
      if (grant > 0 || set.creditsEpoch !== undefined) {
        await tx
          .update(apiKeys)
          .set({ ...set, creditsRemaining: remaining - grant, creditsLeased: leased + grant })
          .where(eq(apiKeys.id, keyId));
      }
      return { grant, rest: remaining - grant, epoch };
    });
    if (!taken) {
      // The key has no credits any more (or no row): the entry that asked is stale and about
      // to be evicted. Its uses are not metered meanwhile, rather than asking in a loop.
      this.credits.set(keyId, { ...UNMETERED, keyId, lastUse: now });
      return;
    }
    const until = refill ? nextRefill(refill, now) : Number.POSITIVE_INFINITY;
    let lease = this.credits.get(keyId);
    if (lease && (lease.epoch !== taken.epoch || lease.until <= now)) {
      // The balance was replaced (a refill, an update): the old lease is void, nothing goes back.
      this.credits.delete(keyId);
      if (lease.unreported > 0) void this.reportCredits({ ...lease, left: 0 });
      lease = undefined;
    }
    if (!lease) {
      lease = { keyId, epoch: taken.epoch, left: 0, granted: 0, unreported: 0, restSeen: 0, lastUse: now, until, exhaustedUntil: 0, exhaustedAt: 0 };
      this.credits.set(keyId, lease);
    }
    lease.left += taken.grant;
    lease.granted = taken.grant;
    lease.restSeen = taken.rest;
    lease.exhaustedUntil = taken.grant === 0 ? now + EXHAUSTED_RECHECK_MS : 0;
    lease.exhaustedAt = cost;
  }

  // --- rate windows --------------------------------------------------------------------

  /** The lease of a rate limit's current window. */
  private windowLease(counter: string, durationMs: number, now: number): { id: string; start: number; endsAt: number; lease: WindowLease | undefined } {
    const start = Math.floor(now / durationMs) * durationMs;
    const id = `${counter}@${start}`;
    return { id, start, endsAt: start + durationMs, lease: this.windows.get(id) };
  }

  /** Outcome of taking `cost` from a window: taken, must ask, or refused until the window ends. */
  spendWindow(counter: string, durationMs: number, cost: number, now: number): 'taken' | 'ask' | 'refused' {
    const { lease } = this.windowLease(counter, durationMs, now);
    if (lease && lease.left >= cost) return 'taken';
    if (lease && lease.exhaustedUntil > now && cost >= lease.exhaustedAt) return 'refused';
    return 'ask';
  }

  /** Takes `cost` from a window this instance holds enough of (after `spendWindow` said 'taken'). */
  commitWindow(counter: string, limit: number, durationMs: number, cost: number, now: number): void {
    const { lease } = this.windowLease(counter, durationMs, now);
    lease!.left -= cost;
    lease!.lastUse = now;
    if (runningLow(lease!, now)) this.ahead(this.topUpWindow(counter, limit, durationMs, cost, now));
  }

  /** A top-up nobody waits for: a failure is logged, and the next use that finds the lease empty asks again. */
  private ahead(topUp: Promise<void>): void {
    topUp.catch((error: unknown) => this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not lease ahead'));
  }

  /** What is left of the window as this instance knows it, and when it ends. */
  windowState(counter: string, limit: number, durationMs: number, now: number): { remaining: number; resetAt: number } {
    const { lease, endsAt } = this.windowLease(counter, durationMs, now);
    return { remaining: lease ? Math.min(limit, lease.left + lease.restSeen) : limit, resetAt: endsAt };
  }

  topUpWindow(counter: string, limit: number, durationMs: number, cost: number, now: number): Promise<void> {
    const { id, endsAt } = this.windowLease(counter, durationMs, now);
    return this.once(id, async () => {
      // No more than the limit allows, and nothing unless a whole use fits with what this
      // instance holds of the window already.
      const need = Math.max(1, cost - (this.windows.get(id)?.left ?? 0));
      const want = Math.min(limit, Math.max(need, Math.min(MAX_WINDOW_LEASE, Math.ceil(limit / 10))));
      const grantSql = sql`case when ${limit} - ${rateWindows.used} >= ${need} then least(${limit} - ${rateWindows.used}, ${want}) else 0 end`;
      this.trips++;
      const [row] = await this.db
        .insert(rateWindows)
        .values({ key: id, used: need <= limit ? want : 0, granted: need <= limit ? want : 0, endsAt: new Date(endsAt) })
        .onConflictDoUpdate({ target: rateWindows.key, set: { granted: grantSql, used: sql`${rateWindows.used} + ${grantSql}` } })
        .returning({ granted: rateWindows.granted, used: rateWindows.used });
      const granted = row?.granted ?? 0;
      const lease = this.windows.get(id) ?? { counter: id, limit, endsAt, left: 0, granted: 0, lastUse: now, restSeen: 0, exhaustedUntil: 0, exhaustedAt: 0 };
      lease.left += granted;
      lease.granted = granted;
      lease.restSeen = Math.max(0, limit - (row?.used ?? limit));
      lease.exhaustedUntil = granted === 0 ? endsAt : 0;
      lease.exhaustedAt = cost;
      this.windows.set(id, lease);
    });
  }

  // --- giving back ---------------------------------------------------------------------

  /** A key changed (SPEC §9: an update replaces its credits): its credit lease goes back. */
  invalidate(tag: string): void {
    if (!tag.startsWith('key:')) return;
    const keyId = tag.slice(4);
    const lease = this.credits.get(keyId);
    if (lease) {
      this.credits.delete(keyId);
      void this.reportCredits(lease);
    }
    // Its own windows' shares too: a lowered limit must not be outspent from a lease taken
    // under the old one. (An owner's shared windows are shares of the owner's, kept.)
    for (const [id, window] of this.windows) {
      if (!id.startsWith(`k:${keyId}:`)) continue;
      this.windows.delete(id);
      if (window.left > 0) void this.giveBackWindow(window);
    }
  }

  /** Notices of changes may be lost while the channel is down: hold no credits meanwhile. */
  suspend(): void {
    for (const keyId of [...this.credits.keys()]) this.invalidate(`key:${keyId}`);
  }

  resume(): void {}

  /** Reports spent credits, gives back idle leases and sweeps ended windows; serialized. */
  settle(all = false): Promise<void> {
    this.settling = this.settling.then(() => this.settleNow(all));
    return this.settling;
  }

  /** Gives everything back: before the database closes. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.settle(true);
  }

  private async settleNow(all: boolean): Promise<void> {
    const now = Date.now();
    const work: Promise<void>[] = [];
    for (const [keyId, lease] of this.credits) {
      const idle = all || now - lease.lastUse >= LEASE_IDLE_MS || lease.until <= now;
      if (idle) this.credits.delete(keyId);
      if (idle || lease.unreported > 0) work.push(this.reportCredits(idle ? lease : { ...lease, left: 0 }));
      if (!idle) lease.unreported = 0;
    }
    for (const [id, lease] of this.windows) {
      if (lease.endsAt <= now) this.windows.delete(id);
      else if (all || now - lease.lastUse >= LEASE_IDLE_MS) {
        this.windows.delete(id);
        if (lease.left > 0) work.push(this.giveBackWindow(lease));
      }
    }
    if (now - this.lastSweep >= 60_000) {
      this.lastSweep = now;
      work.push(this.quietly('sweep rate windows', () => this.db.delete(rateWindows).where(lt(rateWindows.endsAt, new Date(now - 60_000)))));
    }
    await Promise.all(work);
  }

  /** Spent credits leave credits_leased; unspent ones (`left`) go back to the balance — if it is still the same balance. */
  private reportCredits(lease: Pick<CreditLease, 'keyId' | 'epoch' | 'left' | 'unreported'>): Promise<void> {
    const { keyId, epoch, left, unreported } = lease;
    if ((left === 0 && unreported === 0) || epoch === UNMETERED.epoch) return Promise.resolve();
    return this.quietly('report credits', () =>
      this.db
        .update(apiKeys)
        .set({
          creditsRemaining: sql`${apiKeys.creditsRemaining} + ${left}`,
          creditsLeased: sql`greatest(0, ${apiKeys.creditsLeased} - ${left + unreported})`,
        })
        .where(and(eq(apiKeys.id, keyId), eq(apiKeys.creditsEpoch, epoch))),
    );
  }

  private giveBackWindow(lease: WindowLease): Promise<void> {
    return this.quietly('give back a rate window', () =>
      this.db
        .update(rateWindows)
        .set({ used: sql`greatest(0, ${rateWindows.used} - ${lease.left})` })
        .where(and(eq(rateWindows.key, lease.counter), gt(rateWindows.endsAt, new Date()))),
    );
  }

  /**
   * Giving back may fail (the database is away): the credits are then lost to the key,
   * never spent twice — the safe side. Logged, not thrown, since it runs from a timer.
   */
  private async quietly(what: string, run: () => PromiseLike<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, `could not ${what}`);
    }
  }

  private once(id: string, run: () => Promise<void>): Promise<void> {
    let pending = this.topping.get(id);
    if (!pending) {
      pending = run().finally(() => this.topping.delete(id));
      this.topping.set(id, pending);
    }
    return pending;
  }
}

