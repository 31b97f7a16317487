import { createContext, createPortal, type ComponentChildren, type JSX } from 'preact';
import { useContext, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formErrors, NO_ERRORS, type FormErrors } from './api';
import { instant } from './format';

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

let openDialogs = 0;

/**
 * While a dialog is open, the page behind it leaves the accessibility tree. The browser's
 * own modal blocking is not enough: tools that find controls by role (Playwright's
 * getByRole honours aria-hidden, not inertness) would still see the row's `Revoke` beside
 * the dialog's. `inert` keeps focus and clicks out; `aria-hidden` hides it from such tools
 * and older screen readers. Hence dialogs render outside the app root (index.html).
 */
function hidePageBehind(hidden: boolean) {
  const app = document.getElementById('app')!;
  app.inert = hidden;
  if (hidden) app.setAttribute('aria-hidden', 'true');
  else app.removeAttribute('aria-hidden');
}

/**
 * Where the focus goes when the control that had it has gone (a revoked key's Actions, a
 * removed member's Remove): a page provides its table; without one, the page's heading.
 */
export const FocusHome = createContext<() => HTMLElement | null>(() => null);

const focusHome = (home: () => HTMLElement | null) => (home() ?? document.getElementById('page-title'))?.focus();

/**
 * A native modal <dialog>, open while it is rendered; the parent unmounts it to close it.
 *
 * Opening and closing are layout effects, run in the render that mounts or unmounts the
 * dialog, never after paint. Preact defers an unmounted component's passive cleanup to
 * after paint but runs a mounted one's pending effect early when it renders again: when
 * one dialog replaced another (Add new → the secret) and the list's reload re-rendered the
 * page before that paint, the new dialog opened before the old one had closed and took
 * <body> for its opener, so Done sent the focus to the table rather than back to Add new.
 */
export function Dialog({ title, onClose, children, modalOnly }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const home = useContext(FocusHome);
  useLayoutEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement;
    if (openDialogs++ === 0) hidePageBehind(true);
    dialog.showModal();
    return () => {
      dialog.close();
      if (--openDialogs === 0) hidePageBehind(false);
      // Back to the button that opened the dialog (for a row's action, its Actions button),
      // or, when that has gone with the change the dialog made, to the page's focus home.
      if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
      else focusHome(home);
    };
  }, []);
  const onCancel = (event: Event) => {
    event.preventDefault();
    if (!modalOnly) onClose();
  };
  return createPortal(
    <dialog ref={ref} aria-labelledby={titleId} onCancel={onCancel}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>,
    document.getElementById('dialogs')!,
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

/**
 * Radio buttons or checkboxes under a legend, with the API's message for the group. A set of
 * radio buttons that is one setting may say so (`role="radiogroup"`).
 */
export function ChoiceGroup({
  legend,
  error,
  className,
  role,
  children,
}: {
  legend: string;
  error?: string | undefined;
  className: string;
  role?: 'radiogroup';
  children: ComponentChildren;
}) {
  const errorId = useId();
  return (
    <fieldset class={className} role={role} aria-describedby={error ? errorId : undefined}>
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

/**
 * A table that may be wider than the window scrolls sideways; the region is focusable so a
 * keyboard can scroll it too, and it takes the focus when a row's own control goes.
 */
export function TableRegion({ label, id, children }: { label: string; id?: string; children: ComponentChildren }) {
  return (
    <div class="table-region" role="region" aria-label={label} tabIndex={0} id={id}>
      {children}
    </div>
  );
}

/**
 * After a list reloads, a focused control that went with its row (a revoked key's Actions,
 * a removed member's Remove) leaves the focus on <body>: give it to the page's home instead.
 */
export function keepFocus(home: () => HTMLElement | null) {
  setTimeout(() => {
    const active = document.activeElement;
    if (!active || active === document.body) focusHome(home);
  }, 0);
}

/**
 * A page's message after an action: announced (a live region that is always there), closed
 * with its button, and gone with the page. Closing it gives the focus to the page's heading.
 */
export function Notice({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  return (
    <div role="status" class="notice-region">
      {message && (
        <div class="notice">
          <p>{message}</p>
          <button
            type="button"
            class="icon"
            aria-label="Dismiss"
            onClick={() => {
              onDismiss();
              document.getElementById('page-title')?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}

/** An instant shown the console's one way (day, then time and time zone), the exact time on hover. */
export function Time({ iso, none = '—' }: { iso: string | null | undefined; none?: string }) {
  if (!iso) return <span class="muted">{none}</span>;
  const { day, time, exact } = instant(iso);
  return (
    <time dateTime={iso} title={exact}>
      <span class="day">{day}</span> <span class="time-of-day">{time}</span>
    </time>
  );
}

/** Text cut with an ellipsis when its column is too narrow; the whole of it on hover. A link when it has `href`. */
export function Clipped({ text, className, id, href }: { text: string; className?: string; id?: string; href?: string }) {
  const Tag = href ? 'a' : 'span';
  return (
    <Tag class={className ? `clip ${className}` : 'clip'} title={text} id={id} href={href}>
      {text}
    </Tag>
  );
}

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

/**
 * A button named `label` that opens a menu of `items` (the WAI-ARIA menu button pattern):
 * Enter, Space or ArrowDown opens it on its first item (ArrowUp on its last), the arrows,
 * Home and End move, Escape closes it, and the focus is back on the button after Escape or
 * a choice, so a dialog the choice opens returns there too. The menu is fixed to the
 * window, so a table's scrolling region never cuts it off.
 */
export function MenuButton({ label, items, describedBy }: { label: string; items: MenuItem[]; describedBy?: string }) {
  const [open, setOpen] = useState(false);
  const firstFocus = useRef<'first' | 'last'>('first');
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const menuItems = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusItem = (index: number) => {
    const all = menuItems();
    all[(index + all.length) % all.length]?.focus();
  };
  const show = (at: 'first' | 'last') => {
    firstFocus.current = at;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const b = button.current!.getBoundingClientRect();
      const m = menu.current!;
      const below = b.bottom + 4 + m.offsetHeight <= innerHeight;
      m.style.top = `${below ? b.bottom + 4 : Math.max(4, b.top - 4 - m.offsetHeight)}px`;
      m.style.left = `${Math.max(4, Math.min(b.right - m.offsetWidth, innerWidth - m.offsetWidth - 4))}px`;
    };
    place();
    focusItem(firstFocus.current === 'first' ? 0 : -1);
    const outside = (event: Event) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    addEventListener('pointerdown', outside, true);
    addEventListener('scroll', place, true);
    addEventListener('resize', place);
    return () => {
      removeEventListener('pointerdown', outside, true);
      removeEventListener('scroll', place, true);
      removeEventListener('resize', place);
    };
  }, [open]);

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const all = menuItems();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 };
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      // From the button, so the Tab itself moves on to the control after (or before) it.
      close(true);
    }
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        class="secondary small menu-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-describedby={describedBy}
        onClick={() => (open ? close(true) : show('first'))}
        onKeyDown={onButtonKey}
      >
        <span aria-hidden="true">•••</span>
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label={label} class="menu" onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              class={item.danger ? 'danger-text' : undefined}
              onClick={() => {
                close(true);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

/** A filter row's empty result: what matched nothing, and the way back to the whole list. */
export function NoMatch({ what, onClear }: { what: string; onClear: () => void }) {
  return (
    <div class="empty">
      <p>{what}</p>
      <button type="button" class="secondary" onClick={onClear}>
        Clear filters
      </button>
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
