import { createHash } from 'node:crypto';
import type { GraphiQLOptions } from 'graphql-yoga';
import { pagePolicy } from './securityHeaders';

/**
 * GraphiQL from @graphql-yoga/render-graphiql: its JavaScript, CSS, fonts and workers are
 * inlined in the page, so it works with no request to any other host (Yoga's default page
 * loads them from a CDN and stays blank offline). It opens with Keyward's first steps, one
 * per tab, so that each tab holds exactly one operation and Run runs it as shown.
 */

const PLACEHOLDER_HEADERS = JSON.stringify({ Authorization: 'Bearer paste-the-token-from-step-1' }, null, 2);

export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: 'Keyward',
  // A session token typed into the Headers pane stays in this tab, not in localStorage.
  shouldPersistHeaders: false,
  defaultTabs: [
    {
      // Literals, not variables, in every step: GraphiQL does not load the first tab's
      // variables (graphql/graphiql#3392), and a literal is one pane less to look for.
      query: `# Welcome to Keyward. Step 1 of 3: sign in.
# The first start printed the password of
# admin@localhost once: paste it below, then Run.
mutation SignIn {
  login(
    email: "admin@localhost"
    password: "paste the printed password"
  ) {
    token
    member { email role }
  }
}
`,
    },
    {
      query: `# Step 2 of 3: send the token, create a key.
# In Headers below, replace the placeholder
# with the token from step 1, then Run.
# Copy \`secret\` at once: it is the full key,
# shown this one time and never again.
mutation CreateKey {
  createApiKey(
    input: { name: "My first key", access: READ_ONLY }
  ) {
    secret
    apiKey { id name access lastFour status createdAt }
  }
}
`,
      headers: PLACEHOLDER_HEADERS,
    },
    {
      query: `# Step 3 of 3: the list an admin sees, newest
# first (put the same header in Headers below).
# Only the ID and last four are ever shown again.
query ListKeys {
  apiKeys(first: 20) {
    totalCount
    edges { node { id name lastFour status createdAt createdBy lastUsedAt } }
  }
}
`,
      headers: PLACEHOLDER_HEADERS,
    },
  ],
};

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** Two of GraphiQL's greys fail WCAG AA contrast (axe, serious): the logo text and Monaco's dimmed last line number. */
const CONTRAST_FIXES =
  '.graphiql-logo,.graphiql-logo *{color:hsl(var(--color-neutral))}' +
  '.monaco-editor .line-numbers.dimmed-line-number{color:#4b5563!important}';

/**
 * Renders the page once (it is 5 MB and never changes while the process runs) and
 * derives its Content-Security-Policy: the page's own inline script is allowed by its
 * SHA-256 hash rather than by 'unsafe-inline', so no injected script could run.
 * Monaco needs inline styles and starts its workers from blob: URLs; fonts and icons
 * are data: URLs. Nothing may be loaded from, sent to or framed by another origin.
 */
export function offlineGraphiQL() {
  let page: { html: string; contentSecurityPolicy: string } | undefined;
  const build = (options: GraphiQLOptions) => {
    // Loaded on the first visit, not at start: the 5 MB bundle takes ~0.4 s to load.
    const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as typeof import('@graphql-yoga/render-graphiql');
    const html = renderGraphiQL(options).replace('</head>', `<style>${CONTRAST_FIXES}</style></head>`);
    const hashes = [...html.matchAll(INLINE_SCRIPT)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
    const contentSecurityPolicy = pagePolicy([
      "default-src 'self'",
      `script-src 'self' ${hashes.join(' ')}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "worker-src 'self' blob:",
      "connect-src 'self'",
    ]);
    return { html, contentSecurityPolicy };
  };
  return {
    render: (options: GraphiQLOptions) => (page ??= build(options)).html,
    /** Known once the page has been rendered, which happens before its response is sent. */
    contentSecurityPolicy: () => page?.contentSecurityPolicy,
  };
}
