import { Agent as HttpAgent, request as httpRequest, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { recordAudit } from '../audit/audit';
import type { Database, Queryable } from '../db/open';
import { webhookAttempts, webhookMessages, webhooks } from '../db/schema';
import { loggableError, type Logger } from '../logger';
import { bareHost, guardedLookup, isRefusedHost, systemResolver, type Resolver } from './addresses';

/**
 * Delivers the outbox (webhooks/outbox.ts), from every instance at once (SPEC §10):
 *
 * - A claim is a short transaction: `FOR UPDATE SKIP LOCKED` picks due messages no other
 *   instance is claiming, and moves their `next_attempt_at` a claim timeout ahead. Nothing
 *   stays locked while a request is in flight; an instance that dies mid-delivery leaves
 *   its messages due again when the claim times out, and another instance sends them, with
 *   the same `webhook-id`. At least once, then: a receiver drops repeats by that ID.
 * - A 2xx answer delivers the message. Anything else is retried with backoff until a day
 *   after the event; then the message is given up, and its endpoint disabled unless
 *   something else reached it during that day (a receiver that refuses one message is not
 *   dead).
 * - Every attempt is a row of webhook_attempts: the console's delivery log.
 *
 * Secrets and signatures are never logged; neither are URLs (they may carry a token).
 */

/** Seconds to wait after the n-th failed attempt (the last value repeats). */
export const BACKOFF_SECONDS = [5, 30, 120, 600, 1_800, 3_600, 7_200, 14_400, 28_800] as const;
/** How long after its event a message is still retried. */
export const RETRY_WINDOW_SECONDS = 24 * 60 * 60;
/** A claimed message is due again after this, should its claimer vanish. Well above a batch's worst time. */
export const CLAIM_SECONDS = 60;
/** How late after its window a give-up still counts as the scheduled one (a slow or restarted worker). */
const GIVE_UP_GRACE_SECONDS = 60 * 60;
export const REQUEST_TIMEOUT_MS = 10_000;
const POLL_MS = 1_000;
const CONCURRENCY = 8;
/** A receiver's answer is read (and dropped) up to this much; only its status matters. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const MAX_ERROR_LENGTH = 200;
const IDLE_CONNECTION_MS = 4_000;

export interface DeliveryOptions {
  /** WEBHOOK_ALLOW_PRIVATE: connect to any address, over plain http too. */
  allowPrivate: boolean;
  concurrency?: number;
  pollMs?: number;
  requestTimeoutMs?: number;
  /** Name resolution for the SSRF guard; tests stub it. */
  resolver?: Resolver;
}

interface Claimed {
  id: string;
  createdAt: Date;
  webhookId: string;
  organizationId: string;
  payload: Record<string, unknown>;
  attempts: number;
  url: string;
  secret: string;
}

type Outcome = { status: number } | { error: string } | { interrupted: true };

interface Delivered {
  message: Claimed;
  status: number;
  durationMs: number;
}

/** The seconds to wait after a message's `attempts`-th failure. */
export const backoffSeconds = (attempts: number): number => BACKOFF_SECONDS[Math.min(Math.max(attempts, 1), BACKOFF_SECONDS.length) - 1]!;

