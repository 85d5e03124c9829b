import { useState, type FormEvent } from 'react';
import { signIn } from '../api/session';

/** Email and password for an operator; calls `onSignedIn` once the session cookie is set. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await signIn(email, password);
    setBusy(false);
    setError(failure);
    if (failure === null) onSignedIn();
  };

  return (
    <form className="sign-in" onSubmit={(e) => void submit(e)} aria-label="Operator sign-in">
      <p>Sign in as an operator to see what this server runs.</p>
      <label>
        Email
        <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      {error && (
        <p className="sign-in__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
