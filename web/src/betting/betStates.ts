/** How each bet state reads for the bettor, and which tab of "my bets" it belongs on. */
import type { Bet, BetState } from '../api/markets';
import { formatMoney } from './format';

const STATE_LABELS: Record<BetState, string> = {
  PENDING: 'Pending — waiting for confirmation',
  OPEN: 'Open',
  WON: 'Won',
  LOST: 'Lost',
  VOID: 'Void — stake returned',
  CANCELLED: 'Cancelled — stake returned',
};

/** The state as the bettor reads it, e.g. "Pending — waiting for confirmation". */
export function betStateLabel(state: BetState): string {
  return STATE_LABELS[state];
}

/** Whether the bet is still to be decided: pending its bet delay, or standing. */
export function isOpenBet(bet: Pick<Bet, 'state'>): boolean {
  return bet.state === 'PENDING' || bet.state === 'OPEN';
}

/** Whether the bettor may still cancel the bet: only while it waits out its bet delay. */
export function isCancellable(bet: Pick<Bet, 'state'>): boolean {
  return bet.state === 'PENDING';
}

/** Whether the bet was decided by its market's result, so there is evidence to show. */
export function hasResultEvidence(bet: Pick<Bet, 'state'>): boolean {
  return bet.state === 'WON' || bet.state === 'LOST';
}

/** The money line under a bet: what it may return, or what it did. */
export function payoutLine(bet: Pick<Bet, 'state' | 'currency' | 'payoutMinor' | 'potentialPayoutMinor' | 'stakeMinor'>): string {
  switch (bet.state) {
    case 'PENDING':
      return `Stake held; returns ${formatMoney(bet.potentialPayoutMinor, bet.currency)} if confirmed and it wins`;
    case 'OPEN':
      return `Returns ${formatMoney(bet.potentialPayoutMinor, bet.currency)} if it wins`;
    case 'VOID':
    case 'CANCELLED':
      return `Returned ${formatMoney(bet.payoutMinor ?? bet.stakeMinor, bet.currency)}`;
    case 'WON':
    case 'LOST':
      return `Paid ${formatMoney(bet.payoutMinor ?? 0, bet.currency)}`;
  }
}

/** Why a cancel was refused, in the bettor's words with the server's own reason. */
export function cancelRefusal(code: string, serverReason: string): string {
  switch (code) {
    case 'not_cancellable':
      return `Too late to cancel: the bet is no longer pending (${serverReason}).`;
    case 'bet_not_found':
      return `This bet was not found (${serverReason}).`;
    default:
      return `The bet was not cancelled: ${serverReason}`;
  }
}
