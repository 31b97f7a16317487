import { useEffect, useRef, useState } from 'preact/hooks';
import { formErrors, request } from './api';
import { ACCESS_LABEL, ACCESS_ORDER, resourceLabel, type ApiKey } from './apiKey';
import { UsageControlFields } from './controlFields';
import { controlsForm, controlsToCreate, controlsToUpdate, readControls, type ControlsForm } from './controls';
import { dateInputValue, endOfDay, tomorrow } from './format';
import type { ApiKeyAccess } from './gql/graphql';
import { CreateApiKeyMutation, RevokeApiKeyMutation, RotateApiKeyMutation, ScopeCatalogQuery, UpdateApiKeyMutation } from './operations';
import { SecretDialog } from './secret';
import type { Viewer } from './session';
import { ChoiceGroup, Dialog, DialogActions, Field, FormError, useSubmit } from './ui';

/**
 * The dialogs of a key's actions, the same from the key list and from the key's own page:
 * Add new and Edit, Rotate, Revoke, and the secret shown once.
 */

export type KeyModal =
  | { kind: 'create' }
  | { kind: 'edit'; key: ApiKey }
  | { kind: 'rotate'; key: ApiKey }
  | { kind: 'revoke'; key: ApiKey }
  | { kind: 'secret'; secret: string; title: string };

export type Done = (message: string, secret?: { secret: string; title: string }) => void;

/** The open dialog, if any; `onDone` after a change, with the secret to show when there is one. */
export function KeyDialogs({ modal, viewer, onClose, onDone }: { modal: KeyModal | null; viewer: Viewer; onClose: () => void; onDone: Done }) {
  switch (modal?.kind) {
    case 'create':
      return <KeyForm viewer={viewer} onClose={onClose} onDone={onDone} />;
    case 'edit':
      return <KeyForm viewer={viewer} apiKey={modal.key} onClose={onClose} onDone={onDone} />;
    case 'rotate':
      return <RotateDialog apiKey={modal.key} onClose={onClose} onDone={onDone} />;
    case 'revoke':
      return <RevokeDialog apiKey={modal.key} onClose={onClose} onDone={onDone} />;
    case 'secret':
      return (
        <SecretDialog
          title={modal.title}
          label="API key"
          warning="Copy this key now and store it somewhere safe. It cannot be shown again."
          secret={modal.secret}
          onDone={onClose}
        />
      );
    default:
      return null;
  }
}

const GRACE_PERIODS = [
  { seconds: 0, label: 'None: the old key stops at once' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86_400, label: '24 hours' },
  { seconds: 604_800, label: '7 days' },
];

/** The fields the API may name (extensions.field, messages.ts's blamedField), each shown beside its own. */
const KEY_FIELDS = [
  'name',
  'description',
  'access',
  'scopes',
  'expiresAt',
  'rateLimits',
  'credits',
  'remaining',
  'refill',
  'amount',
  'dayOfMonth',
  'allowedIps',
  'owner',
  'meta',
] as const;

