import { useEffect, useState } from 'preact/hooks';
import { request } from './api';
import { formatDateTime } from './format';
import { AuditEventsQuery, MembersQuery } from './operations';
import { nodesOf, usePaged } from './paged';
import type { Viewer } from './session';
import { FormError, LoadMore, PageHeader, TableRegion } from './ui';

const ACTOR_KIND: Record<string, string> = { MEMBER: 'Member', API_KEY: 'API key', SYSTEM: 'System', ANONYMOUS: 'Anonymous' };

export function AuditLogPage({ viewer }: { viewer: Viewer }) {
  const list = usePaged(async (after) => nodesOf((await request(AuditEventsQuery, { first: 25, after })).auditEvents), []);
  // Events hold IDs only; members are shown by email when the viewer may list them.
  const [emails, setEmails] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!viewer.scopes.includes('members:read')) return;
    request(MembersQuery, { first: 100 })
      .then(({ members }) => setEmails(new Map(members.edges.map((e) => [e.node.id, e.node.email]))))
      .catch(() => undefined); // IDs are still shown; the list's own error says what is wrong
  }, []);
  const who = (id: string | null | undefined) => (id ? (emails.get(id) ?? id) : null);
  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Audit log" description="Every change in the organization, newest first. It records IDs, never a secret." />
      <FormError message={list.error} />
      <TableRegion label="Audit log">
        <table class="cards" aria-label="Audit log">
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
                <td data-label="Action">
                  <code>{event.action}</code>
                </td>
                <td data-label="Actor">
                  <div>
                    {ACTOR_KIND[event.actorKind] ?? event.actorKind}
                    {event.actorId && <span class="muted sub">{who(event.actorId)}</span>}
                  </div>
                </td>
                <td data-label="Target">{who(event.targetId) ?? '—'}</td>
                <td data-label="Address">{event.ip ?? '—'}</td>
                <td data-label="Time">{formatDateTime(event.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {!list.loading && list.items.length === 0 && <p class="empty">Nothing recorded yet.</p>}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.more} />
    </section>
  );
}
