import { createHash } from 'node:crypto';
import bcrypt from 'bcrypt';

/**
 * Passwords are up to 128 characters but bcrypt reads only the first 72 bytes, so two
 * long passwords sharing a prefix would collide. Hashing with SHA-256 first gives bcrypt a
 * fixed 44-byte input that depends on every character. Only bcrypt's async API is used:
 * the sync one would hold the event loop for the whole hash.
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
