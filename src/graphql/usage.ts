import { usageSeries, type UsageBucket } from '../usage/usageCounts';
import { builder } from './builder';
import { VerificationCodeRef } from './apiKey';
import { tenantOf } from './tenant';

const UsageIntervalRef = builder.enumType('UsageInterval', {
  description: 'The size of a usage bucket; buckets are aligned to UTC.',
  values: ['MINUTE', 'HOUR', 'DAY'] as const,
});

const UsageCountRef = builder.objectRef<UsageBucket['counts'][number]>('UsageCount').implement({
  fields: (t) => ({
    code: t.field({ type: VerificationCodeRef, resolve: (c) => c.code as never }),
    count: t.exposeInt('count'),
  }),
});

const UsageBucketRef = builder.objectRef<UsageBucket>('UsageBucket').implement({
  description: 'Uses in one time bucket: verifyApiKey answers about a key and requests it authenticated, by outcome.',
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime' }),
    total: t.exposeInt('total'),
    counts: t.field({ type: [UsageCountRef], description: 'Each outcome with any use in the bucket.', resolve: (b) => b.counts }),
  }),
});

builder.queryFields((t) => ({
  usage: t.field({
    type: [UsageBucketRef],
    description:
      'Verifications by outcome per time bucket with any use, oldest first: of one key, or of every key of the organization. Visible within 15 s; minutes are kept 2 days, hours 90 days, days 2 years by default.',
    authScopes: { scope: 'api_keys:read' },
    args: {
      apiKeyId: t.arg.id({ description: 'Omit for the whole organization.' }),
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true }),
      interval: t.arg({ type: UsageIntervalRef, defaultValue: 'HOUR' }),
    },
    resolve: (_root, args, ctx) =>
      usageSeries(tenantOf(ctx), {
        apiKeyId: args.apiKeyId == null ? null : String(args.apiKeyId),
        from: args.from,
        to: args.to,
        interval: args.interval ?? 'HOUR',
      }),
  }),
}));
