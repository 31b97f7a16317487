import type { Plugin } from 'graphql-yoga';
import type { RememberedDevice } from '../members/trustedDevices';

/**
 * The device token of members/trustedDevices.ts travels as an HttpOnly cookie, so a browser
 * keeps and presents it with no script seeing it; other clients keep it like any cookie
 * (`curl -c/-b`). SameSite=Strict: no other site's page makes a browser send it.
 */
export const DEVICE_COOKIE = 'kw_device';

const toSet = new WeakMap<Request, RememberedDevice>();

/** The device token the request presents, if any. */
export function deviceTokenOf(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === DEVICE_COOKIE) return part.slice(at + 1).trim() || null;
  }
  return null;
}

/** Sets the cookie on this request's response (a sign-in resolver has no response of its own). */
export function keepDevice(request: Request, device: RememberedDevice): void {
  toSet.set(request, device);
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
