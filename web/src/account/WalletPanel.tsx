import { useEffect } from 'react';
import { loadDeposits, loadWallet } from '../api/money';
import { formatMoney } from '../betting/format';
import { WalletFigures } from '../betting/WalletFigures';
import { formatDateTime } from '../live/format';
import { usePolled } from '../live/usePolled';
import { DepositForm } from './DepositForm';

const REFRESH_MS = 2000;

/**
 * The wallet's balance and recent deposits, refreshed every two seconds (deposits confirm in about
 * two), and at once when `changedElsewhere` grows.
 */
export function WalletPanel({ changedElsewhere = 0 }: { changedElsewhere?: number }) {
  const wallet = usePolled(loadWallet, REFRESH_MS);
  const deposits = usePolled(loadDeposits, REFRESH_MS);
  const reloadWallet = wallet.reload;
  // Another panel moved money (a withdrawal): show the new balance now, not at the next poll.
  useEffect(() => {
    if (changedElsewhere > 0) reloadWallet();
  }, [changedElsewhere, reloadWallet]);
  const recent = (deposits.value?.items ?? []).slice(0, 5);
  return (
    <section className="panel" aria-labelledby="wallet-heading">
      <h2 id="wallet-heading">Wallet</h2>
      {wallet.value ? (
        <WalletFigures wallet={wallet.value} heldLabel="In open bets and withdrawals" testPrefix="account" />
      ) : (
        <p className="hint">{wallet.problem?.message ?? 'Loading your wallet…'}</p>
      )}
      <DepositForm
        onStarted={() => {
          wallet.reload();
          deposits.reload();
        }}
      />
      {recent.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Recent deposits">
            <thead>
              <tr>
                <th>When</th>
                <th>Amount</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((d) => (
                <tr key={d.id} data-state={d.state}>
                  <td>{formatDateTime(d.createdAt)}</td>
                  <td>{formatMoney(d.amountMinor, d.currency)}</td>
                  <td>
                    {d.state}
                    {d.failureReason ? ` (${d.failureReason})` : ''}
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
