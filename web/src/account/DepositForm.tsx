import { useState, type FormEvent } from 'react';
import { SANDBOX_CARDS, startDeposit } from '../api/money';
import { formatMoney, parseMoney } from '../betting/format';
import { ActionOutcome, useApiAction } from './ApiAction';

/** Deposits through the sandbox card processor, which answers after a couple of seconds. */
export function DepositForm({ onStarted }: { onStarted: () => void }) {
  const [amount, setAmount] = useState('20');
  const [card, setCard] = useState<string>(SANDBOX_CARDS[0].token);
  const action = useApiAction();
  const minor = parseMoney(amount);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (minor === null) return;
    const ok = await action.run(
      () => startDeposit(minor, card),
      (deposit) => `Deposit of ${formatMoney(deposit.amountMinor, deposit.currency)} is ${deposit.state}; the balance updates when the card processor confirms.`,
    );
    if (ok) onStarted();
  };

  return (
    <form className="stack-form" onSubmit={(e) => void submit(e)} aria-label="Deposit">
      <label className="field">
        Amount (€)
        <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={minor === null} />
      </label>
      <label className="field">
        Card (sandbox)
        <select value={card} onChange={(e) => setCard(e.target.value)}>
          {SANDBOX_CARDS.map((c) => (
            <option key={c.token} value={c.token}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" disabled={action.busy || minor === null || minor <= 0}>
        {action.busy ? 'Depositing…' : 'Deposit'}
      </button>
      <ActionOutcome error={action.error} done={action.done} />
    </form>
  );
}
