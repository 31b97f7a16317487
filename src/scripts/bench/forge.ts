import { crc32 } from 'node:zlib';
import { checksumOf, KEY_PREFIX, newKey } from '../../keys/format';

/**
 * Wrong secrets that pass the checksum and reach the digest comparison, the way a
 * determined attacker would make them. A random secret usually fails on the checksum
 * alone, before any lookup. But CRC32 is affine over GF(2): for messages of one length,
 * crc(a ⊕ b ⊕ c) = crc(a) ⊕ crc(b) ⊕ crc(c). Toggling chosen characters of a secret between
 * two base62 letters moves its CRC by fixed 32-bit vectors; solving a small linear system
 * picks the toggles that land on any target CRC — here the real key's, so that the forged
 * key also claims the key's current secret. The checksum is a typo guard, not a security
 * boundary: what stops a wrong secret is its digest, and what keeps a flood of them from
 * crowding out the right key is how cheaply they are refused (http/wrongKeyAnswers.ts).
 */

const PAIRS: Array<[string, string]> = [['A', 'B'], ['C', 'E'], ['a', 'c'], ['0', '1']];

function withChar(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1);
}

/** A full key for `keyId` with a random wrong secret whose checksum is `targetChecksum`'s. */
export function forgeKey(keyId: string, targetChecksum: string): string {
  for (;;) {
    const base = newKey(keyId);
    const body = `${KEY_PREFIX}${keyId}_${base.secret}`;
    const secretStart = body.length - base.secret.length;
    const target = crcOf(targetChecksum);
    // Start from a body whose toggled positions all hold the pair's first letter.
    let start = body;
    const positions = Array.from({ length: 40 }, (_, i) => secretStart + i);
    positions.forEach((p, i) => (start = withChar(start, p, PAIRS[i % PAIRS.length]![0])));
    const deltas = positions.map((p, i) => (crc32(withChar(start, p, PAIRS[i % PAIRS.length]![1])) ^ crc32(start)) >>> 0);
    const want = (crc32(start) ^ target) >>> 0;
    const choice = solve(deltas, want);
    if (!choice) continue;
    let forged = start;
    choice.forEach((on, i) => {
      if (on) forged = withChar(forged, positions[i]!, PAIRS[i % PAIRS.length]![1]);
    });
    const full = forged + checksumOf(forged);
    if (full.endsWith(targetChecksum)) return full;
  }
}

/** The CRC value a checksum spells (checksums are the CRC32 in 6 base62 digits). */
function crcOf(checksum: string): number {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let value = 0;
  for (const c of checksum) value = value * 62 + alphabet.indexOf(c);
  return value >>> 0;
}

/** Gaussian elimination over GF(2): which of `vectors` XOR to `target`, or null. */
function solve(vectors: number[], target: number): boolean[] | null {
  const rows = vectors.map((v, i) => ({ v: v >>> 0, mask: 1n << BigInt(i) }));
  const basis: Array<{ v: number; mask: bigint } | undefined> = [];
  for (const row of rows) {
    let { v, mask } = row;
    for (let bit = 31; bit >= 0 && v; bit--) {
      if (!((v >>> bit) & 1)) continue;
      const b = basis[bit];
      if (!b) {
        basis[bit] = { v, mask };
        v = 0;
      } else {
        v = (v ^ b.v) >>> 0;
        mask ^= b.mask;
      }
    }
  }
  let v = target >>> 0;
  let mask = 0n;
  for (let bit = 31; bit >= 0 && v; bit--) {
    if (!((v >>> bit) & 1)) continue;
    const b = basis[bit];
    if (!b) return null;
    v = (v ^ b.v) >>> 0;
    mask ^= b.mask;
  }
  return vectors.map((_, i) => ((mask >> BigInt(i)) & 1n) === 1n);
}
