import { BcryptQueue } from '../src/auth/bcryptQueue';
import { CredentialCache, type CachedCredential } from '../src/auth/credentialCache';
import { createHash } from 'node:crypto';
import { WrongKeyRate } from '../src/auth/wrongKeys';
import { KeywardError } from '../src/errors';
import { digestOf, sameDigest } from '../src/keys/secrets';

/** The cache's own rules, one by one; the GraphQL-level proofs are in hot-path.test.ts. */
interface Entry extends CachedCredential {
  name: string;
}
const entry = (name: string, ...tags: string[]): Entry => ({ name, tags });

describe('credential cache', () => {
  const make = (max = 100) => new CredentialCache<Entry>({ max, ttlMs: 60_000 });

  it('answers what was filled into a slot, and counts hits and misses', () => {
    const cache = make();
    cache.fill(cache.ticket(), 'k:a', entry('a', 'key:a'));
    expect(cache.get('k:a')?.name).toBe('a');
    expect(cache.get('k:b')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, fills: 1, size: 1 });
  });

  it('refuses a fill whose ticket predates an invalidation of one of its tags', () => {
    const cache = make();
    const early = cache.ticket();
    cache.invalidate('key:a');
    expect(cache.fill(early, 'k:a', entry('stale', 'key:a'))).toBe(false);
    expect(cache.get('k:a')).toBeUndefined();
    // Another credential's invalidation does not stop it; a ticket taken afterwards fills.
    const other = cache.ticket();
    cache.invalidate('key:b');
    expect(cache.fill(other, 'k:a', entry('fresh', 'key:a'))).toBe(true);
    expect(cache.get('k:a')?.name).toBe('fresh');
    expect(cache.stats()).toMatchObject({ fills: 1, droppedFills: 1 });
  });

  it('evicts every entry carrying an invalidated tag, and only those', () => {
    const cache = make();
    cache.fill(cache.ticket(), 's1', entry('1', 'session:1', 'member:m'));
    cache.fill(cache.ticket(), 's2', entry('2', 'session:2', 'member:m'));
    cache.fill(cache.ticket(), 's3', entry('3', 'session:3', 'member:n'));
    cache.invalidate('member:m');
    expect([cache.get('s1'), cache.get('s2'), cache.get('s3')?.name]).toEqual([undefined, undefined, '3']);
  });

  it('while suspended answers and keeps nothing, and after resuming refuses fills begun before', () => {
    const cache = make();
    cache.fill(cache.ticket(), 'k:a', entry('a', 'key:a'));
    cache.suspend();
    expect(cache.get('k:a')).toBeUndefined();
    const during = cache.ticket();
    expect(cache.fill(during, 'k:a', entry('a', 'key:a'))).toBe(false);
    cache.resume();
    expect(cache.fill(during, 'k:a', entry('a', 'key:a'))).toBe(false);
    expect(cache.fill(cache.ticket(), 'k:a', entry('a', 'key:a'))).toBe(true);
    expect(cache.stats().bypassing).toBe(false);
  });

  it('is bounded: the least recently used entry goes first', () => {
    const cache = make(2);
    cache.fill(cache.ticket(), 'a', entry('a'));
    cache.fill(cache.ticket(), 'b', entry('b'));
    cache.get('a');
    cache.fill(cache.ticket(), 'c', entry('c'));
    expect([cache.get('a')?.name, cache.get('b'), cache.get('c')?.name]).toEqual(['a', undefined, 'c']);
  });
});

describe('stored digests', () => {
  it('are the SHA-256 of the full key in hex, compared only at equal length and told apart by one character', () => {
    const digest = digestOf('kw_x');
    expect(digest).toBe(createHash('sha256').update('kw_x').digest('hex'));
    expect(sameDigest(digest, digestOf('kw_x'))).toBe(true);
    const last = digest.at(-1) === 'a' ? 'b' : 'a';
    expect(sameDigest(digest, `${digest.slice(0, -1)}${last}`)).toBe(false);
    expect(sameDigest(digest, digest.slice(0, -1))).toBe(false);
  });
});

describe('wrong key rate', () => {
  it('is busy from the second that reaches its bound, stays so while a tenth of it goes on, and is calm after that', () => {
    const rate = new WrongKeyRate(10, 5_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 9; i++) rate.record(t0 + i);
    expect(rate.busy(t0 + 20)).toBe(false);
    rate.record(t0 + 30);
    expect(rate.busy(t0 + 40)).toBe(true);
    // One refusal a second is a tenth of the bound: the flood, slowed, is still on.
    for (let s = 1; s <= 8; s++) rate.record(t0 + s * 1_000);
    expect(rate.busy(t0 + 12_000)).toBe(true);
    expect(rate.busy(t0 + 13_100)).toBe(false);
    // Below a tenth, nothing keeps it on.
    rate.record(t0 + 14_000);
    expect(rate.busy(t0 + 14_001)).toBe(false);
  });
});

describe('bcrypt queue', () => {
  it('runs at most `concurrency` at once, queues up to `maxWaiting`, and refuses the rest with RATE_LIMITED', async () => {
    const queue = new BcryptQueue(2, 1);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let peak = 0;
    let running = 0;
    const work = () =>
      queue.run(async () => {
        peak = Math.max(peak, ++running);
        await gate;
        running--;
        return 'done';
      });
    const accepted = [work(), work(), work()];
    await expect(work()).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    expect(queue.stats()).toEqual({ running: 2, waiting: 1, completed: 0, rejected: 1 });
    release();
    expect(await Promise.all(accepted)).toEqual(['done', 'done', 'done']);
    expect(peak).toBe(2);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0, completed: 3, rejected: 1 });
  });

  it('frees its slot when the work fails', async () => {
    const queue = new BcryptQueue(1, 0);
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(async () => 1)).resolves.toBe(1);
    expect(new KeywardError('RATE_LIMITED', 'x', undefined, 3).retryAfterSeconds).toBe(3);
  });
});
