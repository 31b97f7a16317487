import { useEffect, useId, useState } from 'preact/hooks';
import { formErrors, request } from './api';
import type { LeakPolicy } from './gql/graphql';
import { OrganizationQuery, UpdateOrganizationMutation } from './operations';
import type { Viewer } from './session';
import { ChoiceGroup, FormError, Notice, PageHeader, useSubmit } from './ui';

/** Each policy by what it does, and what follows from it. */
const LEAK_POLICIES: { value: LeakPolicy; label: string; hint: string; saved: string }[] = [
  {
    value: 'REVOKE',
    label: 'Revoke it at once',
    hint: 'The key stops working as soon as a secret scanner reports it; the application using it needs a new key.',
    saved: 'A key found exposed is now revoked at once.',
  },
  {
    value: 'NOTIFY',
    label: 'Keep it working and flag it',
    hint: 'The key keeps working, marked Leaked in the key list, and an api_key.leaked event is sent: rotate or revoke it yourself.',
    saved: 'A key found exposed now keeps working, flagged as leaked.',
  },
];
const LEGEND = 'When a key is found exposed';

/** The organization's own settings: for now, what a report of an exposed key does. */
export function OrganizationPage({ viewer }: { viewer: Viewer }) {
  const canWrite = viewer.scopes.includes('organization:write');
  // What the API holds (null while loading), and what the form has picked.
  const [saved, setSaved] = useState<LeakPolicy | null>(null);
  const [policy, setPolicy] = useState<LeakPolicy>('REVOKE');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const hintId = useId();

  useEffect(() => {
    request(OrganizationQuery, {})
      .then(({ viewer }) => {
        // A member's viewer always has its organization (only a service credential has none).
        const current = viewer!.organization!.leakPolicy;
        setSaved(current);
        setPolicy(current);
      })
      .catch((e) => setLoadError(formErrors(e, []).general));
  }, []);

  const { errors, busy, submit } = useSubmit(['leakPolicy'], async () => {
    const { updateOrganization } = await request(UpdateOrganizationMutation, { input: { leakPolicy: policy } });
    setSaved(updateOrganization.leakPolicy);
    setNotice(`Saved. ${LEAK_POLICIES.find((p) => p.value === updateOrganization.leakPolicy)!.saved}`);
  });

  const shown = LEAK_POLICIES.find((p) => p.value === saved);
  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Organization" description={`Settings for everyone in ${viewer.organization.name}.`} />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <FormError message={loadError} />
      <section class="settings-card" aria-labelledby="leaked-keys">
        <h2 id="leaked-keys">Leaked keys</h2>
        <p class="muted section-intro">
          Secret scanners such as GitHub’s report Keyward keys they find in public code. Someone who finds a key and reports it themselves
          (revokeLeakedApiKeys) always revokes it.
        </p>
        {saved === null ? (
          !loadError && <p class="muted">Loading…</p>
        ) : canWrite ? (
          // Save stays enabled while it works (a disabled button would drop the focus): a second press waits for the first.
          <form onSubmit={(event) => (busy ? event.preventDefault() : submit(event))}>
            <ChoiceGroup legend={LEGEND} className="choices stacked" role="radiogroup" error={errors.byField.leakPolicy}>
              {LEAK_POLICIES.map((option) => (
                <div class="described-choice">
                  <label class="choice">
                    <input
                      type="radio"
                      name="leakPolicy"
                      value={option.value}
                      checked={policy === option.value}
                      aria-describedby={`${hintId}-${option.value}`}
                      onChange={() => {
                        setPolicy(option.value);
                        setNotice(null);
                      }}
                    />
                    <span>{option.label}</span>
                  </label>
                  <p class="hint" id={`${hintId}-${option.value}`}>
                    {option.hint}
                  </p>
                </div>
              ))}
            </ChoiceGroup>
            <FormError message={errors.general} />
            <button type="submit" aria-disabled={busy}>
              Save
            </button>
          </form>
        ) : (
          <>
            <dl class="settings">
              <div class="setting">
                <dt>{LEGEND}</dt>
                <dd>
                  {shown!.label}
                  <p class="hint">{shown!.hint}</p>
                </dd>
              </div>
            </dl>
            <p class="muted read-only-note">An owner or an admin can change this.</p>
          </>
        )}
      </section>
    </section>
  );
}
