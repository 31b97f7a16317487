import { useEffect, useRef, useState } from 'preact/hooks';
import { formErrors, request } from './api';
import { ResendWebhookDeliveryMutation, SendTestWebhookMutation, WebhookDeliveriesQuery, WebhooksQuery } from './operations';
import type { Viewer } from './session';
import { FormError, keepFocus, Notice, PageHeader, TableRegion, Time } from './ui';
import {
  answerWords,
  DeliveryBadge,
  deliveryState,
  EndpointStatus,
  eventWords,
  EventSummary,
  StoppedCallout,
  type Delivery,
  type Webhook,
} from './webhook';
import { setEnabled, WebhookDialogs, type WebhookDone, type WebhookModal } from './webhookDialogs';
import { noticeForList } from './webhooks';

/** How many of the latest deliveries the page shows (the API gives at most 100). */
const SHOWN = 50;
/** While a delivery is due within this long, the page asks again every POLL_MS to show how it went. */
const WATCH_MS = 60_000;
const POLL_MS = 1_500;

/**
 * One endpoint's own page (#/webhooks/<id>): its settings, its actions as buttons, and its
 * latest deliveries, each with every attempt and a Resend.
 */
export function WebhookPage({ viewer, id }: { viewer: Viewer; id: string }) {
  const canWrite = viewer.scopes.includes('organization:write');
  // undefined while loading; null when there is no such endpoint here.
  const [webhook, setWebhook] = useState<Webhook | null | undefined>(undefined);
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [modal, setModal] = useState<WebhookModal | null>(null);
  // A newer read of the deliveries wins over one still in flight.
  const generation = useRef(0);

  const loadWebhook = async () => {
    const found = (await request(WebhooksQuery, {})).webhooks.find((w) => w.id === id) ?? null;
    setWebhook(found);
    return found;
  };
  const loadDeliveries = async () => {
    const mine = ++generation.current;
    const { webhookDeliveries } = await request(WebhookDeliveriesQuery, { webhookId: id, first: SHOWN });
    if (mine === generation.current) setDeliveries(webhookDeliveries);
  };
  const load = async () => {
    try {
      if (await loadWebhook()) await loadDeliveries();
      setError(null);
    } catch (e) {
      setError(formErrors(e, []).general);
    }
  };
  useEffect(() => {
    void load();
  }, [id]);

  // A delivery about to be tried is watched until it is, so its outcome shows without a reload.
  useEffect(() => {
    if (!deliveries || !webhook) return;
    const soon = Date.now() + WATCH_MS;
    const watched = deliveries.some(
      (d) => d.status === 'PENDING' && (webhook.enabled || d.type === 'webhook.test') && (!d.nextAttemptAt || Date.parse(d.nextAttemptAt) <= soon),
    );
    if (!watched) return;
    const timer = setTimeout(() => loadDeliveries().catch((e) => setError(formErrors(e, []).general)), POLL_MS);
    return () => clearTimeout(timer);
  }, [deliveries, webhook]);

  /** An action of the page's: its notice, or its error, then the page as it is now. */
  const act = async (work: () => Promise<string>) => {
    setError(null);
    try {
      setNotice(await work());
    } catch (e) {
      setNotice(null);
      setError(formErrors(e, []).general);
    }
    await load();
    // Enable and Disable go with the state they change: the focus goes to the page's heading, never to <body>.
    keepFocus(() => null);
  };
  const sendTestEvent = (endpoint: Webhook) =>
    act(async () => {
      const { sendTestWebhook } = await request(SendTestWebhookMutation, { webhookId: endpoint.id });
      setDeliveries((current) => [sendTestWebhook, ...(current ?? []).filter((d) => d.id !== sendTestWebhook.id)]);
      return 'Sent a test event: it shows below as it is delivered.';
    });
  const resend = (delivery: Delivery) =>
    act(async () => {
      const { resendWebhookDelivery } = await request(ResendWebhookDeliveryMutation, { id: delivery.id });
      setDeliveries((current) => (current ?? []).map((d) => (d.id === delivery.id ? resendWebhookDelivery : d)));
      return `Sending “${eventWords(delivery.type)}” again, with the same webhook-id.`;
    });

  const done: WebhookDone = async (message, { deleted }) => {
    if (deleted) {
      noticeForList(message);
      location.hash = '#/webhooks';
      return;
    }
    setNotice(message);
    setModal(null);
    await load();
  };

  const title = webhook?.url ?? (webhook === null ? 'Endpoint not found' : 'Endpoint');
  const description = webhook ? 'A webhook endpoint: the events it receives, and how each delivery went.' : webhook === null ? 'There is no endpoint with this ID in your organization.' : '';
  return (
    <section aria-labelledby="page-title">
      <p class="back">
        <a href="#/webhooks">
          <span aria-hidden="true">← </span>All endpoints
        </a>
      </p>
      <PageHeader title={title} description={description}>
        {canWrite && webhook && (
          <>
            <button type="button" onClick={() => sendTestEvent(webhook)}>
              Send test event
            </button>
            <button type="button" class="secondary" onClick={() => setModal({ kind: 'edit', webhook })}>
              Edit
            </button>
            {/* A disabled endpoint's Enable is in the callout that says why it is disabled. */}
            {webhook.enabled && (
              <button type="button" class="secondary" onClick={() => act(() => setEnabled(webhook, false))}>
                Disable
              </button>
            )}
            <button type="button" class="danger-quiet" onClick={() => setModal({ kind: 'delete', webhook })}>
              Delete
            </button>
          </>
        )}
      </PageHeader>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <FormError message={error} />
      {webhook && (
        <>
          <StoppedCallout webhook={webhook}>
            {canWrite && (
              <button type="button" class="small" onClick={() => act(() => setEnabled(webhook, true))}>
                Enable
              </button>
            )}
          </StoppedCallout>
          <EndpointSettings webhook={webhook} />
          <Deliveries
            deliveries={deliveries}
            canResend={(d) => canWrite && (webhook.enabled || d.type === 'webhook.test')}
            onResend={resend}
            onRefresh={() => load()}
          />
        </>
      )}
      <WebhookDialogs modal={modal} onClose={() => setModal(null)} onDone={done} />
    </section>
  );
}

