import { useCallback, useEffect, useState } from 'react';
import { loadAuditPage, type AuditPage } from '../api/console';
import { formatDateTime } from '../live/format';

const REFRESH_MS = 10_000;

/**
 * The audit log, newest first, a page at a time: who did what to what, with its details. The
 * first page refreshes itself; older pages stay put while they are read.
 */
export function AuditLogPanel() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const cursor = cursors.at(-1) ?? null;

  const load = useCallback(async () => {
    const result = await loadAuditPage(cursor);
    if (result.ok) {
      setPage(result.value);
      setProblem(null);
    } else {
      setProblem(result.message);
    }
  }, [cursor]);

  useEffect(() => {
    void load();
    if (cursor !== null) return undefined;
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, cursor]);

  const items = page?.items ?? [];
  return (
    <div data-testid="audit-log">
      {problem && <p className="hint">Not refreshed: {problem}</p>}
      {page && items.length === 0 && <p className="hint">Nothing in the audit log yet.</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table audit-table" aria-label="Audit log">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>To what</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {items.map((line) => (
                <tr key={line.id} data-testid="audit-row" data-action={line.action}>
                  <td>{formatDateTime(line.at)}</td>
                  <td className="audit-table__id">{line.actor}</td>
                  <td>{line.action}</td>
                  <td className="audit-table__id">{line.subject}</td>
                  <td>
                    <details>
                      <summary>Show</summary>
                      <pre className="evidence-json">{JSON.stringify(line.details, null, 2)}</pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={cursors.length <= 1} onClick={() => setCursors([null])}>
          Newest
        </button>
        <button
          type="button"
          className="button"
          disabled={!page?.nextCursor}
          onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor])}
        >
          Older
        </button>
      </div>
    </div>
  );
}
