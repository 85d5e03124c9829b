import { describe, expect, it } from 'vitest';
import type { Bet } from '../api/markets';
import { betStateLabel, cancelRefusal, hasResultEvidence, isCancellable, isOpenBet, payoutLine } from './betStates';

const money = { currency: 'EUR', stakeMinor: 500, potentialPayoutMinor: 1050, payoutMinor: null };

describe('how bet states read', () => {
  it('labels a pending bet as waiting for confirmation and a cancelled one as returning the stake', () => {
    expect(betStateLabel('PENDING')).toBe('Pending — waiting for confirmation');
    expect(betStateLabel('CANCELLED')).toBe('Cancelled — stake returned');
    expect(betStateLabel('OPEN')).toBe('Open');
  });

  it('keeps pending and standing bets on the open tab and everything else on the settled tab', () => {
    const states: Bet['state'][] = ['PENDING', 'OPEN', 'WON', 'LOST', 'VOID', 'CANCELLED'];
    expect(states.filter((state) => isOpenBet({ state }))).toEqual(['PENDING', 'OPEN']);
  });

  it('offers cancelling only while a bet is pending', () => {
    expect(isCancellable({ state: 'PENDING' })).toBe(true);
    expect(isCancellable({ state: 'OPEN' })).toBe(false);
    expect(isCancellable({ state: 'CANCELLED' })).toBe(false);
  });

  it('offers evidence only for bets their market decided', () => {
    expect(hasResultEvidence({ state: 'WON' })).toBe(true);
    expect(hasResultEvidence({ state: 'CANCELLED' })).toBe(false);
    expect(hasResultEvidence({ state: 'VOID' })).toBe(false);
  });

  it('says what a bet returns in each state', () => {
    expect(payoutLine({ ...money, state: 'PENDING' })).toBe('Stake held; returns €10.50 if confirmed and it wins');
    expect(payoutLine({ ...money, state: 'OPEN' })).toBe('Returns €10.50 if it wins');
    expect(payoutLine({ ...money, state: 'CANCELLED', payoutMinor: 500 })).toBe('Returned €5.00');
    expect(payoutLine({ ...money, state: 'WON', payoutMinor: 1050 })).toBe('Paid €10.50');
    expect(payoutLine({ ...money, state: 'LOST', payoutMinor: 0 })).toBe('Paid €0.00');
  });
});

describe('a refused cancel', () => {
  it('says it is too late, with the server reason, once the bet stands', () => {
    expect(cancelRefusal('not_cancellable', 'bet b1 is OPEN')).toBe('Too late to cancel: the bet is no longer pending (bet b1 is OPEN).');
  });

  it('passes on the server reason for anything else', () => {
    expect(cancelRefusal('unreachable', 'The server could not be reached.')).toBe('The bet was not cancelled: The server could not be reached.');
  });
});