function EndpointSettings({ webhook }: { webhook: Webhook }) {
  return (
    <section class="settings-card endpoint-settings" aria-labelledby="endpoint-details">
      <h2 id="endpoint-details">Endpoint</h2>
      <dl class="settings">
        <div class="setting">
          <dt>URL</dt>
          <dd>
            <code>{webhook.url}</code>
          </dd>
        </div>
        <div class="setting">
          <dt>Status</dt>
          <dd>
            <EndpointStatus webhook={webhook} />
          </dd>
        </div>
        <div class="setting">
          <dt>Events</dt>
          <dd>
            <EventSummary events={webhook.events} />
          </dd>
        </div>
        <div class="setting">
          <dt>Created</dt>
          <dd>
            <Time iso={webhook.createdAt} />
          </dd>
        </div>
        <div class="setting">
          <dt>Signing secret</dt>
          <dd class="muted">Shown once, when the endpoint was added. Verify each delivery’s signature with it and any Standard Webhooks library.</dd>
        </div>
      </dl>
    </section>
  );
}

/** The latest deliveries, newest first; each row's attempts open below it. */
function Deliveries({
  deliveries,
  canResend,
  onResend,
  onRefresh,
}: {
  deliveries: Delivery[] | null;
  canResend: (delivery: Delivery) => boolean;
  onResend: (delivery: Delivery) => void;
  onRefresh: () => void;
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const resendColumn = deliveries?.some(canResend) ?? false;
  const columns = resendColumn ? 6 : 5;
  return (
    <section class="deliveries" aria-labelledby="deliveries-heading">
      <div class="section-header">
        <h2 id="deliveries-heading">Deliveries</h2>
        <button type="button" class="secondary small" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      <p class="muted section-intro">
        The latest {SHOWN}, newest first. A delivery’s ID is the webhook-id header of each of its attempts, resends included: a receiver drops repeats by
        it.
      </p>
      {deliveries === null ? (
        <p class="muted">Loading…</p>
      ) : deliveries.length === 0 ? (
        <div class="empty">
          <p>No deliveries yet.</p>
        </div>
      ) : (
        <TableRegion label="Deliveries">
          <table class="cards delivery-table" aria-label="Deliveries">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last answer</th>
                <th scope="col">Time</th>
                {resendColumn && (
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {deliveries.flatMap((delivery) => {
                const state = deliveryState(delivery);
                const last = delivery.attempts.at(-1);
                const expanded = open.has(delivery.id);
                const detailId = `attempts-${delivery.id}`;
                const eventId = `event-${delivery.id}`;
                return [
                  <tr key={delivery.id} class="delivery">
                    <td data-label="Event">
                      <div>
                        <span class="strong" id={eventId}>
                          {eventWords(delivery.type)}
                        </span>
                        <code class="muted sub">{delivery.id}</code>
                      </div>
                    </td>
                    <td data-label="Status">
                      <DeliveryBadge state={state} />
                      {state === 'Retrying' && delivery.nextAttemptAt && (
                        <span class="muted sub">
                          next <Time iso={delivery.nextAttemptAt} />
                        </span>
                      )}
                    </td>
                    <td data-label="Attempts">
                      {delivery.attempts.length === 0 ? (
                        <span class="muted">None yet</span>
                      ) : (
                        <button
                          type="button"
                          class="disclosure"
                          aria-expanded={expanded}
                          aria-controls={detailId}
                          aria-describedby={eventId}
                          onClick={() => toggle(delivery.id)}
                        >
                          {delivery.attempts.length} {delivery.attempts.length === 1 ? 'attempt' : 'attempts'}
                        </button>
                      )}
                    </td>
                    <td data-label="Last answer">{last ? answerWords(last) : <span class="muted">—</span>}</td>
                    <td data-label="Time">
                      <Time iso={delivery.createdAt} />
                    </td>
                    {resendColumn && (
                      <td class="actions">
                        {canResend(delivery) && (
                          <button type="button" class="secondary small" aria-describedby={eventId} onClick={() => onResend(delivery)}>
                            Resend
                          </button>
                        )}
                      </td>
                    )}
                  </tr>,
                  <tr key={`${delivery.id}-attempts`} id={detailId} class="attempts-row" hidden={!expanded}>
                    <td colSpan={columns}>
                      {expanded && <AttemptLog delivery={delivery} />}
                    </td>
                  </tr>,
                ];
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

function AttemptLog({ delivery }: { delivery: Delivery }) {
  return (
    <div class="attempt-log">
      <ol class="attempts" aria-label={`Attempts to deliver “${eventWords(delivery.type)}”`}>
        {delivery.attempts.map((attempt) => (
          <li>
            <Time iso={attempt.at} /> <span class={attempt.statusCode != null && attempt.statusCode < 300 ? 'answer' : 'answer failed'}>{answerWords(attempt)}</span>{' '}
            <span class="muted">in {attempt.durationMs} ms</span>
          </li>
        ))}
      </ol>
      <p class="muted body-label">Body sent</p>
      <pre class="meta">
        <code>{JSON.stringify(delivery.payload, null, 2)}</code>
      </pre>
    </div>
  );
}
