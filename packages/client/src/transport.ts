import { KeywardUnavailableError } from './errors';
import type { TypedDocumentString } from './gql/graphql';

/**
 * GraphQL over HTTP POST to Keyward with the service credential (global fetch, which keeps
 * connections alive). Anything but a clean answer — no connection, a timeout, an HTTP
 * error, a GraphQL error such as UNAUTHENTICATED for a revoked credential — is a
 * KeywardUnavailableError: the caller cannot tell a verdict from it.
 */
export interface Transport {
  request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R>;
  /** Requests made so far. */
  calls: number;
}

export function createTransport(url: string, serviceToken: string, timeoutMs: number): Transport {
  const headers = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    authorization: `Bearer ${serviceToken}`,
  };
  const transport: Transport = {
    calls: 0,
    async request(document, variables) {
      transport.calls++;
      let response: Response;
      let body: { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: string } }> };
      try {
        response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: document.toString(), variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = (await response.json()) as typeof body;
      } catch (error) {
        throw new KeywardUnavailableError(`Keyward could not be reached: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const code = body.errors?.[0]?.extensions?.code ?? (response.ok ? null : String(response.status));
      if (code !== null || !body.data) {
        throw new KeywardUnavailableError(`Keyward refused the request: ${code ?? 'no data'}${body.errors?.[0]?.message ? ` (${body.errors[0].message})` : ''}`, { code });
      }
      return body.data as never;
    },
  };
  return transport;
}
