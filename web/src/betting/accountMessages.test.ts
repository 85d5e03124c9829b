import { describe, expect, it } from 'vitest';
import type { Bet } from '../api/markets';
import { applyBetMessage, replaceBet } from './accountMessages';

function aBet(id: string, state: Bet['state']): Bet {
  return {
    id,
    marketId: 'mkt-1',
    marketTitle: 'Next lap under 30 s',
    selectionId: 'yes',
    selectionName: 'Yes',
    stakeMinor: 500,
    currency: 'EUR',
    decimalOddsBp: 21000,
    potentialPayoutMinor: 1050,
    state,
    placedAt: '2026-11-24T10:00:00Z',
    settledAt: null,
    payoutMinor: null,
    evidenceUrl: null,
  };
}

describe('applying account messages to my bets', () => {
  it('turns a pending bet into an open one when its confirmation arrives', () => {
    const bets = [aBet('b1', 'PENDING'), aBet('b2', 'PENDING')];
    const next = applyBetMessage(bets, { betResult: { betId: 'b1', status: 'BET_STATUS_ACCEPTED' } });
    expect(next.map((b) => b.state)).toEqual(['OPEN', 'PENDING']);
  });

  it('does not reopen a bet that is already settled when a late confirmation arrives', () => {
    const bets = [aBet('b1', 'CANCELLED')];
    expect(applyBetMessage(bets, { betResult: { betId: 'b1', status: 'BET_STATUS_ACCEPTED' } })[0]?.state).toBe('CANCELLED');
  });

  it('settles a cancelled bet with its stake returned', () => {
    const bets = [aBet('b1', 'PENDING')];
    const next = applyBetMessage(bets, {
      betSettlement: { betId: 'b1', state: 'BET_SETTLEMENT_STATE_CANCELLED', payoutMinor: '500', currency: 'EUR' },
    });
    expect(next[0]).toMatchObject({ state: 'CANCELLED', payoutMinor: 500, evidenceUrl: null });
    expect(next[0]?.settledAt).not.toBeNull();
  });

  it('reads the wire spelling of won, lost and void settlements', () => {
    const bets = [aBet('w', 'OPEN'), aBet('l', 'OPEN'), aBet('v', 'PENDING')];
    let next = applyBetMessage(bets, { betSettlement: { betId: 'w', state: 'BET_SETTLEMENT_STATE_WON', payoutMinor: '1050', evidenceUrl: '/api/markets/mkt-1/evidence' } });
    next = applyBetMessage(next, { betSettlement: { betId: 'l', state: 'BET_SETTLEMENT_STATE_LOST' } });
    next = applyBetMessage(next, { betSettlement: { betId: 'v', state: 'BET_SETTLEMENT_STATE_VOID', payoutMinor: '500' } });
    expect(next.map((b) => [b.state, b.payoutMinor])).toEqual([
      ['WON', 1050],
      ['LOST', 0],
      ['VOID', 500],
    ]);
    expect(next[0]?.evidenceUrl).toBe('/api/markets/mkt-1/evidence');
  });

  it('voids a pending bet that lapsed, returning its stake', () => {
    const next = applyBetMessage([aBet('b1', 'PENDING')], { betResult: { betId: 'b1', status: 'BET_STATUS_LAPSED' } });
    expect(next[0]).toMatchObject({ state: 'VOID', payoutMinor: 500 });
  });

  it('leaves the list alone for an unknown settlement state or another kind of message', () => {
    const bets = [aBet('b1', 'PENDING')];
    expect(applyBetMessage(bets, { betSettlement: { betId: 'b1', state: 'BET_SETTLEMENT_STATE_SOMETHING' } })).toBe(bets);
    expect(applyBetMessage(bets, { betResult: { betId: 'b1', status: 'BET_STATUS_PENDING' } })).toBe(bets);
    expect(applyBetMessage(bets, { walletUpdate: { balanceMinor: '1' } })).toBe(bets);
  });

  it('puts the server answer to a cancel in place of the pending bet', () => {
    const cancelled = { ...aBet('b1', 'CANCELLED'), payoutMinor: 500 };
    const next = replaceBet([aBet('b0', 'OPEN'), aBet('b1', 'PENDING')], cancelled);
    expect(next.map((b) => b.state)).toEqual(['OPEN', 'CANCELLED']);
    expect(next[1]).toBe(cancelled);
  });
});
