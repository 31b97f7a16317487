import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcrypt';
import type { BcryptQueue } from './bcryptQueue';

/**
 * Member passwords (SPEC §2): bcrypt at PASSWORD_HASH_COST, every hash and compare through
 * the bounded bcrypt queue (SPEC §7), never on the event loop.
 *
 * Passwords are up to 128 characters but bcrypt reads only the first 72 bytes, so two
 * long passwords sharing a prefix would collide. Hashing with SHA-256 first gives bcrypt a
 * fixed 44-byte input that depends on every character.
 */
function prehash(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('base64');
}

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(prehash(password), cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(prehash(password), hash);
}

/** The cost a stored hash was made with: a login rehashes when it is not the configured one. */
export const costOf = (hash: string): number => bcrypt.getRounds(hash);

export class Passwords {
  /**
   * A hash of nothing anyone knows, at the configured cost, made at start: an unknown email
   * is compared against it so that it costs the same bcrypt time as a wrong password.
   */
  private readonly decoy: Promise<string>;

  constructor(
    private readonly queue: BcryptQueue,
    readonly cost: number,
  ) {
    this.decoy = hashPassword(randomBytes(32).toString('hex'), cost);
  }

  hash(password: string): Promise<string> {
    return this.queue.run(() => hashPassword(password, this.cost));
  }

  /** Whether `password` matches `hash`; with no hash (no such member), a compare against the decoy, false. */
  async matches(password: string, hash: string | null): Promise<boolean> {
    const against = hash ?? (await this.decoy);
    const matches = await this.queue.run(() => verifyPassword(password, against));
    return matches && hash !== null;
  }

  /** A stored hash made at another cost than the configured one. */
  outdated(hash: string): boolean {
    return costOf(hash) !== this.cost;
  }

  /** Waits for the decoy's hashing, so that closing leaves no work on the pool. */
  async settled(): Promise<void> {
    await this.decoy.catch(() => {});
  }
}
