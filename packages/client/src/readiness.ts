import { KeywardUnavailableError } from './errors';
import type { Feed } from './feed';

const POLL_MS = 10;

/** Resolves once the feed is live; rejects once it has been down longer than staleAfterMs (it keeps retrying). */
export async function untilLive(feed: Feed): Promise<void> {
  while (!feed.isConnected) {
    if (feed.isStale()) throw new KeywardUnavailableError('the change feed did not connect within staleAfterMs');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
