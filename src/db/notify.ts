import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { DatabaseTarget } from '../config';
import type { Logger } from '../logger';
import type { Database, Queryable } from './open';

/**
 * The one invalidation channel for every kind of credential (SPEC §7). A change that
 * narrows or ends a credential — revoke, rotate, update of a key; logout, role change,
 * removal, password change of a member — runs through `transaction()` and names what it
 * changed with `changed()`:
 *
 * - on PostgreSQL, `pg_notify` is sent inside that same transaction, so other instances
 *   hear of it exactly when (and only if) it commits; each instance LISTENs on a dedicated
 *   connection and evicts what it is told;
 * - on this instance, the eviction happens as soon as the transaction is over, before the
 *   change's caller gets its answer.
 *
 * When the listening connection drops, notifications sent meanwhile are lost: the cache is
 * then cleared and bypassed (every request reads its row) until LISTEN holds again. On
 * embedded PGlite there is only this process, so local eviction is all there is to do.
 */

export const CHANNEL = 'keyward_credentials';

export type CredentialChange =
  | { apiKeyId: string }
  | { memberId: string }
  | { sessionId: string }
  | { serviceTokenId: string }
  /** An organization's settings: nothing cached depends on them; the change feed does. */
  | { organizationId: string };

export function tagOf(change: CredentialChange): string {
  if ('apiKeyId' in change) return `key:${change.apiKeyId}`;
  if ('memberId' in change) return `member:${change.memberId}`;
  if ('serviceTokenId' in change) return `service:${change.serviceTokenId}`;
  if ('organizationId' in change) return `org:${change.organizationId}`;
  return `session:${change.sessionId}`;
}

/** Announces what a transaction changed (see `transaction`). */
export type Changed = (...changes: CredentialChange[]) => Promise<void>;

/** What the channel drives: the credential cache, and the leases of credits (keys/leases.ts). */
export interface Evictable {
  invalidate(tag: string): void;
  suspend(): void;
  resume(): void;
}

export interface ChannelStats {
  listening: boolean;
  received: number;
  drops: number;
}

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 2_000;

export class InvalidationChannel {
  private listener: postgres.Sql | null = null;
  private listening = false;
  private stopped = false;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private counters = { received: 0, drops: 0 };
  private waiters: Array<() => void> = [];

  constructor(
    private readonly db: Database,
    private readonly target: DatabaseTarget,
    private readonly caches: readonly Evictable[],
    private readonly logger: Logger,
  ) {
    if (target.kind === 'postgres') {
      // Nothing may be served from memory before a missed NOTIFY is impossible.
      this.each((cache) => cache.suspend());
      this.listener = postgres(target.url, {
        max: 1,
        idle_timeout: 0,
        max_lifetime: null,
        onnotice: () => {},
        connection: { application_name: 'keyward-listener' },
        // postgres.js delivers every NOTIFY of this connection here (its `listen()` helper
        // would open one more connection of its own and hide drops behind its reconnects).
        ...({ onnotify: (channel: string, payload: string) => this.notified(channel, payload) } as object),
        onclose: () => this.lost(),
      });
      void this.listen();
    }
  }

  private notified(channel: string, payload: string): void {
    if (channel !== CHANNEL) return;
    this.counters.received++;
    this.each((cache) => cache.invalidate(payload));
  }

  private each(act: (cache: Evictable) => void): void {
    for (const cache of this.caches) act(cache);
  }

  /** Runs `work` in a transaction; every change it names is announced and evicted. */
  async transaction<T>(work: (tx: Queryable, changed: Changed) => Promise<T>): Promise<T> {
    const tags: string[] = [];
    try {
      return await this.db.transaction((tx) =>
        work(tx, async (...changes) => {
          const named = changes.map(tagOf);
          tags.push(...named);
          // One statement for all of them: the row lock of the change is held meanwhile.
          const notices = sql.join(named.map((tag) => sql`pg_notify(${CHANNEL}, ${tag})`), sql`, `);
          if (this.target.kind === 'postgres' && named.length > 0) await tx.execute(sql`select ${notices}`);
        }),
      );
    } finally {
      // After commit (or rollback, where evicting is merely wasted): an entry filled from a
      // row read before the commit is evicted now, and a fill still in flight is refused.
      for (const tag of tags) this.each((cache) => cache.invalidate(tag));
    }
  }

  /** Resolves once LISTEN holds (at once on PGlite). */
  whenListening(): Promise<void> {
    if (!this.listener || this.listening) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The listening connection's server process ID, for tests that cut it. */
  async listenerPid(): Promise<number | null> {
    if (!this.listener) return null;
    const [row] = await this.listener<{ pid: number }[]>`select pg_backend_pid() as pid`;
    return row?.pid ?? null;
  }

  stats(): ChannelStats {
    return { listening: this.listener ? this.listening : true, ...this.counters };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.listener?.end({ timeout: 1 });
  }

  private async listen(): Promise<void> {
    this.retryTimer = null;
    if (this.stopped || !this.listener) return;
    try {
      await this.listener.unsafe(`listen ${CHANNEL}`);
      if (this.stopped) return;
      this.listening = true;
      this.retryMs = RETRY_MIN_MS;
      // Tickets taken while the cache was off are refused: their rows may predate a change
      // whose NOTIFY was missed.
      this.each((cache) => cache.resume());
      for (const resolve of this.waiters.splice(0)) resolve();
      this.logger.info({ channel: CHANNEL }, 'listening for credential changes');
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'cannot listen for credential changes; retrying');
      this.scheduleRetry();
    }
  }

  private lost(): void {
    if (this.stopped) return;
    if (this.listening) {
      this.listening = false;
      this.counters.drops++;
      this.each((cache) => cache.suspend());
      this.logger.warn('credential change listener lost: cache bypassed until it is back');
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => void this.listen(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }
}
