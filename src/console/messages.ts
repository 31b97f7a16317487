import { count, duration } from './format';

/**
 * The API's errors in the console's own words. The API words its messages for developers
 * ("RESTRICTED access needs at least one scope", "must be in the future"); a person at the
 * console reads what to do instead. Known codes and messages are rewritten here; anything
 * unknown is shown as the API said it, rather than hidden.
 */

const WHAT_IS_MISSING: Record<string, string> = {
  name: 'Enter a name.',
  email: 'Enter an email address.',
  password: 'Enter a password.',
  currentPassword: 'Enter your current password.',
  newPassword: 'Enter a new password.',
  organization: 'Enter the organization’s name.',
};

type Rewrite = [RegExp, string | ((match: RegExpExecArray, field: string | undefined) => string)];

/** "must be a whole number from 1 to 86400", said of the field it is about. */
const WHOLE_NUMBER: Record<string, (min: number, max: number) => string> = {
  limit: (min, max) => `Each rate limit allows ${count(min)} to ${count(max)} uses.`,
  durationSeconds: (min, max) => `Each rate limit’s period is from ${duration(min)} to ${duration(max)}.`,
  cost: (min, max) => `A use costs ${count(min)} to ${count(max)} of a rate limit.`,
  remaining: (min, max) => `Enter ${count(min)} to ${count(max)} credits.`,
  amount: (min, max) => `Refill with ${count(min)} to ${count(max)} credits.`,
  dayOfMonth: (min, max) => `Pick a day of the month from ${min} to ${max}.`,
};
const wholeNumber = (min: number, max: number) => `Use a whole number from ${count(min)} to ${count(max)}.`;

const BAD_INPUT: Rewrite[] = [
  [/^must not be empty$/, (_, field) => WHAT_IS_MISSING[field ?? ''] ?? 'This cannot be empty.'],
  [/^must be at most (\d+) characters$/, (m) => `Use ${m[1]} characters or fewer.`],
  [/^must be at least (\d+) characters$/, (m) => `Use at least ${m[1]} characters.`],
  [/^must be (\d+) to (\d+) characters$/, (m) => `Use ${m[1]} to ${m[2]} characters.`],
  [/^must be a valid email address$/, 'Enter an email address such as name@example.com.'],
  [/needs at least one scope/, 'Pick at least one scope, or choose other permissions.'],
  [/^must be in the future$/, 'Pick a day after today.'],
  [/control characters/, 'Remove the tabs, line breaks or other invisible characters.'],
  [/a revoked key cannot be (changed|rotated)/, 'This key is revoked and can no longer be changed. Add a new key instead.'],
  [/belongs to several organizations/, 'This email belongs to several organizations: enter the one to sign in to.'],
  [/an organization with this name already exists/, 'There is already an organization with this name.'],
  [/a member with this email already exists/, 'Someone with this email is already a member.'],
  [/^is not the current password$/, 'This is not your current password.'],
  [/password was changed meanwhile/, 'Your password was changed elsewhere. Sign in again.'],
  [/must keep at least one owner/, 'The organization needs an owner: make someone else an owner first.'],
  [/unknown resource|unknown action|not of the form/, 'A scope picked is not known here. Reload the page and pick again.'],
  [/cannot be granted to an API key/, 'Members can be managed only by people, never by a key.'],
  [/^must be between 0 and \d+ \(7 days\)$/, 'Pick a grace period of at most 7 days.'],
  [/^is not a cursor from this list$/, 'The list changed. Reload the page.'],
  [/^must be a whole number from (\d+) to (\d+)$/, (m, field) => (WHOLE_NUMBER[field ?? ''] ?? wholeNumber)(Number(m[1]), Number(m[2]))],
  [/^a key has at most (\d+) rate limits$/, (m) => `A key can have at most ${m[1]} rate limits.`],
  [/^a rate limit name is/, 'Identify each rate limit with 1 to 64 letters, digits and the characters _ . : or -'],
  [/^two rate limits are named "(.*)"$/, (m) => `Two rate limits are identified as “${m[1]}”: give each its own.`],
  [/^is for a MONTHLY refill only$/, 'A day of the month is for a monthly refill only.'],
  [/^"(.*)" is not an IPv4 or IPv6 address or CIDR range$/, (m) => `“${m[1]}” is not an IP address or range. Write one a line, such as 203.0.113.7 or 10.0.0.0/8.`],
  [/^"(.*)" has a prefix length its address family does not allow$/, (m) => `“${m[1]}” has too long a prefix: at most /32 for IPv4 and /128 for IPv6.`],
  [/^a key allows at most (\d+) addresses or ranges$/, (m) => `Allow at most ${m[1]} addresses or ranges.`],
  [/must be a JSON object$/, 'Enter a JSON object, such as {"plan": "pro"}.'],
  [/^must be an absolute http or https URL$/, 'Enter the endpoint’s full URL, such as https://example.com/webhooks/keyward.'],
  [/^must use https$/, 'Use an https:// URL: Keyward sends events over TLS only.'],
  [/^must not contain a user name or password$/, 'Take the user name and password out of the URL: each delivery is signed instead.'],
  [/^must not point to a loopback, private or link-local address$/, 'Use a public address: Keyward does not send events into private networks.'],
  [/^an organization has at most (\d+) webhook endpoints$/, (m) => `An organization can have at most ${m[1]} endpoints: delete one first.`],
  [/^must name at least one event$/, 'Pick at least one event.'],
  [/is not an event; expected one of|^lists \S+ twice$/, 'An event picked is not known here. Reload the page and pick again.'],
  [/^the endpoint is disabled: enable it first$/, 'This endpoint is disabled: enable it first.'],
  [/^must be at most (\d+) levels deep$/, (m) => `Nest the metadata at most ${m[1]} levels deep.`],
  [/^must be at most (\d+) bytes as JSON$/, (m) => `Keep the metadata within ${count(Number(m[1]) / 1024)} KB of JSON.`],
];

