import autocannon from 'autocannon';

/**
 * The floods of (g) and (j), from a process of their own, as an attacker's would be: this
 * load generator then takes no turns from the one measuring the legitimate load. Reads the
 * server, the forged keys and the timing from the environment; says `started` on stdout,
 * then prints its figures as one JSON line when done.
 *
 * FLOOD_SPREAD=true gives every request an X-Forwarded-For address of its own (the bench's
 * server trusts it from loopback), so that the flood comes from many client addresses, as
 * from a botnet behind a proxy; otherwise it comes from loopback, the address the measured
 * legitimate load comes from too.
 */
const keys = JSON.parse(process.env.FLOOD_KEYS!) as string[];
const spread = process.env.FLOOD_SPREAD === 'true';
const body = JSON.stringify({ query: '{ viewer { kind } }', variables: {} });
let sent = 0;
// 198.18.0.0/15 is the range set aside for benchmarks (RFC 2544): 131,072 addresses.
const addressOf = (n: number) => `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
const instance = autocannon(
  {
    url: process.env.FLOOD_URL!,
    connections: Number(process.env.FLOOD_CONNECTIONS),
    duration: Number(process.env.FLOOD_SECONDS),
    requests: [
      {
        method: 'POST' as const,
        path: '/graphql',
        setupRequest: (request: any) => {
          const n = sent++;
          const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${keys[n % keys.length]!}` };
          if (spread) headers['x-forwarded-for'] = addressOf(n);
          return { ...request, headers, body };
        },
      },
    ],
  },
  (error, result) => {
    if (error) throw error;
    process.stdout.write(`${JSON.stringify({ rps: result.requests.average, total: result.requests.total, non2xx: result.non2xx, ok: result['2xx'], addresses: spread ? Math.min(sent, 131_072) : 1 })}\n`);
  },
);
instance.on('start', () => process.stdout.write('started\n'));
