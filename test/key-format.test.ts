import fc from 'fast-check';
import { checksumOf, KEY_PREFIX, lastFourOf, newKey, newKeyId, parseKey } from '../src/keys/format';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// Every character a mistyped key could plausibly contain: the alphabet, the separator and a few neighbours.
const TYPO_CHARACTERS = `${ALPHABET}_-.+/= `;

describe('key format', () => {
  it('is kw_<16-char key ID>_<43-char secret><6-char checksum>', () => {
    const key = newKey(newKeyId());
    expect(key.fullKey).toMatch(/^kw_[0-9A-Za-z]{16}_[0-9A-Za-z]{49}$/);
    expect(key.fullKey).toBe(`${KEY_PREFIX}${key.keyId}_${key.secret}${key.checksum}`);
    expect(parseKey(key.fullKey)).toEqual({ keyId: key.keyId, secret: key.secret, checksum: key.checksum });
    expect(lastFourOf(key.fullKey)).toBe(key.checksum.slice(-4));
    // ≥ 256 bits: 43 characters of a 62-letter alphabet.
    expect(key.secret.length * Math.log2(62)).toBeGreaterThanOrEqual(256);
    expect(Buffer.byteLength(key.secret)).toBeLessThan(72);
  });

  it('draws different IDs and secrets every time', () => {
    const keys = Array.from({ length: 200 }, () => newKey(newKeyId()));
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(200);
    expect(new Set(keys.map((k) => k.secret)).size).toBe(200);
    // Every alphabet character turns up: the draw is not stuck on a subset.
    expect(new Set(keys.map((k) => k.secret).join('')).size).toBe(62);
  });

  it('rejects every one-character change of a key, at every position', () => {
    for (let n = 0; n < 5; n++) {
      const { fullKey } = newKey(newKeyId());
      for (let i = 0; i < fullKey.length; i++) {
        for (const c of TYPO_CHARACTERS) {
          if (c === fullKey[i]) continue;
          const typo = fullKey.slice(0, i) + c + fullKey.slice(i + 1);
          if (parseKey(typo) !== null) throw new Error(`accepted ${typo}`);
        }
      }
    }
  });

  it('rejects a dropped, doubled or swapped character', () => {
    fc.assert(
      fc.property(fc.nat(68), fc.constantFrom('drop', 'double', 'swap'), (i, kind) => {
        const { fullKey } = newKey(newKeyId());
        const changed =
          kind === 'drop'
            ? fullKey.slice(0, i) + fullKey.slice(i + 1)
            : kind === 'double'
              ? fullKey.slice(0, i) + fullKey[i] + fullKey.slice(i)
              : fullKey.slice(0, i) + (fullKey[i + 1] ?? '') + fullKey[i] + fullKey.slice(i + 2);
        return changed === fullKey || parseKey(changed) === null;
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts a random string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (s) => parseKey(s) === null));
  });

  it('never accepts a well-shaped key whose checksum was not computed from it', () => {
    const chars = (n: number) => fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: n, maxLength: n });
    fc.assert(
      fc.property(chars(16), chars(43), chars(6), (id, secret, checksum) => {
        const body = `kw_${id}_${secret}`;
        fc.pre(checksum !== checksumOf(body));
        return parseKey(body + checksum) === null;
      }),
      { numRuns: 2000 },
    );
  });
});
