import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { loadBettorRisk, type BettorRisk } from '../api/operator';
import { formatDelay, formatScore } from './bettorRisk';
import { BettorRiskForm } from './BettorRiskForm';

/** A request from elsewhere on the desk (a fraud flag's "Set risk") to show one bettor; `seq` tells repeats apart. */
export interface RiskRequest {
  userId: string;
  seq: number;
}

/**
 * Bettor risk: find a bettor by user id, see their settings and late-bet record, and change them.
 * A `request` fills in the user id, loads the bettor and brings the panel into view.
 */
export function BettorRiskPanel({ request }: { request: RiskRequest | null }) {
  const [userId, setUserId] = useState('');
  const [risk, setRisk] = useState<BettorRisk | null>(null);
  const [lookups, setLookups] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ code: string; sentence: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const show = useCallback(async (id: string) => {
    if (id === '') {
      setProblem({ code: 'missing_user_id', sentence: 'Type a user id, or use “Set risk” on a fraud flag.' });
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await loadBettorRisk(id);
    setBusy(false);
    if (result.ok) {
      setRisk(result.value);
      setLookups((n) => n + 1);
    } else {
      setProblem({ code: result.code, sentence: `Could not load ${id}: ${result.message}` });
      setRisk((previous) => (previous?.userId === id ? previous : null));
    }
  }, []);

  useEffect(() => {
    if (!request) return;
    setUserId(request.userId);
    heading.current?.focus();
    void show(request.userId);
  }, [request, show]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void show(userId.trim());
  };

  return (
    <section className="panel risk-panel" aria-labelledby="risk-heading" data-testid="risk-panel">
      <h2 id="risk-heading" ref={heading} tabIndex={-1}>
        Bettor risk
      </h2>
      <form className="risk-panel__find" aria-label="Find a bettor" onSubmit={submit}>
        <label className="field">
          User id
          <input name="userId" value={userId} onChange={(e) => setUserId(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Loading…' : 'Show risk'}
        </button>
      </form>
      {problem && (
        <p className="form-error risk-panel__problem" role="alert" data-code={problem.code}>
          {problem.sentence}
        </p>
      )}
      {risk && (
        <>
          <dl className="facts risk-panel__facts" aria-label={`Risk of ${risk.userId}`} data-user-id={risk.userId}>
            <Fact term="User" value={risk.userId} />
            <Fact term="Confidence" value={String(risk.confidence)} />
            <Fact term="Bet delay" value={formatDelay(risk.betDelayMs)} />
            <Fact term="Blocked" value={risk.blocked ? 'Yes' : 'No'} />
            <Fact term="Bets" value={String(risk.bets)} />
            <Fact term="Late bets" value={String(risk.lateBets)} />
            <Fact term="Late-bet score" value={formatScore(risk.lateBetScore)} />
          </dl>
          <BettorRiskForm key={`${risk.userId}/${lookups}`} risk={risk} onSaved={setRisk} />
        </>
      )}
    </section>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
