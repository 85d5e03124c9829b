import { loadWithdrawalsInReview, reviewWithdrawalAs } from '../api/operator';
import { formatMoney } from '../betting/format';
import { formatDateTime } from '../live/format';
import { usePolled } from '../live/usePolled';

/** Withdrawals above the review threshold, oldest first, each to approve or reject. */
export function WithdrawalsReview() {
  const withdrawals = usePolled(loadWithdrawalsInReview, 5000);
  const decide = async (id: string, decision: 'approve' | 'reject') => {
    await reviewWithdrawalAs(id, decision);
    withdrawals.reload();
  };
  const items = withdrawals.value?.items ?? [];
  return (
    <>
      {withdrawals.problem && <p className="hint">Not refreshed: {withdrawals.problem.message}</p>}
      {items.length === 0 ? (
        <p className="hint">No withdrawal waits for review.</p>
      ) : (
        <ul className="plain-list">
          {items.map((w) => (
            <li key={w.id}>
              {formatMoney(w.amountMinor, w.currency)} to {w.destination}, asked {formatDateTime(w.createdAt)}{' '}
              <span className="row-actions">
                <button type="button" className="chip-button" onClick={() => void decide(w.id, 'approve')}>
                  Approve
                </button>
                <button type="button" className="chip-button" onClick={() => void decide(w.id, 'reject')}>
                  Reject
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
