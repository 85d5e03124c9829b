import { describe, expect, it } from 'vitest';
import type { BettorRisk } from '../api/operator';
import { changeFrom, fieldsOf, formatDelay, formatScore, savedSentence } from './bettorRisk';

const risk: BettorRisk = { userId: 'usr_eve', confidence: 0.5, betDelayMs: 3000, blocked: false, bets: 8, lateBets: 1, lateBetScore: 0.125 };

describe('the bettor risk form', () => {
  it('starts from the bettor current settings, the delay in seconds', () => {
    expect(fieldsOf(risk)).toEqual({ confidence: '0.5', delaySeconds: '3', blocked: false });
  });

  it('sends the delay in milliseconds with all three fields', () => {
    expect(changeFrom({ confidence: '0.75', delaySeconds: '2.5', blocked: true })).toEqual({
      ok: true,
      change: { confidence: 0.75, betDelayMs: 2500, blocked: true },
    });
  });

  it('reads a decimal comma as a point', () => {
    expect(changeFrom({ confidence: '0,25', delaySeconds: '0', blocked: false })).toMatchObject({ ok: true, change: { confidence: 0.25 } });
  });

  it('refuses text that is not a number, naming the field', () => {
    expect(changeFrom({ confidence: 'half', delaySeconds: '1', blocked: false })).toMatchObject({ ok: false, problem: expect.stringMatching(/^Confidence/) });
    expect(changeFrom({ confidence: '1', delaySeconds: '', blocked: false })).toMatchObject({ ok: false, problem: expect.stringMatching(/bet delay/) });
  });

  it('leaves ranges to the server, so its own reason is shown', () => {
    expect(changeFrom({ confidence: '1.5', delaySeconds: '90', blocked: false })).toEqual({
      ok: true,
      change: { confidence: 1.5, betDelayMs: 90_000, blocked: false },
    });
  });
});

describe('how a bettor risk reads', () => {
  it('shows the late-bet score as a percentage and the delay in seconds', () => {
    expect(formatScore(0.125)).toBe('12.5%');
    expect(formatScore(0)).toBe('0%');
    expect(formatDelay(0)).toBe('none');
    expect(formatDelay(2500)).toBe('2.5 s');
  });

  it('confirms what the server now holds', () => {
    expect(savedSentence(risk)).toBe('Saved for usr_eve: confidence 0.5, bet delay 3 s, not blocked.');
  });
});
