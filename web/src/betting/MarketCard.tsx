import { marketLabel, type LiveMarket } from './marketBook';
import { MarketCountdown } from './MarketCountdown';
import type { PlaybackPosition } from './playbackPosition';
import { SelectionButton } from './SelectionButton';

const STATE_WORDS: Record<string, string> = {
  OPEN: 'Open',
  SUSPENDED: 'Suspended',
  CLOSED: 'Closed',
  SETTLED: 'Settled',
  VOID: 'Void',
};

/** One market: its question, state, countdown and selections to tap. */
export function MarketCard({
  market,
  chosenSelectionId,
  position,
  now,
  onChoose,
}: {
  market: LiveMarket;
  chosenSelectionId: string | null;
  position: PlaybackPosition;
  now: number;
  onChoose: (selectionId: string) => void;
}) {
  const open = market.state === 'OPEN';
  return (
    <li className="market" data-market-id={market.id} data-state={market.state} data-price-version={market.priceVersion}>
      <div className="market__head">
        <h3 className="market__title">{marketLabel(market)}</h3>
        <span className="market__state" data-state={market.state}>
          {STATE_WORDS[market.state] ?? market.state}
        </span>
        {open && <MarketCountdown windowEndMediaTimeUs={market.windowEndMediaTimeUs} position={position} now={now} />}
      </div>
      <div className="market__selections" role="group" aria-label={`Selections of ${marketLabel(market)}`}>
        {market.selections.map((selection) => (
          <SelectionButton
            key={selection.id}
            selection={selection}
            chosen={selection.id === chosenSelectionId}
            disabled={!open}
            onChoose={() => onChoose(selection.id)}
          />
        ))}
      </div>
    </li>
  );
}
