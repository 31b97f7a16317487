import type { Plugin } from 'graphql-yoga';
import type { DatabaseHandle } from '../db/open';

/**
 * GET /health: the process answers (no database). GET /ready: the database answers and
 * every migration is applied, so a load balancer sends traffic only to instances that
 * can serve it.
 */
export function healthPlugin(database: DatabaseHandle): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET') return;
      if (url.pathname === '/health') {
        endResponse(fetchAPI.Response.json({ status: 'ok' }));
      } else if (url.pathname === '/ready') {
        const ready = await database.isReady();
        endResponse(fetchAPI.Response.json({ status: ready ? 'ready' : 'unavailable' }, { status: ready ? 200 : 503 }));
      }
    },
  };
}
