import { useId, useState } from 'preact/hooks';
import { count, instant, perPeriod } from './format';
import type { ApiKeyAccess, ApiKeyStatus, ConsoleApiKeyFieldsFragment } from './gql/graphql';

/** A key as the console shows it, in the list and on its own page (operations.ts, ConsoleApiKeyFields). */
export type ApiKey = ConsoleApiKeyFieldsFragment;
export type RateLimit = ApiKey['rateLimits'][number];
export type Credits = NonNullable<ApiKey['credits']>;

export const STATUS_LABEL: Record<ApiKeyStatus, string> = { ACTIVE: 'Active', EXPIRED: 'Expired', REVOKED: 'Revoked' };
export const ACCESS_LABEL: Record<ApiKeyAccess, string> = { FULL: 'All', RESTRICTED: 'Restricted', READ_ONLY: 'Read only' };
export const ACCESS_ORDER: ApiKeyAccess[] = ['FULL', 'RESTRICTED', 'READ_ONLY'];

/** Keyward's own resources by their names in the console; the platform's own (SCOPE_RESOURCES) are made readable. */
const RESOURCE_LABEL: Record<string, string> = { api_keys: 'API keys', members: 'Members', audit_log: 'Audit log', organization: 'Organization' };
export const resourceLabel = (resource: string) =>
  RESOURCE_LABEL[resource] ?? resource.replace(/[_-]+/g, ' ').replace(/^./, (first) => first.toUpperCase());

/** Where a key's own page is: the list links each key's name there. */
export const keyPageHref = (id: string) => `#/keys/${encodeURIComponent(id)}`;

export function StatusBadge({ status }: { status: ApiKeyStatus }) {
  return <span class={`badge badge-${status.toLowerCase()}`}>{STATUS_LABEL[status]}</span>;
}

/**
 * A key reported exposed (SPEC §10): a badge beside its status, and when it was reported,
 * which shows on hover and on focus and is read with the badge by a screen reader.
 */
export function LeakedBadge({ leakedAt }: { leakedAt: string }) {
  const { day, time, exact } = instant(leakedAt);
  return (
    <span class="leaked" tabIndex={0}>
      <span class="badge badge-leaked">Leaked</span>
      <span class="tip">
        <span class="visually-hidden">. </span>Reported exposed on{' '}
        <time dateTime={leakedAt} title={exact}>
          {day}, {time}
        </time>
      </span>
    </span>
  );
}

/** What became of a key reported exposed, for its page: revoked, or still working and to be dealt with. */
export function leakOutcome(apiKey: ApiKey): { words: string; live: boolean } {
  if (apiKey.status === 'REVOKED') return { words: 'It was revoked.', live: false };
  if (apiKey.status === 'EXPIRED') return { words: 'It has expired since.', live: false };
  if (apiKey.rotatedAt && apiKey.leakedAt && apiKey.rotatedAt > apiKey.leakedAt) return { words: 'It has been rotated since.', live: false };
  return { words: 'It still works: rotate or revoke it.', live: true };
}

/** Scopes as chips; a long scope breaks after its resource, never inside a word. */
export function ScopeChips({ scopes, id, hidden }: { scopes: string[]; id?: string; hidden?: boolean }) {
  return (
    <ul id={id} class="chips" hidden={hidden}>
      {scopes.map((scope) => {
        const [resource, action] = scope.split(':');
        return (
          <li>
            <code>
              {resource}:<wbr />
              {action}
            </code>
          </li>
        );
      })}
    </ul>
  );
}

/** The access level; a Restricted key's scopes are counted, and listed by a button, never only in a tooltip. */
export function Permissions({ apiKey }: { apiKey: ApiKey }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (apiKey.access !== 'RESTRICTED') return <span>{ACCESS_LABEL[apiKey.access]}</span>;
  const scopes = apiKey.scopes.length;
  return (
    <div class="permissions">
      <span>{ACCESS_LABEL.RESTRICTED}</span>
      <button type="button" class="disclosure" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {scopes} {scopes === 1 ? 'scope' : 'scopes'}
      </button>
      <ScopeChips scopes={apiKey.scopes} id={listId} hidden={!open} />
    </div>
  );
}

/** "100 per minute, on every use", "10 per hour, when named, each use costs 2, shared by the owner’s keys". */
export function rateLimitWords(limit: RateLimit): string {
  return [
    `${count(limit.limit)} ${perPeriod(limit.durationSeconds)}`,
    limit.autoApply ? 'on every use' : 'when a verification names it',
    ...(limit.cost === 1 ? [] : [`each use costs ${count(limit.cost)}`]),
    ...(limit.shared ? ['shared by the owner’s keys'] : []),
  ].join(', ');
}

/** "950 left, refilled to 1,000 on day 15 of each month". */
export function creditsWords(credits: Credits): string {
  const left = `${count(credits.remaining)} left`;
  const refill = credits.refill;
  if (!refill) return left;
  const when = refill.interval === 'DAILY' ? 'every day' : `on day ${refill.dayOfMonth ?? 1} of each month`;
  return `${left}, refilled to ${count(refill.amount)} ${when}`;
}
