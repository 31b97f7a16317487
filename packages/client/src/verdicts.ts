import type { KeywardClientVerifyQuery } from './gql/graphql';
import { VerifyKey } from './operations';
import type { Transport } from './transport';
import type { Verification, VerificationCode } from './types';

/**
 * The answers `verify()` gives, shaped like verifyApiKey's. Answers made locally are frozen
 * and shared between calls (a hit allocates nothing): treat every answer as read-only.
 */

export type ServerVerification = KeywardClientVerifyQuery['verifyApiKey'];

const refusals = new Map<VerificationCode, Verification>();
/** A refusal that tells nothing about the key: MALFORMED, NOT_FOUND, REVOKED, EXPIRED. */
export function refused(code: 'MALFORMED' | 'NOT_FOUND' | 'REVOKED' | 'EXPIRED'): Verification {
  let verdict = refusals.get(code);
  if (!verdict) {
    verdict = Object.freeze({ valid: false, code, scopes: Object.freeze([]) as unknown as string[], apiKey: null, organization: null, remaining: null, rateLimits: Object.freeze([]) as unknown as [], meta: null, retryAfterSeconds: null });
    refusals.set(code, verdict);
  }
  return verdict;
}

/** What decides a live key's verdict once its secret is proven: held per cached verdict or replicated key. */
export interface LiveKey {
  id: string;
  name: string;
  organizationId: string;
  scopes: readonly string[];
  scopeSet: ReadonlySet<string>;
  meta: Record<string, unknown> | null;
  /** Built on first use. */
  answers?: { valid: Verification; insufficient: Verification };
}

/** VALID, or INSUFFICIENT_SCOPE when the key lacks one of `required` — the server's answer for a live key without controls. */
export function liveVerdict(key: LiveKey, required: readonly string[]): Verification {
  key.answers ??= answersOf(key);
  for (const scope of required) if (!key.scopeSet.has(scope)) return key.answers.insufficient;
  return key.answers.valid;
}

function answersOf(key: LiveKey): { valid: Verification; insufficient: Verification } {
  const base = {
    scopes: key.scopes as string[],
    apiKey: Object.freeze({ id: key.id, name: key.name }),
    organization: Object.freeze({ id: key.organizationId }),
    remaining: null,
    rateLimits: Object.freeze([]) as unknown as [],
    meta: key.meta,
    retryAfterSeconds: null,
  };
  return { valid: Object.freeze({ ...base, valid: true, code: 'VALID' as const }), insufficient: Object.freeze({ ...base, valid: false, code: 'INSUFFICIENT_SCOPE' as const }) };
}

/** Scope lists shared between keys that hold the same scopes (most keys do): memory, and one Set each. */
export class ScopeInterner {
  private readonly lists = new Map<string, { scopes: readonly string[]; scopeSet: ReadonlySet<string> }>();

  intern(scopes: readonly string[]): { scopes: readonly string[]; scopeSet: ReadonlySet<string> } {
    const name = scopes.join(' ');
    let found = this.lists.get(name);
    if (!found) {
      found = { scopes: Object.freeze([...scopes]), scopeSet: new Set(scopes) };
      this.lists.set(name, found);
    }
    return found;
  }
}

/** Asks Keyward's verifyApiKey, passing the scopes and the address through. */
export async function askServer(transport: Transport, key: string, required: readonly string[], ip: string | null): Promise<ServerVerification> {
  const { verifyApiKey } = await transport.request(VerifyKey, { key, requiredScopes: [...required], ip });
  return verifyApiKey;
}

export function fromServer(answer: ServerVerification): Verification {
  return {
    valid: answer.valid,
    code: answer.code,
    scopes: answer.scopes,
    apiKey: answer.apiKey ? { id: answer.apiKey.id, name: answer.apiKey.name } : null,
    organization: answer.organization ? { id: answer.organization.id } : null,
    remaining: answer.remaining ?? null,
    rateLimits: answer.rateLimits.map((limit) => ({ name: limit.name, limit: limit.limit, remaining: limit.remaining, resetAt: limit.resetAt })),
    meta: (answer.meta as Record<string, unknown> | null | undefined) ?? null,
    retryAfterSeconds: answer.retryAfterSeconds ?? null,
  };
}

/** Compares two strings in time that depends only on their length, not on where they differ. */
export function sameString(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
