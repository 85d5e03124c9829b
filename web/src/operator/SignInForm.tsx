import { useState, type FormEvent } from 'react';
import { FormFooter } from '../account/FormFooter';
import { signIn } from '../api/session';

/** Email and password; calls `onSignedIn` once the session cookie is set. */
export function SignInForm({
  onSignedIn,
  label = 'Operator sign-in',
  lead = 'Sign in as an operator to see what this server runs.',
}: {
  onSignedIn: () => void;
  label?: string;
  lead?: string;
}) {
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
    <form className="sign-in" onSubmit={(e) => void submit(e)} aria-label={label}>
      <p>{lead}</p>
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
      <FormFooter busy={busy} label="Sign in" busyLabel="Signing in…" error={error} />
    </form>
  );
}
