import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

/**
 * A request ID for every HTTP request: taken from a well-formed `X-Request-ID` (so a proxy's
 * ID carries through) or made up, echoed in the response, and kept in async-local storage
 * so that code without the context, such as Yoga's error masking, can log it.
 */
const storage = new AsyncLocalStorage<string>();
const ids = new WeakMap<Request, string>();
const WELL_FORMED = /^[A-Za-z0-9._-]{1,64}$/;

export function currentRequestId(): string | undefined {
  return storage.getStore();
}

/** The request's own ID when the client (or its proxy) sent a well-formed one, else a new one. */
export function requestIdFrom(given: string | null | undefined): string {
  return given && WELL_FORMED.test(given) ? given : randomUUID();
}

export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (!id) {
    id = requestIdFrom(request.headers.get('x-request-id'));
    ids.set(request, id);
  }
  return id;
}

export function requestIdPlugin(): Plugin {
  return {
    instrumentation: {
      request: ({ request }, wrapped) => storage.run(requestIdOf(request), wrapped),
    },
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
    },
  };
}
