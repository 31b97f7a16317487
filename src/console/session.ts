import type { ConsoleViewerQuery } from './gql/graphql';

/** Who is signed in: a member, with the scopes their role gives (the console offers only those actions). */
export type Viewer = NonNullable<ConsoleViewerQuery['viewer']>;
