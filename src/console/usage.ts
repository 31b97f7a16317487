import { count } from './format';
import type { ConsoleUsageQuery, UsageInterval, VerificationCode } from './gql/graphql';

/**
 * Verifications by outcome over a period, as the usage charts show them: the API's buckets
 * (only those with any use) zero-filled into one per interval, so lines run on through
 * quiet minutes, and summed per outcome for the words beside the chart.
 */

export type Period = 'hour' | 'day' | 'month';

export const PERIODS: Record<Period, { label: string; words: string; interval: UsageInterval; buckets: number }> = {
  hour: { label: 'Last hour', words: 'in the last hour', interval: 'MINUTE', buckets: 60 },
  day: { label: 'Last day', words: 'in the last day', interval: 'HOUR', buckets: 24 },
  month: { label: 'Last 30 days', words: 'in the last 30 days', interval: 'DAY', buckets: 30 },
};

const INTERVAL_MS: Record<UsageInterval, number> = { MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 };

/**
 * Every outcome in a fixed order (a valid use, then the refusals in the order the API
 * checks them) with a fixed colour, so an outcome looks the same on every chart. The
 * colours differ in hue and each has at least 3:1 contrast on white; the two answers for
 * keys that do not exist are dashed, as they are about no real key.
 */
export const OUTCOMES: { code: VerificationCode; label: string; colour: string; dashed?: boolean }[] = [
  { code: 'VALID', label: 'Valid', colour: '#15803d' },
  { code: 'MALFORMED', label: 'Malformed', colour: '#374151', dashed: true },
  { code: 'NOT_FOUND', label: 'Not found', colour: '#6b7280', dashed: true },
  { code: 'REVOKED', label: 'Revoked', colour: '#b91c1c' },
  { code: 'EXPIRED', label: 'Expired', colour: '#854d0e' },
  { code: 'IP_NOT_ALLOWED', label: 'Address not allowed', colour: '#a21caf' },
  { code: 'INSUFFICIENT_SCOPE', label: 'Missing scope', colour: '#1d4ed8' },
  { code: 'RATE_LIMITED', label: 'Rate limited', colour: '#c2410c' },
  { code: 'USAGE_EXCEEDED', label: 'Out of credits', colour: '#6d28d9' },
];

export interface UsageSeries {
  /** Each bucket's start, in seconds (uPlot's time unit). */
  starts: number[];
  /** Outcomes with any use in the period, in OUTCOMES' order, each with a count per bucket. */
  outcomes: { code: VerificationCode; counts: number[]; total: number }[];
  total: number;
}

/** The period's buckets, ending with the one now falls in: `from` and `to` for the usage query. */
export function periodRange(period: Period, now = Date.now()): { from: Date; to: Date; interval: UsageInterval } {
  const { interval, buckets } = PERIODS[period];
  const step = INTERVAL_MS[interval];
  // Buckets are aligned to UTC, as the epoch is.
  const current = now - (now % step);
  return { from: new Date(current - (buckets - 1) * step), to: new Date(current + step), interval };
}

/** One bucket per interval over the range, the API's counts in their places and zero elsewhere. */
export function zeroFilled(buckets: ConsoleUsageQuery['usage'], range: { from: Date; to: Date; interval: UsageInterval }): UsageSeries {
  const step = INTERVAL_MS[range.interval];
  const first = range.from.getTime();
  const size = Math.round((range.to.getTime() - first) / step);
  const counts = new Map(OUTCOMES.map(({ code }) => [code, new Array<number>(size).fill(0)]));
  for (const bucket of buckets) {
    const at = Math.round((Date.parse(bucket.start) - first) / step);
    if (at < 0 || at >= size) continue;
    for (const { code, count } of bucket.counts) counts.get(code)![at]! += count;
  }
  const outcomes = OUTCOMES.map(({ code }) => {
    const series = counts.get(code)!;
    return { code, counts: series, total: series.reduce((sum, n) => sum + n, 0) };
  }).filter((outcome) => outcome.total > 0);
  return {
    starts: Array.from({ length: size }, (_, i) => (first + i * step) / 1000),
    outcomes,
    total: outcomes.reduce((sum, outcome) => sum + outcome.total, 0),
  };
}

export const outcomeOf = (code: VerificationCode) => OUTCOMES.find((o) => o.code === code)!;

/** "1,204 verifications in the last day: 1,150 valid, 40 rate limited, 14 not found." */
export function usageSummary(series: UsageSeries, period: Period): string {
  const each = series.outcomes.map(({ code, total }) => `${count(total)} ${outcomeOf(code).label.toLowerCase()}`);
  return `${count(series.total)} ${series.total === 1 ? 'verification' : 'verifications'} ${PERIODS[period].words}: ${each.join(', ')}.`;
}
