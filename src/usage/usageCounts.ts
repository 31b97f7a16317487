import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { usageCounts } from '../db/schema';
import { badInput } from '../errors';
import type { Logger } from '../logger';
import type { Tenant } from '../tenant';

/**
 * Verifications by outcome over time (SPEC §9 `usage`). Every use of a key — a
 * `verifyApiKey` answer about it, a request it authenticates — is counted in memory under
 * (key, outcome, minute); every few seconds one statement adds the counts to their
 * minute, hour and day rows, so the request path never waits for it and a minute's
 * thousands of uses are one row update. Rows older than their interval's retention are
 * deleted hourly.
 */

export type UsageInterval = 'MINUTE' | 'HOUR' | 'DAY';
export const INTERVAL_MS: Record<UsageInterval, number> = { MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 };
/** Counts reach the database this often: "visible within 15 s" with room to spare. */
export const USAGE_COUNT_FLUSH_MS = 5_000;
/** The most buckets one `usage` answer holds (a day of minutes, 60 days of hours…). */
export const MAX_BUCKETS = 1_500;
/**
 * The most (key, outcome, minute) counts held in memory. Counts the database could not take
 * are kept for the next flush, and every minute of an outage adds a set of them: past this
 * many (~30 MB), the uses of a (key, outcome, minute) not yet held are dropped and said in
 * the log, rather than grow the process without end. Uses of one held are still added to it.
 */
export const MAX_PENDING_COUNTS = 100_000;

export interface Retention {
  minuteDays: number;
  hourDays: number;
  dayDays: number;
}

interface Pending {
  organizationId: string;
  apiKeyId: string;
  code: string;
  minute: number;
  count: number;
}

export class UsageCounter {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private lastPurge = 0;
  /** Uses dropped at the cap since the log last said so. */
  private dropped = 0;

  constructor(
    private readonly db: Pick<Database, 'select' | 'delete' | 'execute'>,
    private readonly logger: Logger,
    private readonly retention: Retention,
    /** False turns counting off (the analytics-overhead benchmark compares both). */
    readonly enabled = true,
    private readonly maxPending = MAX_PENDING_COUNTS,
  ) {}

  start(): void {
    if (!this.enabled) return;
    this.timer ??= setInterval(() => void this.flush(), USAGE_COUNT_FLUSH_MS);
    this.timer.unref();
  }

  count(organizationId: string, apiKeyId: string, code: string, at = Date.now(), uses = 1): void {
    if (!this.enabled) return;
    const minute = at - (at % 60_000);
    const id = `${apiKeyId} ${code} ${minute}`;
    const seen = this.pending.get(id);
    if (seen) seen.count += uses;
    else if (this.pending.size >= this.maxPending) this.dropped += uses;
    else this.pending.set(id, { organizationId, apiKeyId, code, minute, count: uses });
  }

