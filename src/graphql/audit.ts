import { auditCursor, describeAuditEvents, listAuditEvents, type DescribedAuditEvent } from '../audit/audit';
import { builder } from './builder';
import { connectionType, toConnection } from './connection';
import { tenantOf } from './tenant';

const AuditEventRef = builder.objectRef<DescribedAuditEvent>('AuditEvent').implement({
  description: 'One change in the organization. Holds IDs, and names them for people; never a secret.',
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e.id) }),
    action: t.exposeString('action', { description: 'e.g. api_key.created, member.login_failed' }),
    summary: t.exposeString('summary', { description: 'What happened, in words: e.g. Revoked key "Billing worker".' }),
    actorKind: t.exposeString('actorKind', { description: 'MEMBER, API_KEY, SYSTEM or ANONYMOUS' }),
    actorId: t.exposeString('actorId', { nullable: true }),
    actorName: t.exposeString('actorName', {
      nullable: true,
      description: 'The member’s email, the key’s name, or Keyward itself; null for an anonymous caller or one removed since.',
    }),
    targetId: t.exposeString('targetId', { nullable: true }),
    targetName: t.exposeString('targetName', {
      nullable: true,
      description: 'The key’s name, the member’s email or the organization’s name; null when there is none, it was removed since, or it is the actor itself (a sign-in).',
    }),
    ip: t.exposeString('ip', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    count: t.exposeInt('count', {
      description: 'How many times it happened: failed sign-ins into one account within 15 minutes are one event with a count (from the first address; see lastAt).',
    }),
    lastAt: t.expose('lastAt', { type: 'DateTime', nullable: true, description: 'When it last happened, for an event with a count above 1.' }),
  }),
});

const AuditEventConnection = connectionType('AuditEventConnection', AuditEventRef);

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    action: t.string({ description: 'Only this action, e.g. api_key.revoked.' }),
    actorId: t.string({ description: 'Only what this actor did (a member’s or key’s ID).' }),
  }),
});

builder.queryField('auditEvents', (t) =>
  t.field({
    type: AuditEventConnection,
    description: "The organization's audit log, newest first.",
    authScopes: { scope: 'audit_log:read' },
    args: { first: t.arg.int(), after: t.arg.string(), filter: t.arg({ type: AuditEventFilter }) },
    resolve: async (_root, args, ctx) => {
      const tenant = tenantOf(ctx);
      const page = await listAuditEvents(tenant.db, tenant.organizationId, args);
      // The names for the whole page at once: one query per kind, not one per event.
      const nodes = await describeAuditEvents(tenant.db, tenant.organizationId, page.nodes);
      return toConnection({ ...page, nodes }, auditCursor);
    },
  }),
);
