import { useEffect, useId, useState } from 'preact/hooks';
import { formErrors, request } from './api';
import { WebhooksQuery } from './operations';
import type { Viewer } from './session';
import { Clipped, FocusHome, FormError, keepFocus, MenuButton, Notice, PageHeader, TableRegion, Time, type MenuItem } from './ui';
import { EndpointStatus, EventSummary, StoppedCallout, webhookPageHref, type Webhook } from './webhook';
import { sendTest, setEnabled, WebhookDialogs, type WebhookDone, type WebhookModal } from './webhookDialogs';

/** A notice for the list from a page that leaves for it (an endpoint deleted from its own page). */
let carriedNotice: string | null = null;
export const noticeForList = (message: string) => {
  carriedNotice = message;
};

/**
 * The organization's webhook endpoints: where its events go, which ones, and whether they
 * still go there. An endpoint Keyward stopped after a day of failures is called out above
 * the list with the way to enable it again.
 */
export function WebhooksPage({ viewer }: { viewer: Viewer }) {
  const canWrite = viewer.scopes.includes('organization:write');
  // null while loading.
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [modal, setModal] = useState<WebhookModal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tableId = useId();

  const load = async () => {
    try {
      setWebhooks((await request(WebhooksQuery, {})).webhooks);
    } catch (e) {
      setError(formErrors(e, []).general);
    }
  };
  useEffect(() => {
    void load();
    // Set after the first render, so the notice region announces it.
    if (carriedNotice) setNotice(carriedNotice);
    carriedNotice = null;
  }, []);

  // A deleted endpoint's row goes with its Actions: the focus goes to the table, never to <body>.
  const toTable = () => document.getElementById(tableId);
  const done: WebhookDone = async (message, { secret }) => {
    setNotice(message);
    setError(null);
    setModal(secret ? { kind: 'secret', secret } : null);
    await load();
    keepFocus(toTable);
  };
  const act = async (work: () => Promise<string>) => {
    setError(null);
    try {
      setNotice(await work());
    } catch (e) {
      setNotice(null);
      setError(formErrors(e, []).general);
    }
    await load();
    // A stopped endpoint's Enable goes with its callout: the focus goes to the table, never to <body>.
    keepFocus(toTable);
  };

  const actionsOf = (webhook: Webhook): MenuItem[] => [
    { label: 'Send test event', onSelect: () => act(() => sendTest(webhook)) },
    { label: 'Edit', onSelect: () => setModal({ kind: 'edit', webhook }) },
    webhook.enabled ? { label: 'Disable', onSelect: () => act(() => setEnabled(webhook, false)) } : { label: 'Enable', onSelect: () => act(() => setEnabled(webhook, true)) },
    { label: 'Delete', danger: true, onSelect: () => setModal({ kind: 'delete', webhook }) },
  ];

  const stopped = (webhooks ?? []).filter((w) => !w.enabled && w.disabledReason);
  return (
    <FocusHome.Provider value={toTable}>
      <section aria-labelledby="page-title">
        <PageHeader
          title="Webhooks"
          description="Keyward sends the organization’s events to your endpoints as they happen, each signed with the endpoint’s secret (Standard Webhooks), and retries for a day."
        >
          {canWrite && (
            <button type="button" onClick={() => setModal({ kind: 'create' })}>
              Add endpoint
            </button>
          )}
        </PageHeader>
        <Notice message={notice} onDismiss={() => setNotice(null)} />
        <FormError message={error} />
        {stopped.map((webhook) => (
          <StoppedCallout webhook={webhook} showUrl>
            <a href={webhookPageHref(webhook.id)}>See its deliveries</a>
            {canWrite && (
              <button type="button" class="small" onClick={() => act(() => setEnabled(webhook, true))}>
                Enable
              </button>
            )}
          </StoppedCallout>
        ))}
        {webhooks === null ? (
          !error && <p class="muted">Loading…</p>
        ) : webhooks.length === 0 ? (
          <div class="empty">
            <p>No endpoints yet.</p>
            {canWrite && <p class="muted">Add endpoint sends the organization’s events to a URL of yours.</p>}
          </div>
        ) : (
          <TableRegion label="Webhook endpoints" id={tableId}>
            <table class="cards webhook-table" aria-label="Webhook endpoints">
              <thead>
                <tr>
                  <th scope="col">Endpoint</th>
                  <th scope="col">Events</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  {canWrite && (
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {webhooks.map((webhook) => (
                  <tr key={webhook.id}>
                    <td class="cell-endpoint" data-label="Endpoint">
                      <div>
                        <Clipped className="strong url" id={`webhook-url-${webhook.id}`} text={webhook.url} href={webhookPageHref(webhook.id)} />
                        <a class="sub" href={webhookPageHref(webhook.id)} aria-describedby={`webhook-url-${webhook.id}`}>
                          Deliveries
                        </a>
                      </div>
                    </td>
                    <td class="cell-events" data-label="Events">
                      <EventSummary events={webhook.events} />
                    </td>
                    <td class="cell-status" data-label="Status">
                      <EndpointStatus webhook={webhook} />
                      {webhook.disabledReason && <span class="muted sub">Stopped by Keyward</span>}
                    </td>
                    <td data-label="Created">
                      <Time iso={webhook.createdAt} />
                    </td>
                    {canWrite && (
                      <td class="actions">
                        <MenuButton label="Actions" items={actionsOf(webhook)} describedBy={`webhook-url-${webhook.id}`} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        <WebhookDialogs modal={modal} onClose={() => setModal(null)} onDone={done} />
      </section>
    </FocusHome.Provider>
  );
}
