import { useCallback, useEffect, useState } from 'react';
import { loadStream } from '../api/endpoints';
import { useMe } from '../api/useMe';
import { BettingSidebar } from '../betting/BettingSidebar';
import { createPlaybackPosition } from '../betting/playbackPosition';
import { useLiveSocket } from '../live/useLiveSocket';
import { LiveStatus } from '../live/LiveStatus';
import { freshness } from '../live/liveState';
import { useLiveResource, useNow } from '../live/useLiveResource';
import { Link } from '../router/Link';
import { seededStream } from '../shell/initialState';
import { PageHeader } from '../shell/PageHeader';
import { WhepPlayer } from './WhepPlayer';

const REFRESH_MS = 3000;
const STALE_AFTER_MS = 10_000;

/** One stream: its live video when it is on air, and what it is waiting for when it is not. */
export function PlayerPage({ streamId }: { streamId: string }) {
  const load = useCallback((signal: AbortSignal) => loadStream(streamId, signal), [streamId]);
  const { state, refresh } = useLiveResource(load, REFRESH_MS, Date.now, seededStream(streamId));
  const now = useNow();
  const { user } = useMe();
  const live = useLiveSocket(user ? `user:${user.id}` : user === null ? 'anonymous' : null);
  const [position] = useState(createPlaybackPosition);
  const stream = state.data;
  const title = stream?.title;
  useEffect(() => {
    // Runs after the shell's generic title, so the tab keeps the stream's real name.
    if (title !== undefined) document.title = `${title.trim() || 'Stream'} · Slipstream`;
  }, [title]);
  return (
    <>
      <p className="back-link">
        <Link to="/watch">← All streams</Link>
      </p>
      <PageHeader title={stream?.title ?? 'Stream'} lead={stream ? leadFor(stream.state) : 'Loading…'} />
      <LiveStatus freshness={freshness(state, now, STALE_AFTER_MS)} now={now} subject="stream" onRetry={refresh} />
      <div className="watch-layout">
        <div className="watch-layout__video">
          {stream?.state === 'live' && <WhepPlayer streamId={streamId} socket={live.socket} position={position} />}
          {stream && stream.state !== 'live' && (
            <div className="notice" data-state="info">
              <p>
                <strong>{stream.state === 'ended' ? 'This broadcast has ended.' : 'This stream is not live right now.'}</strong>{' '}
                {stream.state === 'idle' && 'The video starts here as soon as the broadcaster goes live.'}
              </p>
            </div>
          )}
        </div>
        {user !== undefined && (
          <BettingSidebar streamId={streamId} user={user} socket={live.socket} socketState={live.state} position={position} />
        )}
      </div>
    </>
  );
}

function leadFor(state: string): string {
  switch (state) {
    case 'live':
      return 'Live now, with sub-second delay.';
    case 'ended':
      return 'Over.';
    default:
      return 'Waiting for the broadcaster.';
  }
}
