import type { Health } from '../api/gateway';

/** The server's overall status and each dependency check with its detail. */
export function HealthPanel({ health }: { health: Health }) {
  const checks = Object.entries(health.checks).sort(([a], [b]) => a.localeCompare(b));
  const down = checks.filter(([, check]) => !check.up).map(([name]) => name);
  return (
    <>
      <p className="overall" data-up={health.status === 'UP'}>
        <StatusIcon up={health.status === 'UP'} />
        {health.status === 'UP' ? 'All systems up' : `Degraded: ${down.length > 0 ? `${down.join(', ')} down` : 'server reports DOWN'}`}
      </p>
      {checks.length === 0 ? (
        <p className="hint">The server reports no dependency checks.</p>
      ) : (
        <ul className="checks" aria-label="Dependency checks">
          {checks.map(([name, check]) => (
            <li key={name} className="check" data-check={name} data-up={check.up}>
              <span className="check__name">{name}</span>
              <span className="pill" data-up={check.up}>
                <StatusIcon up={check.up} />
                {check.up ? 'Up' : 'Down'}
              </span>
              {check.detail && <span className="check__detail">{check.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A shape as well as a colour, so status does not rely on colour alone. */
function StatusIcon({ up }: { up: boolean }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {up ? (
        <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      )}
    </svg>
  );
}
