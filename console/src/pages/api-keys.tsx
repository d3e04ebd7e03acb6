import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { BodyOf, OkOf } from '../api/types';
import { t, when } from '../strings';
import { LoadedList, Table } from '../load-state';
import { CreateSection, useRowAction } from '../page-layout';
import { fieldErrors, Notice, TextField, useLoad, useSubmit } from '../ui';

/** The §3.2 scopes plus the console's extensions, offered as checkboxes (none ticked: every scope). */
const SCOPES = [
  ...['agents', 'candidates', 'jobs', 'interviews'].flatMap((r) => [`read:${r}`, `write:${r}`, `delete:${r}`]),
  ...['companies', 'webhooks', 'phone-numbers', 'api-keys', 'users'].flatMap((r) => [`read:${r}`, `write:${r}`]),
  'read:billing',
] as Scope[];

type ApiKeyRow = OkOf<'/v1/api-keys', 'get'>['data'][number];
type Scope = NonNullable<BodyOf<'/v1/api-keys', 'post'>['scopes']>[number];

/** An end-of-day instant for a date input, in the browser's timezone. */
const endOfDay = (value: string) => (value ? new Date(`${value}T23:59:59.999`).toISOString() : undefined);

export function ApiKeysPage() {
  const list = useLoad(() => unwrap(api.GET('/v1/api-keys', { params: { query: { limit: 100 } } })), []);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [expires, setExpires] = useState('');
  const [plaintext, setPlaintext] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit(
    () => unwrap(api.POST('/v1/api-keys', { body: { name, ...(scopes.length ? { scopes } : {}), ...(expires ? { expiresAt: endOfDay(expires) } : {}) } })),
    (created) => (setPlaintext(created.key), setName(''), setScopes([]), setExpires(''), list.reload()),
  );
  const { notice, act } = useRowAction(list.reload);
  const revoke = (key: ApiKeyRow) => confirm(t.apiKeys.confirmRevoke(key.name)) && act(() => unwrap(api.DELETE('/v1/api-keys/{id}', { params: { path: { id: key.id } } })));
  const errors = fieldErrors(error);
  const toggle = (scope: Scope) => setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]));
  return (
    <>
      <h1>{t.apiKeys.title}</h1>
      <Notice text={notice} />
      <LoadedList list={list} empty={t.apiKeys.empty}>
        {(rows) => (
          <Table columns={[t.apiKeys.name, t.apiKeys.scopes, t.apiKeys.expiresAt, t.apiKeys.lastUsed, null]}>
            {rows.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td class="scopes">{key.scopes.join(', ')}</td>
                <td>{when(key.expiresAt)}</td>
                <td>{key.lastUsedAt ? when(key.lastUsedAt) : t.apiKeys.never}</td>
                <td>
                  {key.revokedAt ? (
                    t.apiKeys.revoked
                  ) : (
                    <button type="button" class="danger" onClick={() => revoke(key)} aria-label={`${t.apiKeys.revoke} ${key.name}`}>
                      {t.apiKeys.revoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </LoadedList>
      <CreateSection id="new-key" title={t.apiKeys.newKey} once={{ title: t.apiKeys.keyOnce, value: plaintext }} onSubmit={submit} busy={busy} error={error} fields={['name', 'expiresAt', 'scopes']}>
        <TextField name="name" label={t.apiKeys.name} value={name} onInput={setName} errors={errors} />
        <fieldset>
          <legend>{t.apiKeys.scopes}</legend>
          <p class="hint">{t.apiKeys.allScopes}</p>
          <div class="checks">
            {SCOPES.map((scope) => (
              <label class="inline" key={scope}>
                <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> {scope}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField name="expiresAt" label={t.apiKeys.expiresAt} type="date" value={expires} onInput={setExpires} errors={errors} />
      </CreateSection>
    </>
  );
}
