import type { SystemInfo } from '../api/gateway';
import { formatDateTime, formatDuration } from '../live/format';

/** Version, uptime, roles and back-ends of the running server. */
export function SystemPanel({ system }: { system: SystemInfo }) {
  return (
    <dl className="facts">
      <div>
        <dt>Version</dt>
        <dd>{system.version}</dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd>
          <time dateTime={system.startedAt}>{formatDateTime(system.startedAt)}</time>
        </dd>
      </div>
      <div>
        <dt>Uptime</dt>
        <dd>{formatDuration(system.uptimeSeconds)}</dd>
      </div>
      <div>
        <dt>Database</dt>
        <dd>{system.database}</dd>
      </div>
      <div>
        <dt>Bus</dt>
        <dd>{system.bus}</dd>
      </div>
      <div className="facts__wide">
        <dt>Roles</dt>
        <dd>
          {system.roles.length === 0 ? (
            'none'
          ) : (
            <ul className="chips" aria-label="Roles">
              {system.roles.map((role) => (
                <li key={role} className="chip">
                  {role}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
