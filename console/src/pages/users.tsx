import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { useSession } from '../app';
import { t, when } from '../strings';
import { LoadedList, Table } from '../load-state';
import { CreateSection, useRowAction } from '../page-layout';
import { fieldErrors, Notice, SelectField, TextField, useLoad, useSubmit } from '../ui';

type Role = 'admin' | 'recruiter';
interface UserRow {
  id: string;
  email: string;
  role: Role;
  disabledAt: string | null;
  lastSignInAt: string | null;
}

/** Admins invite users (the link is shown once), change roles, disable, end sessions, remove (§15). */
export function UsersPage() {
  const me = useSession().user;
  const list = useLoad(() => unwrap(api.GET('/v1/users', { params: { query: { limit: 100 } } })), []);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('recruiter');
  const [link, setLink] = useState<string | null>(null);
  const invite = useSubmit(
    () => unwrap(api.POST('/v1/users', { body: { email, role } })),
    (created) => (setLink(created.invitationUrl), setEmail(''), list.reload()),
  );
  const { notice, act } = useRowAction(list.reload);
  const path = (user: UserRow) => ({ params: { path: { id: user.id } } });
  const patch = (user: UserRow, body: { role?: Role; disabled?: boolean; revokeSessions?: true }, done: string) => act(() => unwrap(api.PATCH('/v1/users/{id}', { ...path(user), body })), done);
  const remove = (user: UserRow) => confirm(t.confirmDelete(user.email)) && act(() => unwrap(api.DELETE('/v1/users/{id}', path(user))), t.users.removed);
  const errors = fieldErrors(invite.error);
  return (
    <>
      <h1>{t.users.title}</h1>
      <Notice text={notice} />
      <LoadedList list={list} empty={t.users.empty}>
        {(rows) => (
          <Table columns={[t.users.email, t.users.role, t.users.lastSignIn, null]}>
            {(rows as UserRow[]).map((user) => (
              <tr key={user.id}>
                <td>
                  {user.email}
                  {user.disabledAt && ` (${t.users.disabled})`}
                </td>
                <td>{user.role}</td>
                <td>{user.lastSignInAt ? when(user.lastSignInAt) : t.apiKeys.never}</td>
                <td class="actions">
                  {user.id !== me.id && (
                    <>
                      <button type="button" class="secondary" onClick={() => patch(user, { role: user.role === 'admin' ? 'recruiter' : 'admin' }, t.users.saved)}>
                        {user.role === 'admin' ? t.users.makeRecruiter : t.users.makeAdmin}
                      </button>
                      <button type="button" class="secondary" onClick={() => patch(user, { disabled: !user.disabledAt }, t.users.saved)}>
                        {user.disabledAt ? t.users.enable : t.users.disable}
                      </button>
                      <button type="button" class="secondary" onClick={() => patch(user, { revokeSessions: true }, t.users.sessionsEnded)}>
                        {t.users.revokeSessions}
                      </button>
                      <button type="button" class="danger" aria-label={`${t.delete} ${user.email}`} onClick={() => remove(user)}>
                        {t.delete}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </LoadedList>
      <CreateSection id="invite" title={t.users.invite} once={{ title: t.users.linkOnce, value: link }} onSubmit={invite.submit} busy={invite.busy} error={invite.error} fields={['email', 'role']} submitLabel={t.users.sendInvite}>
        <div class="row">
          <TextField name="email" label={t.users.email} type="email" value={email} onInput={setEmail} errors={errors} />
          <SelectField name="role" label={t.users.role} value={role} onChange={(v) => setRole(v as Role)} options={['recruiter', 'admin']} errors={errors} />
        </div>
      </CreateSection>
    </>
  );
}
