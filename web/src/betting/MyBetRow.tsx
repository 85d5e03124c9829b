import { useState } from 'react';
import type { Bet } from '../api/markets';
import { betStateLabel, hasResultEvidence, isCancellable, payoutLine } from './betStates';
import { CancelBetButton } from './CancelBetButton';
import { EvidenceView } from './EvidenceView';
import { formatMoney, formatOdds } from './format';
import { useOddsFormat } from './useOddsFormat';

/**
 * One of my bets: the pick, stake at odds, its state and what it returns; a pending bet can be
 * cancelled, a decided one shows the evidence that decided it.
 */
export function MyBetRow({ bet, onChanged }: { bet: Bet; onChanged: (bet: Bet) => void }) {
  const [showEvidence, setShowEvidence] = useState(false);
  const { format } = useOddsFormat();
  const pending = bet.state === 'PENDING';
  return (
    <li className={pending ? 'my-bet my-bet--pending' : 'my-bet'} data-bet-id={bet.id} data-state={bet.state}>
      <p className="my-bet__pick">
        <strong>{bet.selectionName}</strong> · {bet.marketTitle}
      </p>
      <p className="my-bet__terms">
        {formatMoney(bet.stakeMinor, bet.currency)} @ {formatOdds(bet.decimalOddsBp, format)}
        <span className="my-bet__state" data-state={bet.state} data-testid="my-bet-state">
          {betStateLabel(bet.state)}
        </span>
      </p>
      <p className="my-bet__payout">{payoutLine(bet)}</p>
      {isCancellable(bet) && <CancelBetButton bet={bet} className="my-bet__cancel" onCancelled={onChanged} />}
      {hasResultEvidence(bet) && (
        <button type="button" className="link-button" aria-expanded={showEvidence} onClick={() => setShowEvidence(!showEvidence)}>
          {showEvidence ? 'Hide evidence' : 'Show evidence'}
        </button>
      )}
      {showEvidence && <EvidenceView marketId={bet.marketId} />}
    </li>
  );
}
