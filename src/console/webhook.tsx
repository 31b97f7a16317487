import type { ComponentChildren } from 'preact';
import type { ConsoleWebhookDeliveryFieldsFragment, ConsoleWebhookFieldsFragment } from './gql/graphql';

/** An endpoint and a delivery as the console shows them (operations.ts, ConsoleWebhookFields and ConsoleWebhookDeliveryFields). */
export type Webhook = ConsoleWebhookFieldsFragment;
export type Delivery = ConsoleWebhookDeliveryFieldsFragment;
export type Attempt = Delivery['attempts'][number];

/**
 * The events an endpoint may subscribe to (SPEC §10), in two groups, each by the name
 * people know it by within its group; the API's name is the value, shown beside it.
 */
export const EVENT_GROUPS: { label: string; noun: string; events: [event: string, words: string][] }[] = [
  {
    label: 'API keys',
    noun: 'key',
    events: [
      ['api_key.created', 'Created'],
      ['api_key.updated', 'Edited'],
      ['api_key.rotated', 'Rotated'],
      ['api_key.revoked', 'Revoked'],
      ['api_key.leaked', 'Reported exposed'],
      ['api_key.expiring', 'About to expire'],
    ],
  },
  {
    label: 'Members',
    noun: 'member',
    events: [
      ['member.added', 'Added'],
      ['member.removed', 'Removed'],
      ['member.role_changed', 'Role changed'],
    ],
  },
];

export const ALL_EVENTS = EVENT_GROUPS.flatMap((group) => group.events.map(([event]) => event));

/** What each event is called on its own, out of its group ("Key revoked"); a test event is one too. */
const EVENT_WORDS: Record<string, string> = {
  'api_key.created': 'Key created',
  'api_key.updated': 'Key edited',
  'api_key.rotated': 'Key rotated',
  'api_key.revoked': 'Key revoked',
  'api_key.leaked': 'Key reported exposed',
  'api_key.expiring': 'Key about to expire',
  'member.added': 'Member added',
  'member.removed': 'Member removed',
  'member.role_changed': 'Role changed',
  'webhook.test': 'Test event',
};
export const eventWords = (type: string) => EVENT_WORDS[type] ?? type;

/** An endpoint's events by group, each as a chip; a group subscribed whole says so rather than listing six. */
export function EventSummary({ events }: { events: string[] }) {
  return (
    <ul class="event-groups">
      {EVENT_GROUPS.map((group) => {
        const chosen = group.events.filter(([event]) => events.includes(event));
        if (chosen.length === 0) return null;
        return (
          <li>
            <span class="event-group">{group.label}</span>
            <ul class="chips">
              {chosen.length === group.events.length ? (
                <li>Every {group.noun} event</li>
              ) : (
                chosen.map(([event, words]) => <li title={event}>{words}</li>)
              )}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Why Keyward stopped sending, in the console's words. The API says
 * "Deliveries failed for a day (last: HTTP 500)"; anything else is shown as it is.
 */
export function stoppedWords(reason: string): string {
  const match = /^Deliveries failed for a day \(last: (.*)\)$/.exec(reason);
  return match ? `every delivery failed for a day (the last answer: ${match[1]}).` : reason;
}

export function EndpointStatus({ webhook }: { webhook: Webhook }) {
  return webhook.enabled ? <span class="badge badge-active">Enabled</span> : <span class="badge badge-revoked">Disabled</span>;
}

/**
 * A disabled endpoint, said where it shows: stopped by Keyward after a day of failures (the
 * reason, prominently), or by someone. `children` is the way to enable it, for those who may.
 */
export function StoppedCallout({ webhook, showUrl, children }: { webhook: Webhook; showUrl?: boolean; children?: ComponentChildren }) {
  if (webhook.enabled) return null;
  const where = showUrl ? (
    <>
      to <span class="url">{webhook.url}</span>
    </>
  ) : (
    'to this endpoint'
  );
  return (
    <div class={webhook.disabledReason ? 'callout danger' : 'callout'}>
      <p>
        {webhook.disabledReason ? (
          <>
            <strong>Deliveries {where} stopped:</strong> {stoppedWords(webhook.disabledReason)}
          </>
        ) : (
          <>
            <strong>Deliveries {where} are turned off.</strong> No event is sent to it until it is enabled again.
          </>
        )}
      </p>
      {children && <div class="callout-actions">{children}</div>}
    </div>
  );
}

/** A delivery's state in words: the API's PENDING is "Pending" before any attempt, "Retrying" after one failed. */
export type DeliveryState = 'Delivered' | 'Retrying' | 'Failed' | 'Pending';
export function deliveryState(delivery: Delivery): DeliveryState {
  if (delivery.status === 'DELIVERED') return 'Delivered';
  if (delivery.status === 'FAILED') return 'Failed';
  return delivery.attempts.length > 0 ? 'Retrying' : 'Pending';
}
const STATE_CLASS: Record<DeliveryState, string> = { Delivered: 'badge-active', Retrying: 'badge-expired', Failed: 'badge-revoked', Pending: 'badge-pending' };
export const DeliveryBadge = ({ state }: { state: DeliveryState }) => <span class={`badge ${STATE_CLASS[state]}`}>{state}</span>;

/** An attempt's answer: the receiver's status, or why there was none. */
export const answerWords = (attempt: Attempt): string => (attempt.statusCode != null ? `HTTP ${attempt.statusCode}` : `No answer: ${attempt.error ?? 'unknown error'}`);

/** Where an endpoint's own page is: the list links each endpoint's URL there. */
export const webhookPageHref = (id: string) => `#/webhooks/${encodeURIComponent(id)}`;
