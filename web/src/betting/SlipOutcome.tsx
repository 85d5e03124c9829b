import type { Bet } from '../api/markets';
import { CancelBetButton } from './CancelBetButton';
import { formatOdds } from './format';
import type { BetOutcome } from './placeBet';
import { useOddsFormat } from './useOddsFormat';

/**
 * The slip's answer line: a refusal or failure as the server gave it, or the placed bet as it
 * stands now (`placed` follows the account feed): pending confirmation with a cancel button,
 * confirmed, cancelled or lapsed.
 */
export function SlipOutcome({ outcome, placed, onBetChanged }: { outcome: BetOutcome; placed: Bet | null; onBetChanged: (bet: Bet) => void }) {
  const { format } = useOddsFormat();
  switch (outcome.kind) {
    case 'accepted':
      return placed ? (
        <PlacedBetLine bet={placed} wasPending={outcome.pending} onBetChanged={onBetChanged} />
      ) : (
        <p className="bet-slip__outcome" data-outcome={outcome.pending ? 'pending' : 'accepted'} role="status">
          {outcome.pending ? 'Bet received, pending confirmation' : 'Bet placed'} at {formatOdds(outcome.oddsBp, format)}.
        </p>
      );
    case 'rejected':
      return (
        <p className="bet-slip__outcome" data-outcome="rejected" data-code={outcome.code} role="alert">
          {outcome.sentence}
        </p>
      );
    case 'failed':
      return (
        <p className="bet-slip__outcome" data-outcome="failed" role="alert">
          {outcome.sentence}
        </p>
      );
  }
}

function PlacedBetLine({ bet, wasPending, onBetChanged }: { bet: Bet; wasPending: boolean; onBetChanged: (bet: Bet) => void }) {
  const { format } = useOddsFormat();
  const odds = formatOdds(bet.decimalOddsBp, format);
  switch (bet.state) {
    case 'PENDING':
      return (
        <div className="bet-slip__pending">
          <p className="bet-slip__outcome" data-outcome="pending" role="status">
            Pending confirmation at {odds}: the stake is held until the stream confirms the bet.
          </p>
          <CancelBetButton bet={bet} className="bet-slip__cancel" onCancelled={onBetChanged} />
        </div>
      );
    case 'CANCELLED':
      return (
        <p className="bet-slip__outcome" data-outcome="cancelled" role="status">
          Bet cancelled — stake returned.
        </p>
      );
    case 'VOID':
      return (
        <p className="bet-slip__outcome" data-outcome="void" role="status">
          {wasPending ? 'The market moved on before the bet was confirmed' : 'The bet was voided'}; the stake was returned.
        </p>
      );
    default:
      return (
        <p className="bet-slip__outcome" data-outcome="accepted" role="status">
          {wasPending ? 'Bet confirmed' : 'Bet placed'} at {odds}.
        </p>
      );
  }
}
