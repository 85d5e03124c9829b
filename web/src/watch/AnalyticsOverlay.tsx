import { useEffect, useRef, useState, type RefObject } from 'react';
import { currentMediaTimeUs, type PlaybackPosition } from '../betting/playbackPosition';
import type { LiveSocket } from '../live/liveSocket';
import { AnalyticsBuffer } from './analyticsBuffer';
import { drawOverlay, type Layers } from './drawOverlay';
import { mediaTimeMicros, parseViewerClock, type ViewerClock } from './mediaClock';
import { interpolateFrame } from './interpolateFrame';
import { overlayFrame } from './overlayFrames';
import { AdaptivePlayoutDelay } from './playoutDelay';

/** Analytics older than this at the displayed frame are not its analytics: nothing is drawn. */
const TOLERANCE_US = 150_000;
/**
 * How long the video waits in its jitter buffer at first so the analytics of a frame (vision takes
 * tens of milliseconds) are there when it is shown; {@link AdaptivePlayoutDelay} then tunes it to
 * the analytics' measured lateness.
 */
const INITIAL_PLAYOUT_DELAY_MS = 150;

const LAYER_NAMES: [keyof Layers, string][] = [
  ['boxes', 'Boxes'],
  ['speeds', 'Speeds'],
  ['skeletons', 'Skeletons'],
  ['trails', 'Trails'],
];

/**
 * The analytics of a stream drawn over its video, frame by frame: the live socket brings the
 * analytics frames, the viewer's media clock turns each displayed frame's RTP timestamp into the
 * media time they are keyed by, and a canvas over the picture shows the athletes' boxes, speeds,
 * skeletons and trails, each layer switchable.
 */
export function AnalyticsOverlay({
  video,
  streamId,
  resource,
  connection,
  socket,
  position,
}: {
  video: RefObject<HTMLVideoElement | null>;
  streamId: string;
  resource: string | null;
  connection: RTCPeerConnection | null;
  socket: LiveSocket | null;
  position: PlaybackPosition;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [layers, setLayers] = useState<Layers>({ boxes: true, speeds: true, skeletons: true, trails: false });
  const layersRef = useRef(layers);
  layersRef.current = layers;

  useEffect(() => {
    const element = video.current;
    const surface = canvas.current;
    if (!element || !surface || !resource || !socket) return;
    const buffer = new AnalyticsBuffer();
    const delay = new AdaptivePlayoutDelay(INITIAL_PLAYOUT_DELAY_MS);
    let appliedDelayMs = -1;
    const applyDelay = () => {
      if (!connection || delay.target === appliedDelayMs) return;
      appliedDelayMs = delay.target;
      for (const receiver of connection.getReceivers()) {
        if (receiver.track.kind === 'video' && 'jitterBufferTarget' in receiver) {
          (receiver as RTCRtpReceiver & { jitterBufferTarget: number | null }).jitterBufferTarget = appliedDelayMs;
        }
      }
      surface.dataset.playoutDelayMs = String(appliedDelayMs);
    };
    applyDelay();
    const unsubscribe = socket.subscribe('TOPIC_STREAM_ANALYTICS', streamId, (message) => {
      const frame = overlayFrame(message);
      if (!frame) return;
      buffer.add(frame);
      const shown = currentMediaTimeUs(position, Date.now());
      if (shown !== null) {
        delay.record(frame.mediaTimeUs, shown, Date.now());
        applyDelay();
      }
    });
    let clock: ViewerClock | null = null;
    let stopped = false;
    let asked = false;
    // Asked once a frame is on screen: before the server has sent this viewer video it has no
    // clock for it (409), and a refused request would be logged as a console error.
    const askClock = async () => {
      while (!stopped && clock === null) {
        try {
          const response = await fetch(`${resource}/clock`, { cache: 'no-store' });
          if (response.ok) clock = parseViewerClock(await response.json());
        } catch {
          // Not ready or unreachable: ask again.
        }
        if (clock === null) await new Promise((r) => setTimeout(r, 1000));
      }
    };
    const context = surface.getContext('2d');
    let handle = 0;
    let interpolated = 0;
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (stopped) return;
      if (!asked) {
        asked = true;
        void askClock();
      }
      if (context && clock && meta.rtpTimestamp !== undefined) {
        const shownUs = mediaTimeMicros(clock, meta.rtpTimestamp);
        position.mediaTimeUs = shownUs;
        position.at = Date.now();
        const before = buffer.at(shownUs, TOLERANCE_US);
        const after = before ? buffer.after(shownUs) : null;
        const frame = before ? interpolateFrame(before, after, shownUs) : null;
        if (before && after && frame !== before) interpolated += 1;
        const rect = element.getBoundingClientRect();
        if (surface.width !== Math.round(rect.width) || surface.height !== Math.round(rect.height)) {
          surface.width = Math.round(rect.width);
          surface.height = Math.round(rect.height);
        }
        const scaleX = frame ? surface.width / frame.width : 1;
        const scaleY = frame ? surface.height / frame.height : 1;
        drawOverlay(context, frame, buffer, layersRef.current, scaleX, scaleY);
        surface.dataset.tracks = String(frame ? frame.tracks.filter((t) => t.confirmed).length : 0);
        surface.dataset.mediaTimeUs = String(frame?.mediaTimeUs ?? '');
        surface.dataset.firstBoxX = frame && frame.tracks[0] ? String(Math.round(frame.tracks[0].box.x)) : '';
        surface.dataset.interpolated = String(interpolated);
        surface.dataset.shownMediaTimeUs = String(shownUs);
      }
      handle = element.requestVideoFrameCallback(onFrame);
    };
    handle = element.requestVideoFrameCallback(onFrame);
    return () => {
      stopped = true;
      element.cancelVideoFrameCallback(handle);
      unsubscribe();
    };
  }, [video, streamId, resource, socket, connection, position]);

  return (
    <>
      <canvas ref={canvas} className="overlay" aria-hidden="true" data-tracks="0" />
      <fieldset className="overlay__layers">
        <legend>Analytics on the video</legend>
        {LAYER_NAMES.map(([key, label]) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={layers[key]}
              onChange={(event) => setLayers({ ...layers, [key]: event.target.checked })}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </>
  );
}
