import { createPublicKey, hash, verify, type KeyObject } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { gitHubKeysDocument, type GitHubKeysDocument } from '../config';
import type { LeakLabel, LeakReport } from '../keys/leaks';
import type { Logger } from '../logger';
import type { ClientAddress } from './clientAddress';
import { readBytesAtMost } from './requestLimits';

/**
 * GitHub's secret-scanning partner endpoint (SPEC §10): GitHub POSTs what it found in
 * public code that matches Keyward's key format — a JSON array of `{ token, type, url,
 * source }` — signed with ECDSA P-256 / SHA-256 over the raw body. The signature
 * (`Github-Public-Key-Signature`, base64 DER) is checked with the public key named by
 * `Github-Public-Key-Identifier` before anything is parsed; a missing or bad one is 401
 * and changes nothing. Each token is then judged and acted on (keys/leaks.ts), and the
 * answer is GitHub's feedback format: one `{ token_hash, token_type, label }` per token,
 * the hash being the SHA-256 of the token — the raw token is never sent back.
 */

export const SECRET_SCANNING_PATH = '/secret-scanning/github';
export const GITHUB_KEYS_URL = 'https://api.github.com/meta/public_keys/secret_scanning';
const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Fetched keys are kept this long; an unknown identifier (GitHub rotated) refetches at most once a minute. */
const KEYS_TTL_MS = 60 * 60_000;
const REFETCH_MS = 60_000;

/** The public keys GitHub signs with: given by configuration, or fetched from GitHub and cached. */
export class GitHubKeys {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private fetching: Promise<void> | null = null;

  constructor(
    private readonly configured: GitHubKeysDocument | null,
    private readonly logger: Logger,
    private readonly url = GITHUB_KEYS_URL,
  ) {
    if (configured) this.keys = keysOf(configured);
  }

  async keyFor(identifier: string): Promise<KeyObject | null> {
    if (this.configured) return this.keys.get(identifier) ?? null;
    const age = Date.now() - this.fetchedAt;
    if (age > KEYS_TTL_MS || (!this.keys.has(identifier) && age > REFETCH_MS)) await this.refresh();
    return this.keys.get(identifier) ?? null;
  }

  private refresh(): Promise<void> {
    this.fetching ??= (async () => {
      try {
        const response = await fetch(this.url, { signal: AbortSignal.timeout(5_000), headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        this.keys = keysOf(gitHubKeysDocument.parse(await response.json()));
      } catch (error) {
        // Kept: the keys fetched before still verify; with none, reports are refused (401).
        this.logger.warn({ err: error instanceof Error ? error.message : String(error), url: this.url }, "could not fetch GitHub's secret-scanning keys");
      } finally {
        this.fetchedAt = Date.now();
        this.fetching = null;
      }
    })();
    return this.fetching;
  }
}

function keysOf(document: GitHubKeysDocument): Map<string, KeyObject> {
  return new Map(document.public_keys.map((k) => [k.key_identifier, createPublicKey(k.key)]));
}

interface ReportedToken {
  token: string;
  type: string;
  url?: string;
  source?: string;
}

function reportsOf(body: unknown): ReportedToken[] | null {
  if (!Array.isArray(body)) return null;
  for (const item of body) {
    if (item === null || typeof item !== 'object') return null;
    const { token, type, url, source } = item as Record<string, unknown>;
    if (typeof token !== 'string' || typeof type !== 'string') return null;
    if ((url !== undefined && url !== null && typeof url !== 'string') || (source !== undefined && source !== null && typeof source !== 'string')) return null;
  }
  return body as ReportedToken[];
}

export interface SecretScanningOptions {
  keys: GitHubKeys;
  clientAddress: ClientAddress;
  /** Judges and acts on the reports: one label per report, in order. */
  report(reports: LeakReport[], ip: string | null): Promise<LeakLabel[]>;
}

export function secretScanningPlugin(options: SecretScanningOptions): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (url.pathname !== SECRET_SCANNING_PATH) return;
      const answer = (status: number, body: unknown) => endResponse(fetchAPI.Response.json(body, { status }));
      if (request.method !== 'POST') return answer(405, { message: 'POST a JSON array of reported tokens' });
      if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) return answer(413, { message: 'The body exceeds 2 MB' });

      let raw: Buffer;
      try {
        raw = await readBytesAtMost(request, MAX_BODY_BYTES, () => new Error('too large'));
      } catch {
        return answer(413, { message: 'The body exceeds 2 MB' });
      }
      const identifier = request.headers.get('github-public-key-identifier');
      const signature = request.headers.get('github-public-key-signature');
      if (!identifier || !signature) return answer(401, { message: 'Github-Public-Key-Identifier and Github-Public-Key-Signature are required' });
      const key = await options.keys.keyFor(identifier);
      if (!key || !verifies(key, raw, signature)) return answer(401, { message: 'The signature does not verify' });

      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return answer(400, { message: 'The body is not JSON' });
      }
      const reported = reportsOf(body);
      if (!reported) return answer(400, { message: 'The body must be an array of { token, type, url, source }' });

      // What the Node adapter hands Yoga (app.ts's ServerContext); absent under yoga.fetch.
      const peer = (serverContext as { req?: { socket: { remoteAddress?: string } } }).req?.socket.remoteAddress;
      const ip = options.clientAddress(request.headers, peer);
      const labels = await options.report(
        reported.map((r) => ({ token: r.token, source: r.source ?? 'github', url: r.url ?? null })),
        ip,
      );
      return answer(
        200,
        reported.map((r, i) => ({ token_hash: hash('sha256', r.token, 'hex'), token_type: r.type, label: labels[i] })),
      );
    },
  };
}

function verifies(key: KeyObject, body: Buffer, signature: string): boolean {
  try {
    return verify('sha256', body, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
