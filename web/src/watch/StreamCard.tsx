import type { StreamState, StreamSummary } from '../api/gateway';
import { formatDateTime } from '../live/format';
import { Link } from '../router/Link';
import { streamPath } from '../router/routes';

const STATE_LABEL: Record<StreamState, string> = { live: 'Live', idle: 'Not started', ended: 'Ended' };

/** One stream in the Watch list; its title links to the stream's player page. */
export function StreamCard({ stream }: { stream: StreamSummary }) {
  const title = stream.title.trim() === '' ? 'Untitled stream' : stream.title;
  return (
    <li className="stream-card" data-state={stream.state} data-stream-id={stream.id}>
      <div className="stream-card__screen" aria-hidden="true">
        <span className="stream-card__pitch" />
      </div>
      <div className="stream-card__body">
        <span className="badge" data-state={stream.state}>
          {STATE_LABEL[stream.state]}
        </span>
        <h2 className="stream-card__title">
          <Link to={streamPath(stream.id)} className="stream-card__link">
            {title}
          </Link>
        </h2>
        <p className="stream-card__meta">
          Created <time dateTime={stream.createdAt}>{formatDateTime(stream.createdAt)}</time>
        </p>
      </div>
    </li>
  );
}
