import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../config';

/**
 * The client's address, for limits and the audit log. Without TRUST_PROXY it is the
 * socket's peer: X-Forwarded-For is then anyone's to write and is ignored. With it,
 * proxy-addr walks X-Forwarded-For from the nearest hop and stops at the first address
 * that is not a trusted proxy, so a client cannot choose its own address by sending
 * the header itself.
 */
export type ClientAddress = (headers: Pick<Headers, 'get'>, peer: string | undefined) => string | null;

export function clientAddressResolver(trust: TrustProxy): ClientAddress {
  if (trust.kind === 'none') return (_headers, peer) => normalize(peer);
  const trusts: (address: string, hop: number) => boolean =
    trust.kind === 'all'
      ? () => true
      : trust.kind === 'hops'
        ? (_address, hop) => hop < trust.hops
        : proxyaddr.compile(trust.addresses);
  return (headers, peer) => {
    if (!peer) return null;
    const forwarded = headers.get('x-forwarded-for') ?? undefined;
    // proxy-addr reads a Node request; these two fields are all it looks at.
    const request = { headers: { 'x-forwarded-for': forwarded }, connection: { remoteAddress: peer }, socket: { remoteAddress: peer } };
    return normalize(proxyaddr(request as never, trusts));
  };
}

/** IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d; the audit log shows a.b.c.d. */
function normalize(address: string | undefined): string | null {
  if (!address) return null;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
