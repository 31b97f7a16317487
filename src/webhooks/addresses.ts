import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The SSRF guard of webhook delivery (SPEC §10): an organization chooses the URL, Keyward
 * makes the request, so a URL must not be a way into the operator's own network. Only
 * addresses of ipaddr.js's `unicast` range are public; everything it names — loopback,
 * private, link-local, unique-local, carrier-grade NAT, reserved and documentation ranges,
 * multicast, broadcast, unspecified, and the IPv6 transition ranges (6to4, Teredo, …) — is
 * refused. An IPv4 address inside IPv6 (`::ffff:10.0.0.1`, NAT64's `64:ff9b::/96`) is judged
 * by the IPv4 address it carries: that is where the packet goes.
 *
 * The check runs where the connection is made (`guardedLookup` is http.request's `lookup`),
 * on the very addresses the socket then connects to, so a name that resolved to a public
 * address when the endpoint was saved and to 127.0.0.1 now (DNS rebinding) is still refused.
 */

/** The IPv4 address an IPv6 address carries and is delivered to, if it is one of those forms. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = address.range();
  const wellKnownNat64 = address.match(ipaddr.IPv6.parse('64:ff9b::'), 96);
  if (range !== 'ipv4Mapped' && range !== 'rfc6145' && !wellKnownNat64) return null;
  const bytes = address.toByteArray().slice(12);
  return new ipaddr.IPv4(bytes);
}

/** True when `ip` (a textual IPv4 or IPv6 address) is a public unicast address. */
export function isPublicAddress(ip: string): boolean {
  // Only canonical forms (what resolvers answer and URL parsers produce); ipaddr.js alone
  // would also read `0x7f.1` or `2130706433` as addresses.
  if (isIP(ip) === 0) return false;
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.parse(ip);
  } catch {
    return false;
  }
  if (address.kind() === 'ipv6') {
    const inner = embeddedIPv4(address as ipaddr.IPv6);
    if (inner) return inner.range() === 'unicast';
  }
  return address.range() === 'unicast';
}

/** A name resolver: every address of `hostname`, as `dns.lookup(…, { all: true })` answers. */
export type Resolver = (hostname: string, family: 0 | 4 | 6) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname, family) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, family, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/** What a delivery refused to connect to; the message names the host, never the address it resolved to. */
export class RefusedAddressError extends Error {
  readonly code = 'EADDRREFUSED';
  constructor(hostname: string) {
    super(`${hostname} resolves to a loopback, private or otherwise non-public address`);
    this.name = 'RefusedAddressError';
  }
}

function familyOf(options: LookupOptions): 0 | 4 | 6 {
  const family = options.family;
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return 0;
}

/**
 * http(s).request's `lookup`: resolves the host, and fails the connection when any of its
 * addresses is not public (all of them: the socket may try each one, Happy Eyeballs). The
 * callback gets the addresses checked here, so nothing is resolved twice. Node calls
 * `lookup` only for names: `isRefusedHost` covers a URL whose host is an address.
 */
export function guardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, familyOf(options)).then(
      (addresses) => {
        if (addresses.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
          error.code = 'ENOTFOUND';
          return callback(error, '');
        }
        if (!addresses.every((a) => isPublicAddress(a.address))) return callback(new RefusedAddressError(hostname), '');
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/** The host of a URL without IPv6 brackets, as `isIP` and `lookup` take it. */
export const bareHost = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Refuses a host that is an address and not public, and the names that are loopback by
 * definition (`localhost`, `*.localhost`, RFC 6761); any other name is judged when it is
 * resolved, at delivery.
 */
export function isRefusedHost(host: string): boolean {
  if (isIP(host) !== 0) return !isPublicAddress(host);
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
