import { createClient, type Client } from 'graphql-sse';
import type { KeywardClientChangesSubscription } from './gql/graphql';
import { Changes } from './operations';
import type { VerifierLogger } from './types';

export type FeedEvent = KeywardClientChangesSubscription['verificationChanges'];

export interface FeedOptions {
  url: string;
  serviceToken: string;
  staleAfterMs: number;
  maxReconnectDelayMs: number;
  logger: VerifierLogger;
}

export interface FeedHandlers {
  /** Every event, in order; the cursor moves past it once this returns. */
  onEvent(event: FeedEvent): void;
  /** The feed is live (READY or RESYNC received); `wasStale` when it had been down longer than staleAfterMs. */
  onLive?(wasStale: boolean): void;
}

const MIN_RECONNECT_DELAY_MS = 100;

/**
 * Keyward's change feed, `verificationChanges` over Server-Sent Events (graphql-sse,
 * distinct connections mode), followed for as long as the verifier lives.
 *
 * Reconnecting is done here rather than by graphql-sse's own retries, because those resend
 * the request they started with, and every reconnection must resume from the last cursor
 * seen (`after`), so that changes made while the connection was down are replayed (or the
 * server answers RESYNC when they are no longer kept). Backoff: randomised exponential,
 * from 100 ms up to maxReconnectDelayMs.
 *
 * The feed counts as connected from the READY (or RESYNC) of the current connection to the
 * connection's end; it is stale while it has been down longer than staleAfterMs, counted from
 * the drop — or from start() before it first connected.
 */
export class Feed {
  private readonly client: Client;
  private cursor: string | null = null;
  private connected = false;
  private downSince = Date.now();
  private failures = 0;
  private closed = false;
  private dispose: (() => void) | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private staleTimer: NodeJS.Timeout | null = null;
  lastEventAt: number | null = null;

  constructor(
    private readonly options: FeedOptions,
    private readonly handlers: FeedHandlers,
  ) {
    this.client = createClient({
      url: options.url,
      headers: { authorization: `Bearer ${options.serviceToken}` },
      retryAttempts: 0,
    });
  }

  /** Follows the feed from `after` (null: from now on). */
  start(after: string | null): void {
    this.cursor = after;
    this.downSince = Date.now();
    this.watchStaleness();
    this.subscribe();
  }

  /** The cursor of the last event handled: changes before it have been seen. */
  get position(): string | null {
    return this.cursor;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** How long the feed has been down (0 while connected). */
  downFor(now = Date.now()): number {
    return this.connected ? 0 : now - this.downSince;
  }

  isStale(now = Date.now()): boolean {
    return !this.connected && now - this.downSince > this.options.staleAfterMs;
  }

  close(): void {
    this.closed = true;
    this.connected = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.dispose?.();
    this.client.dispose();
  }

  private subscribe(): void {
    if (this.closed) return;
    let ended = false;
    const end = (error: unknown) => {
      if (ended) return;
      ended = true;
      this.dropped(error);
    };
    this.dispose = this.client.subscribe<KeywardClientChangesSubscription>(
      { query: Changes.toString(), variables: { after: this.cursor } },
      {
        next: (result) => {
          if (this.closed || ended) return;
          if (result.errors?.length || !result.data) {
            this.options.logger.warn('keyward feed: the server refused the subscription', { errors: result.errors?.map((e) => e.message) });
            return;
          }
          const event = result.data.verificationChanges;
          this.lastEventAt = Date.now();
          if (event.kind !== 'CHANGE' && !this.connected) this.live();
          if (event.kind === 'RESYNC') this.options.logger.warn('keyward feed: the changes since the last cursor are no longer kept; resynchronising', { cursor: event.cursor });
          this.handlers.onEvent(event);
          this.cursor = event.cursor;
        },
        error: end,
        complete: () => end(null),
      },
    );
  }

  private live(): void {
    const wasStale = this.isStale();
    const downFor = Date.now() - this.downSince;
    this.connected = true;
    this.failures = 0;
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.handlers.onLive?.(wasStale);
    this.options.logger.info('keyward feed: connected', { resumedFrom: this.cursor, downForMs: downFor, wasStale });
  }

  private dropped(error: unknown): void {
    this.dispose = null;
    if (this.closed) return;
    const reason = error instanceof Error ? error.message : error === null ? 'closed by the server' : String(error);
    if (this.connected) {
      this.connected = false;
      this.downSince = Date.now();
      this.watchStaleness();
      this.options.logger.warn('keyward feed: disconnected; reconnecting', { reason, cursor: this.cursor });
    } else if (this.failures === 0) {
      this.options.logger.warn('keyward feed: could not connect; retrying', { reason });
    }
    const ceiling = Math.min(this.options.maxReconnectDelayMs, MIN_RECONNECT_DELAY_MS * 2 ** Math.min(this.failures, 20));
    this.failures++;
    this.retryTimer = setTimeout(() => this.subscribe(), ceiling * (0.5 + Math.random() / 2));
    this.retryTimer.unref();
  }

  /** Says so once when the feed, still down, crosses staleAfterMs. */
  private watchStaleness(): void {
    if (this.staleTimer) clearTimeout(this.staleTimer);
    const since = this.downSince;
    this.staleTimer = setTimeout(() => {
      if (!this.closed && !this.connected && this.downSince === since) {
        this.options.logger.warn('keyward feed: stale — down longer than staleAfterMs; local verdicts are no longer trusted', { staleAfterMs: this.options.staleAfterMs, cursor: this.cursor });
      }
    }, this.options.staleAfterMs + 1);
    this.staleTimer.unref();
  }
}
