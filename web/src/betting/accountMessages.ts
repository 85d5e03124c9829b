/** Reads the account topic's messages: wallet balances, bet results (confirmations, lapses) and bet settlements. */
import type { Bet } from '../api/markets';
import type { Wallet } from '../api/money';

type Json = Record<string, unknown>;

function whole(value: unknown): number | null {
  if (value === undefined || value === null) return 0; // protobuf JSON leaves zeros out
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : null;
}

/** The wallet in a `walletUpdate`, or null when the message has none or it is malformed. */
export function walletFromUpdate(message: Json): Wallet | null {
  const update = message['walletUpdate'];
  if (!update || typeof update !== 'object') return null;
  const u = update as Json;
  const balance = whole(u['balanceMinor']);
  const available = whole(u['availableMinor']);
  const held = whole(u['heldMinor']);
  const version = whole(u['version']);
  if (balance === null || available === null || held === null || version === null) return null;
  return {
    accountId: typeof u['accountId'] === 'string' ? u['accountId'] : '',
    currency: typeof u['currency'] === 'string' && u['currency'] !== '' ? u['currency'] : 'EUR',
    balanceMinor: balance,
    availableMinor: available,
    heldMinor: held,
    version,
  };
}

const SETTLED_STATES: Record<string, Bet['state']> = {
  WON: 'WON',
  LOST: 'LOST',
  VOID: 'VOID',
  CANCELLED: 'CANCELLED',
  BET_SETTLEMENT_STATE_WON: 'WON',
  BET_SETTLEMENT_STATE_LOST: 'LOST',
  BET_SETTLEMENT_STATE_VOID: 'VOID',
  BET_SETTLEMENT_STATE_CANCELLED: 'CANCELLED',
};

/**
 * Applies an account-topic message about a bet to this page's bets: a `betSettlement` (won, lost,
 * void, or cancelled with the stake returned), a `betResult` that confirms a pending bet (it now
 * stands, `OPEN`) or a late `betResult` that lapsed one (void, stake returned). Bets the message
 * is not about, and messages the page does not know, leave the list as it was.
 */
export function applyBetMessage(bets: Bet[], message: Json): Bet[] {
  const settlement = message['betSettlement'] as Json | undefined;
  if (settlement && typeof settlement['betId'] === 'string') {
    const state = SETTLED_STATES[String(settlement['state'])];
    if (!state) return bets;
    const payout = whole(settlement['payoutMinor']);
    const evidenceUrl = typeof settlement['evidenceUrl'] === 'string' && settlement['evidenceUrl'] !== '' ? settlement['evidenceUrl'] : null;
    return bets.map((b) =>
      b.id === settlement['betId']
        ? { ...b, state, payoutMinor: payout, evidenceUrl, settledAt: new Date().toISOString() }
        : b,
    );
  }
  const result = message['betResult'] as Json | undefined;
  if (!result || typeof result['betId'] !== 'string') return bets;
  switch (result['status']) {
    case 'BET_STATUS_ACCEPTED':
      return bets.map((b) => (b.id === result['betId'] && b.state === 'PENDING' ? { ...b, state: 'OPEN' } : b));
    case 'BET_STATUS_LAPSED':
      return bets.map((b) =>
        b.id === result['betId'] && (b.state === 'PENDING' || b.state === 'OPEN') ? { ...b, state: 'VOID', payoutMinor: b.stakeMinor } : b,
      );
    default:
      return bets;
  }
}

/** The list with `bet` in place of the bet of the same id (the server's newer word on it). */
export function replaceBet(bets: Bet[], bet: Bet): Bet[] {
  return bets.map((b) => (b.id === bet.id ? bet : b));
}
