import { useEffect, useState } from 'preact/hooks';
import { AccountMenu } from './account';
import { onSessionExpired, request, session } from './api';
import { AuditLogPage } from './audit';
import { ApiKeyPage } from './keyPage';
import { ApiKeysPage } from './keys';
import { MembersPage } from './members';
import { LogoutMutation, ViewerQuery } from './operations';
import { OrganizationPage } from './organization';
import { isMember, type Viewer } from './session';
import { SignIn } from './signin';
import { Notice } from './ui';
import { WebhookPage } from './webhookPage';
import { WebhooksPage } from './webhooks';

type Section = 'keys' | 'members' | 'audit' | 'webhooks' | 'organization';
const SECTIONS: { route: Section; label: string; scope: string }[] = [
  { route: 'keys', label: 'API keys', scope: 'api_keys:read' },
  { route: 'members', label: 'Members', scope: 'members:read' },
  { route: 'audit', label: 'Audit log', scope: 'audit_log:read' },
  { route: 'webhooks', label: 'Webhooks', scope: 'organization:read' },
  { route: 'organization', label: 'Organization', scope: 'organization:read' },
];

/**
 * A section, or one item's page within it: a key's within API keys (#/keys/<id>, apiKey.tsx's
 * keyPageHref), an endpoint's within Webhooks (#/webhooks/<id>, webhook.tsx's webhookPageHref).
 */
interface Route {
  section: Section;
  itemId: string | null;
}

const ITEM_PAGE = /^#\/(keys|webhooks)\/([^/]+)$/;

function routeOf(hash: string): Route {
  const item = ITEM_PAGE.exec(hash);
  if (item) return { section: item[1] as Section, itemId: decoded(item[2]!) };
  return { section: SECTIONS.find((s) => hash === `#/${s.route}`)?.route ?? 'keys', itemId: null };
}

/** A typed or pasted address may hold a stray %: taken as written rather than breaking the page. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The location's hash, which names the page: effects that follow navigation depend on it. */
function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

export function App() {
  const [viewer, setViewer] = useState<Viewer | null>(null);
  // Without a token there is nothing to ask the API: the sign-in page makes no request.
  const [loading, setLoading] = useState(session.token() !== null);
  const [notice, setNotice] = useState<string | null>(null);
  // A notice about the account (a password changed) shows over any page, until the next navigation.
  const [accountNotice, setAccountNotice] = useState<string | null>(null);
  const hash = useHash();
  const route = routeOf(hash);
  useEffect(() => setAccountNotice(null), [hash]);

  const loadViewer = async () => {
    setLoading(true);
    try {
      const { viewer } = await request(ViewerQuery, {});
      setViewer(isMember(viewer) ? viewer : null);
    } catch {
      setViewer(null);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    onSessionExpired(() => {
      setViewer(null);
      setNotice('Your session has expired. Sign in again.');
    });
    if (session.token()) void loadViewer();
  }, []);

  // Focus the page's heading after navigation, so a screen reader announces where it is.
  useEffect(() => {
    document.getElementById('page-title')?.focus();
  }, [hash, viewer !== null]);

  const signOut = async () => {
    try {
      await request(LogoutMutation, {});
    } finally {
      session.end();
      setViewer(null);
      setNotice('You are signed out.');
    }
  };

  if (loading) return <p class="loading">Loading…</p>;
  if (!viewer) {
    return (
      <SignIn
        notice={notice}
        onDismissNotice={() => setNotice(null)}
        onSignedIn={() => {
          setNotice(null);
          void loadViewer();
        }}
      />
    );
  }

  const sections = SECTIONS.filter((s) => viewer.scopes.includes(s.scope));
  const current = sections.some((s) => s.route === route.section) ? route.section : sections[0]?.route;
  // An item's page only within its own section: a section the viewer may not see opens the first one, whole.
  const itemId = current === route.section ? route.itemId : null;
  return (
    <div class="shell">
      <header class="topbar">
        <p class="brand">
          <span class="logo" aria-hidden="true">
            K
          </span>
          Keyward <span class="muted org">{viewer.organization.name}</span>
        </p>
        <div class="who">
          <AccountMenu viewer={viewer} onPasswordChanged={() => setAccountNotice('Your password has been changed. Your other sessions have ended.')} />
          <button type="button" class="secondary small" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <nav class="sidebar" aria-label="Settings">
        <p class="nav-title" aria-hidden="true">
          Settings
        </p>
        <ul>
          {sections.map((s) => (
            <li>
              {/* On a key's or an endpoint's own page, its section is where one is rather than the page itself. */}
              <a href={`#/${s.route}`} aria-current={s.route === current ? (itemId ? 'location' : 'page') : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="content">
        <Notice message={accountNotice} onDismiss={() => setAccountNotice(null)} />
        {current === 'keys' && (itemId ? <ApiKeyPage key={itemId} viewer={viewer} id={itemId} /> : <ApiKeysPage viewer={viewer} />)}
        {current === 'members' && <MembersPage viewer={viewer} />}
        {current === 'audit' && <AuditLogPage viewer={viewer} />}
        {current === 'webhooks' &&
          (itemId ? <WebhookPage key={itemId} viewer={viewer} id={itemId} /> : <WebhooksPage viewer={viewer} />)}
        {current === 'organization' && <OrganizationPage viewer={viewer} />}
      </main>
    </div>
  );
}
