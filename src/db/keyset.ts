import { and, eq, gt, lt, or, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { decodeCursor, encodeCursor } from '../pagination';

/**
 * Keyset positions on (created_at, id), for lists ordered by creation time. The ID breaks
 * ties between rows created in the same millisecond.
 */
export interface TimePosition {
  createdAt: Date;
  id: string;
}

export const timeCursor = (row: TimePosition) => encodeCursor([row.createdAt.toISOString(), row.id]);

// Exactly what toISOString() writes for the years 0001–9999: Date.parse alone also takes
// expanded years (+100000-01-01, -000001-…) that PostgreSQL cannot compare against.
const ISSUED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isIssuedTime = (text: string) => ISSUED_TIME.test(text) && !text.startsWith('0000') && new Date(text).toISOString() === text;

export function decodeTimeCursor(after: string | null | undefined, validId: (id: string) => boolean): TimePosition | null {
  if (!after) return null;
  const [createdAt, id] = decodeCursor(after, 2, (p, i) => (i === 0 ? isIssuedTime(p) : validId(p)));
  return { createdAt: new Date(createdAt!), id: id! };
}

/**
 * Rows strictly after `position` in the list's order: oldest first (asc) or newest first
 * (desc). The position may be placeholders, for a prepared statement.
 */
export function afterTimePosition(
  columns: { createdAt: PgColumn; id: PgColumn },
  position: TimePosition | { createdAt: SQLWrapper; id: SQLWrapper } | null,
  order: 'asc' | 'desc',
): SQL | undefined {
  if (!position) return undefined;
  const beyond = order === 'asc' ? gt : lt;
  return or(
    beyond(columns.createdAt, position.createdAt),
    and(eq(columns.createdAt, position.createdAt), beyond(columns.id, position.id)),
  );
}
