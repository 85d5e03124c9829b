import { useState } from 'react';
import { loadHealth, loadSystem } from '../api/endpoints';
import { isOperator } from '../api/session';
import { useMe } from '../api/useMe';
import { LiveStatus } from '../live/LiveStatus';
import { freshness } from '../live/liveState';
import { useLiveResource, useNow } from '../live/useLiveResource';
import { PageHeader } from '../shell/PageHeader';
import { AuditLogPanel } from './AuditLogPanel';
import { BettorRiskPanel, type RiskRequest } from './BettorRiskPanel';
import { FraudFlagsPanel } from './FraudFlagsPanel';
import { HealthPanel } from './HealthPanel';
import { MarketsConsole } from './MarketsConsole';
import { PerformancePanel } from './PerformancePanel';
import { SignInForm } from './SignInForm';
import { StreamsHealth } from './StreamsHealth';
import { SystemPanel } from './SystemPanel';
import { WithdrawalsReview } from './WithdrawalsReview';

const REFRESH_MS = 5000;
const STALE_AFTER_MS = 15_000;

/** The operator console: server health for anyone, and what is running for operators. */
export function OperatorPage() {
  const health = useLiveResource(loadHealth, REFRESH_MS);
  const { user, recheck: refreshUser } = useMe();
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
      {isOperator(user ?? null) && <OperatorDesk />}
    </>
  );
}

/** The operator's desk: streams, performance, markets, withdrawals, fraud flags, bettor risk and the audit log. */
function OperatorDesk() {
  const [riskRequest, setRiskRequest] = useState<RiskRequest | null>(null);
  const setRiskFor = (userId: string) => setRiskRequest((previous) => ({ userId, seq: (previous?.seq ?? 0) + 1 }));
  return (
    <div className="panels panels--desk">
      <section className="panel panel--wide" aria-labelledby="streams-heading">
        <h2 id="streams-heading">Live streams</h2>
        <StreamsHealth />
      </section>
      <section className="panel panel--wide" aria-labelledby="performance-heading">
        <h2 id="performance-heading">Performance</h2>
        <PerformancePanel />
      </section>
      <section className="panel panel--wide" aria-labelledby="markets-console-heading">
        <h2 id="markets-console-heading">Markets</h2>
        <MarketsConsole />
      </section>
      <section className="panel" aria-labelledby="withdrawals-heading">
        <h2 id="withdrawals-heading">Withdrawals to review</h2>
        <WithdrawalsReview />
      </section>
      <section className="panel" aria-labelledby="fraud-heading">
        <h2 id="fraud-heading">Fraud flags</h2>
        <FraudFlagsPanel onSetRisk={setRiskFor} />
      </section>
      <BettorRiskPanel request={riskRequest} />
      <section className="panel panel--wide" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit log</h2>
        <AuditLogPanel />
      </section>
    </div>
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
