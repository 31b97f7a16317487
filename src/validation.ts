import { badInput } from './errors';

/** Input checks shared by every domain module; each failure names the offending field. */

/**
 * Lengths are counted in characters as a person counts them (Unicode code points), not in
 * UTF-16 units: an emoji is one character, not two. PostgreSQL's char_length agrees.
 */
export const characterCount = (value: string): number => {
  let n = 0;
  for (const _ of value) n++;
  return n;
};

// C0 and C1 control characters, and the bidirectional overrides and isolates that make a
// name display differently from what it is ("Trojan Source"). Tabs and line breaks are
// allowed only where text spans lines (a description), never in a name, and neither are
// Unicode's own line and paragraph separators.
const NOT_IN_A_LINE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const NOT_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

export function text(
  field: string,
  value: string,
  { min, max, multiline = false }: { min: number; max: number; multiline?: boolean },
): string {
  const trimmed = value.trim();
  if ((multiline ? NOT_IN_TEXT : NOT_IN_A_LINE).test(trimmed)) throw badInput(field, 'must not contain control characters');
  const length = characterCount(trimmed);
  if (length < min) throw badInput(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  if (length > max) throw badInput(field, `must be at most ${max} characters`);
  return trimmed;
}

// Deliberately plain: a local part, @, and a host name of dot-separated labels. Single-label
// hosts are allowed because the bootstrap owner is admin@localhost. No character of Unicode's
// "Other" categories (\p{C}: controls, format characters such as zero-width joiners and
// bidirectional marks, unassigned and private-use code points): they display as nothing,
// so `ow\u200dner@acme.test` would read as `owner@acme.test` in every list.
const EMAIL = /^[^\s@"<>()[\]\\,;:\p{C}]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/u;

export const EMAIL_MAX = 254;
export const isEmail = (value: string) => value.length <= EMAIL_MAX && EMAIL.test(value);

/**
 * An email as stored and compared: NFC (RFC 6532's form for internationalised addresses, so
 * that a composed é and e + combining accent are one address), trimmed, lower-cased.
 */
export const normalizedEmail = (value: string): string => value.normalize('NFC').trim().toLowerCase();

export function email(field: string, value: string): string {
  const normalized = normalizedEmail(value);
  if (!isEmail(normalized)) {
    throw badInput(field, 'must be a valid email address');
  }
  return normalized;
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** 12 to 128 characters of any kind (NIST SP 800-63B): spaces, emoji and all. */
export const passwordFits = (value: string) => {
  const length = characterCount(value);
  return length >= PASSWORD_MIN && length <= PASSWORD_MAX;
};

export function password(field: string, value: string): string {
  if (!passwordFits(value)) {
    throw badInput(field, `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
  }
  return value;
}

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 500;

export const organizationName = (field: string, value: string) => text(field, value, { min: 1, max: NAME_MAX });
export const personName = (field: string, value: string) => text(field, value, { min: 1, max: NAME_MAX });
export const keyName = (field: string, value: string) => text(field, value, { min: 1, max: NAME_MAX });
/** An empty description is no description. */
export const keyDescription = (field: string, value: string) =>
  text(field, value, { min: 0, max: DESCRIPTION_MAX, multiline: true }) || null;
/** A search on names: never longer than the longest name. */
export const nameSearch = (field: string, value: string) => text(field, value, { min: 0, max: NAME_MAX });
