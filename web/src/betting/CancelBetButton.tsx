import { useState } from 'react';
import { cancelBet, type Bet } from '../api/markets';
import { cancelRefusal } from './betStates';

/**
 * "Cancel bet" for a bet still waiting out its bet delay: busy while the server answers, then the
 * bet it returns (now cancelled, stake returned) goes to `onCancelled`; a refusal (too late, not
 * found) shows inline under the button and leaves everything else as it was.
 */
export function CancelBetButton({ bet, className, onCancelled }: { bet: Bet; className: string; onCancelled: (bet: Bet) => void }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ code: string; sentence: string } | null>(null);

  const cancel = async () => {
    setBusy(true);
    setRefusal(null);
    const result = await cancelBet(bet.id);
    setBusy(false);
    if (result.ok) onCancelled(result.value);
    else setRefusal({ code: result.code, sentence: cancelRefusal(result.code, result.message) });
  };

  const subject = `${bet.selectionName} · ${bet.marketTitle}`;
  return (
    <div className="cancel-bet">
      <button
        type="button"
        className={`chip-button cancel-bet__button ${className}`}
        aria-label={busy ? `Cancelling bet on ${subject}` : `Cancel bet on ${subject}`}
        aria-busy={busy}
        disabled={busy}
        onClick={() => void cancel()}
      >
        {busy ? 'Cancelling…' : 'Cancel bet'}
      </button>
      {refusal && (
        <p className="form-error cancel-bet__refusal" role="alert" data-code={refusal.code}>
          {refusal.sentence}
        </p>
      )}
    </div>
  );
}
