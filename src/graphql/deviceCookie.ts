import type { Plugin } from 'graphql-yoga';
import type { RememberedDevice } from '../members/trustedDevices';

/**
 * The device token of members/trustedDevices.ts travels as an HttpOnly cookie, so a browser
 * keeps and presents it with no script seeing it; other clients keep it like any cookie
 * (`curl -c/-b`). SameSite=Strict: no other site's page makes a browser send it.
 */
const DEVICE_COOKIE = 'kw_device';

const toSet = new WeakMap<Request, RememberedDevice>();

/** Yoga merges its own context (with the HTTP request) into the one app.ts builds. */
const requestOf = (ctx: object): Request => (ctx as { request: Request }).request;

/** The device token the request presents, if any. */
export function deviceTokenOf(ctx: object): string | null {
  const request = requestOf(ctx);
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === DEVICE_COOKIE) return part.slice(at + 1).trim() || null;
  }
  return null;
}

/** Sets the cookie on this request's response (a sign-in resolver has no response of its own). */
export function keepDevice(ctx: object, device: RememberedDevice): void {
  toSet.set(requestOf(ctx), device);
}

export function deviceCookiePlugin(path: string): Plugin {
  return {
    onResponse({ request, response }) {
      const device = toSet.get(request);
      if (!device) return;
      const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
      response.headers.append(
        'set-cookie',
        `${DEVICE_COOKIE}=${device.token}; Path=${path}; Expires=${device.expiresAt.toUTCString()}; HttpOnly; SameSite=Strict${secure}`,
      );
    },
  };
}
