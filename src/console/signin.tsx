import { useEffect, useState } from 'preact/hooks';
import { request, session } from './api';
import { LoginMutation } from './operations';
import { Field, FormError, useSubmit } from './ui';

const FIELDS = ['email', 'password', 'organization'] as const;

/** Email and password; Organization appears when the API says the email needs one. */
export function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organization, setOrganization] = useState('');
  const [needsOrganization, setNeedsOrganization] = useState(false);
  const { errors, busy, submit } = useSubmit(FIELDS, async () => {
    const { login } = await request(LoginMutation, { email, password, organization: needsOrganization ? organization : null });
    session.start(login.token);
    onSignedIn();
  });
  // The API names the organization field when the email belongs to several: ask for it from then on.
  useEffect(() => {
    if (errors.byField.organization) setNeedsOrganization(true);
  }, [errors]);

  return (
    <main class="signin">
      <form class="card" onSubmit={submit} noValidate>
        <p class="brand" aria-hidden="true">
          <span class="logo">K</span> Keyward
        </p>
        <h1>Sign in</h1>
        <p class="muted">Manage your organization's API keys, members and audit log.</p>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <Field label="Email" error={errors.byField.email}>
          {(props) => <input {...props} type="email" autoComplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
        </Field>
        <Field label="Password" error={errors.byField.password}>
          {(props) => (
            <input {...props} type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          )}
        </Field>
        {needsOrganization && (
          <Field label="Organization" error={errors.byField.organization} hint="This email belongs to several organizations.">
            {(props) => <input {...props} autoComplete="organization" value={organization} onInput={(e) => setOrganization(e.currentTarget.value)} />}
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
