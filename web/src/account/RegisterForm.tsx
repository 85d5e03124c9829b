import { useState, type FormEvent } from 'react';
import { register, signIn } from '../api/session';
import { FormFooter } from './FormFooter';

/** Email, display name and password for a new account; signs in once it exists. */
export function RegisterForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = (await register(email, password, displayName)) ?? (await signIn(email, password));
    setBusy(false);
    setError(failure);
    if (failure === null) onSignedIn();
  };

  return (
    <form className="sign-in" onSubmit={(e) => void submit(e)} aria-label="Register">
      <p>New here? An account comes with a wallet to bet from.</p>
      <label>
        Email
        <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Display name
        <input autoComplete="nickname" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label>
        Password
        <input
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <FormFooter busy={busy} label="Register" busyLabel="Creating your account…" error={error} />
    </form>
  );
}
