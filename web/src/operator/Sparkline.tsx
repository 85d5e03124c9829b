import type { Point } from './performanceHistory';

const WIDTH = 160;
const HEIGHT = 36;

/**
 * A small inline SVG line of `points` over the last minutes, scaled to its own range, with the
 * latest value beside it; screen readers get the latest, lowest and highest values in words.
 */
export function Sparkline({ points, label, unit, digits = 0 }: { points: readonly Point[]; label: string; unit: string; digits?: number }) {
  const latest = points.at(-1)?.value;
  const values = points.map((p) => p.value);
  const min = values.length > 0 ? Math.min(...values) : 0;
  const max = values.length > 0 ? Math.max(...values) : 0;
  const format = (v: number) => `${v.toFixed(digits)} ${unit}`.trim();
  const summary =
    latest === undefined ? `${label}: no data yet` : `${label}: ${format(latest)} now, ${format(min)} to ${format(max)} over the last minutes`;
  return (
    <figure className="sparkline" aria-label={summary} data-testid="sparkline" data-points={points.length}>
      <figcaption className="sparkline__label">{label}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-hidden="true">
        <polyline className="sparkline__line" points={linePoints(points, min, max)} fill="none" />
      </svg>
      <span className="sparkline__value">{latest === undefined ? '—' : format(latest)}</span>
    </figure>
  );
}

function linePoints(points: readonly Point[], min: number, max: number): string {
  if (points.length === 0) return '';
  const first = points[0]!.at;
  const span = Math.max(1, points.at(-1)!.at - first);
  const range = max - min || 1;
  return points
    .map((p) => {
      const x = points.length === 1 ? WIDTH : ((p.at - first) / span) * WIDTH;
      const y = HEIGHT - 2 - ((p.value - min) / range) * (HEIGHT - 4);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}
