import ipaddr from 'ipaddr.js';
import type { CreditRefill, RateLimitRule } from '../db/schema';
import { badInput } from '../errors';
import { characterCount } from '../validation';

/**
 * A key's usage controls (SPEC §9) as input: checked and normalized here, before anything
 * is written, each refusal naming the input field. Pure: no database, no GraphQL.
 */

export type { CreditRefill, RateLimitRule };

export const MAX_RATE_LIMITS = 10;
export const MAX_ALLOWED_IPS = 100;
export const MAX_DURATION_SECONDS = 86_400;
export const MAX_META_BYTES = 8 * 1024;
export const MAX_META_DEPTH = 5;
/** Credits and limits are counted in PostgreSQL integers; nothing sells more uses than this. */
export const MAX_COUNT = 1_000_000_000;
const NAME = /^[A-Za-z0-9_.:-]{1,64}$/;
const OWNER_MAX = 200;

export interface RateLimitInput {
  name: string;
  limit: number;
  durationSeconds: number;
  autoApply?: boolean | null;
  cost?: number | null;
  shared?: boolean | null;
}

export interface CreditsInput {
  remaining: number;
  refill?: { interval: 'DAILY' | 'MONTHLY'; amount: number; dayOfMonth?: number | null } | null;
}

function count(field: string, value: number, min: number, max = MAX_COUNT): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

export function rateLimitRules(list: readonly RateLimitInput[]): RateLimitRule[] {
  if (list.length > MAX_RATE_LIMITS) throw badInput('rateLimits', `a key has at most ${MAX_RATE_LIMITS} rate limits`);
  const names = new Set<string>();
  return list.map((rule) => {
    if (!NAME.test(rule.name)) throw badInput('name', 'a rate limit name is 1–64 letters, digits or _ . : -');
    if (names.has(rule.name)) throw badInput('name', `two rate limits are named "${rule.name}"`);
    names.add(rule.name);
    return {
      name: rule.name,
      limit: count('limit', rule.limit, 1),
      durationSeconds: count('durationSeconds', rule.durationSeconds, 1, MAX_DURATION_SECONDS),
      autoApply: rule.autoApply ?? true,
      cost: count('cost', rule.cost ?? 1, 1),
      shared: rule.shared ?? false,
    };
  });
}

export function creditsOf(input: CreditsInput): { remaining: number; refill: CreditRefill | null } {
  const remaining = count('remaining', input.remaining, 0);
  const refill = input.refill;
  if (!refill) return { remaining, refill: null };
  const amount = count('amount', refill.amount, 1);
  if (refill.interval === 'DAILY') {
    if (refill.dayOfMonth != null) throw badInput('dayOfMonth', 'is for a MONTHLY refill only');
    return { remaining, refill: { interval: 'DAILY', amount, dayOfMonth: null } };
  }
  return { remaining, refill: { interval: 'MONTHLY', amount, dayOfMonth: count('dayOfMonth', refill.dayOfMonth ?? 1, 1, 31) } };
}

/** Addresses and CIDR ranges in their normal form (`10.0.0.0/8`, `2001:db8::/32`), duplicates dropped. */
export function allowedIpList(list: readonly string[]): string[] {
  if (list.length > MAX_ALLOWED_IPS) throw badInput('allowedIps', `a key allows at most ${MAX_ALLOWED_IPS} addresses or ranges`);
  const normal = list.map((entry) => {
    const text = entry.trim();
    const [address, bits] = text.split('/') as [string, string | undefined];
    // Plain dotted quads only: ipaddr.js also reads `0x7f.1` and `127.1`, which nobody means here.
    if (!ipaddr.IPv4.isValidFourPartDecimal(address) && !ipaddr.IPv6.isValid(address)) {
      throw badInput('allowedIps', `"${text.slice(0, 60)}" is not an IPv4 or IPv6 address or CIDR range`);
    }
    if (bits === undefined) return unmapped(ipaddr.parse(address)).toString();
    try {
      const [range, prefix] = ipaddr.parseCIDR(text);
      return `${networkOf(range, prefix)}/${prefix}`;
    } catch {
      throw badInput('allowedIps', `"${text.slice(0, 60)}" has a prefix length its address family does not allow`);
    }
  });
  return [...new Set(normal)];
}

function unmapped(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

/** The range's first address: `10.1.2.3/8` is stored as `10.0.0.0/8`. */
function networkOf(address: ipaddr.IPv4 | ipaddr.IPv6, bits: number): string {
  const bytes = address.toByteArray();
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    bytes[i] = bytes[i]! & ((0xff << (8 - keep)) & 0xff);
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/** A matcher over a key's allowed addresses, built once per cached key. */
export function ipMatcher(allowed: readonly string[]): (ip: string | null | undefined) => boolean {
  const ranges = allowed.map((entry) =>
    entry.includes('/') ? ipaddr.parseCIDR(entry) : ([ipaddr.parse(entry), ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128] as const),
  );
  return (ip) => {
    if (!ip || !ipaddr.isValid(ip)) return false;
    const address = unmapped(ipaddr.parse(ip));
    return ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range as never, bits));
  };
}

/** A JSON object of at most 8 KB and 5 levels; anything else is refused, naming `meta`. */
export function metaOf(meta: unknown): Record<string, unknown> {
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) throw badInput('meta', 'must be a JSON object');
  const depth = (value: unknown): number =>
    value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value as object).map(depth)) : 0;
  if (depth(meta) > MAX_META_DEPTH) throw badInput('meta', `must be at most ${MAX_META_DEPTH} levels deep`);
  if (Buffer.byteLength(JSON.stringify(meta)) > MAX_META_BYTES) throw badInput('meta', `must be at most ${MAX_META_BYTES} bytes as JSON`);
  return meta as Record<string, unknown>;
}

export function ownerOf(owner: string): string {
  const text = owner.trim();
  if (text.length === 0 || characterCount(text) > OWNER_MAX) throw badInput('owner', `must be 1 to ${OWNER_MAX} characters`);
  return text;
}

/**
 * The start of the refill period `at` falls in (UTC): today's midnight for DAILY; for
 * MONTHLY, the latest `dayOfMonth` (or the month's last day, when shorter) at midnight.
 */
export function refillPeriodStart(refill: CreditRefill, at: number): number {
  const now = new Date(at);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  if (refill.interval === 'DAILY') return Date.UTC(y, m, now.getUTCDate());
  const dayIn = (year: number, month: number) => Math.min(refill.dayOfMonth ?? 1, new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
  const thisMonth = Date.UTC(y, m, dayIn(y, m));
  return thisMonth <= at ? thisMonth : Date.UTC(y, m - 1, dayIn(y, m - 1));
}

/** The start of the next refill period after the one `at` falls in. */
export function nextRefill(refill: CreditRefill, at: number): number {
  const start = new Date(refillPeriodStart(refill, at));
  if (refill.interval === 'DAILY') return start.getTime() + 86_400_000;
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth() + 1;
  return Date.UTC(y, m, Math.min(refill.dayOfMonth ?? 1, new Date(Date.UTC(y, m + 1, 0)).getUTCDate()));
}
