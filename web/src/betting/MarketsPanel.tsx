import type { SocketState } from '../live/liveSocket';
import { ConnectionBadge } from '../live/ConnectionBadge';
import { MarketCard } from './MarketCard';
import { visibleMarkets, type MarketBook } from './marketBook';
import { OddsFormatSelect } from './OddsFormatSelect';
import type { PlaybackPosition } from './playbackPosition';

/** The stream's live markets, with whether their odds are live or possibly stale and how they read. */
export function MarketsPanel({
  book,
  restProblem,
  socketState,
  chosen,
  position,
  now,
  onChoose,
}: {
  book: MarketBook;
  restProblem: string | null;
  socketState: SocketState;
  chosen: { marketId: string; selectionId: string } | null;
  position: PlaybackPosition;
  now: number;
  onChoose: (marketId: string, selectionId: string) => void;
}) {
  const markets = visibleMarkets(book, now);
  return (
    <section className="side-panel markets" aria-labelledby="markets-heading" data-socket={socketState}>
      <div className="side-panel__head">
        <h2 id="markets-heading">Markets</h2>
        <ConnectionBadge state={socketState} what="odds" />
        <OddsFormatSelect />
      </div>
      {markets.length === 0 ? (
        <p className="hint">No market is open right now. Markets open as the analytics see something worth betting on.</p>
      ) : (
        <ul className="market-list">
          {markets.map((market) => (
            <MarketCard
              key={market.id}
              market={market}
              chosenSelectionId={chosen?.marketId === market.id ? chosen.selectionId : null}
              position={position}
              now={now}
              onChoose={(selectionId) => onChoose(market.id, selectionId)}
            />
          ))}
        </ul>
      )}
      {restProblem && markets.length > 0 && <p className="hint">{restProblem}</p>}
    </section>
  );
}
