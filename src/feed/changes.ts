import { and, asc, gt, lt, max, min, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/open';
import { verificationChanges, type VerificationChangeRow } from '../db/schema';
import type { Logger } from '../logger';

/**
 * The change feed (SPEC §11): every change that affects verification — a key created,
 * updated, rotated, revoked, reported leaked; an organization's settings — as a row of
 * `verification_changes`, written in the change's own transaction (by recordAudits) and
 * numbered in commit order: writers take one transaction-scoped advisory lock before they
 * insert, so a row with a higher number never commits before one with a lower number, and a
 * reader that has seen N has seen everything up to N. Rows are kept a day: a client that
 * reconnects with an older number is told to resynchronise.
 *
 * Each instance serves the feed from the invalidation channel it already listens to: any
 * notice (db/notify.ts) wakes the hub, which reads the rows after the last it has seen and
 * hands them to its subscribers; a slow poll covers notices lost while the channel was down.
 */

/** The audit actions that change what a verification answers. */
export const FEED_ACTIONS = new Set(['api_key.created', 'api_key.updated', 'api_key.rotated', 'api_key.revoked', 'api_key.leaked', 'organization.updated']);
/** Any constant no other advisory lock uses: orders the feed's writers. */
const FEED_LOCK_ID = 0x6b776664; // "kwfd"
export const FEED_RETENTION_MS = 24 * 60 * 60_000;
const POLL_MS = 5_000;
const PAGE = 1_000;

export interface FeedChange {
  kind: 'CHANGE';
  seq: number;
  organizationId: string | null;
  apiKeyId: string | null;
  action: string;
  at: Date;
}
/** READY: the feed is live from `seq` on. RESYNC: what was asked for is gone; load everything again. */
export type FeedEvent = FeedChange | { kind: 'READY' | 'RESYNC'; seq: number };

export async function recordVerificationChanges(tx: Queryable, changes: Array<{ organizationId: string | null; apiKeyId: string | null; action: string }>): Promise<void> {
  if (changes.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${FEED_LOCK_ID})`);
  await tx.insert(verificationChanges).values(changes);
}

const toEvent = (row: VerificationChangeRow): FeedChange => ({ kind: 'CHANGE', seq: row.seq, organizationId: row.organizationId, apiKeyId: row.apiKeyId, action: row.action, at: row.at });

/** The newest change's number (0 for none). */
export async function feedPosition(db: Queryable): Promise<number> {
  const [row] = await db.select({ seq: max(verificationChanges.seq) }).from(verificationChanges);
  return Number(row?.seq ?? 0);
}

type Listener = (events: FeedChange[]) => void;

export class FeedHub {
  private last = 0;
  private readonly listeners = new Set<Listener>();
  private reading: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private lastPurge = 0;
  private started: Promise<void> | null = null;
  private stopped = false;
  /** The open streams of each service credential, ended when it is revoked. */
  private readonly streamsOf = new Map<string, Set<AbortController>>();

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  /** Starts from the newest change: what came before is served from the table on request. */
  start(): Promise<void> {
    this.started ??= feedPosition(this.db).then(
      (seq) => {
        this.last = Math.max(this.last, seq);
        if (this.stopped) return;
        this.timer = setInterval(() => this.wake(), POLL_MS);
        this.timer.unref();
      },
      (error: unknown) => {
        // Not remembered: the next subscriber or notice tries again.
        this.started = null;
        throw error;
      },
    );
    return this.started;
  }

  /** No more reads; one in flight finishes (before the database closes). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopped = true;
    await this.reading;
  }

  // The invalidation channel drives the hub like a cache (db/notify.ts Evictable).
  invalidate(tag: string): void {
    // A revoked service credential's open streams end with it, on every instance.
    if (tag.startsWith('service:')) for (const end of this.streamsOf.get(tag.slice(8)) ?? []) end.abort();
    this.wake();
  }
  suspend(): void {}
  resume(): void {
    this.wake();
  }

  /** Reads what is new once; a wake during a read runs one more read after it. */
  wake(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readNew()
      .catch((error: unknown) => this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not read the change feed'))
      .finally(() => {
        this.reading = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves once the hub has read everything committed before this call. */
  async caughtUp(): Promise<void> {
    await this.start();
    this.again = false;
    while (this.reading) await this.reading;
    this.wake();
    await this.reading;
  }

  private async readNew(): Promise<void> {
    await this.start();
    for (;;) {
      const rows = await this.db.select().from(verificationChanges).where(gt(verificationChanges.seq, this.last)).orderBy(asc(verificationChanges.seq)).limit(PAGE);
      if (rows.length === 0) break;
      this.last = rows.at(-1)!.seq;
      const events = rows.map(toEvent);
      for (const listener of this.listeners) listener(events);
      if (rows.length < PAGE) break;
    }
    if (Date.now() - this.lastPurge > 60 * 60_000) {
      this.lastPurge = Date.now();
      // The newest row is always kept, even a day old: it is what tells a client that
      // reconnects with an older cursor that rows after it are gone (RESYNC).
      await this.db
        .delete(verificationChanges)
        .where(and(lt(verificationChanges.at, new Date(Date.now() - FEED_RETENTION_MS)), lt(verificationChanges.seq, this.last)));
    }
  }

  /**
   * The events after `after` (null: from now on): first READY or RESYNC, then what the table
   * holds after `after`, then live changes as they come, each exactly once and in order.
   */
  async *subscribe(after: number | null, clientGone?: AbortSignal, serviceTokenId?: string): AsyncGenerator<FeedEvent> {
    await this.start();
    const revoked = new AbortController();
    const signal = clientGone ? AbortSignal.any([clientGone, revoked.signal]) : revoked.signal;
    if (serviceTokenId) {
      let streams = this.streamsOf.get(serviceTokenId);
      if (!streams) this.streamsOf.set(serviceTokenId, (streams = new Set()));
      streams.add(revoked);
    }
    const queue: FeedChange[] = [];
    let notify: (() => void) | null = null;
    const listener: Listener = (events) => {
      queue.push(...events);
      notify?.();
    };
    // Listening before reading the backlog: nothing committed in between can fall through.
    this.listeners.add(listener);
    // A client gone (or its credential revoked) wakes the loop below, which then ends.
    const onAbort = () => notify?.();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      let seen = after ?? this.last;
      if (after !== null) {
        const [oldest] = await this.db.select({ seq: min(verificationChanges.seq) }).from(verificationChanges);
        const first = Number(oldest?.seq ?? 0);
        // Rows after `after` have been purged (or `after` is from another database): start over.
        if ((first > 0 && after < first - 1) || after > Math.max(this.last, await feedPosition(this.db))) {
          seen = await feedPosition(this.db);
          yield { kind: 'RESYNC', seq: seen };
        } else {
          yield { kind: 'READY', seq: after };
          for (;;) {
            const rows = await this.db.select().from(verificationChanges).where(gt(verificationChanges.seq, seen)).orderBy(asc(verificationChanges.seq)).limit(PAGE);
            for (const row of rows) {
              seen = row.seq;
              yield toEvent(row);
            }
            if (rows.length < PAGE) break;
          }
        }
      } else {
        yield { kind: 'READY', seq: seen };
      }
      while (!signal.aborted) {
        while (queue.length > 0) {
          const event = queue.shift()!;
          if (event.seq <= seen) continue;
          seen = event.seq;
          yield event;
        }
        if (signal.aborted) break;
        await new Promise<void>((resolve) => (notify = resolve));
        notify = null;
      }
    } finally {
      this.listeners.delete(listener);
      signal.removeEventListener('abort', onAbort);
      const streams = serviceTokenId ? this.streamsOf.get(serviceTokenId) : undefined;
      streams?.delete(revoked);
      if (streams?.size === 0) this.streamsOf.delete(serviceTokenId!);
    }
  }
}
