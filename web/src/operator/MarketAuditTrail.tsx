import { useState } from 'react';
import { array, instant, nullable, object, optional, string } from '../api/decode';
import { callApi } from '../api/request';
import { formatDateTime } from '../live/format';

interface TrailEntry {
  at: string;
  actor: string;
  action: string;
  detail?: string | null | undefined;
}

const trail = object<{ entries: TrailEntry[] }>({
  entries: array(object<TrailEntry>({ at: instant, actor: string, action: string, detail: optional(nullable(string)) })),
});

/** One market's audit trail (every state change and operator action), read when it is opened. */
export function MarketAuditTrail({ marketId }: { marketId: string }) {
  const [entries, setEntries] = useState<TrailEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = async () => {
    const result = await callApi({ path: `/api/operator/markets/${encodeURIComponent(marketId)}/audit`, decoder: trail });
    if (result.ok) {
      setEntries(result.value.entries);
      setProblem(null);
    } else {
      setProblem(result.message);
    }
  };
  return (
    <details className="market-trail" onToggle={(e) => (e.currentTarget.open ? void load() : undefined)}>
      <summary>Audit trail</summary>
      {problem && <p className="hint">{problem}</p>}
      {entries && entries.length === 0 && <p className="hint">No entries yet.</p>}
      {entries && entries.length > 0 && (
        <ol className="plain-list">
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              {formatDateTime(e.at)}: <strong>{e.action}</strong> by {e.actor}
              {e.detail ? ` (${e.detail})` : ''}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
