import { useEffect, useState } from 'react';
import { loadHealth, loadSystem } from '../api/endpoints';
import { csrfToken, isOperator, loadMe, type Me } from '../api/session';
import { LiveStatus } from '../live/LiveStatus';
import { freshness } from '../live/liveState';
import { useLiveResource, useNow } from '../live/useLiveResource';
import { PageHeader } from '../shell/PageHeader';
import { HealthPanel } from './HealthPanel';
import { SignInForm } from './SignInForm';
import { SystemPanel } from './SystemPanel';

const REFRESH_MS = 5000;
const STALE_AFTER_MS = 15_000;

/** Who is signed in: undefined while asking, null for nobody. */
function useMe(): [Me | null | undefined, () => void] {
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    const lifetime = new AbortController();
    if (csrfToken() === null) {
      // No cookie session in this browser: nobody is signed in (and no 401 to log).
      setUser(null);
      return () => lifetime.abort();
    }
    void loadMe(lifetime.signal).then((result) => {
      if (!lifetime.signal.aborted) setUser(result.ok ? result.value : null);
    });
    return () => lifetime.abort();
  }, [asked]);
  return [user, () => setAsked((n) => n + 1)];
}

/** The operator console: server health for anyone, and what is running for operators. */
export function OperatorPage() {
  const health = useLiveResource(loadHealth, REFRESH_MS);
  const [user, refreshUser] = useMe();
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
          {user === undefined ? null : isOperator(user) ? (
            <OperatorSystem now={now} />
          ) : (
            <SignInForm onSignedIn={refreshUser} />
          )}
        </section>
      </div>
    </>
  );
}

/** What the server runs; only mounted for operators, since `/api/system` refuses anyone else. */
function OperatorSystem({ now }: { now: number }) {
  const system = useLiveResource(loadSystem, REFRESH_MS);
  return (
    <>
      <LiveStatus
        freshness={freshness(system.state, now, STALE_AFTER_MS)}
        now={now}
        subject="system information"
        onRetry={system.refresh}
      />
      {system.state.data && <SystemPanel system={system.state.data} />}
    </>
  );
}