export class WebhookDelivery {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> = Promise.resolve(0);
  private started = false;
  private stopped = false;
  /** A polling tick is running; a wake meanwhile asks for another right after it. */
  private polling = false;
  private wanted = false;
  /** Aborts for the requests in flight: stopping interrupts them rather than wait up to 10 s. */
  private readonly inFlight = new Set<() => void>();
  private readonly concurrency: number;
  private readonly batchSize: number;
  /**
   * Connections kept open between attempts (a new one for each cost both sides a connect
   * and a close). The lookup guard judges each connection when it is made, to the address
   * it is made to, so a kept one is one it allowed. Idle ones close after 4 s, before the
   * 5 s a receiver commonly keeps them, so a send rarely meets one closed under it (and if
   * it does, the attempt fails and is retried like any other).
   */
  private readonly agents = {
    'http:': new HttpAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
    'https:': new HttpsAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
  };

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly options: DeliveryOptions,
  ) {
    this.concurrency = options.concurrency ?? CONCURRENCY;
    // Four rounds of the slowest answers (4 × 10 s) fit well inside a claim (60 s).
    this.batchSize = this.concurrency * 4;
  }

  start(): void {
    this.started = true;
    this.schedule(this.options.pollMs ?? POLL_MS);
  }

  /** A message was just queued or made due here: look now rather than at the next poll. */
  wake(): void {
    if (this.started) this.schedule(0);
  }

  /**
   * Claims what is due and delivers it; resolves with how many messages were claimed.
   * Calls are serialized: a tick waits for the one before it, so after `await tick()` every
   * message due when it was called has been tried (unless another instance holds it).
   */
  tick(): Promise<number> {
    // runOnce catches what it expects; should anything else escape, it fails this tick only.
    this.running = this.running.catch(() => 0).then(() => this.runOnce());
    return this.running;
  }

  /** Stops polling, interrupts what is in flight and hands it back to be sent again at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const abort of this.inFlight) abort();
    await this.running.catch(() => 0);
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.polling) {
      this.wanted ||= delayMs === 0;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.polling = true;
      void this.tick()
        .catch((error: unknown) => {
          this.logger.error({ err: loggableError(error) }, 'webhook delivery failed');
          return 0;
        })
        .then((claimed) => {
          this.polling = false;
          // A full batch means more is due: straight on, as when woken meanwhile.
          const again = this.wanted || claimed === this.batchSize;
          this.wanted = false;
          this.schedule(again ? 0 : (this.options.pollMs ?? POLL_MS));
        });
    }, delayMs);
    this.timer.unref();
  }

  private async runOnce(): Promise<number> {
    if (this.stopped) return 0;
    let claimed: Claimed[];
    try {
      claimed = await this.claim();
    } catch (error) {
      this.logger.warn({ err: loggableError(error) }, 'could not claim webhook messages');
      return 0;
    }
    const released: string[] = [];
    const delivered: Delivered[] = [];
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const message = claimed[next++]!;
        if (this.stopped) {
          released.push(message.id);
          continue;
        }
        const started = performance.now();
        const outcome = await this.attempt(message);
        const durationMs = Math.round(performance.now() - started);
        if ('interrupted' in outcome) released.push(message.id);
        else if ('status' in outcome && outcome.status >= 200 && outcome.status < 300) delivered.push({ message, status: outcome.status, durationMs });
        else {
          await this.record(message, outcome, durationMs).catch((error) =>
            this.logger.warn({ err: loggableError(error), messageId: message.id }, 'could not record a webhook attempt'),
          );
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, claimed.length) }, worker));
    if (delivered.length > 0) {
      await this.recordDelivered(delivered).catch((error) =>
        this.logger.warn({ err: loggableError(error), messages: delivered.length }, 'could not record delivered webhook messages'),
      );
    }
    if (released.length > 0) await this.release(released);
    return claimed.length;
  }

  /**
   * One statement: the CTE picks due messages no other claimer holds (`FOR UPDATE SKIP
   * LOCKED`, evaluated once) and the UPDATE moves their `next_attempt_at` a claim ahead.
   * On PGlite every statement runs on the server's own thread, beside its requests.
   */
  private async claim(): Promise<Claimed[]> {
    const picked = this.db.$with('picked').as(
      this.db
        .select({ id: webhookMessages.id })
        .from(webhookMessages)
        .innerJoin(webhooks, eq(webhooks.id, webhookMessages.webhookId))
        .where(
          and(
            isNull(webhookMessages.deliveredAt),
            isNull(webhookMessages.failedAt),
            lte(webhookMessages.nextAttemptAt, sql`now()`),
            // A disabled endpoint gets nothing but test messages (webhooks.ts, sendTestEvent).
            or(eq(webhooks.enabled, true), eq(webhookMessages.type, 'webhook.test')),
          ),
        )
        .orderBy(asc(webhookMessages.nextAttemptAt))
        .limit(this.batchSize)
        // Only the message rows: locking the endpoint's row too would make every other
        // claimer skip all of that endpoint's messages, and block its updates.
        .for('update', { of: webhookMessages, skipLocked: true }),
    );
    const claimed = await this.db
      .with(picked)
      .update(webhookMessages)
      .set({ nextAttemptAt: sql`now() + make_interval(secs => ${CLAIM_SECONDS})` })
      .from(webhooks)
      .where(and(eq(webhooks.id, webhookMessages.webhookId), inArray(webhookMessages.id, this.db.select({ id: picked.id }).from(picked))))
      .returning({
        id: webhookMessages.id,
        webhookId: webhookMessages.webhookId,
        organizationId: webhookMessages.organizationId,
        payload: webhookMessages.payload,
        attempts: webhookMessages.attempts,
        url: webhooks.url,
        secret: webhooks.secret,
        createdAt: webhookMessages.createdAt,
      });
    // Oldest first, as picked (RETURNING keeps no order).
    return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** Messages claimed here but not sent (stopping): due again now, for any instance. */
  private async release(ids: string[]): Promise<void> {
    try {
      await this.db
        .update(webhookMessages)
        .set({ nextAttemptAt: sql`now()` })
        .where(and(inArray(webhookMessages.id, ids), isNull(webhookMessages.deliveredAt)));
    } catch (error) {
      // Their claim runs out in CLAIM_SECONDS anyway.
      this.logger.warn({ err: loggableError(error) }, 'could not release webhook messages');
    }
  }

  /** One POST, signed per Standard Webhooks; the answer's status, or why there was none. */
  private attempt(message: Claimed): Promise<Outcome> {
    const { allowPrivate } = this.options;
    let url: URL;
    try {
      url = new URL(message.url);
    } catch {
      return Promise.resolve({ error: 'invalid URL' });
    }
    // Node resolves nothing for a host that is an address, so the lookup guard cannot see it:
    // checked here. Also refuses what became disallowed since the endpoint was saved.
    if (!allowPrivate && url.protocol !== 'https:') return Promise.resolve({ error: 'refused: plain http (WEBHOOK_ALLOW_PRIVATE is off)' });
    if (!allowPrivate && isRefusedHost(bareHost(url))) return Promise.resolve({ error: 'refused: a loopback, private or link-local address' });

    const body = JSON.stringify(message.payload);
    const now = new Date();
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'Keyward-Webhooks/1',
      'webhook-id': message.id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signature(message, now, body),
    };
    if (!headers['webhook-signature']) return Promise.resolve({ error: 'cannot sign: the endpoint secret is malformed' });
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

    return new Promise<Outcome>((resolve) => {
      let status: number | null = null;
      let request: ClientRequest | undefined;
      let settled = false;
      /** `cut`: the exchange is not over (a timeout, a stop, an answer too long), so its connection goes. */
      const finish = (outcome: Outcome, cut = true) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.inFlight.delete(interrupt);
        if (cut) request?.destroy();
        resolve(outcome);
      };
      const interrupt = () => finish({ interrupted: true });
      const timer = setTimeout(
        () => finish(status !== null ? { status } : { error: `timed out after ${(this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) / 1000} s` }),
        this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      );
      this.inFlight.add(interrupt);
      try {
        request = send(url, {
          method: 'POST',
          headers,
          agent: this.agents[url.protocol as 'http:' | 'https:'],
          lookup: allowPrivate ? undefined : guardedLookup(this.options.resolver ?? systemResolver),
        });
      } catch (error) {
        return finish({ error: describe(error as NodeJS.ErrnoException) });
      }
      request.on('response', (response) => {
        status = response.statusCode ?? 0;
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) finish({ status: status! });
        });
        // Read to its end: the connection goes back to the agent for the next attempt.
        response.on('end', () => finish({ status: status! }, false));
        response.on('error', () => finish({ status: status! }));
      });
      request.on('error', (error: NodeJS.ErrnoException) => finish(status !== null ? { status } : { error: describe(error) }));
      request.end(body);
    });
  }

  /**
   * The batch's deliveries, in one transaction rather than one each (the common case, and on
   * PGlite each statement is the server's own time). Recorded when the batch is done: a
   * crash before that sends them again, with the same `webhook-id`, as at-least-once allows.
   */
  private async recordDelivered(delivered: Delivered[]): Promise<void> {
    const byStatus = new Map<number, Delivered[]>();
    for (const done of delivered) byStatus.set(done.status, [...(byStatus.get(done.status) ?? []), done]);
    await this.db.transaction(async (tx) => {
      const recorded = new Set<string>();
      for (const [status, group] of byStatus) {
        // Only while still undelivered: a claimer whose claim ran out must not undo the
        // delivery another instance made meanwhile, nor log an attempt twice.
        const rows = await tx
          .update(webhookMessages)
          .set({ deliveredAt: sql`now()`, attempts: sql`${webhookMessages.attempts} + 1`, lastStatus: status, lastError: null })
          .where(and(inArray(webhookMessages.id, group.map((done) => done.message.id)), isNull(webhookMessages.deliveredAt), isNull(webhookMessages.failedAt)))
          .returning({ id: webhookMessages.id });
        for (const row of rows) recorded.add(row.id);
      }
      const attempts = delivered.filter((done) => recorded.has(done.message.id));
      if (attempts.length === 0) return;
      await tx.insert(webhookAttempts).values(attempts.map((done) => ({ messageId: done.message.id, statusCode: done.status, error: null, durationMs: done.durationMs })));
      for (const done of attempts) {
        this.logger.debug({ messageId: done.message.id, webhookId: done.message.webhookId, statusCode: done.status, durationMs: done.durationMs }, 'webhook delivered');
      }
    });
  }

  /** A failed attempt's row, and what it means for the message (and perhaps its endpoint). */
  private async record(message: Claimed, outcome: { status: number } | { error: string }, durationMs: number): Promise<void> {
    const statusCode = 'status' in outcome ? outcome.status : null;
    const error = 'error' in outcome ? outcome.error : null;
    await this.db.transaction(async (tx) => {
      // Updated only while still undelivered: a claimer whose claim ran out must not undo
      // the delivery another instance made meanwhile.
      const [row] = await tx
        .update(webhookMessages)
        .set({
          attempts: sql`${webhookMessages.attempts} + 1`,
          lastStatus: statusCode,
          lastError: error ?? `HTTP ${statusCode}`,
          // The last retry falls on the end of the window, and a failure then gives up.
          failedAt: sql`case when now() >= ${webhookMessages.createdAt} + make_interval(secs => ${RETRY_WINDOW_SECONDS}) then now() end`,
          nextAttemptAt: sql`least(now() + make_interval(secs => ${backoffSeconds(message.attempts + 1)}), ${webhookMessages.createdAt} + make_interval(secs => ${RETRY_WINDOW_SECONDS}))`,
        })
        .where(and(eq(webhookMessages.id, message.id), isNull(webhookMessages.deliveredAt), isNull(webhookMessages.failedAt)))
        .returning({
          failedAt: webhookMessages.failedAt,
          // A give-up at the end of the message's own day, not a manual Resend of an old one
          // failing once: only the former says the receiver has been failing all along.
          onSchedule: sql<boolean>`now() < ${webhookMessages.createdAt} + make_interval(secs => ${RETRY_WINDOW_SECONDS + GIVE_UP_GRACE_SECONDS})`,
        });
      if (!row) return; // delivered by another instance, given up, or deleted with its endpoint
      await tx.insert(webhookAttempts).values({ messageId: message.id, statusCode, error, durationMs });
      this.logger.debug({ messageId: message.id, webhookId: message.webhookId, statusCode, error, durationMs }, 'webhook attempt failed');
      if (row.failedAt && row.onSchedule) await disableIfDead(tx, message, error ?? `HTTP ${statusCode}`, this.logger);
    });
  }
}

