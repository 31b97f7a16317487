import { useEffect, useRef, useState } from 'preact/hooks';
import { request, session } from './api';
import { LoginMutation } from './operations';
import { Field, FormError, Notice, useSubmit } from './ui';

const FIELDS = ['email', 'password', 'organization'] as const;
type SignInField = (typeof FIELDS)[number];

// A light check only: the API decides whether the email is a member's.
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Email and password; Organization appears when the API says the email needs one. What
 * the page can tell by itself (an empty field, an email without @) it says beside the
 * field without asking the API.
 */
export function SignIn({ notice, onDismissNotice, onSignedIn }: { notice: string | null; onDismissNotice: () => void; onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organization, setOrganization] = useState('');
  const [needsOrganization, setNeedsOrganization] = useState(false);
  const [missing, setMissing] = useState<Partial<Record<SignInField, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  const { errors, busy, submit } = useSubmit(FIELDS, async () => {
    const { login } = await request(LoginMutation, { email: email.trim(), password, organization: needsOrganization ? organization.trim() : null });
    session.start(login.token);
    onSignedIn();
  });
  // The API names the organization field when the email belongs to several: ask for it from then on.
  useEffect(() => {
    if (errors.byField.organization) setNeedsOrganization(true);
  }, [errors]);

  const check = (): Partial<Record<SignInField, string>> => {
    const found: Partial<Record<SignInField, string>> = {};
    if (!email.trim()) found.email = 'Enter your email address.';
    else if (!LOOKS_LIKE_EMAIL.test(email.trim())) found.email = 'Enter an email address such as name@example.com.';
    if (!password) found.password = 'Enter your password.';
    if (needsOrganization && !organization.trim()) found.organization = 'Enter your organization’s name.';
    return found;
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const found = check();
    setMissing(found);
    if (Object.keys(found).length) {
      // To the first field to fix, once it shows its message.
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    void submit();
  };
  // A field's own message goes as soon as it is typed in.
  const edited = (field: SignInField) => missing[field] && setMissing({ ...missing, [field]: undefined });
  const errorOf = (field: SignInField) => missing[field] ?? errors.byField[field];

  return (
    <main class="signin">
      <form class="card" ref={form} onSubmit={onSubmit} noValidate>
        <p class="brand" aria-hidden="true">
          <span class="logo">K</span> Keyward
        </p>
        <h1 id="page-title" tabIndex={-1}>
          Sign in
        </h1>
        <p class="muted">Manage your organization's API keys, members and audit log.</p>
        <Notice message={notice} onDismiss={onDismissNotice} />
        <Field label="Email" error={errorOf('email')}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              value={email}
              onInput={(e) => {
                setEmail(e.currentTarget.value);
                edited('email');
              }}
            />
          )}
        </Field>
        <Field label="Password" error={errorOf('password')}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              value={password}
              onInput={(e) => {
                setPassword(e.currentTarget.value);
                edited('password');
              }}
            />
          )}
        </Field>
        {needsOrganization && (
          <Field label="Organization" error={errorOf('organization')} hint="This email belongs to several organizations.">
            {(props) => (
              <input
                {...props}
                autoComplete="organization"
                value={organization}
                onInput={(e) => {
                  setOrganization(e.currentTarget.value);
                  edited('organization');
                }}
              />
            )}
          </Field>
        )}
        <FormError message={errors.general} />
        <button type="submit" class="wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
