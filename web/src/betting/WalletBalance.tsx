import type { Wallet } from '../api/money';
import type { SocketState } from '../live/liveSocket';
import { formatClock } from '../live/format';
import { ConnectionBadge } from '../live/ConnectionBadge';
import { WalletFigures } from './WalletFigures';

/** The wallet as it stands: available to bet, held in open bets, and whether it is live. */
export function WalletBalance({
  wallet,
  updatedAt,
  problem,
  socketState,
}: {
  wallet: Wallet | null;
  updatedAt: number | null;
  problem: string | null;
  socketState: SocketState;
}) {
  return (
    <section className="side-panel wallet" aria-labelledby="wallet-heading">
      <div className="side-panel__head">
        <h2 id="wallet-heading">Wallet</h2>
        <ConnectionBadge state={socketState} what="balance" />
      </div>
      {wallet ? (
        <WalletFigures wallet={wallet} heldLabel="In open bets" testPrefix="wallet" />
      ) : (
        <p className="hint">{problem ?? 'Loading your wallet…'}</p>
      )}
      {wallet && problem && <p className="hint" data-state="stale">Not refreshed: {problem}</p>}
      {updatedAt !== null && <p className="hint">Updated {formatClock(updatedAt)}</p>}
    </section>
  );
}
