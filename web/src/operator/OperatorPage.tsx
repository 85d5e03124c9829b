import { loadHealth, loadSystem } from '../api/endpoints';
import { LiveStatus } from '../live/LiveStatus';
import { freshness } from '../live/liveState';
import { useLiveResource, useNow } from '../live/useLiveResource';
import { PageHeader } from '../shell/PageHeader';
import { HealthPanel } from './HealthPanel';
import { SystemPanel } from './SystemPanel';

const REFRESH_MS = 5000;
const STALE_AFTER_MS = 15_000;

/** The operator console: server health and what is running. */
export function OperatorPage() {
  const health = useLiveResource(loadHealth, REFRESH_MS);
  const system = useLiveResource(loadSystem, REFRESH_MS);
  const now = useNow();
  return (
    <>
      <PageHeader title="Operator" lead="Health of this server and its dependencies, refreshed every 5 seconds." />
      <div className="panels">
        <section className="panel" aria-labelledby="health-heading">
          <h2 id="health-heading">Health</h2>
          <LiveStatus
            freshness={freshness(health.state, now, STALE_AFTER_MS)}
            now={now}
            subject="health checks"
            onRetry={health.refresh}
          />
          {health.state.data && <HealthPanel health={health.state.data} />}
        </section>
        <section className="panel" aria-labelledby="system-heading">
          <h2 id="system-heading">System</h2>
          <LiveStatus
            freshness={freshness(system.state, now, STALE_AFTER_MS)}
            now={now}
            subject="system information"
            onRetry={system.refresh}
          />
          {system.state.data && <SystemPanel system={system.state.data} />}
        </section>
      </div>
    </>
  );
}
