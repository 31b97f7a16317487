import { hash } from 'node:crypto';
import { KeywardUnavailableError } from './errors';
import { Feed, type FeedEvent, type FeedOptions } from './feed';
import type { KeywardClientSnapshotQuery } from './gql/graphql';
import { parseKey } from './keyFormat';
import { Snapshot } from './operations';
import { untilLive } from './readiness';
import type { Transport } from './transport';
import type { KeywardVerifier, Verification, VerifierLogger, VerifierMetrics, VerifyOptions } from './types';
import { askServer, fromServer, liveVerdict, refused, sameString, ScopeInterner, type LiveKey } from './verdicts';

/**
 * Replica mode: every key's stored digests and verification data, loaded from
 * `verificationSnapshot` page by page, then kept current by the change feed followed from
 * the snapshot's cursor — so even a key's first presentation is answered here.
 *
 * Local verification follows the server's order (SPEC §3, §9): format → key by ID → the
 * stored secret the key's checksum claims (the current one, or the previous one while its
 * grace lasts) → constant-time comparison of SHA-256(key) → REVOKED / EXPIRED → scopes.
 * Keyward answers instead for what only it may decide: keys with rate limits or credits
 * (only the server spends budgets), keys with allowed addresses (the server matches the
 * address; no CIDR code here to drift from it), legacy bcrypt secrets, and a key with a
 * change announced but not yet reloaded.
 *
 * Staleness: while the feed is down for at most min(staleAfterMs, maxStalenessMs), the
 * replica answers alone. Beyond that it asks Keyward for every verification; only when
 * Keyward cannot be reached either does the replica answer, until maxStalenessMs after the
 * drop, and then verify() throws KeywardUnavailableError (fail closed).
 */

type SnapshotKey = KeywardClientSnapshotQuery['verificationSnapshot']['keys'][number];

interface ReplicaSecret {
  checksum: string;
  /** SHA-256 (hex) of the full key; for a legacy key, a bcrypt hash only the server checks. */
  digest: string;
  bcrypt: boolean;
  /** Epoch ms when a rotation's grace ends; null for the current secret. */
  endsAt: number | null;
}

interface ReplicaKey extends LiveKey {
  secrets: ReplicaSecret[];
  expiresAt: number | null;
  revokedAt: number | null;
  /** Rate limits, credits or allowed addresses: every use asks the server. */
  serverOnly: boolean;
}

const PAGE = 1_000;
/** After Keyward failed to answer, how long the replica answers alone without trying it again. */
const SERVER_RETRY_MS = 1_000;
const MIN_RETRY_MS = 100;

export interface ReplicaVerifierOptions {
  transport: Transport;
  feed: FeedOptions;
  maxStalenessMs: number;
  logger: VerifierLogger;
}

const SERVER = Symbol('ask the server');

export class ReplicaVerifier implements KeywardVerifier {
  private keys = new Map<string, ReplicaKey>();
  private readonly interner = new ScopeInterner();
  private readonly feed: Feed;
  private readonly transport: Transport;
  private loaded = false;
  private loading: Promise<void> | null = null;
  /** Keys with a change announced and not yet reloaded, and those being reloaded. */
  private readonly dirty = new Set<string>();
  private readonly reloading = new Set<string>();
  private reloadAll = false;
  /** A full reload (RESYNC, an organization's change) is under way or failed: ask the server meanwhile. */
  private resyncing = false;
  private working: Promise<void> | null = null;
  private workFailures = 0;
  private serverFailedAt = 0;
  private hits = 0;
  private misses = 0;
  private closed = false;

  constructor(private readonly options: ReplicaVerifierOptions) {
    this.transport = options.transport;
    this.feed = new Feed(options.feed, { onEvent: (event) => this.onEvent(event) });
    this.ready().catch((error: unknown) => options.logger.warn('keyward replica: the first load failed; the next verify() tries again', { reason: (error as Error).message }));
  }

  /** Loads the snapshot (once) and waits for the feed to be live. */
  async ready(): Promise<void> {
    if (!this.loaded) {
      this.loading ??= this.initialLoad().finally(() => (this.loading = null));
      await this.loading;
    }
    await untilLive(this.feed);
  }

  async verify(key: string, options: VerifyOptions = {}): Promise<Verification> {
    if (this.closed) throw new KeywardUnavailableError('the verifier is closed');
    const required = options.scopes ?? [];
    const ip = options.ip ?? null;
    const parts = parseKey(key);
    if (!parts) {
      this.hits++;
      return refused('MALFORMED');
    }
    if (!this.loaded) {
      this.loading ??= this.initialLoad().finally(() => (this.loading = null));
      await this.loading;
    }
    const now = Date.now();
    const downFor = this.feed.downFor(now);
    const trusted = !this.feed.isStale(now) && downFor <= this.options.maxStalenessMs;
    if (this.resyncing || this.dirty.has(parts.keyId) || this.reloading.has(parts.keyId)) return this.ask(key, required, ip);
    if (!trusted && now - this.serverFailedAt > SERVER_RETRY_MS) {
      try {
        return await this.ask(key, required, ip);
      } catch (error) {
        if (!(error instanceof KeywardUnavailableError) || this.feed.downFor() > this.options.maxStalenessMs) throw error;
        this.serverFailedAt = Date.now();
      }
    }
    if (!trusted && this.feed.downFor() > this.options.maxStalenessMs) {
      throw new KeywardUnavailableError(`the replica has not heard from Keyward for more than maxStalenessMs (${this.options.maxStalenessMs} ms), and Keyward cannot be reached`);
    }
    const local = this.local(key, parts.keyId, parts.checksum, required, now);
    if (local !== SERVER) {
      this.hits++;
      return local;
    }
    return this.ask(key, required, ip);
  }

