import type { ConsoleViewerQuery } from './gql/graphql';

type Principal = NonNullable<ConsoleViewerQuery['viewer']>;

/**
 * Who is signed in: a member of an organization, with the scopes their role gives (the
 * console offers only those actions). Other principals (an API key, a service credential,
 * which belongs to no organization) have no console.
 */
export type Viewer = Principal & { member: NonNullable<Principal['member']>; organization: NonNullable<Principal['organization']> };

export const isMember = (principal: Principal | null | undefined): principal is Viewer => Boolean(principal?.member && principal.organization);
