import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, stop } from 'esbuild';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger';
import { pagePolicy, setPageHeaders } from './securityHeaders';

/**
 * The admin console at /console/ (GET / redirects there), served by this process from
 * src/console. Its TypeScript is bundled by esbuild in memory on the first request, in
 * well under a second, so `npm start` and `npm test` need no build step; the bundle is kept
 * for the life of the process. Also the security headers of the HTML pages this server
 * renders: the console and GraphiQL.
 */

const SOURCE = path.resolve(__dirname, '../console');

interface Asset {
  body: string;
  type: string;
}

/**
 * esbuild builds in a child process that it keeps for the next build. There is none: the
 * console is bundled once per process. So it is stopped at once rather than idling beside
 * the server for its whole life. The stylesheet is bundled too: the console's own and those
 * of the libraries it imports (uPlot's), in the order the modules import them.
 */
async function bundle(): Promise<{ script: string; style: string }> {
  try {
    const result = await build({
      entryPoints: [path.join(SOURCE, 'main.tsx')],
      tsconfig: path.join(SOURCE, 'tsconfig.json'),
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
      outfile: 'app.js',
    });
    const output = (extension: string) => result.outputFiles.find((file) => file.path.endsWith(extension))!.text;
    return { script: output('.js'), style: output('.css') };
  } finally {
    await stop();
  }
}

async function bundleConsole(): Promise<Map<string, Asset>> {
  const [{ script, style: css }, html, icon] = await Promise.all([
    bundle(),
    readFile(path.join(SOURCE, 'index.html'), 'utf8'),
    readFile(path.join(SOURCE, 'favicon.svg'), 'utf8'),
  ]);
  return new Map([
    ['/console/', { body: html, type: 'text/html; charset=utf-8' }],
    ['/console/app.js', { body: script, type: 'text/javascript; charset=utf-8' }],
    ['/console/app.css', { body: css, type: 'text/css; charset=utf-8' }],
    ['/console/favicon.svg', { body: icon, type: 'image/svg+xml' }],
  ]);
}

/** The console runs only its own bundle and talks only to this origin; no inline script or style. */
const CONSOLE_CSP = pagePolicy(["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'"]);

/** One bundle per process, whatever the number of apps: the source does not change while it runs. */
let assets: Promise<Map<string, Asset>> | undefined;
function loadAssets(): Promise<Map<string, Asset>> {
  assets ??= bundleConsole().catch((error: unknown) => {
    assets = undefined; // a fixed source bundles on the next request
    throw error;
  });
  return assets;
}

export function consolePlugin(options: { logger: Logger; graphiqlPolicy: () => string | undefined; graphqlEndpoint: string }): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === '/' || url.pathname === '/console') {
        endResponse(new fetchAPI.Response(null, { status: 302, headers: { location: '/console/' } }));
        return;
      }
      if (!url.pathname.startsWith('/console/')) return;

      let asset: Asset | undefined;
      try {
        asset = (await loadAssets()).get(url.pathname);
      } catch (error) {
        options.logger.error({ err: error }, 'cannot bundle the console');
        endResponse(new fetchAPI.Response('The console could not be built; see the server log.', { status: 500 }));
        return;
      }
      if (!asset) {
        endResponse(new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
        return;
      }
      const response = new fetchAPI.Response(request.method === 'HEAD' ? null : asset.body, {
        headers: { 'content-type': asset.type, 'cache-control': 'no-cache' },
      });
      setPageHeaders(response.headers, CONSOLE_CSP);
      endResponse(response);
    },
    onResponse({ request, response }) {
      // GraphiQL's page, rendered by Yoga on a GET of the endpoint that accepts HTML. The
      // cheap checks come first: this runs after every GraphQL request.
      if (request.method !== 'GET' || !response.headers.get('content-type')?.startsWith('text/html')) return;
      const policy = options.graphiqlPolicy();
      if (policy && new URL(request.url).pathname === options.graphqlEndpoint) setPageHeaders(response.headers, policy);
    },
  };
}
