import { useEffect, useState, type FormEvent } from 'react';
import { loadLimits, setLimit, type Limits } from '../api/money';
import { formatMoney, parseMoney } from '../betting/format';
import { formatDateTime } from '../live/format';
import { ActionOutcome, useApiAction } from './ApiAction';

/** The player's deposit, loss and stake limits: lowering applies at once, raising after 24 h. */
export function LimitsPanel() {
  const [limits, setLimits] = useState<Limits | null>(null);
  const [kind, setKind] = useState('deposit');
  const [period, setPeriod] = useState('day');
  const [amount, setAmount] = useState('100');
  const [tick, setTick] = useState(0);
  const action = useApiAction();

  useEffect(() => {
    void loadLimits().then((result) => result.ok && setLimits(result.value));
  }, [tick]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minor = amount.trim() === '' ? null : parseMoney(amount);
    if (amount.trim() !== '' && minor === null) return;
    await action.run(
      () => setLimit(kind, period, minor),
      () => (minor === null ? 'Removal requested: it takes effect after 24 hours.' : 'Limit saved.'),
    );
    setTick((n) => n + 1);
  };

  return (
    <section className="panel" aria-labelledby="limits-heading">
      <h2 id="limits-heading">Limits</h2>
      {limits && limits.limits.length > 0 ? (
        <ul className="plain-list" aria-label="Limits in force">
          {limits.limits.map((l) => (
            <li key={`${l.kind}-${l.period}`}>
              {l.kind} per {l.period}: {l.amountMinor === null ? 'none' : formatMoney(l.amountMinor)}
              {l.pendingAmountMinor !== null && l.pendingFrom && ` (→ ${formatMoney(l.pendingAmountMinor)} from ${formatDateTime(l.pendingFrom)})`}
              {l.pendingRemoval && l.pendingFrom && ` (removed from ${formatDateTime(l.pendingFrom)})`}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No limits set.</p>
      )}
      <form className="stack-form" onSubmit={(e) => void submit(e)} aria-label="Set a limit">
        <label className="field">
          Limit on
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="deposit">Deposits</option>
            <option value="loss">Losses</option>
            <option value="stake">Stakes</option>
          </select>
        </label>
        <label className="field">
          Per
          <select value={period} onChange={(e) => setPeriod(e.target.value)}>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
        </label>
        <label className="field">
          Amount (€, empty to remove)
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={action.busy}>
          Save limit
        </button>
        <ActionOutcome error={action.error} done={action.done} />
      </form>
    </section>
  );
}
