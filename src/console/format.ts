/** Dates as people read them; the API speaks ISO-8601. Text only: nothing here is HTML. */

// One way for every instant on every page: the day, then the time with the viewer's time zone.
const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
// To the second, with the zone spelled out: the exact time, on hover.
const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

export interface Instant {
  day: string;
  time: string;
  exact: string;
}

export function instant(iso: string): Instant {
  const date = new Date(iso);
  return { day: dayFormat.format(date), time: timeFormat.format(date), exact: exactFormat.format(date) };
}

/** `<input type="date">` value (local day) → the end of that day as ISO, so a key "expires on" that date. */
export function endOfDay(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year!, month! - 1, day!, 23, 59, 59, 999).toISOString();
}

/** ISO → the local `<input type="date">` value. */
export function dateInputValue(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Tomorrow as a date input value: the earliest expiry the form offers. */
export function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return dateInputValue(d.toISOString());
}

const countFormat = new Intl.NumberFormat();

/** A count as people read it: 1,204. */
export const count = (n: number): string => countFormat.format(n);

const UNITS: [seconds: number, one: string][] = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** Seconds in the largest unit that divides them: 7200 → [2, 'hour'], 90 → [90, 'second']. */
function inLargestUnit(seconds: number): [n: number, unit: string] {
  const [size, unit] = UNITS.find(([size]) => seconds % size === 0) ?? UNITS.at(-1)!;
  return [seconds / size, unit];
}

/** 1 → "1 second", 86400 → "1 day", 7200 → "2 hours". */
export function duration(seconds: number): string {
  const [n, unit] = inLargestUnit(seconds);
  return `${count(n)} ${unit}${n === 1 ? '' : 's'}`;
}

/** A rate limit's window: 60 → "per minute", 7200 → "per 2 hours". */
export function perPeriod(seconds: number): string {
  const [n, unit] = inLargestUnit(seconds);
  return n === 1 ? `per ${unit}` : `per ${count(n)} ${unit}s`;
}
