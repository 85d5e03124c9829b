import { useState } from 'react';
import type { Me } from '../api/session';
import { isBettor } from '../api/session';
import type { LiveSocket, SocketState } from '../live/liveSocket';
import { useNow } from '../live/useLiveResource';
import { Link } from '../router/Link';
import { BetSlip } from './BetSlip';
import { MarketsPanel } from './MarketsPanel';
import { MyBets } from './MyBets';
import type { PlaybackPosition } from './playbackPosition';
import { useAccountFeed } from './useAccountFeed';
import { useStreamMarkets } from './useStreamMarkets';
import { WalletBalance } from './WalletBalance';

/** Everything beside the video: wallet, live markets, the bet slip and my bets. */
export function BettingSidebar({
  streamId,
  user,
  socket,
  socketState,
  position,
}: {
  streamId: string;
  user: Me | null;
  socket: LiveSocket | null;
  socketState: SocketState;
  position: PlaybackPosition;
}) {
  const bettor = isBettor(user);
  const markets = useStreamMarkets(socket, streamId);
  const account = useAccountFeed(socket, bettor);
  const [chosen, setChosen] = useState<{ marketId: string; selectionId: string } | null>(null);
  const now = useNow(500);

  return (
    <aside className="betting" aria-label="Betting">
      {bettor ? (
        <WalletBalance wallet={account.wallet} updatedAt={account.walletUpdatedAt} problem={account.walletProblem} socketState={socketState} />
      ) : (
        <section className="side-panel">
          <p>
            <Link to="/account">Sign in or register</Link> to bet on what happens next.
          </p>
        </section>
      )}
      <MarketsPanel
        book={markets.book}
        restProblem={markets.restProblem}
        socketState={socketState}
        chosen={chosen}
        position={position}
        now={now}
        onChoose={(marketId, selectionId) => setChosen({ marketId, selectionId })}
      />
      <BetSlip
        key={chosen ? `${chosen.marketId}/${chosen.selectionId}` : 'empty'}
        market={chosen ? markets.book.get(chosen.marketId) : undefined}
        selectionId={chosen?.selectionId ?? null}
        socket={socket}
        socketState={socketState}
        position={position}
        signedIn={bettor}
        bets={account.bets}
        onPlaced={account.addPlaced}
        onBetChanged={account.replace}
        onClear={() => setChosen(null)}
      />
      {bettor && <MyBets bets={account.bets} source={account.betsSource} onBetChanged={account.replace} />}
    </aside>
  );
}
