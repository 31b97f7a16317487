import { and, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/open';
import { apiKeys } from '../db/schema';
import { loggableError, type Logger } from '../logger';
import { enqueueEvent } from './outbox';

/**
 * `api_key.expiring` (SPEC §10): seven days and one day before a live key expires, once
 * each. What was sent is kept on the key (`reminded_expiry`, `reminders_sent`) and marked in
 * the transaction that queues the events, so a restart neither repeats nor loses one; a
 * changed expiry no longer equals `reminded_expiry`, which re-arms both. A key first seen
 * inside its last day gets the one-day reminder only: a "seven days" one would be wrong.
 *
 * Every instance runs this once a minute; a transaction-scoped advisory lock lets one of
 * them at a time do the work (the others find the lock taken and skip that round).
 */

// Shared by every instance, distinct from the migration lock (db/open.ts).
export const REMINDER_LOCK_ID = 0x6b657772; // "kewr"
const INTERVAL_MS = 60_000;
/** The first round comes soon after start, not a minute later. */
const FIRST_ROUND_MS = 5_000;
const BATCH = 500;

/** Reminders due now: live, expiring within 7 days, and fewer sent for this expiry than are due. */
const due = and(
  isNull(apiKeys.revokedAt),
  gt(apiKeys.expiresAt, sql`now()`),
  lte(apiKeys.expiresAt, sql`now() + interval '7 days'`),
  sql`(${apiKeys.remindedExpiry} is distinct from ${apiKeys.expiresAt}
       or ${apiKeys.remindersSent} < case when ${apiKeys.expiresAt} <= now() + interval '1 day' then 2 else 1 end)`,
);

/** The rows of a raw statement: postgres.js answers an array, PGlite an object with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function holdsLock(tx: Queryable): Promise<boolean> {
  const [row] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK_ID}) as locked`));
  return row?.locked === true;
}

/**
 * Queues the reminders due now; resolves with how many were queued, or null when another
 * instance holds the lock.
 */
export async function sendExpiryReminders(db: Database): Promise<number | null> {
  let total = 0;
  for (;;) {
    const sent = await db.transaction(async (tx) => {
      if (!(await holdsLock(tx))) return null;
      const marked = await tx
        .update(apiKeys)
        .set({
          remindedExpiry: sql`${apiKeys.expiresAt}`,
          remindersSent: sql`case when ${apiKeys.expiresAt} <= now() + interval '1 day' then 2 else 1 end`,
        })
                // `due` again on the row updated: a key whose expiry changed since the subquery read
        // it is judged on its new expiry, not marked as reminded of it.
        .where(and(due, inArray(apiKeys.id, tx.select({ id: apiKeys.id }).from(apiKeys).where(due).limit(BATCH))))
        .returning({
          id: apiKeys.id,
          organizationId: apiKeys.organizationId,
          expiresAt: apiKeys.expiresAt,
          daysLeft: sql<number>`ceil(extract(epoch from (${apiKeys.expiresAt} - now())) / 86400)::int`,
        });
      for (const key of marked) {
        await enqueueEvent(tx, key.organizationId, 'api_key.expiring', { id: key.id, expiresAt: key.expiresAt!.toISOString(), daysLeft: key.daysLeft });
      }
      return marked.length;
    });
    if (sent === null) return total === 0 ? null : total;
    total += sent;
    if (sent < BATCH) return total;
  }
}

export class ExpiryReminders {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number | null> = Promise.resolve(0);
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.schedule(FIRST_ROUND_MS);
  }

  /** One round, after the one in progress if any. */
  tick(): Promise<number | null> {
    this.running = this.running.then(() =>
      this.stopped
        ? 0
        : sendExpiryReminders(this.db).catch((error: unknown) => {
            this.logger.warn({ err: loggableError(error) }, 'could not send expiry reminders');
            return 0;
          }),
    );
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick().then(() => this.schedule(INTERVAL_MS)), delayMs);
    this.timer.unref();
  }
}
