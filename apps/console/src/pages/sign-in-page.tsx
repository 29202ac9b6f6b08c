import { useState, type FormEvent } from 'react';
import { useApp } from '../components/app-context';
import { useAction } from '../components/use-action';

export function SignInPage() {
  const { api, t, signIn } = useApp();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      async () => {
        const answer = await api.post<{ access_token: string }>('/v1/auth/login', { email, password });
        await signIn(answer.access_token);
      },
      undefined,
      () => ({ key: 'signedIn' }),
    );
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
