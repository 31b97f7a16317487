import { useId, useState } from 'preact/hooks';
import { formErrors, request } from './api';
import type { ConsoleMembersQuery, MemberRole } from './gql/graphql';
import { AddMemberMutation, MembersQuery, RemoveMemberMutation, UpdateMemberRoleMutation } from './operations';
import { nodesOf, usePaged } from './paged';
import type { Viewer } from './session';
import { Clipped, Dialog, DialogActions, Field, FocusHome, FormError, keepFocus, LoadMore, Notice, PageHeader, TableRegion, Time, useSubmit } from './ui';

type Member = ConsoleMembersQuery['members']['edges'][number]['node'];

const ROLE_LABEL: Record<MemberRole, string> = { OWNER: 'Owner', ADMIN: 'Admin', VIEWER: 'Viewer' };

export function MembersPage({ viewer }: { viewer: Viewer }) {
  const canManage = viewer.scopes.includes('members:write');
  const isOwner = viewer.member?.role === 'OWNER';
  // Only an owner manages owners: others are not offered the role at all.
  const rolesFor = (member: Member | null): MemberRole[] =>
    isOwner ? ['OWNER', 'ADMIN', 'VIEWER'] : member?.role === 'OWNER' ? [] : ['ADMIN', 'VIEWER'];

  const list = usePaged(async (after) => nodesOf((await request(MembersQuery, { first: 50, after })).members), []);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tableId = useId();
  // A removed member's row goes with its Remove button: the focus goes to the table.
  const toTable = () => document.getElementById(tableId);

  const changeRole = async (member: Member, role: MemberRole) => {
    setError(null);
    try {
      await request(UpdateMemberRoleMutation, { id: member.id, role });
      setNotice(`${member.email} is now ${ROLE_LABEL[role]}.`);
    } catch (e) {
      setError(formErrors(e, []).general);
    }
    void list.reload();
  };

  const done = async (message: string) => {
    setNotice(message);
    setAdding(false);
    setRemoving(null);
    await list.reload();
    keepFocus(toTable);
  };

  return (
    <FocusHome.Provider value={toTable}>
      <section aria-labelledby="page-title">
        <PageHeader title="Members" description="People who can sign in to this organization, and what their role lets them do.">
          {canManage && (
            <button type="button" onClick={() => setAdding(true)}>
              Add member
            </button>
          )}
        </PageHeader>
        <Notice message={notice} onDismiss={() => setNotice(null)} />
        <FormError message={error ?? list.error} />
        <TableRegion label="Members" id={tableId}>
          <table class="cards member-table" aria-label="Members">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                {canManage && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {list.items.map((member) => {
                const self = member.id === viewer.member?.id;
                const roles = rolesFor(member);
                return (
                  <tr key={member.id}>
                    <td data-label="Email" class="strong">
                      <div class="with-tag">
                        <Clipped text={member.email} />
                        {self && <span class="muted tag">(you)</span>}
                      </div>
                    </td>
                    <td data-label="Name">
                      <Clipped text={member.name} />
                    </td>
                    <td data-label="Role">
                      {canManage && !self && roles.length ? (
                        <select aria-label="Role" value={member.role} onChange={(e) => changeRole(member, e.currentTarget.value as MemberRole)}>
                          {roles.map((r) => (
                            <option value={r}>{ROLE_LABEL[r]}</option>
                          ))}
                        </select>
                      ) : (
                        ROLE_LABEL[member.role]
                      )}
                    </td>
                    <td data-label="Joined">
                      <Time iso={member.createdAt} />
                    </td>
                    {canManage && (
                      <td class="actions">
                        {!self && roles.length > 0 && (
                          <button type="button" class="danger-quiet small" onClick={() => setRemoving(member)}>
                            Remove
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
        <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.more} />

        {adding && <AddMemberDialog roles={rolesFor(null)} onClose={() => setAdding(false)} onDone={done} />}
        {removing && <RemoveDialog member={removing} onClose={() => setRemoving(null)} onDone={done} />}
      </section>
    </FocusHome.Provider>
  );
}

const MEMBER_FIELDS = ['email', 'name', 'role', 'password'] as const;

function AddMemberDialog({ roles, onClose, onDone }: { roles: MemberRole[]; onClose: () => void; onDone: (message: string) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<MemberRole>('VIEWER');
  const [password, setPassword] = useState('');
  const { errors, busy, submit } = useSubmit(MEMBER_FIELDS, async () => {
    await request(AddMemberMutation, { input: { email, name, role, password } });
    onDone(`Added ${email}.`);
  });
  return (
    <Dialog title="Add member" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field label="Email" error={errors.byField.email}>
          {(props) => <input {...props} type="email" autoComplete="off" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
        </Field>
        <Field label="Name" error={errors.byField.name}>
          {(props) => <input {...props} autoComplete="off" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field label="Role" error={errors.byField.role}>
          {(props) => (
            <select {...props} value={role} onChange={(e) => setRole(e.currentTarget.value as MemberRole)}>
              {roles.map((r) => (
                <option value={r}>{ROLE_LABEL[r]}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Password" error={errors.byField.password} hint="12 to 128 characters. Share it with the person privately.">
          {(props) => <input {...props} type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
        </Field>
        <FormError message={errors.general} />
        <DialogActions onCancel={onClose}>
          <button type="submit" disabled={busy}>
            Add member
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function RemoveDialog({ member, onClose, onDone }: { member: Member; onClose: () => void; onDone: (message: string) => void }) {
  const { errors, busy, submit } = useSubmit([], async () => {
    await request(RemoveMemberMutation, { id: member.id });
    onDone(`Removed ${member.email}.`);
  });
  return (
    <Dialog title={`Remove ${member.email}?`} onClose={onClose}>
      <p>They are signed out at once and can no longer sign in to this organization.</p>
      <FormError message={errors.general} />
      <DialogActions onCancel={onClose}>
        <button type="button" class="danger" onClick={() => submit()} disabled={busy}>
          Remove
        </button>
      </DialogActions>
    </Dialog>
  );
}
