import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import type { Logger } from '../logger';

/**
 * `lastUsedAt`, written off the request path (SPEC §7): a verified key (or a session) only
 * notes the time in memory, and every few seconds one UPDATE writes all those used
 * meanwhile. `greatest` keeps the newest time when several instances write the same row.
 */
export const USAGE_FLUSH_MS = 5_000;

/** The tables whose rows carry a last_used_at written this way, with their ID's type. */
const ID_TYPES = { api_keys: 'text', sessions: 'uuid', service_tokens: 'uuid' } as const;
export type UsageTable = keyof typeof ID_TYPES;

export class UsageRecorder {
  /** id → the latest use noted, in epoch milliseconds (no Date made per request). */
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Queryable,
    private readonly logger: Logger,
    private readonly table: UsageTable = 'api_keys',
    private readonly intervalMs = USAGE_FLUSH_MS,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  record(id: string, at = Date.now()): void {
    const seen = this.pending.get(id);
    if (seen === undefined || seen < at) this.pending.set(id, at);
  }

  /** Writes what is pending; calls are serialized so two flushes never race. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  /** Stops the timer and writes what is left: call before the database closes. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const table = sql.identifier(this.table);
    const idType = sql.raw(ID_TYPES[this.table]);
    const uses = [...batch].map(([id, at]) => ({ id, at: new Date(at).toISOString() }));
    try {
      // The uses as one JSON parameter, however many: a statement carries at most 65,535
      // parameters. In ID order, the order two instances' updates of the same rows should
      // lock them in; were a plan to take them otherwise and deadlock, PostgreSQL ends one
      // of the two, whose batch is put back for the next flush.
      await this.db.execute(sql`
        update ${table} set last_used_at = greatest(${table}.last_used_at, used.at)
        from (
          select id, at from jsonb_to_recordset(${JSON.stringify(uses)}::jsonb) as r(id ${idType}, at timestamptz) order by id
        ) as used
        where ${table}.id = used.id`);
    } catch (error) {
      // Put the batch back for the next flush rather than lose it.
      for (const [id, at] of batch) this.record(id, at);
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, `could not write ${this.table} usage`);
    }
  }
}
