import { useEffect, useState } from 'preact/hooks';
import { formErrors, request } from './api';
import { dateInputValue, endOfDay, formatDate, formatDateTime, tomorrow } from './format';
import type { ApiKeyAccess, ApiKeyStatus, ConsoleApiKeysQuery } from './gql/graphql';
import {
  ApiKeysQuery,
  CreateApiKeyMutation,
  RevokeApiKeyMutation,
  RotateApiKeyMutation,
  ScopeCatalogQuery,
  UpdateApiKeyMutation,
} from './operations';
import { nodesOf, usePaged } from './paged';
import type { Viewer } from './session';
import { ChoiceGroup, Dialog, DialogActions, Field, FormError, LoadMore, PageHeader, TableRegion, useSubmit } from './ui';

type ApiKey = ConsoleApiKeysQuery['apiKeys']['edges'][number]['node'];

const STATUS_LABEL: Record<ApiKeyStatus, string> = { ACTIVE: 'Active', EXPIRED: 'Expired', REVOKED: 'Revoked' };
const ACCESS_LABEL: Record<ApiKeyAccess, string> = { FULL: 'All', RESTRICTED: 'Restricted', READ_ONLY: 'Read only' };
const ACCESS_ORDER: ApiKeyAccess[] = ['FULL', 'RESTRICTED', 'READ_ONLY'];
const GRACE_PERIODS = [
  { seconds: 0, label: 'None: the old key stops at once' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86_400, label: '24 hours' },
  { seconds: 604_800, label: '7 days' },
];

type Modal =
  | { kind: 'create' }
  | { kind: 'edit'; key: ApiKey }
  | { kind: 'rotate'; key: ApiKey }
  | { kind: 'revoke'; key: ApiKey }
  | { kind: 'secret'; secret: string; title: string };

