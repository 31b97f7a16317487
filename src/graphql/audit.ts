import { auditCursor, listAuditEvents } from '../audit/audit';
import type { AuditEventRow } from '../db/schema';
import { builder } from './builder';
import { connectionType, toConnection } from './connection';
import { tenantOf } from './tenant';

const AuditEventRef = builder.objectRef<AuditEventRow>('AuditEvent').implement({
  description: 'One change in the organization. Holds IDs only, never a secret.',
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e.id) }),
    action: t.exposeString('action', { description: 'e.g. api_key.created, member.login_failed' }),
    actorKind: t.exposeString('actorKind', { description: 'MEMBER, API_KEY, SYSTEM or ANONYMOUS' }),
    actorId: t.exposeString('actorId', { nullable: true }),
    targetId: t.exposeString('targetId', { nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AuditEventConnection = connectionType('AuditEventConnection', AuditEventRef);

builder.queryField('auditEvents', (t) =>
  t.field({
    type: AuditEventConnection,
    description: "The organization's audit log, newest first.",
    authScopes: { scope: 'audit_log:read' },
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const tenant = tenantOf(ctx);
      return toConnection(await listAuditEvents(tenant.db, tenant.organizationId, args), auditCursor);
    },
  }),
);
