import { useState } from 'react';
import { actOnMarket, loadOperatorMarkets, type OperatorAction } from '../api/markets';
import { formatMoney, formatOdds } from '../betting/format';
import { useOddsFormat } from '../betting/useOddsFormat';
import { usePolled } from '../live/usePolled';
import { MarketAuditTrail } from './MarketAuditTrail';

const load = () => loadOperatorMarkets();

/** Every market with its book (bets, handle, exposure) and the operator's suspend, resume and void. */
export function MarketsConsole() {
  const markets = usePolled(load, 2000);
  const [outcome, setOutcome] = useState<string | null>(null);
  const { format } = useOddsFormat();

  const act = async (id: string, action: OperatorAction) => {
    const result = await actOnMarket(id, action, `operator ${action} from the console`);
    setOutcome(result.ok ? `Market ${id} is now ${result.value.state.toLowerCase()}.` : result.message);
    markets.reload();
  };

  if (markets.problem?.status === 404) {
    return <p className="hint">This server does not offer operator market actions yet.</p>;
  }
  const list = (markets.value?.markets ?? []).filter((m) => m.state !== 'SETTLED' && m.state !== 'VOID');
  return (
    <>
      {markets.problem && <p className="hint" data-state="stale">Not refreshed: {markets.problem.message}</p>}
      {outcome && (
        <p className="form-ok" role="status">
          {outcome}
        </p>
      )}
      {list.length === 0 ? (
        <p className="hint">No open market.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Markets">
            <thead>
              <tr>
                <th>Market</th>
                <th>State</th>
                <th>Odds</th>
                <th>Bets · handle · exposure</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.id} data-market-id={m.id} data-state={m.state}>
                  <td>
                    {m.title}
                    <MarketAuditTrail marketId={m.id} />
                  </td>
                  <td>{m.state}</td>
                  <td>{m.selections.map((s) => `${s.name} ${formatOdds(s.decimalOddsBp, format)}`).join(' · ')}</td>
                  <td>
                    {m.betCount} · {formatMoney(m.handleMinor)} · {formatMoney(m.exposureMinor)}
                  </td>
                  <td className="row-actions">
                    {m.state === 'OPEN' && (
                      <button type="button" className="chip-button" onClick={() => void act(m.id, 'suspend')}>
                        Suspend
                      </button>
                    )}
                    {m.state === 'SUSPENDED' && (
                      <button type="button" className="chip-button" onClick={() => void act(m.id, 'resume')}>
                        Resume
                      </button>
                    )}
                    <button type="button" className="chip-button" onClick={() => void act(m.id, 'void')}>
                      Void
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
