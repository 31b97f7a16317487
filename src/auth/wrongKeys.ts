/**
 * How many presented API keys this instance refused lately (wrong, unknown, malformed,
 * revoked or expired), counted per second. While the rate is at `busyAbove` or more — a
 * flood, not a client with a stale key — refusals that memory alone can decide are answered
 * before any GraphQL work, and slowly (http/wrongKeyAnswers.ts).
 *
 * Deliberately per instance and for all clients together: it decides only how a refusal is
 * delivered, never whether a key is accepted, so it needs no address and can wrong no one.
 */
export class WrongKeyRate {
  private second = 0;
  private current = 0;
  private previous = 0;

  constructor(private readonly busyAbove = 100) {}

  record(now = Date.now()): void {
    this.roll(now);
    this.current++;
  }

  busy(now = Date.now()): boolean {
    this.roll(now);
    return Math.max(this.current, this.previous) >= this.busyAbove;
  }

  private roll(now: number): void {
    const second = Math.floor(now / 1000);
    if (second === this.second) return;
    this.previous = second === this.second + 1 ? this.current : 0;
    this.current = 0;
    this.second = second;
  }
}
