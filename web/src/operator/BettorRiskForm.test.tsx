import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BettorRiskForm } from './BettorRiskForm';

describe('the bettor risk form', () => {
  it('starts from the bettor settings with labelled fields in the units an operator thinks in', () => {
    const risk = { userId: 'usr_eve', confidence: 0.5, betDelayMs: 3000, blocked: true, bets: 4, lateBets: 1, lateBetScore: 0.25 };
    const html = renderToStaticMarkup(<BettorRiskForm risk={risk} onSaved={() => {}} />);
    expect(html).toContain('class="stack-form risk-panel__form"');
    expect(html).toContain('aria-label="Set risk for usr_eve"');
    expect(html).toMatch(/Confidence \(0 to 1[^<]*<input[^>]*type="number"[^>]*step="0.05"[^>]*value="0.5"/);
    expect(html).toMatch(/Bet delay \(seconds, 0 to 60[^<]*<input[^>]*max="60"[^>]*value="3"/);
    expect(html).toMatch(/<input type="checkbox" name="blocked" checked=""/);
  });
});
