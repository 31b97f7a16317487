import type { ObjectRef } from '@pothos/core';
import type { Page } from '../pagination';
import { builder, type BuilderTypes } from './builder';

/** A Relay connection type with `totalCount` (SPEC §5), for any node type. */
export function connectionType<Node>(name: string, node: ObjectRef<BuilderTypes, Node>) {
  return builder.connectionObject({
    name,
    type: node,
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many nodes the whole list holds, across every page.',
        resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
      }),
    }),
  });
}

/** A domain page as a Relay connection: the cursor of each edge is its node's keyset position. */
export function toConnection<Node>(page: Page<Node>, cursorOf: (node: Node) => string) {
  const edges = page.nodes.map((node) => ({ node, cursor: cursorOf(node) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      // Forward pagination only (`first`/`after`): there is never a previous page to offer.
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
