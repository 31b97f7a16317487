import { badInput } from './errors';

/** Input checks shared by every domain module; each failure names the offending field. */

export function text(field: string, value: string, { min, max }: { min: number; max: number }): string {
  const trimmed = value.trim();
  if (trimmed.length < min) throw badInput(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters`);
  return trimmed;
}

// Deliberately plain: a local part, @, and a host name of dot-separated labels. Single-label
// hosts are allowed because the bootstrap owner is admin@localhost.
const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export const isEmail = (value: string) => value.length <= 254 && EMAIL.test(value);

export function email(field: string, value: string): string {
  const normalized = value.trim().toLowerCase();
  if (!isEmail(normalized)) {
    throw badInput(field, 'must be a valid email address');
  }
  return normalized;
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function password(field: string, value: string): string {
  if (value.length < PASSWORD_MIN || value.length > PASSWORD_MAX) {
    throw badInput(field, `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
  }
  return value;
}

export const organizationName = (field: string, value: string) => text(field, value, { min: 1, max: 100 });
export const personName = (field: string, value: string) => text(field, value, { min: 1, max: 100 });
export const keyName = (field: string, value: string) => text(field, value, { min: 1, max: 100 });
/** An empty description is no description. */
export const keyDescription = (field: string, value: string) => text(field, value, { min: 0, max: 500 }) || null;
