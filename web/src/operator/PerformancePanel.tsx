import { useEffect, useState } from 'react';
import { loadPerformance, type StagePerformance, type StreamPerformance } from '../api/console';
import { streamPage } from '../api/gateway';
import { callApi } from '../api/request';
import { addSnapshot, EMPTY_HISTORY, type PerformanceHistory, type StreamSeries } from './performanceHistory';
import { Sparkline } from './Sparkline';

const POLL_MS = 2000;
const loadTitles = () => callApi({ path: '/api/streams?limit=100', decoder: streamPage });

/**
 * Analytics performance and live charts: the process's CPU and heap, and per stream its ingest
 * bitrate and fps, analytics fps, frames dropped and each pipeline stage's timings, polled every
 * two seconds and charted over the last five minutes.
 */
export function PerformancePanel() {
  const [history, setHistory] = useState<PerformanceHistory>(EMPTY_HISTORY);
  const [problem, setProblem] = useState<string | null>(null);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await loadPerformance();
      if (stopped) return;
      if (result.ok) {
        setHistory((h) => addSnapshot(h, result.value, Date.now()));
        setProblem(null);
      } else {
        setProblem(result.message);
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    void loadTitles().then((r) => {
      if (!stopped && r.ok) setTitles(new Map(r.value.items.map((s) => [s.id, s.title] as const)));
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  const last = history.last;
  const heapUsed = last?.process.heapUsedBytes;
  const heapMax = last?.process.heapMaxBytes;
  return (
    <div className="performance" data-testid="performance">
      {problem && <p className="hint">Not refreshed: {problem}</p>}
      {!last && !problem && <p className="hint">Reading performance…</p>}
      {last && (
        <div className="sparkline-row" aria-label="Process">
          <Sparkline points={history.cpu} label="Process CPU" unit="%" />
          <p className="figure">
            <span className="figure__label">Heap</span>
            <span className="figure__value">
              {heapUsed != null ? `${Math.round(heapUsed / 2 ** 20)} MiB` : '—'}
              {heapMax != null ? ` of ${Math.round(heapMax / 2 ** 20)} MiB` : ''}
            </span>
          </p>
          <p className="figure">
            <span className="figure__label">GPU</span>
            <span className="figure__value">none reported</span>
          </p>
        </div>
      )}
      {last && last.streams.length === 0 && <p className="hint">No stream is being ingested or analysed on this node.</p>}
      {last?.streams.map((stream) => (
        <StreamPerformanceCard
          key={stream.streamId}
          stream={stream}
          title={titles.get(stream.streamId)}
          series={history.streams.get(stream.streamId)}
        />
      ))}
    </div>
  );
}

function StreamPerformanceCard({
  stream,
  title,
  series,
}: {
  stream: StreamPerformance;
  title: string | undefined;
  series: StreamSeries | undefined;
}) {
  const name = title?.trim() || stream.streamId;
  return (
    <article className="performance-card" aria-label={`Performance of ${name}`} data-stream-id={stream.streamId}>
      <h3>{name}</h3>
      <div className="sparkline-row">
        <Sparkline points={series?.bitrateKbps ?? []} label="Ingest bitrate" unit="kbit/s" />
        <Sparkline points={series?.ingestFps ?? []} label="Ingest fps" unit="fps" />
        <Sparkline points={series?.analyticsFps ?? []} label="Analytics fps" unit="fps" digits={1} />
        <Sparkline points={series?.droppedPerSecond ?? []} label="Dropped frames" unit="/s" digits={1} />
      </div>
      <p className="hint">
        {stream.framesProcessed} frames analysed, {stream.framesSkipped} dropped
        {droppedReasons(stream) && ` (${droppedReasons(stream)})`}
        {stream.glassToGlassMs != null && `; glass-to-glass about ${Math.round(stream.glassToGlassMs)} ms`}
        {stream.viewers != null && `; ${stream.viewers} watching`}.
      </p>
      {stream.stages.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label={`Pipeline stages of ${name}`}>
            <thead>
              <tr>
                <th>Stage</th>
                <th>Frames</th>
                <th>Mean ms</th>
                <th>p50 ms</th>
                <th>p99 ms</th>
              </tr>
            </thead>
            <tbody>
              {inPipelineOrder(stream.stages).map((s) => (
                <tr key={s.stage} data-testid="stage-row">
                  <td>{s.stage}</td>
                  <td>{s.count}</td>
                  <td>{s.meanMs.toFixed(2)}</td>
                  <td>{s.p50Ms.toFixed(2)}</td>
                  <td>{s.p99Ms.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

const PIPELINE_ORDER = ['decode', 'detect', 'pose', 'track', 'kinematics', 'events'];

/** Stages in the order a frame passes through them; unknown ones last, by name. */
function inPipelineOrder(stages: readonly StagePerformance[]): StagePerformance[] {
  const rank = (stage: string) => {
    const i = PIPELINE_ORDER.indexOf(stage);
    return i < 0 ? PIPELINE_ORDER.length : i;
  };
  return [...stages].sort((a, b) => rank(a.stage) - rank(b.stage) || a.stage.localeCompare(b.stage));
}

/** "superseded 1137, detect_failed 2": the reasons frames were dropped for, leaving out those at zero. */
function droppedReasons(stream: StreamPerformance): string {
  return Object.entries(stream.framesSkippedByReason)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${reason.replaceAll('_', ' ')} ${n}`)
    .join(', ');
}
