import { describe, expect, it } from 'vitest';
import { readAnswer } from './placeBet';

describe('reading the answer to a bet', () => {
  it('reads an accepted bet with the odds it got', () => {
    const outcome = readAnswer({ requestId: 'q1', betResult: { betId: 'main-7', status: 'BET_STATUS_ACCEPTED', acceptedOddsBp: 21000 } });
    expect(outcome).toEqual({ kind: 'accepted', betId: 'main-7', oddsBp: 21000, pending: false });
  });

  it('names each refusal by its code with a sentence and the server detail', () => {
    const outcome = readAnswer({
      betResult: { status: 'BET_STATUS_REJECTED', rejectCode: 'BET_REJECT_CODE_MARKET_SUSPENDED', rejectDetail: 'the market is suspended' },
    });
    expect(outcome.kind).toBe('rejected');
    expect(outcome.kind === 'rejected' && outcome.code).toBe('market_suspended');
    expect(outcome.kind === 'rejected' && outcome.sentence).toMatch(/suspended right now.*\(the market is suspended\)/);
  });

  it('tells a signed-out bettor to sign in again', () => {
    const outcome = readAnswer({ error: { code: 'REQUEST_ERROR_CODE_UNAUTHENTICATED', message: 'sign in first' } });
    expect(outcome).toEqual({ kind: 'failed', sentence: 'Sign in again to bet (your session ended).' });
  });

  it('says so when the answer is not a bet result', () => {
    expect(readAnswer({ something: 1 }).kind).toBe('failed');
  });
});
