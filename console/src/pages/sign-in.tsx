import { useState } from 'preact/hooks';
import { authApi, type Session } from '../api/client';
import { t } from '../strings';
import { Busy, useSubmit } from '../ui';

export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(() => authApi.signIn(email.trim(), password), onSignedIn);
  // One generic message for a wrong email or password (the server does the same).
  const message = !error ? null : error.status === 401 ? t.signIn.failed : error.status === 429 ? t.signIn.tooMany(error.retryAfter ?? '60') : error.message;
  return (
    <main id="main" class="narrow">
      <h1>{t.signIn.title}</h1>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="email">{t.signIn.email}</label>
          <input id="email" name="email" type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'sign-in-error' : undefined} />
        </div>
        <div class="field">
          <label for="password">{t.signIn.password}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'sign-in-error' : undefined} />
        </div>
        {message && (
          <p id="sign-in-error" class="error-note" role="alert">
            {message}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t.signIn.submit}
        </button>
        {busy && <Busy text={t.signIn.busy} />}
      </form>
      <p class="hint">{t.signIn.firstUser}</p>
    </main>
  );
}
