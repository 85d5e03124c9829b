import { loadFraudFlags } from '../api/operator';
import { formatDateTime } from '../live/format';
import { usePolled } from '../live/usePolled';

/** The newest fraud flags with the evidence each rule recorded; "Set risk" opens the flagged bettor in the risk panel. */
export function FraudFlagsPanel({ onSetRisk }: { onSetRisk: (userId: string) => void }) {
  const flags = usePolled(loadFraudFlags, 10_000);
  const items = flags.value?.items ?? [];
  return (
    <>
      {flags.problem && <p className="hint">Not refreshed: {flags.problem.message}</p>}
      {items.length === 0 ? (
        <p className="hint">No fraud flag raised.</p>
      ) : (
        <ul className="plain-list">
          {items.map((f) => (
            <li key={f.id} data-flag-id={f.id} data-subject={f.subject}>
              <strong>{f.rule}</strong> on {f.subject}, {formatDateTime(f.raisedAt)}{' '}
              <button type="button" className="chip-button fraud-flag__set-risk" aria-label={`Set risk for ${f.subject}`} onClick={() => onSetRisk(f.subject)}>
                Set risk
              </button>
              <details>
                <summary>Evidence</summary>
                <pre className="evidence-json">{JSON.stringify(f.evidence, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
