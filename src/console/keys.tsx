import { useEffect, useId, useState } from 'preact/hooks';
import { formErrors, request } from './api';
import { dateInputValue, endOfDay, tomorrow } from './format';
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
import {
  ChoiceGroup,
  Clipped,
  Dialog,
  DialogActions,
  Field,
  FocusHome,
  FormError,
  keepFocus,
  LoadMore,
  MenuButton,
  NoMatch,
  Notice,
  PageHeader,
  TableRegion,
  Time,
  useSubmit,
  type MenuItem,
} from './ui';

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

/** Keyward's own resources by their names in the console; the platform's own (SCOPE_RESOURCES) are made readable. */
const RESOURCE_LABEL: Record<string, string> = { api_keys: 'API keys', members: 'Members', audit_log: 'Audit log', organization: 'Organization' };
const resourceLabel = (resource: string) =>
  RESOURCE_LABEL[resource] ?? resource.replace(/[_-]+/g, ' ').replace(/^./, (first) => first.toUpperCase());

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
  const tableId = useId();
  const searchId = useId();

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

  // A notice is about the list as it was: a new search or filter clears it.
  const changeSearch = (value: string) => {
    setSearch(value);
    setNotice(null);
  };
  const changeStatus = (value: ApiKeyStatus | '') => {
    setStatus(value);
    setNotice(null);
  };
  const clearFilters = () => {
    setSearch('');
    setQuery('');
    setStatus('');
    setNotice(null);
    document.getElementById(searchId)?.focus();
  };

  // A revoked key's row keeps no Actions button: the focus goes to the table, never to <body>.
  const toTable = () => document.getElementById(tableId);
  const done = async (message: string, secret?: { secret: string; title: string }) => {
    setNotice(message);
    setModal(secret ? { kind: 'secret', ...secret } : null);
    await list.reload();
    keepFocus(toTable);
  };

  const actionsOf = (key: ApiKey): MenuItem[] => [
    { label: 'Edit', onSelect: () => setModal({ kind: 'edit', key }) },
    { label: 'Rotate', onSelect: () => setModal({ kind: 'rotate', key }) },
    { label: 'Revoke', danger: true, onSelect: () => setModal({ kind: 'revoke', key }) },
  ];

  const filtered = Boolean(query || status);
  const empty = !list.loading && !list.error && list.items.length === 0;

  return (
    <FocusHome.Provider value={toTable}>
      <section aria-labelledby="page-title">
        <PageHeader title="API keys" description="Keys let your applications call the API. A key's secret is shown once, when it is created or rotated.">
          {canWrite && (
            <button type="button" onClick={() => setModal({ kind: 'create' })}>
              Add new
            </button>
          )}
        </PageHeader>

        <div class="toolbar">
          <div class="field">
            <label for={searchId}>Search</label>
            <input id={searchId} type="search" value={search} placeholder="Key name" onInput={(e) => changeSearch(e.currentTarget.value)} />
          </div>
          <Field label="Status">
            {(props) => (
              <select {...props} value={status} onChange={(e) => changeStatus(e.currentTarget.value as ApiKeyStatus | '')}>
                <option value="">All statuses</option>
                {(Object.keys(STATUS_LABEL) as ApiKeyStatus[]).map((s) => (
                  <option value={s}>{STATUS_LABEL[s]}</option>
                ))}
              </select>
            )}
          </Field>
        </div>

        <Notice message={notice} onDismiss={() => setNotice(null)} />
        <FormError message={list.error} />

        {empty ? (
          filtered ? (
            <NoMatch what={query ? `No key’s name contains “${query}”${status ? ` among ${STATUS_LABEL[status].toLowerCase()} keys` : ''}.` : `No ${STATUS_LABEL[status as ApiKeyStatus].toLowerCase()} keys.`} onClear={clearFilters} />
          ) : (
            <div class="empty">
              <p>No API keys yet.</p>
              {canWrite && <p class="muted">Add new makes the first one.</p>}
            </div>
          )
        ) : (
          <TableRegion label="API keys" id={tableId}>
            <table class="key-table" aria-label="API keys">
              <colgroup>
                <col class="col-name" />
                <col class="col-id" />
                <col class="col-permissions" />
                <col class="col-created" />
                <col class="col-four" />
                <col class="col-status" />
                <col class="col-date" />
                <col class="col-date" />
                {canWrite && <col class="col-actions" />}
              </colgroup>
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
                  {canWrite && (
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.items.map((key) => (
                  <tr key={key.id}>
                    <td class="cell-name">
                      <div>
                        <Clipped className="strong" id={`key-name-${key.id}`} text={key.name} />
                        <Clipped className="muted sub" text={key.description || 'No description'} />
                      </div>
                    </td>
                    <td class="cell-id" data-label="ID">
                      <code title={key.id}>{key.id}</code>
                    </td>
                    <td class="cell-permissions">
                      <Permissions apiKey={key} />
                    </td>
                    <td class="cell-created" data-label="Created">
                      <Time iso={key.createdAt} />{' '}
                      <Clipped className="muted sub" text={`by ${key.createdBy ?? 'unknown'}`} />
                    </td>
                    <td class="cell-four" data-label="Ends">
                      <code>…{key.lastFour}</code>
                    </td>
                    <td class="cell-status">
                      <span class={`badge badge-${key.status.toLowerCase()}`}>{STATUS_LABEL[key.status]}</span>
                    </td>
                    <td class="cell-expires" data-label="Expires">
                      <Time iso={key.expiresAt} none="Never" />
                    </td>
                    <td class="cell-used" data-label="Last used">
                      <Time iso={key.lastUsedAt} none="Never" />
                    </td>
                    {canWrite && (
                      <td class="cell-actions">
                        {key.status !== 'REVOKED' && <MenuButton label="Actions" items={actionsOf(key)} describedBy={`key-name-${key.id}`} />}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.more} />

        {modal?.kind === 'create' && <KeyForm viewer={viewer} onClose={() => setModal(null)} onDone={done} />}
        {modal?.kind === 'edit' && <KeyForm viewer={viewer} apiKey={modal.key} onClose={() => setModal(null)} onDone={done} />}
        {modal?.kind === 'rotate' && <RotateDialog apiKey={modal.key} onClose={() => setModal(null)} onDone={done} />}
        {modal?.kind === 'revoke' && <RevokeDialog apiKey={modal.key} onClose={() => setModal(null)} onDone={done} />}
        {modal?.kind === 'secret' && <SecretDialog title={modal.title} secret={modal.secret} onDone={() => setModal(null)} />}
      </section>
    </FocusHome.Provider>
  );
}

/** The access level; a Restricted key's scopes are counted, and listed by a button, never only in a tooltip. */
function Permissions({ apiKey }: { apiKey: ApiKey }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (apiKey.access !== 'RESTRICTED') return <span>{ACCESS_LABEL[apiKey.access]}</span>;
  const count = apiKey.scopes.length;
  return (
    <div class="permissions">
      <span>{ACCESS_LABEL.RESTRICTED}</span>
      <button type="button" class="disclosure" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {count} {count === 1 ? 'scope' : 'scopes'}
      </button>
      <ul id={listId} class="chips" hidden={!open}>
        {apiKey.scopes.map((scope) => {
          // A long scope breaks after its resource, never inside a word.
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
    </div>
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
              <ScopePicker grantable={grantable} chosen={scopes} onToggle={toggle} />
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
