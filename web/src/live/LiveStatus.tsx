import { formatAge, formatClock } from './format';
import type { Freshness } from './liveState';

interface LiveStatusProps {
  freshness: Freshness;
  now: number;
  /** What is being loaded, in words: "streams", "health checks". */
  subject: string;
  onRetry: () => void;
}

/**
 * Says how current the data below it is. Only loading, stale and failed states are announced
 * to screen readers; a routine refresh is not.
 */
export function LiveStatus({ freshness, now, subject, onRetry }: LiveStatusProps) {
  switch (freshness.kind) {
    case 'loading':
      return (
        <p className="live-status" data-state="loading" role="status">
          Loading {subject}…
        </p>
      );
    case 'fresh':
      return (
        <p className="live-status" data-state="fresh">
          <span className="live-status__dot" aria-hidden="true" />
          <span>
            Up to date · updated <time dateTime={iso(freshness.updatedAt)}>{formatClock(freshness.updatedAt)}</time>
          </span>
        </p>
      );
    case 'stale':
      return (
        <div className="notice" data-state="stale" role="status">
          <p>
            <strong>
              Stale: showing {subject} from{' '}
              <time dateTime={iso(freshness.updatedAt)}>{formatClock(freshness.updatedAt)}</time>
            </strong>
            <span aria-hidden="true"> ({formatAge(freshness.updatedAt, now)})</span>. {freshness.reason}{' '}
            Retrying automatically.
          </p>
          <button type="button" className="button" onClick={onRetry}>
            Retry now
          </button>
        </div>
      );
    case 'failed':
      return (
        <div className="notice" data-state="failed" role="status">
          <p>
            <strong>Could not load {subject}.</strong> {freshness.reason} Retrying automatically.
          </p>
          <button type="button" className="button" onClick={onRetry}>
            Retry now
          </button>
        </div>
      );
  }
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
