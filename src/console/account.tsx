import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { request } from './api';
import { ChangePasswordMutation } from './operations';
import type { Viewer } from './session';
import { Dialog, DialogActions, Field, FormError, useSubmit } from './ui';

const ROLE_LABEL: Record<string, string> = { OWNER: 'Owner', ADMIN: 'Admin', VIEWER: 'Viewer' };

/**
 * Who is signed in, at every width: a button named by the member's email opens their
 * account (name, role, organization) and `Change password`, which is the member's own
 * business rather than the organization's Members page.
 */
export function AccountMenu({ viewer, onPasswordChanged }: { viewer: Viewer; onPasswordChanged: () => void }) {
  const member = viewer.member!;
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    addEventListener('pointerdown', outside, true);
    return () => removeEventListener('pointerdown', outside, true);
  }, [open]);

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <div class="account" onKeyDown={onKey}>
      <button
        ref={button}
        type="button"
        class="account-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span class="clip">{member.email}</span>
        <span class="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div ref={panel} id={panelId} class="account-panel" hidden={!open}>
        <p class="strong clip">{member.name}</p>
        <p class="muted clip">{member.email}</p>
        <p class="muted">
          {ROLE_LABEL[member.role] ?? member.role} · {viewer.organization?.name}
        </p>
        <button
          type="button"
          class="secondary wide"
          onClick={() => {
            // Closed first, the focus on the account button: the dialog gives it back there.
            setOpen(false);
            button.current?.focus();
            setChanging(true);
          }}
        >
          Change password
        </button>
      </div>
      {changing && (
        <ChangePasswordDialog
          onClose={() => setChanging(false)}
          onDone={() => {
            setChanging(false);
            onPasswordChanged();
          }}
        />
      )}
    </div>
  );
}

function ChangePasswordDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const { errors, busy, submit } = useSubmit(['currentPassword', 'newPassword'], async () => {
    await request(ChangePasswordMutation, { currentPassword, newPassword });
    onDone();
  });
  return (
    <Dialog title="Change password" onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Field label="Current password" error={errors.byField.currentPassword}>
          {(props) => <input {...props} type="password" autoComplete="current-password" value={currentPassword} onInput={(e) => setCurrent(e.currentTarget.value)} />}
        </Field>
        <Field label="New password" error={errors.byField.newPassword} hint="12 to 128 characters. Your other sessions end.">
          {(props) => <input {...props} type="password" autoComplete="new-password" value={newPassword} onInput={(e) => setNew(e.currentTarget.value)} />}
        </Field>
        <FormError message={errors.general} />
        <DialogActions onCancel={onClose}>
          <button type="submit" disabled={busy}>
            Change password
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