/** Add new (no apiKey) or Edit: the same fields, the same checks from the API. Edit sends only what changed. */
function KeyForm({ viewer, apiKey, onClose, onDone }: { viewer: Viewer; apiKey?: ApiKey; onClose: () => void; onDone: Done }) {
  const [name, setName] = useState(apiKey?.name ?? '');
  const [description, setDescription] = useState(apiKey?.description ?? '');
  const [access, setAccess] = useState<ApiKeyAccess>(apiKey?.access ?? 'FULL');
  const [scopes, setScopes] = useState<string[]>(apiKey?.access === 'RESTRICTED' ? apiKey.scopes : []);
  const [expires, setExpires] = useState(dateInputValue(apiKey?.expiresAt));
  const [controls, setControls] = useState<ControlsForm>(() => controlsForm(apiKey));
  // What the page found wrong by itself, by field; the API's messages come from useSubmit.
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [grantable, setGrantable] = useState<string[] | null>(null);
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  // A key can be given only what its maker holds: the catalog ∩ the viewer's own scopes.
  useEffect(() => {
    request(ScopeCatalogQuery, {})
      .then(({ scopeCatalog }) => setGrantable(scopeCatalog.filter((s) => viewer.scopes.includes(s))))
      .catch((e) => setCatalogError(formErrors(e, []).general));
  }, []);

  const { errors, busy, submit } = useSubmit(KEY_FIELDS, async () => {
    const { controls: chosen } = readControls(controls);
    const permissions = { access, scopes: access === 'RESTRICTED' ? scopes : null };
    if (apiKey) {
      const before = { name: apiKey.name, description: apiKey.description ?? '', permissions: { access: apiKey.access, scopes: apiKey.access === 'RESTRICTED' ? apiKey.scopes : null } };
      // null removes an expiry; leaving the field untouched keeps it to the millisecond.
      const expiresAt = expires ? (expires === dateInputValue(apiKey.expiresAt) ? apiKey.expiresAt : endOfDay(expires)) : null;
      const input = {
        ...(name !== before.name ? { name } : {}),
        ...(description !== before.description ? { description } : {}),
        ...(JSON.stringify(permissions) !== JSON.stringify(before.permissions) ? permissions : {}),
        ...(expiresAt !== (apiKey.expiresAt ?? null) ? { expiresAt } : {}),
        ...controlsToUpdate(readControls(controlsForm(apiKey)).controls, chosen),
      };
      await request(UpdateApiKeyMutation, { id: apiKey.id, input });
      onDone(`Saved “${name}”.`);
    } else {
      const input = { name, description, ...permissions, expiresAt: expires ? endOfDay(expires) : null, ...controlsToCreate(chosen) };
      const { createApiKey } = await request(CreateApiKeyMutation, { input });
      onDone(`Created “${name}”.`, { secret: createApiKey.secret, title: 'Your new API key' });
    }
  });

  // What the page can tell by itself it says beside the field, without asking the API.
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const found = readControls(controls).problems;
    setProblems(found);
    if (Object.keys(found).length) {
      // To the first field to fix, once it shows its message.
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    void submit();
  };
  const changeControls = (patch: Partial<ControlsForm>, edited?: string) => {
    setControls((current) => ({ ...current, ...patch }));
    if (edited && problems[edited]) setProblems(({ [edited]: _, ...rest }) => rest);
  };
  const errorOf = (field: string): string | undefined => problems[field] ?? errors.byField[field];

  const toggle = (scope: string, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  return (
    <Dialog title={apiKey ? `Edit “${apiKey.name}”` : 'Add new API key'} onClose={onClose}>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <Field label="Name" error={errors.byField.name}>
          {(props) => <input {...props} value={name} maxLength={100} required autoComplete="off" onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field label="Description" error={errors.byField.description} hint="Optional: what the key is for.">
          {(props) => <textarea {...props} value={description} maxLength={500} rows={2} onInput={(e) => setDescription(e.currentTarget.value)} />}
        </Field>
        <ChoiceGroup legend="Permissions" className="choices" error={errors.byField.access}>
          {ACCESS_ORDER.map((value) => (
            <label class="choice">
              <input type="radio" name="access" value={value} checked={access === value} onChange={() => setAccess(value)} />
              <span>{ACCESS_LABEL[value]}</span>
            </label>
          ))}
        </ChoiceGroup>
        {access === 'RESTRICTED' && (
          <ChoiceGroup legend="Scopes" className="scopes" error={errors.byField.scopes ?? catalogError ?? undefined}>
            {grantable === null ? (
              <p class="muted">Loading scopes…</p>
            ) : (
              <ScopePicker grantable={grantable} chosen={scopes} onToggle={toggle} />
            )}
          </ChoiceGroup>
        )}
        <Field label="Expires" error={errors.byField.expiresAt} hint="Optional: the key stops working at the end of this day.">
          {(props) => <input {...props} type="date" value={expires} min={tomorrow()} onInput={(e) => setExpires(e.currentTarget.value)} />}
        </Field>
        <UsageControlFields form={controls} onChange={changeControls} errorOf={errorOf} />
        <FormError message={errors.general} />
        <DialogActions onCancel={onClose}>
          <button type="submit" disabled={busy}>
            {apiKey ? 'Save changes' : 'Add API key'}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

const ACTIONS = ['read', 'write'] as const;

/**
 * One line per resource, its `read` and `write` boxes side by side. Each box is named by
 * its scope (e.g. messages:write, SPEC §8): the line shows the resource once, the box its action.
 */
function ScopePicker({ grantable, chosen, onToggle }: { grantable: string[]; chosen: string[]; onToggle: (scope: string, on: boolean) => void }) {
  const resources = [...new Set(grantable.map((scope) => scope.split(':')[0]!))];
  return (
    <div class="scope-picker">
      {resources.map((resource) => (
        <div class="scope-line">
          <span class="resource">
            {resourceLabel(resource)} <code class="muted">{resource}</code>
          </span>
          {ACTIONS.map((action) => {
            const scope = `${resource}:${action}`;
            return grantable.includes(scope) ? (
              <label class="choice">
                <input type="checkbox" aria-label={scope} checked={chosen.includes(scope)} onChange={(e) => onToggle(scope, e.currentTarget.checked)} />
                <span>{action}</span>
              </label>
            ) : (
              <span class="choice muted" aria-hidden="true">
                —
              </span>
            );
          })}
        </div>
      ))}
    </div>
  );
}

function RotateDialog({ apiKey, onClose, onDone }: { apiKey: ApiKey; onClose: () => void; onDone: Done }) {
  const [grace, setGrace] = useState(0);
  const { errors, busy, submit } = useSubmit(['gracePeriodSeconds'], async () => {
    const { rotateApiKey } = await request(RotateApiKeyMutation, { id: apiKey.id, gracePeriodSeconds: grace });
    onDone(`Rotated “${apiKey.name}”.`, { secret: rotateApiKey.secret, title: 'Your rotated API key' });
  });
  return (
    <Dialog title={`Rotate “${apiKey.name}”`} onClose={onClose}>
      <form onSubmit={submit}>
        <p>The key gets a new secret and keeps its ID, permissions, expiry and usage controls.</p>
        <Field label="Grace period" error={errors.byField.gracePeriodSeconds} hint="How long the current secret keeps working.">
          {(props) => (
            <select {...props} value={String(grace)} onChange={(e) => setGrace(Number(e.currentTarget.value))}>
              {GRACE_PERIODS.map((p) => (
                <option value={String(p.seconds)}>{p.label}</option>
              ))}
            </select>
          )}
        </Field>
        <FormError message={errors.general} />
        <DialogActions onCancel={onClose}>
          <button type="submit" disabled={busy}>
            Rotate
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function RevokeDialog({ apiKey, onClose, onDone }: { apiKey: ApiKey; onClose: () => void; onDone: Done }) {
  const { errors, busy, submit } = useSubmit([], async () => {
    await request(RevokeApiKeyMutation, { id: apiKey.id });
    onDone(`Revoked “${apiKey.name}”.`);
  });
  return (
    <Dialog title={`Revoke “${apiKey.name}”?`} onClose={onClose}>
      <p>Applications using this key stop working at once. This cannot be undone.</p>
      <FormError message={errors.general} />
      <DialogActions onCancel={onClose}>
        <button type="button" class="danger" onClick={() => submit()} disabled={busy}>
          Revoke
        </button>
      </DialogActions>
    </Dialog>
  );
}
