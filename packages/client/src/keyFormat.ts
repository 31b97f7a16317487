/**
 * Keyward's key format (SPEC §3), checked here so that a malformed or mistyped key is
 * answered MALFORMED without a round trip: `kw_<16 id>_<43 secret><6 checksum>`, base62,
 * the checksum being the CRC32 of everything before it written as 6 base62 characters.
 * Kept in step with the server's src/keys/format.ts by test/client.test.ts.
 */

export const KEY_PREFIX = 'kw_';
export const KEY_ID_LENGTH = 16;
export const SECRET_LENGTH = 43;
export const CHECKSUM_LENGTH = 6;
export const KEY_LENGTH = KEY_PREFIX.length + KEY_ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_FORMAT = new RegExp(`^${KEY_PREFIX}([0-9A-Za-z]{${KEY_ID_LENGTH}})_[0-9A-Za-z]{${SECRET_LENGTH}}([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`);

// zlib.crc32 needs Node 20.15; the package promises 20.12, so the table is built here.
const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}

/** CRC32 (IEEE) of an ASCII string, as an unsigned number. */
export function crc32(text: string): number {
  let crc = -1;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

export function checksumOf(body: string): string {
  let value = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export interface KeyParts {
  keyId: string;
  checksum: string;
}

/** The key ID and checksum of a well-formed key whose checksum holds; null for anything else. */
export function parseKey(candidate: string): KeyParts | null {
  if (candidate.length !== KEY_LENGTH) return null;
  const match = KEY_FORMAT.exec(candidate);
  if (!match) return null;
  const checksum = match[2]!;
  if (checksumOf(candidate.slice(0, -CHECKSUM_LENGTH)) !== checksum) return null;
  return { keyId: match[1]!, checksum };
}
