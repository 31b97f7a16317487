import autocannon from 'autocannon';

/**
 * The flood of (g), from a process of its own, as an attacker's would be: its load
 * generator then takes no turns from the one measuring the legitimate load. Reads the
 * server, the forged keys and the timing from the environment; says `started` on stdout,
 * then prints its figures as one JSON line when done.
 */
const keys = JSON.parse(process.env.FLOOD_KEYS!) as string[];
const instance = autocannon(
  {
    url: process.env.FLOOD_URL!,
    connections: Number(process.env.FLOOD_CONNECTIONS),
    duration: Number(process.env.FLOOD_SECONDS),
    requests: keys.map((key) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-forwarded-for': process.env.FLOOD_CLIENT! },
      body: JSON.stringify({ query: '{ viewer { kind } }', variables: {} }),
    })),
  },
  (error, result) => {
    if (error) throw error;
    process.stdout.write(`${JSON.stringify({ rps: result.requests.average, non2xx: result.non2xx })}\n`);
  },
);
instance.on('start', () => process.stdout.write('started\n'));