/**
 * A message gave up after a day: its endpoint is disabled, and the organization told in the
 * audit log and by `disabledReason`, unless a message reached it during that day.
 */
async function disableIfDead(tx: Queryable, message: Claimed, lastError: string, logger: Logger): Promise<void> {
  const [reached] = await tx
    .select({ id: webhookMessages.id })
    .from(webhookMessages)
    .where(and(eq(webhookMessages.webhookId, message.webhookId), gt(webhookMessages.deliveredAt, sql`now() - make_interval(secs => ${RETRY_WINDOW_SECONDS})`)))
    .limit(1);
  if (reached) return;
  const [disabled] = await tx
    .update(webhooks)
    .set({ enabled: false, disabledReason: `Deliveries failed for a day (last: ${lastError})` })
    .where(and(eq(webhooks.id, message.webhookId), eq(webhooks.enabled, true)))
    .returning({ url: webhooks.url });
  if (!disabled) return;
  await recordAudit(tx, message.organizationId, 'webhook.disabled', { kind: 'SYSTEM', id: null, ip: null }, message.webhookId, { host: new URL(disabled.url).host });
  logger.warn({ webhookId: message.webhookId, organizationId: message.organizationId }, 'webhook endpoint disabled after a day of failed deliveries');
}

/** Standard Webhooks' `v1,<base64 HMAC>`, or '' for a secret that is not `whsec_` + base64 (never logged). */
function signature(message: Claimed, at: Date, body: string): string {
  try {
    return new Webhook(message.secret).sign(message.id, at, body);
  } catch {
    return '';
  }
}

/** A transport error as the delivery log shows it: its code, or its message, short. */
function describe(error: NodeJS.ErrnoException): string {
  const text = error.name === 'RefusedAddressError' ? `refused: ${error.message}` : (error.code ?? error.message);
  return text.slice(0, MAX_ERROR_LENGTH);
}
