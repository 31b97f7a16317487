import { CacheVerifier } from './cacheVerifier';
import { ReplicaVerifier } from './replicaVerifier';
import { createTransport } from './transport';
import type { KeywardVerifier, VerifierLogger, VerifierOptions } from './types';

/**
 * @keyward/client: verify Keyward API keys inside your own service (SPEC §11, docs/client.md).
 *
 *   const verifier = createVerifier({ url: 'http://keyward:4000/graphql', serviceToken });
 *   const { valid, code } = await verifier.verify(key, { scopes: ['messages:write'], ip });
 */

export type * from './types';
export { KeywardUnavailableError } from './errors';
export { parseKey } from './keyFormat';

const SILENT: VerifierLogger = { info: () => {}, warn: () => {} };

export function createVerifier(options: VerifierOptions): KeywardVerifier {
  if (!options.url) throw new TypeError('createVerifier: `url` is required (Keyward’s /graphql address)');
  if (!options.serviceToken) throw new TypeError('createVerifier: `serviceToken` is required (npm run service-token -- --name <name>)');
  const logger = options.logger ?? SILENT;
  const transport = createTransport(options.url, options.serviceToken, positive(options.requestTimeoutMs, 5_000, 'requestTimeoutMs'));
  const feed = {
    url: options.url,
    serviceToken: options.serviceToken,
    staleAfterMs: positive(options.staleAfterMs, 30_000, 'staleAfterMs'),
    maxReconnectDelayMs: positive(options.maxReconnectDelayMs, 5_000, 'maxReconnectDelayMs'),
    logger,
  };
  const mode = options.mode ?? 'cache';
  if (mode === 'cache') return new CacheVerifier({ transport, feed, cacheSize: positive(options.cacheSize, 10_000, 'cacheSize') });
  if (mode === 'replica') return new ReplicaVerifier({ transport, feed, logger, maxStalenessMs: positive(options.maxStalenessMs, 5 * 60_000, 'maxStalenessMs') });
  throw new TypeError(`createVerifier: unknown mode ${JSON.stringify(mode)} (cache or replica)`);
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`createVerifier: \`${name}\` must be a positive number of ${name === 'cacheSize' ? 'entries' : 'milliseconds'}`);
  return value;
}
