import { useEffect, useRef, useState } from 'react';
import { startWhep, WhepError, type WhepSession } from '../api/whep';
import type { PlaybackPosition } from '../betting/playbackPosition';
import type { LiveSocket } from '../live/liveSocket';
import { AnalyticsOverlay } from './AnalyticsOverlay';
import { describe, retryDelay, type PlayerStatus } from './playerState';

/**
 * The live video of one stream over WHEP. Connects on mount, reconnects with back-off when the
 * connection drops or the server refuses for a while (e.g. the publisher is reconnecting), and
 * hangs up on unmount.
 */
/**
 * Calls `shown` once the element presents its first frame: connected is not yet playing, since a
 * viewer starts at the stream's next keyframe (up to one keyframe interval, 2 s from OBS).
 */
function whenFirstFrameShows(element: HTMLVideoElement | null, shown: () => void) {
  if (!element) return;
  if ('requestVideoFrameCallback' in element) {
    element.requestVideoFrameCallback(() => shown());
  } else {
    (element as HTMLVideoElement).addEventListener('loadeddata', () => shown(), { once: true });
  }
}

export function WhepPlayer({
  streamId,
  socket,
  position,
}: {
  streamId: string;
  socket: LiveSocket | null;
  position: PlaybackPosition;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<PlayerStatus>({ kind: 'connecting', attempt: 1 });
  const [active, setActive] = useState<WhepSession | null>(null);

  useEffect(() => {
    const lifetime = new AbortController();
    let session: WhepSession | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;

    const retry = (reason: string) => {
      session?.stop();
      session = null;
      setActive(null);
      if (lifetime.signal.aborted) return;
      const inMs = retryDelay(attempt);
      setStatus({ kind: 'retrying', attempt, reason, inMs });
      timer = setTimeout(() => void connect(), inMs);
    };

    const connect = async () => {
      attempt += 1;
      setStatus({ kind: 'connecting', attempt });
      try {
        const started = await startWhep(streamId, lifetime.signal);
        if (lifetime.signal.aborted) {
          started.stop();
          return;
        }
        session = started;
        setActive(started);
        if (video.current) video.current.srcObject = started.stream;
        started.connection.addEventListener('connectionstatechange', () => {
          const state = started.connection.connectionState;
          if (state === 'connected') {
            attempt = 0;
            setStatus({ kind: 'starting' });
            whenFirstFrameShows(video.current, () => {
              if (session === started) setStatus({ kind: 'playing' });
            });
          } else if (state === 'failed' || state === 'closed' || state === 'disconnected') {
            if (session === started) retry('The connection dropped.');
          }
        });
      } catch (error) {
        if (lifetime.signal.aborted) return;
        retry(error instanceof WhepError ? `${error.message}.` : 'The server could not be reached.');
      }
    };

    void connect();
    return () => {
      lifetime.abort();
      clearTimeout(timer);
      session?.stop();
    };
  }, [streamId]);

  return (
    <figure className="player">
      <div className="player__stage">
      <video
        ref={video}
        className="player__video"
        data-status={status.kind}
        autoPlay
        muted
        playsInline
        controls
        aria-label="Live video"
      />
      {active && (
        <AnalyticsOverlay
          video={video}
          streamId={streamId}
          resource={active.resource}
          connection={active.connection}
          socket={socket}
          position={position}
        />
      )}
      </div>
      <figcaption className="player__status" role="status" data-status={status.kind}>
        {describe(status)}
      </figcaption>
    </figure>
  );
}
