import { useState, type FormEvent } from 'react';
import { loadWithdrawals, SANDBOX_CARDS, startWithdrawal, type Withdrawal } from '../api/money';
import { formatMoney, parseMoney } from '../betting/format';
import { formatDateTime } from '../live/format';
import { usePolled } from '../live/usePolled';
import { ActionOutcome, useApiAction } from './ApiAction';

const REFRESH_MS = 3000;

/** What each withdrawal state means to the player. */
const STATE_TEXT: Record<string, string> = {
  requested: 'Requested',
  in_review: 'Waiting for review',
  approved: 'Approved, paying out',
  paid: 'Paid',
  rejected: 'Rejected',
  failed: 'Failed',
};

/** Withdrawals (sandbox): ask for one, then follow it through review to payout. */
export function WithdrawPanel({ onStarted }: { onStarted?: () => void }) {
  const withdrawals = usePolled(loadWithdrawals, REFRESH_MS);
  const [amount, setAmount] = useState('10');
  const [destination, setDestination] = useState<string>(SANDBOX_CARDS[0].token);
  const action = useApiAction();
  const minor = parseMoney(amount);
  const recent = (withdrawals.value?.items ?? []).slice(0, 5);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (minor === null) return;
    const ok = await action.run(
      () => startWithdrawal(minor, destination.trim()),
      (w) => `Withdrawal of ${formatMoney(w.amountMinor, w.currency)}: ${stateText(w).toLowerCase()}. The money is held until it pays out.`,
    );
    if (ok) {
      withdrawals.reload();
      onStarted?.();
    }
  };

  return (
    <section className="panel" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">Withdraw</h2>
      <p className="hint">Sandbox payouts. Large amounts wait for an operator to review them.</p>
      <form className="stack-form" onSubmit={(e) => void submit(e)} aria-label="Withdraw">
        <label className="field">
          Amount (€)
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={minor === null} />
        </label>
        <label className="field">
          Pay to (sandbox card)
          <select value={destination} onChange={(e) => setDestination(e.target.value)}>
            {SANDBOX_CARDS.map((c) => (
              <option key={c.token} value={c.token}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="button"
          disabled={action.busy || minor === null || minor <= 0 || destination.trim() === ''}
        >
          {action.busy ? 'Requesting…' : 'Withdraw'}
        </button>
        <ActionOutcome error={action.error} done={action.done} />
      </form>
      {withdrawals.problem && <p className="hint">Not refreshed: {withdrawals.problem.message}</p>}
      {recent.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Your withdrawals">
            <thead>
              <tr>
                <th>When</th>
                <th>Amount</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((w) => (
                <tr key={w.id} data-state={w.state} data-testid="withdrawal-row">
                  <td>{formatDateTime(w.createdAt)}</td>
                  <td>{formatMoney(w.amountMinor, w.currency)}</td>
                  <td>
                    <span className="state-pill" data-state={w.state}>
                      {stateText(w)}
                    </span>
                    {w.failureReason ? ` (${w.failureReason})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function stateText(w: Withdrawal): string {
  return STATE_TEXT[w.state] ?? w.state;
}
