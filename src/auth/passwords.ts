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

/** A hash of nothing anyone knows, to compare an unknown email's password against. */
interface Decoy {
  cost: number;
  hash: Promise<string>;
}
const decoyAt = (cost: number): Decoy => ({ cost, hash: hashPassword(randomBytes(32).toString('hex'), cost) });

export class Passwords {
  /**
   * At the cost of the costliest hash stored, and never below the configured one: an unknown
   * email then takes as long as a wrong password for any member. Lowering PASSWORD_HASH_COST
   * leaves older, costlier hashes in place until their members sign in; a decoy at the new
   * cost would answer unknown emails sooner than those members' wrong passwords.
   */
  private decoy: Decoy;

  constructor(
    private readonly queue: BcryptQueue,
    readonly cost: number,
    /** The highest cost among stored hashes (null when there are none). */
    private readonly highestStoredCost: () => Promise<number | null> = async () => null,
  ) {
    this.decoy = decoyAt(cost);
    void this.refreshDecoy();
  }

  /** Follows the costliest stored hash: called at start and after a sign-in rehashes one. */
  async refreshDecoy(): Promise<void> {
    let highest: number | null;
    try {
      highest = await this.highestStoredCost();
    } catch {
      return; // The database is away: the current decoy stays until the next refresh.
    }
    const cost = Math.max(this.cost, highest ?? 0);
    if (cost !== this.decoy.cost) this.decoy = decoyAt(cost);
  }

  hash(password: string): Promise<string> {
    return this.queue.run(() => hashPassword(password, this.cost));
  }

  /**
   * Whether `password` matches `hash`; with no hash (no such member), a compare against the
   * decoy, false. A member's hash cheaper than the decoy is checked alongside a decoy
   * compare, so that the answer takes the decoy's time whether the email is known or not.
   */
  async matches(password: string, hash: string | null): Promise<boolean> {
    const decoy = this.decoy;
    if (hash === null) {
      const against = await decoy.hash;
      await this.queue.run(() => verifyPassword(password, against));
      return false;
    }
    const check = this.queue.run(() => verifyPassword(password, hash));
    if (costOf(hash) >= decoy.cost) return check;
    const [matches] = await Promise.all([check, decoy.hash.then((against) => this.queue.run(() => verifyPassword(password, against)))]);
    return matches;
  }

  /** A stored hash made at another cost than the configured one. */
  outdated(hash: string): boolean {
    return costOf(hash) !== this.cost;
  }

  /** Waits for the decoy's hashing, so that closing leaves no work on the pool. */
  async settled(): Promise<void> {
    await this.decoy.hash.catch(() => {});
  }
}
