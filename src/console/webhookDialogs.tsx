import { useId, useState } from 'preact/hooks';
import { request } from './api';
import { CreateWebhookMutation, DeleteWebhookMutation, SendTestWebhookMutation, UpdateWebhookMutation } from './operations';
import { SecretDialog } from './secret';
import { ChoiceGroup, Dialog, DialogActions, Field, FormError, useSubmit } from './ui';
import { ALL_EVENTS, EVENT_GROUPS, type Webhook } from './webhook';

/**
 * The dialogs of an endpoint's actions, the same from the list and from the endpoint's own
 * page: Add endpoint and Edit, Delete, and the signing secret shown once.
 */

export type WebhookModal =
  | { kind: 'create' }
  | { kind: 'edit'; webhook: Webhook }
  | { kind: 'delete'; webhook: Webhook }
  | { kind: 'secret'; secret: string };

/** After a change: the page's notice, and the signing secret to show when there is one. */
export type WebhookDone = (message: string, change: { secret?: string; deleted?: boolean }) => void;

export function WebhookDialogs({ modal, onClose, onDone }: { modal: WebhookModal | null; onClose: () => void; onDone: WebhookDone }) {
  switch (modal?.kind) {
    case 'create':
      return <WebhookForm onClose={onClose} onDone={onDone} />;
    case 'edit':
      return <WebhookForm webhook={modal.webhook} onClose={onClose} onDone={onDone} />;
    case 'delete':
      return <DeleteDialog webhook={modal.webhook} onClose={onClose} onDone={onDone} />;
    case 'secret':
      return (
        <SecretDialog
          title="Your endpoint’s signing secret"
          label="Signing secret"
          warning="Copy this signing secret now and give it to your receiver, which checks every delivery’s signature with it. It cannot be shown again."
          secret={modal.secret}
          onDone={onClose}
        />
      );
    default:
      return null;
  }
}

const WEBHOOK_FIELDS = ['url', 'events'] as const;

/** Add endpoint (no webhook) or Edit: its URL and events. Edit sends only what changed. */
function WebhookForm({ webhook, onClose, onDone }: { webhook?: Webhook; onClose: () => void; onDone: WebhookDone }) {
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [events, setEvents] = useState<string[]>(webhook?.events ?? []);
  const { errors, busy, submit } = useSubmit(WEBHOOK_FIELDS, async () => {
    // Sent in the catalog's order, as the API keeps them.
    const chosen = ALL_EVENTS.filter((event) => events.includes(event));
    if (webhook) {
      const input = {
        ...(url.trim() !== webhook.url ? { url } : {}),
        ...(chosen.join() !== ALL_EVENTS.filter((event) => webhook.events.includes(event)).join() ? { events: chosen } : {}),
      };
      const { updateWebhook } = await request(UpdateWebhookMutation, { id: webhook.id, input });
      onDone(`Saved the endpoint at ${updateWebhook.webhook.url}.`, {});
    } else {
      const { createWebhook } = await request(CreateWebhookMutation, { input: { url, events: chosen } });
      onDone(`Added the endpoint at ${createWebhook.webhook.url}.`, { secret: createWebhook.secret });
    }
  });
  return (
    <Dialog title={webhook ? 'Edit endpoint' : 'Add endpoint'} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field label="Endpoint URL" error={errors.byField.url} hint="Where Keyward POSTs each event, such as https://example.com/webhooks/keyward.">
          {(props) => (
            <input
              {...props}
              type="url"
              class="code"
              value={url}
              maxLength={2000}
              autoComplete="off"
              spellcheck={false}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          )}
        </Field>
        <EventPicker chosen={events} onChange={setEvents} error={errors.byField.events} />
        <FormError message={errors.general} />
        <DialogActions onCancel={onClose}>
          <button type="submit" disabled={busy}>
            {webhook ? 'Save changes' : 'Add endpoint'}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * A checkbox per event, in its group, named by its words and described by the API's name;
 * `All events` above them checks or clears them all (mixed while only some are).
 */
function EventPicker({ chosen, onChange, error }: { chosen: string[]; onChange: (events: string[]) => void; error: string | undefined }) {
  const id = useId();
  const all = ALL_EVENTS.every((event) => chosen.includes(event));
  const some = !all && chosen.length > 0;
  const toggle = (event: string, on: boolean) => onChange(on ? [...chosen, event] : chosen.filter((e) => e !== event));
  return (
    <ChoiceGroup legend="Events" className="event-picker" error={error}>
      <label class="choice event-all">
        <input type="checkbox" checked={all} indeterminate={some} onChange={(e) => onChange(e.currentTarget.checked ? [...ALL_EVENTS] : [])} />
        <span>All events</span>
      </label>
      {EVENT_GROUPS.map((group, g) => (
        <fieldset class="event-choices">
          <legend>{group.label}</legend>
          {group.events.map(([event, words], i) => (
            <div class="event-choice">
              <label class="choice">
                <input type="checkbox" aria-describedby={`${id}-${g}-${i}`} checked={chosen.includes(event)} onChange={(e) => toggle(event, e.currentTarget.checked)} />
                <span>{words}</span>
              </label>
              <code class="muted" id={`${id}-${g}-${i}`}>
                {event}
              </code>
            </div>
          ))}
        </fieldset>
      ))}
    </ChoiceGroup>
  );
}

function DeleteDialog({ webhook, onClose, onDone }: { webhook: Webhook; onClose: () => void; onDone: WebhookDone }) {
  const { errors, busy, submit } = useSubmit([], async () => {
    await request(DeleteWebhookMutation, { id: webhook.id });
    onDone(`Deleted the endpoint at ${webhook.url}.`, { deleted: true });
  });
  return (
    <Dialog title="Delete this endpoint?" onClose={onClose}>
      <p>
        Keyward stops sending events to <span class="url">{webhook.url}</span> and forgets its deliveries, those still pending too. This cannot be undone.
      </p>
      <FormError message={errors.general} />
      <DialogActions onCancel={onClose}>
        <button type="button" class="danger" onClick={() => submit()} disabled={busy}>
          Delete
        </button>
      </DialogActions>
    </Dialog>
  );
}

/** Turns deliveries to an endpoint on or off; answers the page's notice. */
export async function setEnabled(webhook: Webhook, enabled: boolean): Promise<string> {
  await request(UpdateWebhookMutation, { id: webhook.id, input: { enabled } });
  return enabled ? `Enabled the endpoint at ${webhook.url}: what was waiting is sent now.` : `Disabled the endpoint at ${webhook.url}: no event is sent to it until it is enabled again.`;
}

/** Queues a test event for the endpoint alone (even a disabled one); answers the page's notice. */
export async function sendTest(webhook: Webhook): Promise<string> {
  await request(SendTestWebhookMutation, { webhookId: webhook.id });
  return `Sent a test event to ${webhook.url}.`;
}