  /** Writes what is pending; serialized, so two flushes never add the same counts. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async write(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge >= 3_600_000 && this.enabled) {
      this.lastPurge = now;
      await this.quietly('purge old usage counts', () => this.purge(now));
    }
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    // Each minute's count, added to its minute, hour and day: rows merged per bucket first,
    // since one INSERT … ON CONFLICT may not touch the same row twice.
    const rows = new Map<string, { organization_id: string; api_key_id: string; code: string; interval: UsageInterval; bucket_start: string; count: number }>();
    for (const p of batch.values()) {
      for (const interval of ['MINUTE', 'HOUR', 'DAY'] as const) {
        const start = p.minute - (p.minute % INTERVAL_MS[interval]);
        const id = `${p.apiKeyId} ${p.code} ${interval} ${start}`;
        const row = rows.get(id);
        if (row) row.count += p.count;
        else rows.set(id, { organization_id: p.organizationId, api_key_id: p.apiKeyId, code: p.code, interval, bucket_start: new Date(start).toISOString(), count: p.count });
      }
    }
    // One statement with one parameter, the rows as JSON, however many there are: a
    // statement carries at most 65,535 parameters, and rows as parameters (7 each) once
    // went past it after a burst of new keys, failed, were put back, and failed again,
    // bigger, at every flush. One statement is also all or nothing, as adding must be. In
    // key order: two instances adding to the same rows lock them in the same order and
    // wait for each other rather than deadlock.
    const ok = await this.quietly('write usage counts', () =>
      this.db.execute(sql`
        insert into ${usageCounts} (organization_id, api_key_id, code, interval, bucket_start, count)
        select organization_id, api_key_id, code, interval, bucket_start, count
        from jsonb_to_recordset(${JSON.stringify([...rows.values()])}::jsonb)
          as r(organization_id uuid, api_key_id text, code text, interval text, bucket_start timestamptz, count bigint)
        order by api_key_id, interval, bucket_start, code
        on conflict (api_key_id, interval, bucket_start, code) do update set count = ${usageCounts}.count + excluded.count`),
    );
    // Not written: kept for the next flush rather than lost, with what was counted meanwhile
    // added after it, up to the cap: the newest are the ones dropped.
    if (!ok) {
      const meanwhile = this.pending;
      this.pending = batch;
      for (const p of meanwhile.values()) this.count(p.organizationId, p.apiKeyId, p.code, p.minute, p.count);
    }
    if (this.dropped > 0) {
      this.logger.warn({ uses: this.dropped, held: this.pending.size }, 'usage counts dropped: too many are waiting for the database');
      this.dropped = 0;
    }
  }

  private async purge(now: number): Promise<void> {
    const days = { MINUTE: this.retention.minuteDays, HOUR: this.retention.hourDays, DAY: this.retention.dayDays };
    for (const interval of ['MINUTE', 'HOUR', 'DAY'] as const) {
      await this.db
        .delete(usageCounts)
        .where(and(eq(usageCounts.interval, interval), lt(usageCounts.bucketStart, new Date(now - days[interval] * 86_400_000))));
    }
  }

  private async quietly(what: string, run: () => PromiseLike<unknown>): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, `could not ${what}`);
      return false;
    }
  }
}

export interface UsageBucket {
  start: Date;
  counts: { code: string; count: number }[];
  total: number;
}

export interface UsageQuery {
  /** Null: every key of the organization. */
  apiKeyId: string | null;
  from: Date;
  to: Date;
  interval: UsageInterval;
}

/** The buckets with any use in [from, to), oldest first; `from` is rounded down to its bucket. */
export async function usageSeries(tenant: Pick<Tenant, 'db' | 'organizationId'>, query: UsageQuery): Promise<UsageBucket[]> {
  if (!(query.to > query.from)) throw badInput('to', 'must be later than from');
  const step = INTERVAL_MS[query.interval];
  const from = query.from.getTime() - (query.from.getTime() % step);
  const to = query.to.getTime();
  if ((to - from) / step > MAX_BUCKETS) throw badInput('interval', `the range holds more than ${MAX_BUCKETS} buckets of this interval; pick a longer one`);
  const rows = await tenant.db
    .select({ start: usageCounts.bucketStart, code: usageCounts.code, count: sql<number>`sum(${usageCounts.count})::int` })
    .from(usageCounts)
    .where(
      and(
        eq(usageCounts.organizationId, tenant.organizationId),
        query.apiKeyId ? eq(usageCounts.apiKeyId, query.apiKeyId) : undefined,
        eq(usageCounts.interval, query.interval),
        gte(usageCounts.bucketStart, new Date(from)),
        lt(usageCounts.bucketStart, new Date(to)),
      ),
    )
    .groupBy(usageCounts.bucketStart, usageCounts.code)
    .orderBy(asc(usageCounts.bucketStart), asc(usageCounts.code));
  const buckets = new Map<number, UsageBucket>();
  for (const row of rows) {
    const at = row.start.getTime();
    let bucket = buckets.get(at);
    if (!bucket) buckets.set(at, (bucket = { start: row.start, counts: [], total: 0 }));
    bucket.counts.push({ code: row.code, count: Number(row.count) });
    bucket.total += Number(row.count);
  }
  return [...buckets.values()];
}
