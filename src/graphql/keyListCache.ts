import { getOperationAST, Kind, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal';
import type { Scopes } from '../auth/scopes';
import { oncePer } from '../memo';
import type { Context } from './context';

/**
 * Serves repeated key-list queries from the key list cache (keys/listCache.ts, where the
 * invalidation is explained). Only a query of `apiKeys` (beside which only `__typename`
 * may stand at the root) is cached, since only changes to keys are announced; anything
 * else, and any answer with an error, runs as usual.
 *
 * The answer is a function of who asks, with which scopes, and what they send, so all of
 * that is the cache key: the principal (the whole scope set, so a narrowed key or a
 * demoted member never meets an answer made for its old rights), the document, the
 * operation name and the values of the variables it declares. Authentication has
 * happened before this point, as for every request; a hit replaces field execution only,
 * scope checks included, which is why the scopes are part of the key.
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
      const listing = keyListOperation(args.document, args.operationName);
      if (!listing) return;
      const cache = context.services.keyLists;
      const key = `${principalKey(principal)}\n${listing.id}\n${args.operationName ?? ''}\n${variablesKey(listing.variables, args.variableValues)}`;
      const cached = cache.get(principal.organizationId, key);
      if (cached) {
        setResultAndStopExecution(cached);
        return;
      }
      const ticket = cache.ticket();
      return {
        onExecuteDone({ result, setResult }) {
          const single = result as ExecutionResult;
          if (Symbol.asyncIterator in single || single.errors?.length || !single.data) return;
          // Yoga writes a result with its own `stringify` when it has one: the text is made
          // once here, for this answer and for every hit after it, and it is what the bound counts.
          const text = JSON.stringify(single);
          const answer = { ...single, stringify: () => text };
          setResult(answer);
          cache.fill(ticket, principal.organizationId, key, answer, text.length);
        },
      };
    },
  };
}

interface KeyListOperation {
  /** Tells documents apart in cache keys (documents are compared by identity). */
  id: number;
  /** The operation's declared variables: only these can change the answer. */
  variables: readonly string[];
}

/** Per document and operation name: the key-list query it is, or null. */
const documents = new WeakMap<DocumentNode, { id: number; byOperation: Map<string, KeyListOperation | null> }>();
let documentCount = 0;

function keyListOperation(document: DocumentNode, operationName: string | null | undefined): KeyListOperation | null {
  let known = documents.get(document);
  if (!known) {
    known = { id: ++documentCount, byOperation: new Map() };
    documents.set(document, known);
  }
  const name = operationName ?? '';
  let listing = known.byOperation.get(name);
  if (listing === undefined) {
    const operation = getOperationAST(document, operationName);
    const roots = operation?.operation === 'query' ? operation.selectionSet.selections : [];
    const fields = roots.map((s) => (s.kind === Kind.FIELD ? s.name.value : null));
    const listsKeysOnly = fields.includes('apiKeys') && fields.every((f) => f === 'apiKeys' || f === '__typename');
    listing = listsKeysOnly ? { id: known.id, variables: (operation!.variableDefinitions ?? []).map((v) => v.variable.name.value) } : null;
    known.byOperation.set(name, listing);
  }
  return listing;
}

/**
 * The declared variables' values as sent, in declaration order: anything else a request
 * carries is ignored by execution, so it must not make a new entry either (or any caller
 * could push every other answer out). An absent variable and a null one stay apart.
 */
function variablesKey(declared: readonly string[], values: Record<string, unknown> | null | undefined): string {
  if (declared.length === 0) return '';
  return JSON.stringify(declared.map((name) => (values && name in values ? [values[name]] : [])));
}

/** Who asks and with which rights, as one string (the scope set's text is worked out once per set). */
const scopeText = oncePer((scopes: Scopes) => [...scopes].sort().join(' '));

function principalKey(principal: Principal): string {
  const scopes = scopeText(principal.scopes);
  const id = principal.kind === 'MEMBER' ? principal.memberId : principal.apiKeyId;
  return `${principal.kind}:${id}:${scopes}`;
}
