import { badInput } from './errors';

/**
 * Relay-style page requests (SPEC §5): `first` defaults to 20, at most 100; `after` is an
 * opaque cursor this server issued. Cursors are keyset positions, so a page never skips or
 * repeats a row when others are added meanwhile.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  totalCount: number;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

const CURSOR_VERSION = 'v1';

export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify([CURSOR_VERSION, ...parts]), 'utf8').toString('base64url');
}

/** Decodes a cursor of `arity` parts, each checked by `valid`; anything else is BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string, arity: number, valid: (part: string, index: number) => boolean): string[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (
    !Array.isArray(parts) ||
    parts.length !== arity + 1 ||
    parts[0] !== CURSOR_VERSION ||
    !parts.slice(1).every((p, i) => typeof p === 'string' && valid(p, i))
  ) {
    throw badInput('after', 'is not a cursor from this list');
  }
  return parts.slice(1) as string[];
}

/** Fetch `first + 1` rows, then call this: the extra row only tells whether there is more. */
export function toPage<T>(rows: T[], first: number, totalCount: number): Page<T> {
  return { nodes: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
}
