import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formErrors, request } from './api';
import { ACCESS_LABEL, creditsWords, LeakedBadge, leakOutcome, rateLimitWords, ScopeChips, StatusBadge, type ApiKey } from './apiKey';
import { instant } from './format';
import { KeyDialogs, type Done, type KeyModal } from './keyDialogs';
import { ApiKeyQuery } from './operations';
import type { Viewer } from './session';
import { FormError, keepFocus, Notice, PageHeader, Time } from './ui';
import { UsageChart } from './usageChart';

/**
 * One key's own page (#/keys/<id>): everything the list shows and its usage controls, the
 * row's actions as buttons, and its verifications by outcome.
 */
export function ApiKeyPage({ viewer, id }: { viewer: Viewer; id: string }) {
  const canWrite = viewer.scopes.includes('api_keys:write');
  // undefined while loading; null when there is no such key here (SPEC §2: another organization's is not found).
  const [apiKey, setApiKey] = useState<ApiKey | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [modal, setModal] = useState<KeyModal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = async () => {
    try {
      setApiKey((await request(ApiKeyQuery, { id })).apiKey ?? null);
      setError(null);
    } catch (e) {
      setError(formErrors(e, []).general);
    }
  };
  useEffect(() => {
    void load();
  }, [id]);

  // A revoked key keeps no actions: the focus goes to the page's heading, never to <body>.
  const done: Done = async (message, secret) => {
    setNotice(message);
    setModal(secret ? { kind: 'secret', ...secret } : null);
    await load();
    keepFocus(() => null);
  };

  const title = apiKey?.name ?? (apiKey === null ? 'Key not found' : 'API key');
  const description = apiKey ? apiKey.description || 'No description' : apiKey === null ? 'There is no key with this ID in your organization.' : '';
  return (
    <section aria-labelledby="page-title">
        <p class="back">
          <a href="#/keys">
            <span aria-hidden="true">← </span>All keys
          </a>
        </p>
        <PageHeader title={title} description={description}>
          {canWrite && apiKey && apiKey.status !== 'REVOKED' && (
            <>
              <button type="button" class="secondary" onClick={() => setModal({ kind: 'edit', key: apiKey })}>
                Edit
              </button>
              <button type="button" class="secondary" onClick={() => setModal({ kind: 'rotate', key: apiKey })}>
                Rotate
              </button>
              <button type="button" class="danger-quiet" onClick={() => setModal({ kind: 'revoke', key: apiKey })}>
                Revoke
              </button>
            </>
          )}
        </PageHeader>
        <Notice message={notice} onDismiss={() => setNotice(null)} />
        <FormError message={error} />
        {apiKey && (
          <>
            {apiKey.leakedAt && <LeakCallout apiKey={apiKey} leakedAt={apiKey.leakedAt} />}
            <KeySettings apiKey={apiKey} />
            <UsageChart heading="Verifications" apiKeyId={apiKey.id} />
          </>
        )}
        <KeyDialogs modal={modal} viewer={viewer} onClose={() => setModal(null)} onDone={done} />
    </section>
  );
}

/** A key reported exposed: when, and what became of it. Still working, it is a call to act. */
function LeakCallout({ apiKey, leakedAt }: { apiKey: ApiKey; leakedAt: string }) {
  const { day, time, exact } = instant(leakedAt);
  const outcome = leakOutcome(apiKey);
  return (
    <div class={outcome.live ? 'callout danger' : 'callout'}>
      <p>
        <strong>
          Reported exposed on{' '}
          <time dateTime={leakedAt} title={exact}>
            {day}, {time}
          </time>
          .
        </strong>{' '}
        {outcome.words}
      </p>
    </div>
  );
}

/** The key's settings as terms and values, the usage controls apart. */
function KeySettings({ apiKey }: { apiKey: ApiKey }) {
  return (
    <div class="key-settings">
      <section class="settings-card" aria-labelledby="key-details">
        <h2 id="key-details">Key</h2>
        <dl class="settings">
          <Setting term="Key ID">
            <code>{apiKey.id}</code>
          </Setting>
          <Setting term="Status">
            <StatusBadge status={apiKey.status} />
            {apiKey.leakedAt && <LeakedBadge leakedAt={apiKey.leakedAt} />}
          </Setting>
          <Setting term="Permissions">
            {ACCESS_LABEL[apiKey.access]}
            {apiKey.access === 'RESTRICTED' && <ScopeChips scopes={apiKey.scopes} />}
          </Setting>
          <Setting term="Created">
            <Time iso={apiKey.createdAt} /> <span class="muted">by {apiKey.createdBy ?? 'unknown'}</span>
          </Setting>
          <Setting term="Last four">
            <code>…{apiKey.lastFour}</code>
          </Setting>
          <Setting term="Expires">
            <Time iso={apiKey.expiresAt} none="Never" />
          </Setting>
          <Setting term="Last used">
            <Time iso={apiKey.lastUsedAt} none="Never" />
          </Setting>
          <Setting term="Owner">{apiKey.owner ?? <span class="muted">None</span>}</Setting>
        </dl>
      </section>
      <section class="settings-card" aria-labelledby="key-controls">
        <h2 id="key-controls">Usage controls</h2>
        <dl class="settings">
          <Setting term="Rate limits">
            {apiKey.rateLimits.length ? (
              <ul class="plain">
                {apiKey.rateLimits.map((limit) => (
                  <li>
                    <code>{limit.name}</code>: {rateLimitWords(limit)}
                  </li>
                ))}
              </ul>
            ) : (
              <span class="muted">None</span>
            )}
          </Setting>
          <Setting term="Credits">{apiKey.credits ? creditsWords(apiKey.credits) : <span class="muted">Unlimited</span>}</Setting>
          <Setting term="Allowed addresses">
            {apiKey.allowedIps.length ? (
              <ul class="plain">
                {apiKey.allowedIps.map((address) => (
                  <li>
                    <code>{address}</code>
                  </li>
                ))}
              </ul>
            ) : (
              <span class="muted">Any address</span>
            )}
          </Setting>
          <Setting term="Metadata">
            {apiKey.meta ? (
              <pre class="meta">
                <code>{JSON.stringify(apiKey.meta, null, 2)}</code>
              </pre>
            ) : (
              <span class="muted">None</span>
            )}
          </Setting>
        </dl>
      </section>
    </div>
  );
}

function Setting({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="setting">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
