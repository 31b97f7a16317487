import { KeywardError } from '../errors';

/**
 * The one queue for bcrypt work on the request path: logins, password checks and changes,
 * and the first use of a key an earlier release stored as bcrypt (SPEC §7). bcrypt's async API runs on libuv's thread pool
 * (UV_THREADPOOL_SIZE, 4 by default), which also serves file and DNS work. Letting more
 * compares start than the pool has threads only lengthens every wait and starves the
 * rest of the process; letting the waiting line grow without bound turns a flood into
 * minutes of latency for everyone. So at most `concurrency` run, at most `maxWaiting`
 * wait, and anything beyond is refused at once with RATE_LIMITED.
 */

export interface BcryptQueueStats {
  running: number;
  waiting: number;
  completed: number;
  rejected: number;
}

/** Retry-After for a refused request: about one round of the pool. */
const RETRY_AFTER_SECONDS = 1;

export const RATE_LIMITED_MESSAGE = 'Too many requests; try again later';

export const rateLimited = (retryAfterSeconds: number, message = RATE_LIMITED_MESSAGE) =>
  new KeywardError('RATE_LIMITED', message, undefined, retryAfterSeconds);

export class BcryptQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private completed = 0;
  private rejected = 0;

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  /** Runs `work` when a slot frees up; throws RATE_LIMITED at once if the line is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) {
        this.rejected++;
        throw rateLimited(RETRY_AFTER_SECONDS, 'The server is busy verifying credentials; try again shortly');
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      this.completed++;
      // Hand the slot straight to the next in line, so `running` never dips and lets a
      // newcomer jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  stats(): BcryptQueueStats {
    return { running: this.running, waiting: this.waiting.length, completed: this.completed, rejected: this.rejected };
  }
}

/** libuv's pool size as this process sees it: the env var must be set before Node starts. */
export function threadPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const size = Number(env.UV_THREADPOOL_SIZE);
  return Number.isInteger(size) && size > 0 ? Math.min(size, 1024) : 4;
}
