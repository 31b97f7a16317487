import { request } from './api';
import { formatDateTime } from './format';
import { AuditEventsQuery } from './operations';
import { nodesOf, usePaged } from './paged';
import { FormError, LoadMore, PageHeader, TableRegion } from './ui';

const ACTOR_KIND: Record<string, string> = { MEMBER: 'Member', API_KEY: 'API key', SYSTEM: 'System', ANONYMOUS: 'Anonymous' };

export function AuditLogPage() {
  const list = usePaged(async (after) => nodesOf((await request(AuditEventsQuery, { first: 25, after })).auditEvents), []);
  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Audit log" description="Every change in the organization, newest first. It records IDs, never a secret." />
      <FormError message={list.error} />
      <TableRegion label="Audit log">
        <table class="cards">
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
                  {ACTOR_KIND[event.actorKind] ?? event.actorKind}
                  {event.actorId && <span class="muted"> {event.actorId}</span>}
                </td>
                <td data-label="Target">{event.targetId ?? '—'}</td>
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
