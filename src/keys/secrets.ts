import { hash } from 'node:crypto';
import bcrypt from 'bcrypt';

/**
 * How a key's secret is stored (SPEC §3): the SHA-256 digest of the full key, as hex.
 *
 * A password hash (bcrypt) exists to slow down the guessing of secrets people choose; a
 * key's secret is 256 bits from the CSPRNG, which no one guesses, slowly or fast. What a
 * password hash would cost is ~80 ms of a core on every first use of a key on every
 * instance. The digest costs ~1 µs, so verification is one indexed read and one digest.
 *
 * Of the full key rather than the secret alone: it is the string clients send and secret
 * scanners report, so the digest of a reported key (GitHub's `token_hash`) is what is
 * stored, and nothing needs splitting first.
 */
export const digestOf = (fullKey: string): string => hash('sha256', fullKey, 'hex');

/**
 * Equality of two digests in time that depends on their length only, like
 * `crypto.timingSafeEqual` but for the hex strings kept here, with no Buffer made.
 */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Earlier releases stored bcrypt of the secret; such a key is checked this way once and
 * then rewritten to its digest (keys/verify.ts). Async API only: it runs on libuv's pool.
 */
export const legacySecretMatches = (secret: string, bcryptHash: string): Promise<boolean> => bcrypt.compare(secret, bcryptHash);
