import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { MAX_RATE_LIMITS, newRateLimitRow, rowField, UNIT_SECONDS, type ControlsForm, type DurationUnit, type RateLimitRow } from './controls';
import type { CreditRefillInterval } from './gql/graphql';
import { ChoiceGroup, Field } from './ui';

/**
 * The usage controls of the Add new and Edit dialogs: rate limits, credits, allowed
 * addresses, owner and metadata. Each message, the page's or the API's, shows beside its
 * field (`errorOf`); changing a field clears the page's message for it (`edited`).
 */

interface ControlsProps {
  form: ControlsForm;
  onChange: (patch: Partial<ControlsForm>, edited?: string) => void;
  errorOf: (field: string) => string | undefined;
}

export function UsageControlFields({ form, onChange, errorOf }: ControlsProps) {
  return (
    <>
      <h3 class="form-section">Usage controls</h3>
      <RateLimitsField rows={form.rateLimits} onChange={(rateLimits, edited) => onChange({ rateLimits }, edited)} errorOf={errorOf} />
      <CreditsField form={form} onChange={onChange} errorOf={errorOf} />
      <Field
        label="Allowed IP addresses"
        error={errorOf('allowedIps')}
        hint="One address or CIDR range a line, such as 203.0.113.7 or 10.0.0.0/8. Empty allows any address."
      >
        {(props) => (
          <textarea
            {...props}
            class="code"
            rows={3}
            spellcheck={false}
            autoComplete="off"
            value={form.allowedIps}
            onInput={(e) => onChange({ allowedIps: e.currentTarget.value }, 'allowedIps')}
          />
        )}
      </Field>
      <Field label="Owner" error={errorOf('owner')} hint="Optional: your platform’s ID of the customer the key is for.">
        {(props) => <input {...props} value={form.owner} autoComplete="off" onInput={(e) => onChange({ owner: e.currentTarget.value }, 'owner')} />}
      </Field>
      <Field label="Metadata" error={errorOf('meta')} hint={'Optional: a JSON object each verification answers with, such as {"plan": "pro"}.'}>
        {(props) => (
          <textarea
            {...props}
            class="code"
            rows={3}
            spellcheck={false}
            autoComplete="off"
            value={form.meta}
            onInput={(e) => onChange({ meta: e.currentTarget.value }, 'meta')}
          />
        )}
      </Field>
    </>
  );
}

const UNITS = Object.keys(UNIT_SECONDS) as DurationUnit[];

