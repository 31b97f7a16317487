/**
 * The security headers of the HTML pages Keyward serves (the console and GraphiQL). Each
 * page names what it needs; everything else stays locked: no plugins, no <base>, forms
 * post only here, and no other site may frame the page (clickjacking).
 */
export function pagePolicy(directives: readonly string[]): string {
  return [...directives, "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"].join('; ');
}

export function setPageHeaders(headers: Headers, contentSecurityPolicy: string): void {
  headers.set('content-security-policy', contentSecurityPolicy);
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'no-referrer');
  headers.set('x-frame-options', 'DENY');
  headers.set('cross-origin-opener-policy', 'same-origin');
}
