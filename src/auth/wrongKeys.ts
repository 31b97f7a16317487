/**
 * How many presented API keys this instance refused lately (wrong, unknown, malformed,
 * revoked or expired), counted per second. A flood starts when a second counts `floodAt`
 * refusals — far beyond a client with a stale key — and is over once `calmAfterMs` have
 * passed without a second of even a tenth of that. (Answering a flood slowly cuts its rate:
 * without the lower bar to stay in, the slowed flood would look over at once, and its next
 * burst would be answered at full cost again.) While it lasts, refusals that memory alone
 * can decide are answered before any GraphQL work, and slowly (http/wrongKeyAnswers.ts).
 *
 * Deliberately per instance and for all clients together: it decides only how a refusal is
 * delivered, never whether a key is accepted, so it needs no address and can wrong no one.
 */
export class WrongKeyRate {
  private second = 0;
  private count = 0;
  private floodUntil = 0;

  constructor(
    private readonly floodAt = 100,
    private readonly calmAfterMs = 10_000,
  ) {}

  record(now = Date.now()): void {
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.count = 0;
    }
    this.count++;
    if (this.count >= this.floodAt || (now < this.floodUntil && this.count >= this.floodAt / 10)) this.floodUntil = now + this.calmAfterMs;
  }

  busy(now = Date.now()): boolean {
    return now < this.floodUntil;
  }
}
