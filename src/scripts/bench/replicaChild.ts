import { readFileSync } from 'node:fs';
import { createVerifier } from '@keyward/client';

/**
 * (p)'s measuring process, started by client.ts with `--expose-gc` so that the heap can be
 * read after a full collection — in a process of its own, so that nothing else the bench
 * holds (its seed, autocannon, other verifiers) shows in the figure. It loads a replica of
 * every key the service credential covers, then verifies keys it has never been shown,
 * each once, in-process; then, for the ratio, the same number of never-seen keys over
 * loopback HTTP with one verifyApiKey round trip each. Prints one JSON line.
 *
 * KEYWARD_URL (…/graphql), SERVICE_TOKEN, SAMPLE_FILE: a JSON object { local: string[],
 * http: string[] } of live keys, none presented to anyone before.
 */

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('replicaChild.ts needs node --expose-gc');
const collect = () => {
  gc();
  gc();
};

async function main(): Promise<void> {
  const url = process.env.KEYWARD_URL!;
  const sample = JSON.parse(readFileSync(process.env.SAMPLE_FILE!, 'utf8')) as { local: string[]; http: string[] };
  collect();
  const before = process.memoryUsage();
  const started = performance.now();
  const verifier = createVerifier({ url, serviceToken: process.env.SERVICE_TOKEN!, mode: 'replica' });
  await verifier.ready();
  const loadMs = performance.now() - started;
  collect();
  const after = process.memoryUsage();
  const loaded = verifier.metrics();

  // Never-seen keys, each once: the replica has no cache, so this is its only path.
  const times = new Float64Array(sample.local.length);
  let invalid = 0;
  const localStarted = performance.now();
  for (let i = 0; i < sample.local.length; i++) {
    const t0 = performance.now();
    const answer = await verifier.verify(sample.local[i]!);
    times[i] = performance.now() - t0;
    if (!answer.valid) invalid++;
  }
  const localSeconds = (performance.now() - localStarted) / 1000;
  const afterLocal = verifier.metrics();
  await verifier.close();

  // The same question over loopback HTTP, one round trip each (keep-alive, as a service would).
  const httpTimes = new Float64Array(sample.http.length);
  let httpInvalid = 0;
  const httpStarted = performance.now();
  for (let i = 0; i < sample.http.length; i++) {
    const t0 = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($k:String!){ verifyApiKey(key:$k) { valid code } }', variables: { k: sample.http[i] } }),
    });
    const body = (await response.json()) as { data?: { verifyApiKey?: { valid: boolean } } };
    httpTimes[i] = performance.now() - t0;
    if (!body.data?.verifyApiKey?.valid) httpInvalid++;
  }
  const httpSeconds = (performance.now() - httpStarted) / 1000;

  const pct = (values: Float64Array, p: number) => {
    const sorted = Float64Array.from(values).sort();
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 1000;
  };
  process.stdout.write(
    `${JSON.stringify({
      keys: loaded.keys,
      loadMs,
      serverCallsToLoad: loaded.serverCalls,
      heapBytes: after.heapUsed - before.heapUsed,
      rssBytes: after.rss - before.rss,
      local: { n: sample.local.length, invalid, opsPerSecond: sample.local.length / localSeconds, p50us: pct(times, 50), p99us: pct(times, 99), askedServer: afterLocal.misses - loaded.misses },
      http: { n: sample.http.length, invalid: httpInvalid, opsPerSecond: sample.http.length / httpSeconds, p50us: pct(httpTimes, 50), p99us: pct(httpTimes, 99) },
    })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