/** A row per limit, at most ten; a new row takes the focus, and removing one gives it to Add rate limit. */
function RateLimitsField({
  rows,
  onChange,
  errorOf,
}: {
  rows: RateLimitRow[];
  onChange: (rows: RateLimitRow[], edited?: string) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const hintId = useId();
  const errorId = useId();
  const group = useRef<HTMLFieldSetElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<'new row' | 'add' | null>(null);
  const error = errorOf('rateLimits');

  // In the render that adds or removes the row, so that nothing can come between (see ui.tsx's Dialog).
  useLayoutEffect(() => {
    if (focusAfter.current === 'new row') group.current?.querySelector<HTMLElement>('.rate-limit:last-of-type input')?.focus();
    if (focusAfter.current === 'add') addButton.current?.focus();
    focusAfter.current = null;
  }, [rows.length]);

  const change = (row: RateLimitRow, patch: Partial<RateLimitRow>, column?: 'name' | 'limit' | 'per' | 'cost') =>
    onChange(
      rows.map((r) => (r === row ? { ...r, ...patch } : r)),
      column && rowField(row, column),
    );
  const add = () => {
    focusAfter.current = 'new row';
    onChange([...rows, newRateLimitRow()], 'rateLimits');
  };
  const remove = (row: RateLimitRow) => {
    focusAfter.current = 'add';
    onChange(
      rows.filter((r) => r !== row),
      'rateLimits',
    );
  };

  return (
    <fieldset class="rate-limits" ref={group} aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}>
      <legend>Rate limits</legend>
      <p class="hint" id={hintId}>
        Optional: how many uses a period allows. A limit on every use counts each verification; the others only those that name it. A use costs 1
        unless you say more.
      </p>
      {rows.map((row, index) => (
        <fieldset class="rate-limit" key={row.key}>
          <legend>Rate limit {index + 1}</legend>
          <div class="rate-limit-fields">
            <Field label="Identifier" error={errorOf(rowField(row, 'name'))}>
              {(props) => (
                <input {...props} class="code" value={row.name} autoComplete="off" spellcheck={false} onInput={(e) => change(row, { name: e.currentTarget.value }, 'name')} />
              )}
            </Field>
            <Field label="Limit" error={errorOf(rowField(row, 'limit'))}>
              {(props) => <NumberInput {...props} value={row.limit} onInput={(value) => change(row, { limit: value }, 'limit')} />}
            </Field>
            <Field label="Per" error={errorOf(rowField(row, 'per'))}>
              {(props) => <NumberInput {...props} value={row.per} onInput={(value) => change(row, { per: value }, 'per')} />}
            </Field>
            <Field label="Unit">
              {(props) => (
                <select {...props} value={row.unit} onChange={(e) => change(row, { unit: e.currentTarget.value as DurationUnit })}>
                  {UNITS.map((unit) => (
                    <option value={unit}>{unit}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Cost" error={errorOf(rowField(row, 'cost'))}>
              {(props) => <NumberInput {...props} value={row.cost} placeholder="1" onInput={(value) => change(row, { cost: value }, 'cost')} />}
            </Field>
          </div>
          <div class="rate-limit-options">
            <label class="choice">
              <input type="checkbox" checked={row.autoApply} onChange={(e) => change(row, { autoApply: e.currentTarget.checked })} />
              <span>Apply to every use</span>
            </label>
            {/* Named "Remove" within its group, "Rate limit 2": a longer name would also answer to "Limit". */}
            <button type="button" class="secondary small" onClick={() => remove(row)}>
              Remove
            </button>
          </div>
        </fieldset>
      ))}
      {rows.length < MAX_RATE_LIMITS ? (
        <button type="button" class="secondary small" ref={addButton} onClick={add}>
          Add rate limit
        </button>
      ) : (
        <p class="muted">A key has at most {MAX_RATE_LIMITS} rate limits.</p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

const REFILLS: [value: CreditRefillInterval | '', label: string][] = [
  ['', 'None'],
  ['DAILY', 'Daily'],
  ['MONTHLY', 'Monthly'],
];

/** Off, a key has no credits; on, its balance and how it refills. */
function CreditsField({ form, onChange, errorOf }: ControlsProps) {
  return (
    <ChoiceGroup legend="Credits" className="credits" error={errorOf('credits')}>
      <label class="choice">
        <input type="checkbox" checked={form.credits} onChange={(e) => onChange({ credits: e.currentTarget.checked }, 'credits')} />
        <span>Limit uses with credits</span>
      </label>
      {form.credits && (
        <div class="credit-fields">
          <Field label="Remaining" error={errorOf('remaining')} hint="Uses left; a verification may cost more than 1.">
            {(props) => <NumberInput {...props} value={form.remaining} onInput={(value) => onChange({ remaining: value }, 'remaining')} />}
          </Field>
          <Field label="Refill" error={errorOf('refill')}>
            {(props) => (
              <select {...props} value={form.refill} onChange={(e) => onChange({ refill: e.currentTarget.value as CreditRefillInterval | '' }, 'refill')}>
                {REFILLS.map(([value, label]) => (
                  <option value={value}>{label}</option>
                ))}
              </select>
            )}
          </Field>
          {form.refill && (
            <Field label="Amount" error={errorOf('amount')} hint="The balance after each refill.">
              {(props) => <NumberInput {...props} value={form.amount} onInput={(value) => onChange({ amount: value }, 'amount')} />}
            </Field>
          )}
          {form.refill === 'MONTHLY' && (
            <Field label="Day of month" error={errorOf('dayOfMonth')} hint="The last day in shorter months.">
              {(props) => <NumberInput {...props} value={form.dayOfMonth} onInput={(value) => onChange({ dayOfMonth: value }, 'dayOfMonth')} />}
            </Field>
          )}
        </div>
      )}
    </ChoiceGroup>
  );
}

/**
 * A count typed as text: a number field would turn "1.5e3" or "12abc" into an empty value
 * before the page could say what is wrong with it.
 */
function NumberInput({
  onInput,
  ...props
}: {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  value: string;
  placeholder?: string;
  onInput: (value: string) => void;
}) {
  return <input {...props} type="text" inputMode="numeric" autoComplete="off" onInput={(e) => onInput(e.currentTarget.value)} />;
}
