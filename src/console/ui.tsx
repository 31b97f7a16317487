import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formErrors, NO_ERRORS, type FormErrors } from './api';

/**
 * Small building blocks. Every value from the API is rendered as text by Preact, never
 * as HTML: no raw-HTML prop or property is used anywhere in the console (test/console.test.ts checks).
 */

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Escape and the backdrop do nothing (the secret dialog must be left with Done). */
  modalOnly?: boolean;
}

/** A native modal <dialog>, open while it is rendered; the parent unmounts it to close it. */
export function Dialog({ title, onClose, children, modalOnly }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    return () => dialog.close();
  }, []);
  const onCancel = (event: Event) => {
    event.preventDefault();
    if (!modalOnly) onClose();
  };
  return (
    <dialog ref={ref} aria-labelledby={titleId} onCancel={onCancel}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => JSX.Element;
}

/** A label, its control and, beside it, the API's message for that field. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A form's submit: busy while the request runs, then the API's errors split by field
 * (those named in `fields` show beside their field, the rest above the buttons).
 */
export function useSubmit(fields: readonly string[], action: () => Promise<void>) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const submit = async (event?: Event) => {
    event?.preventDefault();
    setBusy(true);
    try {
      await action();
      setErrors(NO_ERRORS);
    } catch (e) {
      setErrors(formErrors(e, fields));
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, submit };
}

/** Radio buttons or checkboxes under a legend, with the API's message for the group. */
export function ChoiceGroup({ legend, error, className, children }: { legend: string; error?: string | undefined; className: string; children: ComponentChildren }) {
  const errorId = useId();
  return (
    <fieldset class={className} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {children}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Cancel, then the dialog's own action buttons. */
export function DialogActions({ onCancel, children }: { onCancel: () => void; children: ComponentChildren }) {
  return (
    <div class="dialog-actions">
      <button type="button" class="secondary" onClick={onCancel}>
        Cancel
      </button>
      {children}
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p class="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

export function PageHeader({ title, description, children }: { title: string; description: string; children?: ComponentChildren }) {
  return (
    <header class="page-header">
      <div>
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        <p class="muted">{description}</p>
      </div>
      {children && <div class="page-actions">{children}</div>}
    </header>
  );
}

/** A wide table scrolls sideways on a phone; the region is focusable so a keyboard can scroll it too. */
export function TableRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export function LoadMore({ hasMore, loading, onClick }: { hasMore: boolean; loading: boolean; onClick: () => void }) {
  if (!hasMore) return null;
  return (
    <div class="load-more">
      <button type="button" class="secondary" onClick={onClick} disabled={loading}>
        {loading ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}
