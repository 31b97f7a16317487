import { BcryptQueue } from '../src/auth/bcryptQueue';
import { CredentialCache, type CachedCredential } from '../src/auth/credentialCache';
import { KeywardError } from '../src/errors';

/** The cache's own rules, one by one; the GraphQL-level proofs are in hot-path.test.ts. */
interface Entry extends CachedCredential {
  name: string;
}
const entry = (name: string, ...tags: string[]): Entry => ({ name, tags });

describe('credential cache', () => {
  const make = (max = 100) => new CredentialCache<Entry>({ max, ttlMs: 60_000 });

  it('answers only the exact credential it was filled with', () => {
    const cache = make();
    const right = cache.digest('kw_right');
    cache.fill(cache.ticket(), 'slot', right, entry('a', 'key:a'));
    expect(cache.get('slot', cache.digest('kw_right'))?.name).toBe('a');
    expect(cache.get('slot', cache.digest('kw_wrong'))).toBeUndefined();
    // A wrong presentation is a miss and leaves the right one in place.
    expect(cache.get('slot', right)?.name).toBe('a');
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1, size: 1 });
  });

  it('keys its digests with a secret of its own: two caches never agree on a digest', () => {
    expect(make().digest('kw_same')).not.toBe(make().digest('kw_same'));
  });

  it('compares digests of equal length only, and tells apart digests that differ in one character', () => {
    const cache = make();
    const digest = cache.digest('kw_x');
    expect(digest).toHaveLength(44);
    cache.fill(cache.ticket(), 'slot', digest, entry('a'));
    const last = digest.at(-2) === 'A' ? 'B' : 'A';
    expect(cache.get('slot', `${digest.slice(0, -2)}${last}=`)).toBeUndefined();
    expect(cache.get('slot', digest.slice(0, -1))).toBeUndefined();
    expect(cache.get('slot', digest)?.name).toBe('a');
  });

  it('refuses a fill whose ticket predates an invalidation of one of its tags', () => {
    const cache = make();
    const digest = cache.digest('kw_x');
    const early = cache.ticket();
    cache.invalidate('key:a');
    expect(cache.fill(early, 'slot', digest, entry('stale', 'key:a'))).toBe(false);
    expect(cache.get('slot', digest)).toBeUndefined();
    // Another credential's invalidation does not stop it; a ticket taken afterwards fills.
    const other = cache.ticket();
    cache.invalidate('key:b');
    expect(cache.fill(other, 'slot', digest, entry('fresh', 'key:a'))).toBe(true);
    expect(cache.get('slot', digest)?.name).toBe('fresh');
    expect(cache.stats()).toMatchObject({ fills: 1, droppedFills: 1 });
  });

  it('evicts every entry carrying an invalidated tag, and only those', () => {
    const cache = make();
    const [one, two, three] = ['s1', 's2', 's3'].map((s) => cache.digest(s)) as [string, string, string];
    cache.fill(cache.ticket(), 's1', one, entry('1', 'session:1', 'member:m'));
    cache.fill(cache.ticket(), 's2', two, entry('2', 'session:2', 'member:m'));
    cache.fill(cache.ticket(), 's3', three, entry('3', 'session:3', 'member:n'));
    cache.invalidate('member:m');
    expect([cache.get('s1', one), cache.get('s2', two), cache.get('s3', three)?.name]).toEqual([undefined, undefined, '3']);
  });

  it('while suspended answers and keeps nothing, and after resuming refuses fills begun before', () => {
    const cache = make();
    const digest = cache.digest('kw_x');
    cache.fill(cache.ticket(), 'slot', digest, entry('a', 'key:a'));
    cache.suspend();
    expect(cache.get('slot', digest)).toBeUndefined();
    const during = cache.ticket();
    expect(cache.fill(during, 'slot', digest, entry('a', 'key:a'))).toBe(false);
    cache.resume();
    expect(cache.fill(during, 'slot', digest, entry('a', 'key:a'))).toBe(false);
    expect(cache.fill(cache.ticket(), 'slot', digest, entry('a', 'key:a'))).toBe(true);
    expect(cache.stats().bypassing).toBe(false);
  });

  it('is bounded: the least recently used entry goes first', () => {
    const cache = make(2);
    const d = (s: string) => cache.digest(s);
    cache.fill(cache.ticket(), 'a', d('a'), entry('a'));
    cache.fill(cache.ticket(), 'b', d('b'), entry('b'));
    cache.get('a', d('a'));
    cache.fill(cache.ticket(), 'c', d('c'), entry('c'));
    expect([cache.get('a', d('a'))?.name, cache.get('b', d('b')), cache.get('c', d('c'))?.name]).toEqual(['a', undefined, 'c']);
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
