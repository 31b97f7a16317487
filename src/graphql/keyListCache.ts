import { getOperationAST, Kind, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal';
import type { Scopes } from '../auth/scopes';
import type { Context } from './context';

/**
 * Serves repeated key-list queries from the key list cache (keys/listCache.ts, where the
 * invalidation is explained). Only a query whose every root field is `apiKeys` (or
 * `__typename`) is cached, since only changes to keys are announced; anything else, and
 * any answer with an error, runs as usual.
 *
 * The answer is a function of who asks, with which scopes, and what they send, so all of
 * that is the cache key: the principal (the whole scope set, so a narrowed key or a
 * demoted member never meets an answer made for its old rights), the document, the
 * operation name and the variables. Authentication has happened before this point, as
 * for every request; a hit replaces field execution only, scope checks included, which
 * is why the scopes are part of the key.
 *
 * Why not @graphql-yoga/plugin-response-cache: it rewrites every document and walks every
 * result to collect entities, a cost every other request would pay, and invalidates by
 * entity, while a new key has to empty the lists of its organization.
 */
export function keyListCachePlugin(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as Context;
      const principal = context.principal;
      if (!principal) return;
      const documentId = keyListDocumentId(args.document, args.operationName);
      if (documentId === null) return;
      const cache = context.services.keyLists;
      const key = `${principalKey(principal)}\n${documentId}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
      const cached = cache.get(principal.organizationId, key);
      if (cached) {
        setResultAndStopExecution(cached);
        return;
      }
      const ticket = cache.ticket();
      return {
        onExecuteDone({ result }) {
          const single = result as ExecutionResult;
          if (!(Symbol.asyncIterator in single) && !single.errors?.length && single.data) {
            cache.fill(ticket, principal.organizationId, key, single);
          }
        },
      };
    },
  };
}

/** Per document: an ID when the named operation is a key-list query, else null. */
const documents = new WeakMap<DocumentNode, { id: number; byOperation: Map<string, boolean> }>();
let documentCount = 0;

function keyListDocumentId(document: DocumentNode, operationName: string | null | undefined): number | null {
  let known = documents.get(document);
  if (!known) {
    known = { id: ++documentCount, byOperation: new Map() };
    documents.set(document, known);
  }
  const name = operationName ?? '';
  let listsKeysOnly = known.byOperation.get(name);
  if (listsKeysOnly === undefined) {
    const operation = getOperationAST(document, operationName);
    listsKeysOnly =
      operation?.operation === 'query' &&
      operation.selectionSet.selections.every(
        (s) => s.kind === Kind.FIELD && (s.name.value === 'apiKeys' || s.name.value === '__typename'),
      );
    known.byOperation.set(name, listsKeysOnly);
  }
  return listsKeysOnly ? known.id : null;
}

/** Who asks and with which rights, as one string (the scope set's text is worked out once per set). */
const scopeTexts = new WeakMap<Scopes, string>();

function principalKey(principal: Principal): string {
  let scopes = scopeTexts.get(principal.scopes);
  if (scopes === undefined) {
    scopes = [...principal.scopes].sort().join(' ');
    scopeTexts.set(principal.scopes, scopes);
  }
  const id = principal.kind === 'MEMBER' ? principal.memberId : principal.apiKeyId;
  return `${principal.kind}:${id}:${scopes}`;
}
