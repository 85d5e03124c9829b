import { useState, type FormEvent } from 'react';
import { setBettorRisk, type BettorRisk } from '../api/operator';
import { changeFrom, fieldsOf, savedSentence, type RiskFields } from './bettorRisk';

type Answer = { kind: 'saved'; sentence: string } | { kind: 'problem'; code: string; sentence: string };

/**
 * The form that changes one bettor's risk: confidence (0–1), bet delay (seconds) and block. It
 * sends all three, hands the server's answer to `onSaved`, and shows the server's problem detail
 * when it refuses.
 */
export function BettorRiskForm({ risk, onSaved }: { risk: BettorRisk; onSaved: (risk: BettorRisk) => void }) {
  const [fields, setFields] = useState<RiskFields>(() => fieldsOf(risk));
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const edit = (change: Partial<RiskFields>) => setFields((previous) => ({ ...previous, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = changeFrom(fields);
    if (!parsed.ok) {
      setAnswer({ kind: 'problem', code: 'invalid_input', sentence: parsed.problem });
      return;
    }
    setBusy(true);
    setAnswer(null);
    const result = await setBettorRisk(risk.userId, parsed.change);
    setBusy(false);
    if (result.ok) {
      onSaved(result.value);
      setAnswer({ kind: 'saved', sentence: savedSentence(result.value) });
    } else {
      setAnswer({ kind: 'problem', code: result.code, sentence: `Not saved: ${result.message}` });
    }
  };

  return (
    <form className="stack-form risk-panel__form" aria-label={`Set risk for ${risk.userId}`} noValidate onSubmit={(e) => void submit(e)}>
      <label className="field">
        Confidence (0 to 1: scales their largest stake)
        <input
          type="number"
          name="confidence"
          min={0}
          max={1}
          step={0.05}
          inputMode="decimal"
          value={fields.confidence}
          onChange={(e) => edit({ confidence: e.target.value })}
        />
      </label>
      <label className="field">
        Bet delay (seconds, 0 to 60: their bets wait as pending)
        <input
          type="number"
          name="betDelaySeconds"
          min={0}
          max={60}
          step={0.1}
          inputMode="decimal"
          value={fields.delaySeconds}
          onChange={(e) => edit({ delaySeconds: e.target.value })}
        />
      </label>
      <label className="check-field">
        <input type="checkbox" name="blocked" checked={fields.blocked} onChange={(e) => edit({ blocked: e.target.checked })} />
        Blocked: refuse all their bets
      </label>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Saving…' : 'Save risk'}
      </button>
      {answer?.kind === 'saved' && (
        <p className="form-ok risk-panel__saved" role="status">
          {answer.sentence}
        </p>
      )}
      {answer?.kind === 'problem' && (
        <p className="form-error risk-panel__problem" role="alert" data-code={answer.code}>
          {answer.sentence}
        </p>
      )}
    </form>
  );
}
