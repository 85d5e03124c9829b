import { useEffect, useState } from 'react';
import { loadStreamFigures, type StreamFigures } from '../api/streams';

interface SenderFigures {
  bitrateKbps: number;
  fps: number;
  width: number;
  height: number;
}

/** Ingest health while publishing: what the browser sends (bitrate, fps, size) and the server's view (viewers). */
export function PublishStats({ connection, streamId }: { connection: RTCPeerConnection; streamId: string }) {
  const [sender, setSender] = useState<SenderFigures | null>(null);
  const [server, setServer] = useState<StreamFigures | null>(null);

  useEffect(() => {
    let last: { bytes: number; at: number } | null = null;
    const timer = setInterval(async () => {
      const report = await connection.getStats();
      report.forEach((stat: Record<string, unknown>) => {
        if (stat['type'] !== 'outbound-rtp' || stat['kind'] !== 'video') return;
        const bytes = Number(stat['bytesSent'] ?? 0);
        const at = Number(stat['timestamp'] ?? Date.now());
        const bitrateKbps = last && at > last.at ? ((bytes - last.bytes) * 8) / (at - last.at) : 0;
        last = { bytes, at };
        setSender({
          bitrateKbps: Math.round(bitrateKbps),
          fps: Number(stat['framesPerSecond'] ?? 0),
          width: Number(stat['frameWidth'] ?? 0),
          height: Number(stat['frameHeight'] ?? 0),
        });
      });
      const figures = await loadStreamFigures(streamId);
      if (figures.ok) setServer(figures.value);
    }, 1000);
    return () => clearInterval(timer);
  }, [connection, streamId]);

  return (
    <dl className="facts" aria-label="Ingest health" data-testid="publish-stats">
      <div>
        <dt>Sending</dt>
        <dd data-testid="sent-kbps">{sender ? `${sender.bitrateKbps} kbit/s` : '…'}</dd>
      </div>
      <div>
        <dt>Frame rate</dt>
        <dd>{sender ? `${sender.fps} fps` : '…'}</dd>
      </div>
      <div>
        <dt>Picture</dt>
        <dd>{sender && sender.width > 0 ? `${sender.width}×${sender.height}` : '…'}</dd>
      </div>
      <div>
        <dt>Server receives</dt>
        <dd>{server?.ingestBitrateKbps !== undefined ? `${Math.round(server.ingestBitrateKbps)} kbit/s` : '…'}</dd>
      </div>
      <div>
        <dt>Viewers</dt>
        <dd data-testid="viewers">{server ? server.viewers : '…'}</dd>
      </div>
    </dl>
  );
}
