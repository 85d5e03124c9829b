import { loadStreams } from '../api/endpoints';
import { LiveStatus } from '../live/LiveStatus';
import { freshness } from '../live/liveState';
import { useLiveResource, useNow } from '../live/useLiveResource';
import { seededStreams } from '../shell/initialState';
import { PageHeader } from '../shell/PageHeader';
import { StreamList } from './StreamList';

const REFRESH_MS = 3000;
const STALE_AFTER_MS = 10_000;

/** Every stream on the server, refreshed every few seconds. */
export function WatchPage() {
  const { state, refresh } = useLiveResource(loadStreams, REFRESH_MS, Date.now, seededStreams());
  const now = useNow();
  return (
    <>
      <PageHeader
        title="Watch"
        lead={`Every stream on this server, live ones first. The list refreshes every ${REFRESH_MS / 1000} seconds.`}
      />
      <LiveStatus freshness={freshness(state, now, STALE_AFTER_MS)} now={now} subject="streams" onRetry={refresh} />
      {state.data && <StreamList page={state.data} />}
    </>
  );
}
