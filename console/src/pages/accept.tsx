import { useState } from 'preact/hooks';
import { ApiError, authApi, type Session } from '../api/client';
import { t } from '../strings';
import { Busy, ErrorNote, fieldErrors, TextField, useSubmit } from '../ui';

/** `/console/accept?token=…`: an invitation or the CLI's set-password link (§15). */
export function AcceptPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, submit } = useSubmit(() => {
    if (password !== confirm) return Promise.reject(new ApiError(400, 'VALIDATION_ERROR', t.accept.mismatch, [{ path: 'confirm', message: t.accept.mismatch }]));
    return authApi.accept(token, password);
  }, onSignedIn);
  const errors = fieldErrors(error);
  return (
    <main id="main" class="narrow">
      <h1>{t.accept.title}</h1>
      {!token ? (
        <ErrorNote error={t.accept.missingToken} />
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t.accept.intro}</p>
          <TextField name="password" label={t.accept.password} type="password" autoComplete="new-password" value={password} onInput={setPassword} errors={errors} />
          <TextField name="confirm" label={t.accept.confirm} type="password" autoComplete="new-password" value={confirm} onInput={setConfirm} errors={errors} />
          {error && !errors.password && !errors.confirm && <ErrorNote error={error} />}
          <button type="submit" disabled={busy}>
            {t.accept.submit}
          </button>
          {busy && <Busy text={t.saving} />}
        </form>
      )}
    </main>
  );
}
