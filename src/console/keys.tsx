import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { request } from './api';
import { keyPageHref, LeakedBadge, Permissions, STATUS_LABEL, StatusBadge, type ApiKey } from './apiKey';
import type { ApiKeyStatus } from './gql/graphql';
import { KeyDialogs, type Done, type KeyModal } from './keyDialogs';
import { ApiKeysQuery } from './operations';
import { nodesOf, usePaged } from './paged';
import type { Viewer } from './session';
import { Clipped, Field, FocusHome, FormError, keepFocus, LoadMore, MenuButton, NoMatch, Notice, PageHeader, TableRegion, Time, type MenuItem } from './ui';
import { UsageChart } from './usageChart';

export function ApiKeysPage({ viewer }: { viewer: Viewer }) {
  const canWrite = viewer.scopes.includes('api_keys:write');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ApiKeyStatus | ''>('');
  const [modal, setModal] = useState<KeyModal | null>(null);
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
  const done: Done = async (message, secret) => {
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

  // What the list shows was loaded for these: while a new search loads, an empty result
  // keeps saying what it was empty for, rather than turning into an empty table meanwhile.
  const [shownStatus, shownQuery] = (list.loadedFor ?? [status, query]) as [ApiKeyStatus | '', string];
  const filtered = Boolean(shownQuery || shownStatus);
  const empty = list.loadedFor !== null && !list.error && list.items.length === 0;
  // The organization's usage once it has a key: a new organization's page stays the plain "No API keys yet".
  const hasKeys = useRef(false);
  if (list.items.length > 0) hasKeys.current = true;

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

        {hasKeys.current && <UsageChart heading="Verifications" />}

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
            <NoMatch what={shownQuery ? `No key’s name contains “${shownQuery}”${shownStatus ? ` among ${STATUS_LABEL[shownStatus].toLowerCase()} keys` : ''}.` : `No ${STATUS_LABEL[shownStatus as ApiKeyStatus].toLowerCase()} keys.`} onClear={clearFilters} />
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
                        <Clipped className="strong" id={`key-name-${key.id}`} text={key.name} href={keyPageHref(key.id)} />
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
                      <StatusBadge status={key.status} />
                      {key.leakedAt && <LeakedBadge leakedAt={key.leakedAt} />}
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

        <KeyDialogs modal={modal} viewer={viewer} onClose={() => setModal(null)} onDone={done} />
      </section>
    </FocusHome.Provider>
  );
}
