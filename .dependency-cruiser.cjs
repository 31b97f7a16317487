/**
 * The layers of src/, as rules (run by `npm test` through `npm run depcruise`). Dependencies
 * point one way: console → (HTTP) → http/app → graphql → services/authenticate (which
 * compose the domains) → domains (keys, members, sessions, audit, organizations, usage, webhooks) → base
 * (auth, db, config, errors, logger, …). The console is a client like any other: it speaks
 * to the server over HTTP only.
 */
// Every other file directly in src/ is base too, so that a new one is held to the strictest rule.
const BASE = '^src/(auth|db)/|^src/(?!(app|main|serve|services|authenticate|tenant)\\.ts$)[^/]+\\.ts$';
const DOMAIN = '^src/(keys|members|sessions|audit|organizations|usage|webhooks|serviceTokens|feed)/|^src/tenant\\.ts$';
const COMPOSITION = '^src/(services|authenticate)\\.ts$';
const GRAPHQL = '^src/graphql/';
const TRANSPORT = '^src/http/|^src/(app|main|serve)\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle makes a layer impossible to read, test or change alone.', from: {}, to: { circular: true } },
    {
      name: 'base-stays-below',
      severity: 'error',
      comment: 'Base modules (auth, db, config, …) know nothing of domains or anything above them.',
      from: { path: BASE },
      to: { path: [DOMAIN, COMPOSITION, GRAPHQL, TRANSPORT, '^src/console/', '^src/scripts/'] },
    },
    {
      name: 'domain-knows-no-transport',
      severity: 'error',
      comment: 'Domain code never imports GraphQL, HTTP or the composition root: it receives what it uses.',
      from: { path: DOMAIN },
      to: { path: [COMPOSITION, GRAPHQL, TRANSPORT, '^src/console/', '^src/scripts/'] },
    },
    {
      name: 'composition-below-transport',
      severity: 'error',
      comment: 'services.ts and authenticate.ts compose the domains, and know nothing of GraphQL or HTTP.',
      from: { path: COMPOSITION },
      to: { path: [GRAPHQL, TRANSPORT, '^src/console/', '^src/scripts/'] },
    },
    {
      name: 'graphql-below-http',
      severity: 'error',
      comment: 'The schema knows nothing of the HTTP server that serves it.',
      from: { path: GRAPHQL },
      to: { path: [TRANSPORT, '^src/console/', '^src/scripts/'] },
    },
    {
      name: 'console-is-a-client',
      severity: 'error',
      comment: 'The admin console imports no server module: it talks to /graphql like any client.',
      from: { path: '^src/console/' },
      to: { path: '^src/', pathNot: '^src/console/' },
    },
    {
      name: 'nothing-imports-the-console',
      severity: 'error',
      comment: 'The server serves the console as files; it does not import its modules.',
      from: { path: '^src/', pathNot: '^src/console/' },
      to: { path: '^src/console/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
