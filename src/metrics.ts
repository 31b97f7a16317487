import { getOperationAST, type DocumentNode, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/**
 * Prometheus metrics (prom-client), one registry per process so that tests can build
 * many apps side by side. Every label takes its values from a closed set (schema root
 * fields, error codes, verification codes): never from anything a client names freely,
 * or a client could grow the registry without bound.
 */
export interface Metrics {
  registry: Registry;
  /** GraphQL requests by the operation's first root field (`apiKeys`, `createApiKey`, …). */
  graphqlRequests: Counter<'operation'>;
  /** Errors in GraphQL answers, by root field and `extensions.code`. */
  graphqlErrors: Counter<'operation' | 'code'>;
  /** verifyApiKey outcomes by VerificationCode. */
  verifications: Counter<'code'>;
  /** Credential cache lookups (API keys and sessions share the cache): result `hit` | `miss`. */
  credentialCache: Counter<'result'>;
  /** bcrypt jobs waiting for a worker. */
  bcryptQueueDepth: Gauge;
  /** Answers RATE_LIMITED, by what refused them: `failures` (failure limits) or `bcrypt_queue` (queue full). */
  rateLimited: Counter<'limit'>;
}

/**
 * What the hot path counts itself (src/services.ts): read at scrape time, so
 * the cache, queue and limiter stay free of any metrics code and cost nothing per request.
 */
export interface HotPathCounters {
  cacheHits: number;
  cacheMisses: number;
  bcryptWaiting: number;
  failureLimited: number;
  bcryptRejected: number;
}

/** A counter whose totals are kept elsewhere: set to them at each scrape. */
function mirror<L extends string>(counter: Counter<L>, totals: () => Array<[Partial<Record<L, string>>, number]> | null): void {
  (counter as unknown as { collect: () => void }).collect = () => {
    const current = totals();
    if (!current) return;
    counter.reset();
    for (const [labels, value] of current) counter.inc(labels, value);
  };
}

export function createMetrics(options: { processMetrics: boolean; hotPath?: () => HotPathCounters | null }): Metrics {
  const registry = new Registry();
  // Process metrics (CPU, memory, event-loop lag) only when they are served: their
  // collectors watch the garbage collector for as long as the process lives.
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'keyward_' });
  const registers = [registry];
  const hotPath = options.hotPath ?? (() => null);
  return {
    registry,
    graphqlRequests: new Counter({ name: 'keyward_graphql_requests_total', help: 'GraphQL requests by operation (first root field)', labelNames: ['operation'], registers }),
    graphqlErrors: new Counter({ name: 'keyward_graphql_errors_total', help: 'Errors in GraphQL answers by operation and code', labelNames: ['operation', 'code'], registers }),
    verifications: new Counter({ name: 'keyward_verifications_total', help: 'verifyApiKey outcomes by code', labelNames: ['code'], registers }),
    credentialCache: withMirror(
      new Counter({ name: 'keyward_credential_cache_total', help: 'Credential cache lookups by result', labelNames: ['result'], registers }),
      (c) => [[{ result: 'hit' }, c.cacheHits], [{ result: 'miss' }, c.cacheMisses]],
    ),
    bcryptQueueDepth: new Gauge({
      name: 'keyward_bcrypt_queue_depth',
      help: 'bcrypt jobs waiting for a worker',
      registers,
      collect() {
        const current = hotPath();
        if (current) this.set(current.bcryptWaiting);
      },
    }),
    rateLimited: withMirror(
      new Counter({ name: 'keyward_rate_limited_total', help: 'Answers RATE_LIMITED by what refused them', labelNames: ['limit'], registers }),
      (c) => [[{ limit: 'failures' }, c.failureLimited], [{ limit: 'bcrypt_queue' }, c.bcryptRejected]],
    ),
  };

  function withMirror<L extends string>(counter: Counter<L>, pick: (c: HotPathCounters) => Array<[Partial<Record<L, string>>, number]>) {
    mirror(counter, () => {
      const current = hotPath();
      return current ? pick(current) : null;
    });
    return counter;
  }
}

/** A request that never reached execution (unparsable, invalid, refused by a limit). */
const NOT_EXECUTED = '(invalid)';

function operationLabel(document: DocumentNode, operationName: string | null | undefined): string {
  const operation = getOperationAST(document, operationName);
  const first = operation?.selectionSet.selections.find((s) => s.kind === 'Field');
  return first && first.kind === 'Field' ? first.name.value : NOT_EXECUTED;
}

/**
 * Counts every GraphQL answer and its errors, and serves the registry at GET /metrics
 * when `serve` is set.
 */
export function metricsPlugin(metrics: Metrics, options: { serve: boolean }): Plugin {
  const operations = new WeakMap<Request, string>();
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!options.serve || url.pathname !== '/metrics' || request.method !== 'GET') return;
      endResponse(new fetchAPI.Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } }));
    },
    onExecute({ args }) {
      const { request } = args.contextValue as { request?: Request };
      if (request) operations.set(request, operationLabel(args.document, args.operationName));
    },
    onResultProcess({ request, result }) {
      const results = Array.isArray(result) ? result : [result];
      for (const one of results) {
        if (!one || typeof one !== 'object' || !('errors' in one || 'data' in one)) continue;
        const operation = operations.get(request) ?? NOT_EXECUTED;
        metrics.graphqlRequests.inc({ operation });
        for (const error of (one.errors ?? []) as readonly GraphQLError[]) {
          const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
          metrics.graphqlErrors.inc({ operation, code });
        }
      }
    },
  };
}
