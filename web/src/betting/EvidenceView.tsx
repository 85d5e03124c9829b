import { useEffect, useState } from 'react';
import { loadEvidence, type Evidence } from '../api/markets';

const WIDTH = 280;
const HEIGHT = 90;
const PAD = 6;
const FRAMES_RETRY_MS = 1500;

/** What settled a market: the measured series as a small chart (with its threshold) and the frames. */
export function EvidenceView({ marketId }: { marketId: string }) {
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frames are cut from the video a moment after the decision: ask again until they are in.
    const load = (triesLeft: number) =>
      void loadEvidence(marketId).then((result) => {
        if (stopped) return;
        if (!result.ok) {
          setProblem(result.status === 404 ? 'No evidence is stored for this market.' : result.message);
          return;
        }
        setEvidence(result.value);
        if (result.value.frames.length === 0 && triesLeft > 0) timer = setTimeout(() => load(triesLeft - 1), FRAMES_RETRY_MS);
      });
    load(4);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [marketId]);

  if (problem) return <p className="hint">{problem}</p>;
  if (!evidence) return <p className="hint">Loading the evidence…</p>;
  return (
    <div className="evidence" data-testid="evidence">
      <p className="evidence__reason">
        {capitalise(evidence.reason)} · {seconds(evidence.fromMediaTimeUs)}–{seconds(evidence.toMediaTimeUs)}
      </p>
      <SeriesChart evidence={evidence} />
      <ul className="evidence__frames">
        {evidence.frames.map((frame) => (
          <li key={frame.index}>
            <img src={frame.url} alt={`Frame at ${seconds(frame.mediaTimeUs)}`} loading="lazy" width={120} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The measurement over the market's window: a line through the samples (a dot for each when there
 * are few, as for a jump's height), the threshold asked about, and the deciding moment; a window
 * with nothing measured in it (no jump, no zone entry) still shows its span and the decision.
 */
function SeriesChart({ evidence }: { evidence: Evidence }) {
  const points = evidence.series;
  const times = points.map((p) => p.mediaTimeUs);
  const t0 = Math.min(evidence.fromMediaTimeUs || Infinity, ...times, evidence.decidedAtMediaTimeUs);
  const t1 = Math.max(evidence.toMediaTimeUs, ...times, evidence.decidedAtMediaTimeUs, t0 + 1);
  const values = points.map((p) => p.value).concat(evidence.threshold ?? []);
  const lo = values.length ? Math.min(0, ...values) : 0;
  const hi = values.length ? Math.max(...values) * 1.1 : 1;
  const x = (t: number) => PAD + ((t - t0) / (t1 - t0)) * (WIDTH - 2 * PAD);
  const y = (v: number) => HEIGHT - PAD - ((v - lo) / Math.max(hi - lo, 1e-9)) * (HEIGHT - 2 * PAD);
  const line = points.map((p) => `${x(p.mediaTimeUs).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg
      className="evidence__chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${evidence.measure.replaceAll('_', ' ')} over the market's window: ${evidence.reason}`}
      data-points={points.length}
    >
      {evidence.threshold !== null && (
        <line x1={PAD} x2={WIDTH - PAD} y1={y(evidence.threshold)} y2={y(evidence.threshold)} className="evidence__threshold" />
      )}
      {points.length > 1 && <polyline points={line} className="evidence__series" />}
      {points.length <= 12 &&
        points.map((p) => <circle key={p.mediaTimeUs} cx={x(p.mediaTimeUs)} cy={y(p.value)} r={3} className="evidence__point" />)}
      {points.length === 0 && (
        <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" className="evidence__empty">
          nothing measured in the window
        </text>
      )}
      <line x1={x(evidence.decidedAtMediaTimeUs)} x2={x(evidence.decidedAtMediaTimeUs)} y1={0} y2={HEIGHT} className="evidence__decided" />
    </svg>
  );
}

function seconds(mediaTimeUs: number): string {
  return `${(mediaTimeUs / 1e6).toFixed(2)} s`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
