import type { StreamPage } from '../api/gateway';
import { orderStreams } from './orderStreams';
import { StreamCard } from './StreamCard';

/** The streams of one page, or the empty state when there are none. */
export function StreamList({ page }: { page: StreamPage }) {
  if (page.items.length === 0) {
    return (
      <div className="empty-state">
        <h2>No streams yet</h2>
        <p>Streams appear here as soon as a broadcaster creates one.</p>
      </div>
    );
  }
  const count = page.items.length;
  return (
    <>
      <ul className="stream-grid" aria-label={`${count} ${count === 1 ? 'stream' : 'streams'}`}>
        {orderStreams(page.items).map((stream) => (
          <StreamCard key={stream.id} stream={stream} />
        ))}
      </ul>
      {page.nextCursor !== null && (
        <p className="hint">Showing the first {count} streams; more are on the server.</p>
      )}
    </>
  );
}
