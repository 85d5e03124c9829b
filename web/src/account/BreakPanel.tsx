import { useState } from 'react';
import { selfExclude, takeTimeOut } from '../api/money';
import { ActionOutcome, useApiAction } from './ApiAction';

/** A time-out (hours to weeks) or self-exclusion (six months or more, or for good). */
export function BreakPanel() {
  const [hours, setHours] = useState('24');
  const action = useApiAction();
  const confirmThen = (question: string, go: () => void) => {
    if (window.confirm(question)) go();
  };
  return (
    <section className="panel" aria-labelledby="break-heading">
      <h2 id="break-heading">Take a break</h2>
      <p className="hint">During a break you cannot deposit or bet, and it cannot be shortened.</p>
      <div className="stack-form">
        <label className="field">
          Time-out length
          <select value={hours} onChange={(e) => setHours(e.target.value)}>
            <option value="1">1 hour</option>
            <option value="24">24 hours</option>
            <option value="168">1 week</option>
            <option value="1008">6 weeks</option>
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={action.busy}
          onClick={() =>
            confirmThen(`Take a time-out of ${hours} hours?`, () =>
              void action.run(() => takeTimeOut(Number(hours)), () => 'Time-out started.'),
            )
          }
        >
          Start time-out
        </button>
        <button
          type="button"
          className="button"
          disabled={action.busy}
          onClick={() =>
            confirmThen('Exclude yourself for 6 months? This cannot be undone early.', () =>
              void action.run(() => selfExclude(183), () => 'Self-exclusion started.'),
            )
          }
        >
          Self-exclude for 6 months
        </button>
        <ActionOutcome error={action.error} done={action.done} />
      </div>
    </section>
  );
}