  metrics(): VerifierMetrics {
    return {
      hits: this.hits,
      misses: this.misses,
      serverCalls: this.transport.calls,
      feedConnected: this.feed.isConnected,
      lastEventAt: this.feed.lastEventAt,
      stale: this.feed.isStale(),
      keys: this.keys.size,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.feed.close();
    await this.working?.catch(() => {});
  }

  private local(key: string, keyId: string, checksum: string, required: readonly string[], now: number): Verification | typeof SERVER {
    const entry = this.keys.get(keyId);
    if (!entry) return refused('NOT_FOUND');
    let secret: ReplicaSecret | null = null;
    for (const candidate of entry.secrets) {
      if (candidate.checksum === checksum && (candidate.endsAt === null || candidate.endsAt > now)) {
        secret = candidate;
        break;
      }
    }
    if (!secret) return refused('NOT_FOUND');
    if (secret.bcrypt) return SERVER;
    if (!sameString(hash('sha256', key), secret.digest)) return refused('NOT_FOUND');
    if (entry.revokedAt !== null) return refused('REVOKED');
    if (entry.expiresAt !== null && entry.expiresAt <= now) return refused('EXPIRED');
    if (entry.serverOnly) return SERVER;
    return liveVerdict(entry, required);
  }

  private async ask(key: string, required: readonly string[], ip: string | null): Promise<Verification> {
    this.misses++;
    return fromServer(await askServer(this.transport, key, required, ip));
  }

  private async initialLoad(): Promise<void> {
    const started = Date.now();
    const { cursor, keys } = await this.loadAll();
    if (this.closed) return;
    this.keys = keys;
    this.loaded = true;
    this.options.logger.info('keyward replica: loaded', { keys: keys.size, ms: Date.now() - started, cursor });
    this.feed.start(cursor);
  }

  /** Every key, page by page; the cursor is the first page's: following the feed from it misses nothing. */
  private async loadAll(): Promise<{ cursor: string; keys: Map<string, ReplicaKey> }> {
    const keys = new Map<string, ReplicaKey>();
    let cursor: string | null = null;
    let after: string | null = null;
    for (;;) {
      const { verificationSnapshot: page }: KeywardClientSnapshotQuery = await this.transport.request(Snapshot, { after, first: PAGE, ids: null });
      cursor ??= page.cursor;
      for (const key of page.keys) keys.set(key.id, this.replicaKeyOf(key));
      if (!page.hasMore || !page.endCursor) return { cursor, keys };
      after = page.endCursor;
    }
  }

  private replicaKeyOf(key: SnapshotKey): ReplicaKey {
    return {
      id: key.id,
      name: key.name,
      organizationId: key.organizationId,
      ...this.interner.intern(key.scopes),
      meta: (key.meta as Record<string, unknown> | null | undefined) ?? null,
      secrets: key.secrets.map((s) => ({ checksum: s.checksum, digest: s.digest, bcrypt: s.kind !== 'SHA256', endsAt: s.endsAt ? Date.parse(s.endsAt) : null })),
      expiresAt: key.expiresAt ? Date.parse(key.expiresAt) : null,
      revokedAt: key.revokedAt ? Date.parse(key.revokedAt) : null,
      serverOnly: key.metered || key.allowedIps.length > 0,
    };
  }

  private onEvent(event: FeedEvent): void {
    if (event.kind === 'RESYNC' || (event.kind === 'CHANGE' && !event.apiKeyId)) {
      this.reloadAll = true;
      this.resyncing = true;
    } else if (event.kind === 'CHANGE') {
      this.dirty.add(event.apiKeyId!);
    } else {
      return;
    }
    this.work();
  }

  /** Reloads what the feed announced, one batch at a time, until nothing is left; retries with backoff. */
  private work(): void {
    if (this.working || this.closed) return;
    this.working = (async () => {
      while (!this.closed && (this.reloadAll || this.dirty.size > 0)) {
        try {
          if (this.reloadAll) {
            this.reloadAll = false;
            // What was announced before this read is covered by it.
            this.dirty.clear();
            const { keys } = await this.loadAll();
            this.keys = keys;
            this.resyncing = false;
            this.options.logger.info('keyward replica: resynchronised', { keys: keys.size });
          } else {
            const batch = [...this.dirty].slice(0, PAGE);
            for (const id of batch) {
              this.dirty.delete(id);
              this.reloading.add(id);
            }
            try {
              const { verificationSnapshot: page } = await this.transport.request(Snapshot, { ids: batch, first: PAGE, after: null });
              const found = new Map(page.keys.map((key) => [key.id, key]));
              for (const id of batch) {
                const key = found.get(id);
                if (key) this.keys.set(id, this.replicaKeyOf(key));
                else this.keys.delete(id);
              }
            } catch (error) {
              for (const id of batch) this.dirty.add(id);
              throw error;
            } finally {
              for (const id of batch) this.reloading.delete(id);
            }
          }
          this.workFailures = 0;
        } catch (error) {
          if (this.resyncing) this.reloadAll = true;
          this.options.logger.warn('keyward replica: could not reload changed keys; retrying', { reason: (error as Error).message, pending: this.dirty.size });
          const delay = Math.min(this.options.feed.maxReconnectDelayMs, MIN_RETRY_MS * 2 ** Math.min(this.workFailures++, 20));
          await new Promise((resolve) => setTimeout(resolve, delay).unref());
        }
      }
    })().finally(() => {
      this.working = null;
    });
  }
}
