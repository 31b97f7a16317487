import bcrypt from 'bcrypt';

const BCRYPT_MAX_INPUT_BYTES = 72;

/**
 * bcrypt of a key's secret. bcrypt silently ignores input past 72 bytes, which would make
 * the tail of a longer secret meaningless: refuse such input outright. Async API only,
 * so the hashing runs on libuv's thread pool, not on the event loop.
 */
function checked(secret: string): string {
  if (Buffer.byteLength(secret, 'utf8') > BCRYPT_MAX_INPUT_BYTES) throw new Error('secret exceeds bcrypt’s 72-byte input');
  return secret;
}

export const hashSecret = (secret: string, cost: number) => bcrypt.hash(checked(secret), cost);
export const secretMatches = (secret: string, hash: string) => bcrypt.compare(checked(secret), hash);
