import type { MemberRow } from '../db/schema';
import * as members from '../members/members';
import { builder } from './builder';
import { connectionType, toConnection } from './connection';
import { tenantOf } from './tenant';

export const MemberRoleRef = builder.enumType('MemberRole', {
  values: {
    OWNER: { description: 'Every scope, and the only role that manages owners.' },
    ADMIN: { description: 'Every scope.' },
    VIEWER: { description: 'Every :read scope.' },
  } as const,
});

export const MemberRef = builder.objectRef<MemberRow>('Member').implement({
  description: 'A person in the organization.',
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.field({ type: MemberRoleRef, resolve: (m) => m.role }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const MemberConnection = connectionType('MemberConnection', MemberRef);

builder.queryField('members', (t) =>
  t.field({
    type: MemberConnection,
    description: 'The members of the organization, oldest first.',
    authScopes: { scope: 'members:read' },
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: async (_root, args, ctx) => toConnection(await members.listMembers(tenantOf(ctx), args), members.memberCursor),
  }),
);

const AddMemberInput = builder.inputType('AddMemberInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: MemberRoleRef, required: true }),
    password: t.string({ required: true, description: '12 to 128 characters.' }),
  }),
});

const payload = (name: string) =>
  builder.objectRef<{ member: MemberRow }>(name).implement({
    fields: (t) => ({ member: t.field({ type: MemberRef, resolve: (p) => p.member }) }),
  });
const AddMemberPayload = payload('AddMemberPayload');
const UpdateMemberRolePayload = payload('UpdateMemberRolePayload');
const RemoveMemberPayload = payload('RemoveMemberPayload');

builder.mutationFields((t) => ({
  addMember: t.field({
    type: AddMemberPayload,
    description: 'Adds a person to the organization. Only an owner adds an owner.',
    authScopes: { scope: 'members:write' },
    args: { input: t.arg({ type: AddMemberInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({ member: await members.addMember(tenantOf(ctx), ctx.services.passwords, input) }),
  }),
  updateMemberRole: t.field({
    type: UpdateMemberRolePayload,
    description: 'Changes a role. Only an owner makes or demotes an owner; the last owner stays one.',
    authScopes: { scope: 'members:write' },
    args: { id: t.arg.id({ required: true }), role: t.arg({ type: MemberRoleRef, required: true }) },
    resolve: async (_root, { id, role }, ctx) => ({
      member: await members.updateMemberRole(tenantOf(ctx), String(id), role),
    }),
  }),
  removeMember: t.field({
    type: RemoveMemberPayload,
    description: 'Removes a person and ends their sessions. The last owner cannot be removed.',
    authScopes: { scope: 'members:write' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => ({ member: await members.removeMember(tenantOf(ctx), String(id)) }),
  }),
}));
