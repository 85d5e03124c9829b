import { useId } from 'react';
import { ODDS_FORMATS, oddsFormatOrDefault } from './oddsFormat';
import { useOddsFormat } from './useOddsFormat';

/** The bettor's choice of how odds read: decimal, fractional or American, kept for the next visit. */
export function OddsFormatSelect() {
  const { format, choose } = useOddsFormat();
  const id = useId();
  return (
    <span className="odds-format">
      <label htmlFor={id}>Odds format</label>
      <select id={id} value={format} onChange={(e) => choose(oddsFormatOrDefault(e.target.value))}>
        {ODDS_FORMATS.map((f) => (
          <option key={f.format} value={f.format}>
            {f.label}
          </option>
        ))}
      </select>
    </span>
  );
}
