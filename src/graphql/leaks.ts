import { badInput } from '../errors';
import { reportLeakedKeys } from '../keys/leaks';
import { builder } from './builder';

/** As GitHub's "revoke a list of credentials": enough for any real find, bounded for the database. */
export const MAX_LEAKED_KEYS = 1_000;

builder.mutationField('revokeLeakedApiKeys', (t) =>
  t.boolean({
    description:
      'For anyone who finds Keyward keys exposed: revokes each live key given (at most 1,000), audited as api_key.leaked. Needs no principal, and answers true whatever the keys were: it never says which were real. Limited per client address.',
    authScopes: { public: true },
    args: { keys: t.arg.stringList({ required: true }) },
    resolve: async (_root, { keys }, ctx) => {
      if (keys.length > MAX_LEAKED_KEYS) throw badInput('keys', `at most ${MAX_LEAKED_KEYS} keys per call`);
      // Counted per address before anything is looked up, whatever the keys turn out to be.
      if (ctx.clientIp) await ctx.services.limiter.begin({ leakReportClient: ctx.clientIp });
      await reportLeakedKeys(
        ctx.services.invalidations,
        ctx.services.bcrypt,
        keys.map((token) => ({ token, source: 'public', url: null })),
        { kind: 'ANONYMOUS', id: null, ip: ctx.clientIp },
        'revoke',
      );
      return true;
    },
  }),
);
