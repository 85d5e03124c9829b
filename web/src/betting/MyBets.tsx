import { useState } from 'react';
import type { Bet } from '../api/markets';
import { isOpenBet } from './betStates';
import { formatMoney } from './format';
import { MyBetRow } from './MyBetRow';

/**
 * My open bets (pending and standing) and settled ones (cancelled included), one tab each;
 * `onBetChanged` takes the server's newer copy of a bet, such as the answer to a cancel.
 */
export function MyBets({
  bets,
  source,
  onBetChanged,
}: {
  bets: Bet[];
  source: 'server' | 'this-page';
  onBetChanged: (bet: Bet) => void;
}) {
  const [tab, setTab] = useState<'open' | 'settled'>('open');
  const [notice, setNotice] = useState<string | null>(null);
  const shown = bets.filter((b) => isOpenBet(b) === (tab === 'open'));
  const count = (open: boolean) => bets.filter((b) => isOpenBet(b) === open).length;

  const changed = (bet: Bet) => {
    onBetChanged(bet);
    if (bet.state === 'CANCELLED') {
      setNotice(`Bet on ${bet.selectionName} cancelled: ${formatMoney(bet.payoutMinor ?? bet.stakeMinor, bet.currency)} returned. It is now under Settled.`);
    }
  };
  const choose = (next: 'open' | 'settled') => {
    setTab(next);
    setNotice(null);
  };

  return (
    <section className="side-panel my-bets" aria-labelledby="my-bets-heading">
      <div className="side-panel__head">
        <h2 id="my-bets-heading">My bets</h2>
        <div className="tabs" role="group" aria-label="Which bets">
          <button type="button" aria-pressed={tab === 'open'} onClick={() => choose('open')}>
            Open ({count(true)})
          </button>
          <button type="button" aria-pressed={tab === 'settled'} onClick={() => choose('settled')}>
            Settled ({count(false)})
          </button>
        </div>
      </div>
      <p className="form-ok my-bets__notice" role="status">
        {notice}
      </p>
      {shown.length === 0 ? (
        <p className="hint">{tab === 'open' ? 'No open bets.' : 'No settled bets yet.'}</p>
      ) : (
        <ul className="my-bet-list">
          {shown.map((bet) => (
            <MyBetRow key={bet.id} bet={bet} onChanged={changed} />
          ))}
        </ul>
      )}
      {source === 'this-page' && bets.length > 0 && (
        <p className="hint">Showing the bets placed on this page; the full history comes with the bets list.</p>
      )}
    </section>
  );
}
