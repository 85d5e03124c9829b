import type { StreamState, StreamSummary } from '../api/gateway';

const STATE_RANK: Record<StreamState, number> = { live: 0, idle: 1, ended: 2 };

/** Streams as a viewer wants them: live first, then upcoming, then ended; newest first within each. */
export function orderStreams(streams: readonly StreamSummary[]): StreamSummary[] {
  return [...streams].sort(
    (a, b) =>
      STATE_RANK[a.state] - STATE_RANK[b.state] ||
      Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
      a.id.localeCompare(b.id),
  );
}
