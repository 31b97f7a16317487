import type { TypedDocumentString } from './gql/graphql';
import { blamedField, inConsoleWords } from './messages';

/**
 * The console's only way to the API: typed documents POSTed as JSON to /graphql (a
 * non-simple request, so CSRF prevention lets it through). The session token lives in
 * sessionStorage: this tab only, gone when it closes, never a cookie or localStorage.
 */

export interface ApiProblem {
  /** In the console's words (messages.ts), ready to show. */
  message: string;
  code?: string;
  /** The input field the API blames (extensions.field), for BAD_USER_INPUT. */
  field?: string;
}

export class ApiError extends Error {
  constructor(readonly problems: ApiProblem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problems[0]?.code;
  }
}

const TOKEN_KEY = 'keyward.session';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  start: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  end: () => sessionStorage.removeItem(TOKEN_KEY),
};

let sessionExpired: () => void = () => {};

/** Called when the API refuses the tab's session: it expired, was ended elsewhere, or the member was removed. */
export function onSessionExpired(handler: () => void): void {
  sessionExpired = handler;
}

interface GraphQLBody<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; requestId?: string } }[];
}

export async function request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const token = session.token();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables }) });
  } catch {
    throw new ApiError([{ message: 'Keyward cannot be reached. Check the connection and try again.' }]);
  }
  const body = (await response.json().catch(() => null)) as GraphQLBody<R> | null;
  if (!body) throw new ApiError([{ message: `Keyward answered HTTP ${response.status}. Try again.` }]);

  if (body.errors?.length) {
    const problems = body.errors.map(({ message, extensions: x }) => ({
      message: inConsoleWords(x?.code, x?.field, message, x?.requestId),
      code: x?.code,
      field: blamedField(x?.field, message),
    }));
    if (token && problems.some((p) => p.code === 'UNAUTHENTICATED')) {
      session.end();
      sessionExpired();
    }
    throw new ApiError(problems);
  }
  return body.data as R;
}

export interface FormErrors {
  byField: Record<string, string>;
  general: string | null;
}

export const NO_ERRORS: FormErrors = { byField: {}, general: null };

/** Splits an error into messages per input field and the rest, for forms. */
export function formErrors(error: unknown, fields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) return { byField: {}, general: error instanceof Error ? error.message : String(error) };
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const problem of error.problems) {
    if (problem.field && fields.includes(problem.field) && !byField[problem.field]) byField[problem.field] = problem.message;
    else rest.push(problem.message);
  }
  return { byField, general: rest.length ? rest.join(' ') : null };
}
