import { login, signUp, type LoginResult } from '../members/login';
import { changePassword } from '../members/members';
import { endSession } from '../sessions/sessions';
import { builder } from './builder';
import { deviceTokenOf, keepDevice } from './deviceCookie';
import { MemberRef } from './member';
import { tenantOf } from './tenant';

const LoginPayload = builder.objectRef<LoginResult>('LoginPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', {
      description: 'The session token, shown once: send it as `Authorization: Bearer <token>`.',
    }),
    member: t.field({ type: MemberRef, resolve: (p) => p.member }),
  }),
});

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    organization: t.string({ required: true }),
    name: t.string({ required: true }),
    email: t.string({ required: true }),
    password: t.string({ required: true, description: '12 to 128 characters.' }),
  }),
});

builder.mutationFields((t) => ({
  signUp: t.field({
    type: LoginPayload,
    description: 'Creates an organization and its owner, signed in. Only when the server allows sign-up.',
    authScopes: { public: true },
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const deps = { db: ctx.services.database.db, passwords: ctx.services.passwords, allowSignup: ctx.services.config.allowSignup };
      const result = await signUp(deps, input, ctx.clientIp);
      keepDevice(ctx, result.device);
      return result;
    },
  }),
  login: t.field({
    type: LoginPayload,
    description: '`organization` is needed only when the email belongs to members of several organizations.',
    authScopes: { public: true },
    args: {
      email: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
      organization: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const deps = { db: ctx.services.database.db, passwords: ctx.services.passwords, limiter: ctx.services.limiter };
      const result = await login(deps, { ...args, deviceToken: deviceTokenOf(ctx) }, ctx.clientIp);
      keepDevice(ctx, result.device);
      return result;
    },
  }),
  logout: t.boolean({
    description: 'Ends the session that makes this request.',
    authScopes: { member: true },
    resolve: async (_root, _args, ctx) => {
      const { principal } = tenantOf(ctx);
      if (principal.kind !== 'MEMBER') return false;
      await endSession(ctx.services.invalidations, principal.sessionId);
      return true;
    },
  }),
  changePassword: t.boolean({
    description: "Changes the signed-in member's own password and ends their other sessions.",
    authScopes: { member: true },
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      await changePassword(tenantOf(ctx), ctx.services, args.currentPassword, args.newPassword);
      return true;
    },
  }),
}));
