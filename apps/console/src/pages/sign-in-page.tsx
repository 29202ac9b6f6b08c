import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';

export function SignInPage() {
  const { api, t, signIn, fail, announce } = useApp();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const answer = await api.post<{ access_token: string }>('/v1/auth/login', { email, password });
      await signIn(answer.access_token);
      announce('signedIn');
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t('signInTitle')}</h1>
      <form onSubmit={submit} data-testid="signin-form" className="stack">
        <label>
          {t('email')}
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="signin-email" />
        </label>
        <label>
          {t('password')}
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="signin-password" />
        </label>
        <button type="submit" className="primary" disabled={busy} data-testid="signin-submit">
          {t('signIn')}
        </button>
      </form>
    </section>
  );
}
