import { useCallback } from 'react';
import { loadStreamFigures, type StreamFigures } from '../api/streams';
import { loadStreams } from '../api/endpoints';
import type { ApiResult } from '../api/request';
import { usePolled } from '../live/usePolled';

interface LiveStreamHealth {
  id: string;
  title: string;
  figures: StreamFigures | null;
}

async function loadLiveHealth(): Promise<ApiResult<LiveStreamHealth[]>> {
  const streams = await loadStreams(AbortSignal.timeout(5000));
  if (!streams.ok) return { ok: false, status: 0, code: streams.failure.kind, message: streams.failure.message };
  const live = streams.value.items.filter((s) => s.state === 'live').slice(0, 20);
  const figures = await Promise.all(live.map((s) => loadStreamFigures(s.id)));
  return {
    ok: true,
    status: 200,
    value: live.map((s, i) => {
      const f = figures[i];
      return { id: s.id, title: s.title, figures: f && f.ok ? f.value : null };
    }),
  };
}

/** Every live stream's ingest health: codec, bitrate, fps, loss, viewers and glass-to-glass. */
export function StreamsHealth() {
  const load = useCallback(loadLiveHealth, []);
  const streams = usePolled(load, 3000);
  const list = streams.value ?? [];
  if (list.length === 0) return <p className="hint">{streams.problem?.message ?? 'No stream is live.'}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Live streams">
        <thead>
          <tr>
            <th>Stream</th>
            <th>Codec</th>
            <th>kbit/s</th>
            <th>fps</th>
            <th>Lost</th>
            <th>Viewers</th>
            <th>Glass-to-glass</th>
          </tr>
        </thead>
        <tbody>
          {list.map((s) => (
            <tr key={s.id}>
              <td>{s.title}</td>
              <td>{s.figures?.videoCodec ?? '–'}</td>
              <td>{s.figures?.ingestBitrateKbps !== undefined ? Math.round(s.figures.ingestBitrateKbps) : '–'}</td>
              <td>{s.figures?.framesPerSecond !== undefined ? s.figures.framesPerSecond.toFixed(1) : '–'}</td>
              <td>{s.figures?.packetsLost ?? '–'}</td>
              <td>{s.figures?.viewers ?? '–'}</td>
              <td>{s.figures?.estimatedGlassToGlassMs !== undefined ? `${Math.round(s.figures.estimatedGlassToGlassMs)} ms` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
