import { randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * The API key format (SPEC §3): `kw_<keyId>_<secret><checksum>`.
 *
 * - `keyId`: 16 base62 characters (~95 bits), public, the row's primary key.
 * - `secret`: 43 base62 characters from the CSPRNG = 43 × log2(62) ≈ 256.03 bits; it is
 *   what makes the key unguessable (keys/secrets.ts says how it is stored).
 * - `checksum`: CRC32 of everything before it, as 6 base62 characters. CRC32 catches
 *   every error confined to 32 consecutive bits, so any one-character change anywhere is
 *   rejected here, before the database is touched; secret scanners can use it the same way.
 *
 * Base62 keeps the key one "word": a double-click selects all of it, and `_` only ever
 * separates the parts.
 */

export const KEY_PREFIX = 'kw_';
export const KEY_ID_LENGTH = 16;
export const SECRET_LENGTH = 43;
export const CHECKSUM_LENGTH = 6;
export const KEY_LENGTH = KEY_PREFIX.length + KEY_ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_FORMAT = new RegExp(
  `^${KEY_PREFIX}([0-9A-Za-z]{${KEY_ID_LENGTH}})_([0-9A-Za-z]{${SECRET_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`,
);
export const KEY_ID_FORMAT = new RegExp(`^[0-9A-Za-z]{${KEY_ID_LENGTH}}$`);

function randomBase62(length: number): string {
  let out = '';
  // randomInt draws without modulo bias.
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(62)];
  return out;
}

function base62(value: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export function checksumOf(body: string): string {
  return base62(crc32(body), CHECKSUM_LENGTH);
}

export interface ParsedKey {
  keyId: string;
  secret: string;
  checksum: string;
}

export function newKeyId(): string {
  return randomBase62(KEY_ID_LENGTH);
}

/** A fresh secret for `keyId`: the full key to show once, and its parts. */
export function newKey(keyId: string): ParsedKey & { fullKey: string } {
  const secret = randomBase62(SECRET_LENGTH);
  const body = `${KEY_PREFIX}${keyId}_${secret}`;
  const checksum = checksumOf(body);
  return { keyId, secret, checksum, fullKey: body + checksum };
}

/** The parts of a well-formed key whose checksum holds; null for anything else. */
export function parseKey(candidate: string): ParsedKey | null {
  const match = KEY_FORMAT.exec(candidate);
  if (!match) return null;
  const [, keyId, secret, checksum] = match as unknown as [string, string, string, string];
  if (checksumOf(`${KEY_PREFIX}${keyId}_${secret}`) !== checksum) return null;
  return { keyId, secret, checksum };
}

/** What the list shows of a key: its last four characters, all of them checksum. */
export const lastFourOf = (fullKey: string) => fullKey.slice(-4);
