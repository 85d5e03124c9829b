import { useState, type FormEvent } from 'react';
import { eraseMyAccount } from '../api/money';
import { ActionOutcome, useApiAction } from './ApiAction';

/**
 * "Delete my data": a first button opens the confirmation, which says what goes and what stays
 * and needs the password; only then is the account erased.
 */
export function DeletePanel({ onErased }: { onErased: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const action = useApiAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(
      async () => {
        const result = await eraseMyAccount(password);
        return !result.ok && result.code === 'invalid_credentials'
          ? { ...result, message: 'That is not your password; nothing was deleted.' }
          : result;
      },
      () => 'Your account is deleted. You are signed out.',
    );
    if (ok) onErased();
  };

  return (
    <section className="panel panel--danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete my data</h2>
      <p className="hint">
        Deletes your email, name and password and signs you out everywhere. The ledger keeps its entries under an
        anonymous account number so the books stay balanced.
      </p>
      {!confirming ? (
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          Delete my data…
        </button>
      ) : (
        <form className="stack-form" onSubmit={(e) => void submit(e)} aria-label="Confirm deleting my data">
          <p className="delete-warning">
            <strong>This cannot be undone.</strong> Enter your password to confirm.
          </p>
          <label className="field">
            Password
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" autoFocus />
          </label>
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={action.busy || password === ''}>
              {action.busy ? 'Deleting…' : 'Delete my account for good'}
            </button>
            <button type="button" className="button" onClick={() => { setConfirming(false); setPassword(''); }}>
              Cancel
            </button>
          </div>
          <ActionOutcome error={action.error} done={action.done} />
        </form>
      )}
    </section>
  );
}