const FORBIDDEN: Rewrite[] = [
  [/scopes you do not hold/, 'You can give a key only permissions you hold yourself.'],
  [/beyond your own expiry/, 'A key cannot outlive the access of whoever changes it.'],
  [/^Only an owner can/, 'Only an owner can do this.'],
];

/**
 * The form field a problem belongs to. A rate limit's `name` shares its field name with the
 * key's own Name, and the API does not say which of the rows it means: every problem with
 * a rate limit belongs to the rate limits.
 */
const RATE_LIMIT_FIELDS = new Set(['limit', 'durationSeconds', 'cost', 'autoApply', 'shared']);
export function blamedField(field: string | undefined, message: string): string | undefined {
  if (field && RATE_LIMIT_FIELDS.has(field)) return 'rateLimits';
  if (field === 'name' && /rate limit|rateLimits\[/.test(message)) return 'rateLimits';
  return field;
}

export function inConsoleWords(code: string | undefined, field: string | undefined, message: string, requestId?: string): string {
  const rewrite = (rules: Rewrite[], otherwise: string) => {
    for (const [pattern, words] of rules) {
      const match = pattern.exec(message);
      if (match) return typeof words === 'string' ? words : words(match, field);
    }
    return otherwise;
  };
  switch (code) {
    case 'BAD_USER_INPUT':
      return rewrite(BAD_INPUT, message);
    case 'FORBIDDEN':
      return rewrite(FORBIDDEN, 'Your role does not allow this.');
    case 'UNAUTHENTICATED':
      return message === 'Invalid email or password' ? 'Invalid email or password.' : 'Your session has ended. Sign in again.';
    case 'NOT_FOUND':
      return /^API key/.test(message)
        ? 'This key no longer exists. Reload the page.'
        : /^Member/.test(message)
          ? 'This person is no longer a member. Reload the page.'
          : /^Webhook/.test(message)
            ? 'This endpoint no longer exists. Reload the page.'
            : 'This no longer exists. Reload the page.';
    case 'RATE_LIMITED':
      return /failed attempts/.test(message)
        ? 'Too many failed attempts. Wait a few minutes, then try again.'
        : 'Keyward is busy right now. Try again in a moment.';
    case 'SERVICE_UNAVAILABLE':
      return 'Keyward cannot reach its database right now. Try again in a moment.';
    case 'INTERNAL_SERVER_ERROR':
      return `Something went wrong in Keyward. Try again; if it keeps happening, tell your operator${requestId ? ` (request ${requestId})` : ''}.`;
    default:
      return message;
  }
}
