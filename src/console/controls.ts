import type { ApiKey } from './apiKey';
import type { CreditRefillInterval, CreditsInput, RateLimitInput } from './gql/graphql';

/**
 * A key's usage controls (SPEC §9) as the Add new and Edit dialogs hold them: text as
 * typed, turned into the API's input on submit. The page checks only what it can tell by
 * itself (a number that is not a whole number, JSON that is not an object); the bounds are
 * the API's to say, and it names the field it refuses.
 */

export const MAX_RATE_LIMITS = 10;

export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'day';
export const UNIT_SECONDS: Record<DurationUnit, number> = { seconds: 1, minutes: 60, hours: 3_600, day: 86_400 };

export interface RateLimitRow {
  /** Preact's key for the row: stays with it when a row above is removed. */
  key: number;
  name: string;
  limit: string;
  per: string;
  unit: DurationUnit;
  autoApply: boolean;
  cost: string;
  /** Not offered here, but kept: an edit replaces the list and must not drop it. */
  shared: boolean;
}

export interface ControlsForm {
  rateLimits: RateLimitRow[];
  credits: boolean;
  remaining: string;
  refill: CreditRefillInterval | '';
  amount: string;
  dayOfMonth: string;
  allowedIps: string;
  owner: string;
  meta: string;
}

/** The controls as the API takes them; null removes one. */
export interface Controls {
  rateLimits: RateLimitInput[];
  credits: CreditsInput | null;
  allowedIps: string[];
  owner: string | null;
  meta: Record<string, unknown> | null;
}

let rowKeys = 0;

export function newRateLimitRow(): RateLimitRow {
  return { key: ++rowKeys, name: '', limit: '', per: '1', unit: 'minutes', autoApply: true, cost: '', shared: false };
}

/** A period in the largest unit that divides it: 7200 s is 2 hours. */
function perAndUnit(seconds: number): { per: string; unit: DurationUnit } {
  const unit = (['day', 'hours', 'minutes'] as const).find((u) => seconds % UNIT_SECONDS[u] === 0) ?? 'seconds';
  return { per: String(seconds / UNIT_SECONDS[unit]), unit };
}

/** The form for a new key (no key), or filled with a key's controls for Edit. */
export function controlsForm(key?: ApiKey): ControlsForm {
  const refill = key?.credits?.refill;
  return {
    rateLimits: (key?.rateLimits ?? []).map((r) => ({
      key: ++rowKeys,
      name: r.name,
      limit: String(r.limit),
      ...perAndUnit(r.durationSeconds),
      autoApply: r.autoApply,
      cost: String(r.cost),
      shared: r.shared,
    })),
    credits: Boolean(key?.credits),
    remaining: key?.credits ? String(key.credits.remaining) : '',
    refill: refill?.interval ?? '',
    amount: refill ? String(refill.amount) : '',
    dayOfMonth: String(refill?.dayOfMonth ?? 1),
    allowedIps: (key?.allowedIps ?? []).join('\n'),
    owner: key?.owner ?? '',
    meta: key?.meta ? JSON.stringify(key.meta, null, 2) : '',
  };
}

/** Where the page's own messages go: a form field, or a rate limit row's (`rateLimits.<key>.<column>`). */
export const rowField = (row: RateLimitRow, column: 'name' | 'limit' | 'per' | 'cost') => `rateLimits.${row.key}.${column}`;

// GraphQL's Int: a larger number would be refused as a malformed request, not as a field.
const INT_MAX = 2_147_483_647;

/** Reads the form: the controls, or the page's messages by field when it can tell something is wrong. */
export function readControls(form: ControlsForm): { controls: Controls; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const whole = (field: string, text: string, optional = false): number | undefined => {
    const trimmed = text.trim();
    if (!trimmed) {
      if (!optional) problems[field] = 'Enter a number.';
      return undefined;
    }
    if (!/^-?\d+$/.test(trimmed)) problems[field] = 'Enter a whole number.';
    else if (Math.abs(Number(trimmed)) > INT_MAX) problems[field] = 'Enter a smaller number.';
    else return Number(trimmed);
    return undefined;
  };

  const rateLimits = form.rateLimits.map((row) => {
    if (!row.name.trim()) problems[rowField(row, 'name')] = 'Enter an identifier.';
    const limit = whole(rowField(row, 'limit'), row.limit);
    const per = whole(rowField(row, 'per'), row.per);
    const cost = whole(rowField(row, 'cost'), row.cost, true);
    const durationSeconds = (per ?? 0) * UNIT_SECONDS[row.unit];
    if (durationSeconds > INT_MAX) problems[rowField(row, 'per')] = 'Enter a smaller number.';
    return {
      name: row.name.trim(),
      limit: limit ?? 0,
      durationSeconds,
      autoApply: row.autoApply,
      cost: cost ?? 1,
      shared: row.shared,
    };
  });

  let credits: CreditsInput | null = null;
  if (form.credits) {
    const remaining = whole('remaining', form.remaining) ?? 0;
    const amount = form.refill ? whole('amount', form.amount) : undefined;
    const dayOfMonth = form.refill === 'MONTHLY' ? whole('dayOfMonth', form.dayOfMonth) : undefined;
    credits = { remaining, refill: form.refill ? { interval: form.refill, amount: amount ?? 0, dayOfMonth: dayOfMonth ?? null } : null };
  }

  let meta: Record<string, unknown> | null = null;
  if (form.meta.trim()) {
    try {
      const parsed: unknown = JSON.parse(form.meta);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
      else problems.meta = 'Enter a JSON object, such as {"plan": "pro"}, not a list or a single value.';
    } catch {
      problems.meta = 'This is not valid JSON. Enter an object, such as {"plan": "pro"}.';
    }
  }

  return {
    controls: {
      rateLimits,
      credits,
      allowedIps: form.allowedIps
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      owner: form.owner.trim() || null,
      meta,
    },
    problems,
  };
}

/** For Add new: only the controls set; a key without them needs none of their fields. */
export function controlsToCreate(controls: Controls): Partial<Controls> {
  return {
    ...(controls.rateLimits.length ? { rateLimits: controls.rateLimits } : {}),
    ...(controls.credits ? { credits: controls.credits } : {}),
    ...(controls.allowedIps.length ? { allowedIps: controls.allowedIps } : {}),
    ...(controls.owner ? { owner: controls.owner } : {}),
    ...(controls.meta ? { meta: controls.meta } : {}),
  };
}

/**
 * For Edit: only the controls that changed, each whole (an update replaces: [] or null
 * removes one). Credits sent again would reset the balance to what the form was opened
 * with, so what was not touched is never sent.
 */
export function controlsToUpdate(before: Controls, after: Controls): Partial<Controls> {
  const changed: Partial<Controls> = {};
  for (const field of Object.keys(after) as (keyof Controls)[]) {
    if (JSON.stringify(after[field]) !== JSON.stringify(before[field])) Object.assign(changed, { [field]: after[field] });
  }
  return changed;
}