export function ApiKeysPage({ viewer }: { viewer: Viewer }) {
  const canWrite = viewer.scopes.includes('api_keys:write');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ApiKeyStatus | ''>('');
  const [modal, setModal] = useState<Modal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Search as one types, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const list = usePaged(
    async (after) => {
      const filter = { ...(status ? { status } : {}), ...(query ? { search: query } : {}) };
      return nodesOf((await request(ApiKeysQuery, { first: 20, after, filter })).apiKeys);
    },
    [status, query],
  );

  const done = (message: string, secret?: { secret: string; title: string }) => {
    setNotice(message);
    setModal(secret ? { kind: 'secret', ...secret } : null);
    void list.reload();
  };

  return (
    <section aria-labelledby="page-title">
      <PageHeader title="API keys" description="Keys let your applications call the API. A key's secret is shown once, when it is created or rotated.">
        {canWrite && (
          <button type="button" onClick={() => setModal({ kind: 'create' })}>
            Add new
          </button>
        )}
      </PageHeader>

      <div class="toolbar">
        <Field label="Search">
          {(props) => <input {...props} type="search" value={search} placeholder="Key name" onInput={(e) => setSearch(e.currentTarget.value)} />}
        </Field>
        <Field label="Status">
          {(props) => (
            <select {...props} value={status} onChange={(e) => setStatus(e.currentTarget.value as ApiKeyStatus | '')}>
              <option value="">All statuses</option>
              {(Object.keys(STATUS_LABEL) as ApiKeyStatus[]).map((s) => (
                <option value={s}>{STATUS_LABEL[s]}</option>
              ))}
            </select>
          )}
        </Field>
      </div>

      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <FormError message={list.error} />

      <TableRegion label="API keys">
        <table class="cards" aria-label="API keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key ID</th>
              <th scope="col">Permissions</th>
              <th scope="col">Created</th>
              <th scope="col">Last four</th>
              <th scope="col">Status</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              {canWrite && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {list.items.map((key) => (
              <tr key={key.id}>
                <td data-label="Name" class="wrap">
                  <div>
                    <span class="strong">{key.name}</span>
                    <span class="muted sub">{key.description || 'No description'}</span>
                  </div>
                </td>
                <td data-label="Key ID">
                  <code>{key.id}</code>
                </td>
                <td data-label="Permissions" title={key.scopes.join(', ')}>
                  {ACCESS_LABEL[key.access]}
                </td>
                <td data-label="Created">
                  <div>
                    {formatDate(key.createdAt)}
                    <span class="muted sub">by {key.createdBy ?? 'unknown'}</span>
                  </div>
                </td>
                <td data-label="Last four">
                  <code>…{key.lastFour}</code>
                </td>
                <td data-label="Status">
                  <span class={`badge badge-${key.status.toLowerCase()}`}>{STATUS_LABEL[key.status]}</span>
                </td>
                <td data-label="Expires">{formatDate(key.expiresAt, 'Never')}</td>
                <td data-label="Last used" class="wrap-narrow">
                  {formatDateTime(key.lastUsedAt, 'Never')}
                </td>
                {canWrite && (
                  <td class="actions">
                    {key.status !== 'REVOKED' && (
                      <div class="buttons">
                        <button type="button" class="secondary small" onClick={() => setModal({ kind: 'edit', key })}>
                          Edit
                        </button>
                        <button type="button" class="secondary small" onClick={() => setModal({ kind: 'rotate', key })}>
                          Rotate
                        </button>
                        <button type="button" class="danger-quiet small" onClick={() => setModal({ kind: 'revoke', key })}>
                          Revoke
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {!list.loading && list.items.length === 0 && <p class="empty">{query || status ? 'No key matches.' : 'No API keys yet.'}</p>}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.more} />

      {modal?.kind === 'create' && <KeyForm viewer={viewer} onClose={() => setModal(null)} onDone={done} />}
      {modal?.kind === 'edit' && <KeyForm viewer={viewer} apiKey={modal.key} onClose={() => setModal(null)} onDone={done} />}
      {modal?.kind === 'rotate' && <RotateDialog apiKey={modal.key} onClose={() => setModal(null)} onDone={done} />}
      {modal?.kind === 'revoke' && <RevokeDialog apiKey={modal.key} onClose={() => setModal(null)} onDone={done} />}
      {modal?.kind === 'secret' && <SecretDialog title={modal.title} secret={modal.secret} onDone={() => setModal(null)} />}
    </section>
  );
}

type Done = (message: string, secret?: { secret: string; title: string }) => void;

const KEY_FIELDS = ['name', 'description', 'access', 'scopes', 'expiresAt'] as const;

/** Add new (no apiKey) or Edit: the same fields, the same checks from the API. */
function KeyForm({ viewer, apiKey, onClose, onDone }: { viewer: Viewer; apiKey?: ApiKey; onClose: () => void; onDone: Done }) {
  const [name, setName] = useState(apiKey?.name ?? '');
  const [description, setDescription] = useState(apiKey?.description ?? '');
  const [access, setAccess] = useState<ApiKeyAccess>(apiKey?.access ?? 'FULL');
  const [scopes, setScopes] = useState<string[]>(apiKey?.access === 'RESTRICTED' ? apiKey.scopes : []);
  const [expires, setExpires] = useState(dateInputValue(apiKey?.expiresAt));
  const [grantable, setGrantable] = useState<string[] | null>(null);
  const [catalogError, setCatalogError] = useState<string | null>(null);

  // A key can be given only what its maker holds: the catalog ∩ the viewer's own scopes.
  useEffect(() => {
    request(ScopeCatalogQuery, {})
      .then(({ scopeCatalog }) => setGrantable(scopeCatalog.filter((s) => viewer.scopes.includes(s))))
      .catch((e) => setCatalogError(formErrors(e, []).general));
  }, []);

  const { errors, busy, submit } = useSubmit(KEY_FIELDS, async () => {
    const common = { name, description, access, scopes: access === 'RESTRICTED' ? scopes : null };
    if (apiKey) {
      // null removes an expiry; leaving the field untouched keeps it to the millisecond.
      const expiresAt = expires ? (expires === dateInputValue(apiKey.expiresAt) ? apiKey.expiresAt : endOfDay(expires)) : null;
      await request(UpdateApiKeyMutation, { id: apiKey.id, input: { ...common, expiresAt } });
      onDone(`Saved “${name}”.`);
    } else {
      const { createApiKey } = await request(CreateApiKeyMutation, { input: { ...common, expiresAt: expires ? endOfDay(expires) : null } });
      onDone(`Created “${name}”.`, { secret: createApiKey.secret, title: 'Your new API key' });
    }
  });

  const toggle = (scope: string, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  return (
    <Dialog title={apiKey ? `Edit “${apiKey.name}”` : 'Add new API key'} onClose={onClose}>
      <form onSubmit={submit} noValidate>
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
              <div class="scope-grid">
                {grantable.map((scope) => (
                  <label class="choice">
                    <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.currentTarget.checked)} />
                    <span>{scope}</span>
                  </label>
                ))}
              </div>
            )}
          </ChoiceGroup>
        )}
        <Field label="Expires" error={errors.byField.expiresAt} hint="Optional: the key stops working at the end of this day.">
          {(props) => <input {...props} type="date" value={expires} min={tomorrow()} onInput={(e) => setExpires(e.currentTarget.value)} />}
        </Field>
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

function RotateDialog({ apiKey, onClose, onDone }: { apiKey: ApiKey; onClose: () => void; onDone: Done }) {
  const [grace, setGrace] = useState(0);
  const { errors, busy, submit } = useSubmit(['gracePeriodSeconds'], async () => {
    const { rotateApiKey } = await request(RotateApiKeyMutation, { id: apiKey.id, gracePeriodSeconds: grace });
    onDone(`Rotated “${apiKey.name}”.`, { secret: rotateApiKey.secret, title: 'Your rotated API key' });
  });
  return (
    <Dialog title={`Rotate “${apiKey.name}”`} onClose={onClose}>
      <form onSubmit={submit}>
        <p>The key gets a new secret and keeps its ID, permissions and expiry.</p>
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

/**
 * The full key, once. It lives only in this dialog's props: Done unmounts the dialog and
 * the page keeps no other copy, so it is gone from the DOM and from the console's state.
 */
function SecretDialog({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Copying is not allowed here: select the key and copy it yourself.');
    }
  };
  return (
    <Dialog title={title} onClose={onDone} modalOnly>
      <p class="warning" role="note">
        Copy this key now and store it somewhere safe. It cannot be shown again.
      </p>
      <div class="secret">
        <label for="secret-value">API key</label>
        <output id="secret-value" class="secret-value">
          {secret}
        </output>
      </div>
      {copied && (
        <p class="muted" role="status">
          {copied}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" class="secondary" onClick={copy}>
          Copy
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
