import { useEffect, useState } from 'preact/hooks';
import { request } from './api';
import { AuditEventsQuery, MembersQuery } from './operations';
import { nodesOf, usePaged, type Page } from './paged';
import type { Viewer } from './session';
import { Clipped, Field, FormError, LoadMore, NoMatch, PageHeader, TableRegion, Time } from './ui';

const ACTOR_KIND: Record<string, string> = { MEMBER: 'Member', API_KEY: 'API key', SYSTEM: 'System', ANONYMOUS: 'Anonymous' };

/** The actions a filter may pick, by the name people know them by (the API's own name is the value). */
const ACTIONS: [action: string, words: string][] = [
  ['api_key.created', 'Key created'],
  ['api_key.updated', 'Key edited'],
  ['api_key.rotated', 'Key rotated'],
  ['api_key.revoked', 'Key revoked'],
  ['api_key.leaked', 'Key reported exposed'],
  ['member.added', 'Member added'],
  ['member.role_changed', 'Role changed'],
  ['member.removed', 'Member removed'],
  ['member.password_changed', 'Password changed'],
  ['member.login', 'Signed in'],
  ['member.login_failed', 'Sign-in failed'],
  ['organization.created', 'Organization created'],
  ['organization.updated', 'Settings changed'],
  ['webhook.created', 'Endpoint added'],
  ['webhook.updated', 'Endpoint edited'],
  ['webhook.deleted', 'Endpoint deleted'],
  ['webhook.disabled', 'Endpoint stopped by Keyward'],
];

/** Every member, for the Actor filter: the whole list, page after page, however long it is. */
async function allMembers(): Promise<{ id: string; email: string }[]> {
  const all: { id: string; email: string }[] = [];
  for (let after: string | null = null; ; ) {
    const page: Page<{ id: string; email: string }> = nodesOf((await request(MembersQuery, { first: 100, after })).members);
    all.push(...page.nodes);
    if (!page.hasNextPage || !page.endCursor) return all;
    after = page.endCursor;
  }
}

/** The log as the API words it: what happened, who did it and to what, by name (AuditEvent.summary, actorName, targetName). */
export function AuditLogPage({ viewer }: { viewer: Viewer }) {
  const [action, setAction] = useState('');
  const [actorId, setActorId] = useState('');
  const list = usePaged(
    async (after) => {
      const filter = { ...(action ? { action } : {}), ...(actorId ? { actorId } : {}) };
      return nodesOf((await request(AuditEventsQuery, { first: 25, after, filter })).auditEvents);
    },
    [action, actorId],
  );
  // The Actor filter offers members by email, when the viewer may list them.
  const [members, setMembers] = useState<{ id: string; email: string }[] | null>(null);
  useEffect(() => {
    if (!viewer.scopes.includes('members:read')) return;
    allMembers()
      .then(setMembers)
      .catch(() => undefined); // the filter stays away; the list's own error says what is wrong
  }, []);

  const clearFilters = () => {
    setAction('');
    setActorId('');
    document.querySelector<HTMLElement>('.toolbar select')?.focus();
  };
  // As on the keys page: what the list shows was loaded for these filters, so while the
  // next filters load, an empty result keeps its words instead of turning into an empty table.
  const [shownAction, shownActor] = list.loadedFor ?? [action, actorId];
  const filtered = Boolean(shownAction || shownActor);
  const empty = list.loadedFor !== null && !list.error && list.items.length === 0;

  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Audit log" description="Every change in the organization, newest first. It never records a secret." />
      <div class="toolbar">
        <Field label="Action">
          {(props) => (
            <select {...props} value={action} onChange={(e) => setAction(e.currentTarget.value)}>
              <option value="">All actions</option>
              {ACTIONS.map(([value, words]) => (
                <option value={value}>{words}</option>
              ))}
            </select>
          )}
        </Field>
        {members && (
          <Field label="Actor">
            {(props) => (
              <select {...props} value={actorId} onChange={(e) => setActorId(e.currentTarget.value)}>
                <option value="">Anyone</option>
                {members.map((m) => (
                  <option value={m.id}>{m.email}</option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <FormError message={list.error} />
      {empty ? (
        filtered ? (
          <NoMatch what="No event matches these filters." onClear={clearFilters} />
        ) : (
          <p class="empty">Nothing recorded yet.</p>
        )
      ) : (
        <TableRegion label="Audit log">
          <table class="audit-table" aria-label="Audit log">
            <colgroup>
              <col class="col-action" />
              <col class="col-actor" />
              <col class="col-target" />
              <col class="col-address" />
              <col class="col-time" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Actor</th>
                <th scope="col">Target</th>
                <th scope="col">Address</th>
                <th scope="col">Time</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((event) => (
                <tr key={event.id}>
                  <td class="cell-summary">
                    <div>
                      <Clipped className="strong" text={event.summary} />
                      <code class="muted sub">{event.action}</code>
                    </div>
                  </td>
                  <td class="cell-actor" data-label="By">
                    <div>
                      <Clipped text={event.actorName ?? ACTOR_KIND[event.actorKind] ?? event.actorKind} />
                      {event.actorName && <span class="muted sub">{ACTOR_KIND[event.actorKind] ?? event.actorKind}</span>}
                    </div>
                  </td>
                  <td class="cell-target" data-label="Target">
                    {event.targetName ? <Clipped text={event.targetName} /> : <span class="muted">—</span>}
                  </td>
                  <td class="cell-address" data-label="From">
                    {event.ip ? <Clipped text={event.ip} /> : <span class="muted">—</span>}
                  </td>
                  <td class="cell-time" data-label="At">
                    <Time iso={event.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.more} />
    </section>
  );
}
