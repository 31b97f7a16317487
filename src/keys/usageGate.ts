import type { CreditRefill, RateLimitRule } from '../db/schema';
import type { Leases } from './leases';

/**
 * A use of a verified, live, permitted key against its rate limits and credits (SPEC §9):
 * RATE_LIMITED before USAGE_EXCEEDED, and a refused use takes nothing from any budget —
 * every budget is checked first and all are taken together, in one synchronous step.
 * Answered from this instance's leases when they hold enough (no promise, no database);
 * otherwise the leases are topped up first (keys/leases.ts) and the check runs again.
 */

export interface UsageRules {
  keyId: string;
  organizationId: string;
  owner: string | null;
  rateLimits: readonly RateLimitRule[];
  /** Null when the key has no credits. */
  credits: { refill: CreditRefill | null } | null;
}

export interface UseRequest {
  /** Rate limits to apply by name, on top of the auto-applied ones; unknown names are ignored. */
  rateLimits?: readonly string[] | null;
  /** Credits this use costs (default 1). */
  cost?: number | null;
}

export interface RateLimitState {
  name: string;
  limit: number;
  remaining: number;
  /** Epoch milliseconds: when the window ends. */
  resetAt: number;
  durationSeconds: number;
}

export interface UsageOutcome {
  code: 'VALID' | 'RATE_LIMITED' | 'USAGE_EXCEEDED';
  /** Credits left, as this instance knows them; null for a key without credits. */
  remaining: number | null;
  rateLimits: RateLimitState[];
  retryAfterSeconds?: number;
}

/**
 * The counter a limit takes from: the key's own, or, for a `shared` limit of a key with an
 * owner, the owner's in its organization. JSON keeps the parts apart (owners and names may
 * hold ':'); a key ID is [0-9A-Za-z] only.
 */
const counterOf = (rules: UsageRules, rule: RateLimitRule) =>
  rule.shared && rules.owner ? `o:${JSON.stringify([rules.organizationId, rules.owner, rule.name])}` : `k:${rules.keyId}:${rule.name}`;

function applied(rules: UsageRules, named: readonly string[] | null | undefined): RateLimitRule[] {
  if (!named || named.length === 0) return rules.rateLimits.filter((rule) => rule.autoApply);
  return rules.rateLimits.filter((rule) => rule.autoApply || named.includes(rule.name));
}

/**
 * Ends: each top-up either hands this instance at least one use's worth (and a finite
 * budget can do that only so often) or finds none left, which refuses without asking again.
 */
export function useBudgets(rules: UsageRules, request: UseRequest, leases: Leases, now: number): UsageOutcome | Promise<UsageOutcome> {
  const limits = applied(rules, request.rateLimits);
  const cost = request.cost ?? 1;
  const states = () =>
    limits.map((rule) => ({
      name: rule.name,
      limit: rule.limit,
      durationSeconds: rule.durationSeconds,
      ...leases.windowState(counterOf(rules, rule), rule.limit, rule.durationSeconds * 1000, now),
    }));
  const remaining = () => (rules.credits ? leases.creditsRemaining(rules.keyId, now) : null);

  const asks: Promise<void>[] = [];
  for (const rule of limits) {
    const counter = counterOf(rules, rule);
    const ms = rule.durationSeconds * 1000;
    const state = leases.spendWindow(counter, ms, rule.cost, now);
    if (state === 'refused') {
      // Top-ups already started for other limits are not awaited: their failure must not go unhandled.
      for (const ask of asks) ask.catch(() => {});
      const all = states();
      const resetAt = leases.windowState(counter, rule.limit, ms, now).resetAt;
      return { code: 'RATE_LIMITED', remaining: remaining(), rateLimits: all, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
    }
    if (state === 'ask') asks.push(leases.topUpWindow(counter, rule.limit, ms, rule.cost, now));
  }
  // Checked again at the time the budgets answered: a window may have ended meanwhile.
  if (asks.length > 0) return Promise.all(asks).then(() => useBudgets(rules, request, leases, Date.now()));

  if (rules.credits) {
    const lease = leases.creditsAt(rules.keyId, now);
    if (!lease || lease.left < cost) {
      if (leases.creditsExhausted(rules.keyId, cost, now)) {
        return { code: 'USAGE_EXCEEDED', remaining: remaining() ?? 0, rateLimits: states() };
      }
      return leases.topUpCredits(rules.keyId, rules.credits.refill, cost, now).then(() => useBudgets(rules, request, leases, Date.now()));
    }
  }

  // Everything fits: take it all in this same turn, so no concurrent use slips in between.
  for (const rule of limits) leases.commitWindow(counterOf(rules, rule), rule.limit, rule.durationSeconds * 1000, rule.cost, now);
  if (rules.credits) leases.spendCredits(rules.keyId, rules.credits.refill, cost, now);
  return { code: 'VALID', remaining: remaining(), rateLimits: states() };
}
