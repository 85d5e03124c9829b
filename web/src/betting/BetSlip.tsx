import { useState, type FormEvent } from 'react';
import type { Bet } from '../api/markets';
import type { LiveSocket, SocketState } from '../live/liveSocket';
import { Link } from '../router/Link';
import { formatMoney, formatOdds, parseMoney, potentialReturn } from './format';
import { marketLabel, type LiveMarket } from './marketBook';
import { placeBet, type BetOutcome } from './placeBet';
import { currentMediaTimeUs, type PlaybackPosition } from './playbackPosition';
import { SlipOutcome } from './SlipOutcome';
import { useOddsFormat } from './useOddsFormat';

const PRESETS_MINOR = [100, 500, 1000, 2500];

/**
 * The bet slip: the chosen selection at its live odds, a stake (typed or a preset), the potential
 * return, whether to take better odds if the price moves, and the server's answer in place; a bet
 * that waits out a bet delay shows as pending (with a cancel) until the account feed confirms it.
 */
export function BetSlip({
  market,
  selectionId,
  socket,
  socketState,
  position,
  signedIn,
  bets,
  onPlaced,
  onBetChanged,
  onClear,
}: {
  market: LiveMarket | undefined;
  selectionId: string | null;
  socket: LiveSocket | null;
  socketState: SocketState;
  position: PlaybackPosition;
  signedIn: boolean;
  /** My bets as the account feed has them, to follow the placed bet's state. */
  bets: Bet[];
  onPlaced: (bet: Bet) => void;
  onBetChanged: (bet: Bet) => void;
  onClear: () => void;
}) {
  const [stakeText, setStakeText] = useState('5');
  const [acceptBetterOdds, setAcceptBetterOdds] = useState(true);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<BetOutcome | null>(null);
  const [placed, setPlaced] = useState<Bet | null>(null);
  const { format } = useOddsFormat();

  const selection = market?.selections.find((s) => s.id === selectionId);
  if (!market || !selection) {
    return (
      <section className="side-panel bet-slip" aria-labelledby="slip-heading" data-market-state="none">
        <h2 id="slip-heading">Bet slip</h2>
        <p className="hint">Tap a selection’s odds to put it on the slip.</p>
      </section>
    );
  }

  const stakeMinor = parseMoney(stakeText);
  const open = market.state === 'OPEN';
  const connected = socketState === 'open';
  const blocked = !signedIn ? 'Sign in to bet.' : !open ? stateSentence(market.state) : !connected ? 'Reconnecting: betting resumes when the odds are live again.' : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!socket || stakeMinor === null || stakeMinor <= 0 || blocked) return;
    setBusy(true);
    setOutcome(null);
    setPlaced(null);
    const result = await placeBet(socket, {
      marketId: market.id,
      selectionId: selection.id,
      stakeMinor,
      oddsBp: selection.oddsBp,
      priceVersion: market.priceVersion,
      acceptBetterOdds,
      mediaTimeUs: currentMediaTimeUs(position, Date.now()),
    });
    setBusy(false);
    setOutcome(result);
    if (result.kind === 'accepted') {
      const bet: Bet = {
        id: result.betId,
        marketId: market.id,
        marketTitle: marketLabel(market),
        selectionId: selection.id,
        selectionName: selection.name,
        stakeMinor,
        currency: 'EUR',
        decimalOddsBp: result.oddsBp,
        potentialPayoutMinor: potentialReturn(stakeMinor, result.oddsBp),
        state: result.pending ? 'PENDING' : 'OPEN',
        placedAt: new Date().toISOString(),
        settledAt: null,
        payoutMinor: null,
        evidenceUrl: null,
      };
      setPlaced(bet);
      onPlaced(bet);
    }
  };

  return (
    <section className="side-panel bet-slip" aria-labelledby="slip-heading" data-market-state={market.state}>
      <div className="side-panel__head">
        <h2 id="slip-heading">Bet slip</h2>
        <button type="button" className="link-button" onClick={onClear}>
          Clear
        </button>
      </div>
      <p className="bet-slip__pick">
        <strong>{selection.name}</strong> · {marketLabel(market)}
        <span className="bet-slip__odds" data-testid="slip-odds">
          @ {formatOdds(selection.oddsBp, format)}
        </span>
      </p>
      {blocked && (
        <p className="bet-slip__blocked" role="status" data-testid="slip-blocked">
          {blocked} {!signedIn && <Link to="/account">Sign in or register</Link>}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} aria-label="Bet slip">
        <label className="field">
          Stake (€)
          <input
            inputMode="decimal"
            value={stakeText}
            onChange={(e) => setStakeText(e.target.value)}
            aria-invalid={stakeMinor === null}
            aria-describedby="slip-return"
          />
        </label>
        <div className="presets" role="group" aria-label="Stake presets">
          {PRESETS_MINOR.map((minor) => (
            <button key={minor} type="button" className="chip-button" onClick={() => setStakeText(String(minor / 100))}>
              {formatMoney(minor)}
            </button>
          ))}
        </div>
        <p id="slip-return" className="bet-slip__return">
          {stakeMinor === null ? 'Type a stake such as 5 or 2.50.' : `Returns ${formatMoney(potentialReturn(stakeMinor, selection.oddsBp))} if it wins`}
        </p>
        <label className="check-field">
          <input type="checkbox" checked={acceptBetterOdds} onChange={(e) => setAcceptBetterOdds(e.target.checked)} />
          Accept better odds if the price moves
        </label>
        <button type="submit" className="button button--primary" disabled={busy || blocked !== null || stakeMinor === null || stakeMinor <= 0}>
          {busy ? 'Placing…' : `Place bet${stakeMinor ? ` ${formatMoney(stakeMinor)}` : ''}`}
        </button>
      </form>
      {outcome && (
        <SlipOutcome outcome={outcome} placed={placed && (bets.find((b) => b.id === placed.id) ?? placed)} onBetChanged={onBetChanged} />
      )}
    </section>
  );
}

function stateSentence(state: string): string {
  switch (state) {
    case 'SUSPENDED':
      return 'Suspended: bets are paused while something decisive may be happening.';
    case 'CLOSED':
      return 'Closed: this market takes no more bets; the result follows.';
    default:
      return `This market is ${state.toLowerCase()}.`;
  }
}
