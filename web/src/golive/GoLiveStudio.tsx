import { useEffect, useRef, useState } from 'react';
import { createStream } from '../api/streams';
import { startWhip, type WhipSession } from '../api/whip';
import { Link } from '../router/Link';
import { streamPath } from '../router/routes';
import { PublishStats } from './PublishStats';

type Source = 'camera' | 'screen';

type Phase =
  | { kind: 'idle' }
  | { kind: 'preview' }
  | { kind: 'starting' }
  | { kind: 'live'; streamId: string; session: WhipSession }
  | { kind: 'failed'; reason: string };

/** Pick camera or screen, preview it, publish it over WHIP to a new stream, watch its health, stop. */
export function GoLiveStudio() {
  const preview = useRef<HTMLVideoElement>(null);
  const [title, setTitle] = useState('My live stream');
  const [source, setSource] = useState<Source>('camera');
  const [media, setMedia] = useState<MediaStream | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  useEffect(() => {
    if (preview.current) preview.current.srcObject = media;
    return () => media?.getTracks().forEach((t) => t.stop());
  }, [media]);

  useEffect(() => () => void (phase.kind === 'live' && phase.session.stop()), [phase]);

  const startPreview = async () => {
    try {
      const stream =
        source === 'camera'
          ? await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 }, audio: true })
          : await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      setMedia(stream);
      setPhase({ kind: 'preview' });
    } catch (error) {
      setPhase({ kind: 'failed', reason: `The ${source} could not be opened: ${error instanceof Error ? error.message : String(error)}.` });
    }
  };

  const goLive = async () => {
    if (!media) return;
    setPhase({ kind: 'starting' });
    const created = await createStream(title.trim() || 'Untitled stream');
    if (!created.ok) {
      setPhase({ kind: 'failed', reason: created.message });
      return;
    }
    try {
      const session = await startWhip(created.value.id, created.value.publishKey, media);
      setPhase({ kind: 'live', streamId: created.value.id, session });
    } catch (error) {
      setPhase({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  const stop = () => {
    if (phase.kind === 'live') void phase.session.stop();
    media?.getTracks().forEach((t) => t.stop());
    setMedia(null);
    setPhase({ kind: 'idle' });
  };

  return (
    <div className="panels">
      <section className="panel" aria-labelledby="studio-heading">
        <h2 id="studio-heading">Studio</h2>
        <div className="stack-form">
          <label className="field">
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} disabled={phase.kind === 'live'} />
          </label>
          <label className="field">
            Source
            <select value={source} onChange={(e) => setSource(e.target.value as Source)} disabled={media !== null}>
              <option value="camera">Camera and microphone</option>
              <option value="screen">Screen</option>
            </select>
          </label>
          {media === null && (
            <button type="button" className="button" onClick={() => void startPreview()}>
              Start preview
            </button>
          )}
          {media !== null && phase.kind !== 'live' && (
            <button type="button" className="button button--primary" disabled={phase.kind === 'starting'} onClick={() => void goLive()}>
              {phase.kind === 'starting' ? 'Going live…' : 'Go live'}
            </button>
          )}
          {media !== null && (
            <button type="button" className="button" onClick={stop}>
              {phase.kind === 'live' ? 'Stop broadcast' : 'Stop preview'}
            </button>
          )}
          {phase.kind === 'failed' && (
            <p className="form-error" role="alert">
              {phase.reason}
            </p>
          )}
        </div>
      </section>
      <section className="panel" aria-labelledby="preview-heading">
        <h2 id="preview-heading">{phase.kind === 'live' ? 'On air' : 'Preview'}</h2>
        <video ref={preview} className="preview" autoPlay muted playsInline aria-label="Preview of what you publish" />
        {phase.kind === 'live' && (
          <>
            <p className="form-ok" role="status" data-testid="on-air" data-stream-id={phase.streamId}>
              Live. Viewers watch at <Link to={streamPath(phase.streamId)}>{streamPath(phase.streamId)}</Link>
            </p>
            <PublishStats connection={phase.session.connection} streamId={phase.streamId} />
          </>
        )}
      </section>
    </div>
  );
}
