/** What each bet refusal means for the bettor, and what they can do about it. */

const REASONS: Record<string, string> = {
  stale_price: 'The odds changed before your bet arrived. Check the new price and try again.',
  market_suspended: 'This market is suspended right now: something decisive may be happening.',
  market_closed: 'This market no longer takes bets.',
  after_suspension_point: 'Your video was already at the moment the market was suspended, so the bet could not stand.',
  insufficient_funds: 'Your available balance is below the stake. Deposit on the Account page.',
  limit_exceeded: 'The stake is above a limit (yours or the market’s).',
  rate_limited: 'Too many bets in a short time; wait a moment.',
  unknown_market: 'This market does not exist any more.',
  unknown_selection: 'This selection is not part of the market.',
  currency_mismatch: 'The stake’s currency is not your wallet’s.',
  invalid_stake: 'The stake is not allowed (too small or too large).',
  account_blocked: 'Your account may not bet now (a break or self-exclusion is in force).',
  invalid_request: 'The bet was not valid.',
  unavailable: 'Bets cannot be taken right now; try again shortly.',
  idempotency_conflict: 'This request was already used for a different bet; place it again as a new bet.',
  lapsed: 'The market moved on before your bet could be confirmed; no money moved.',
};

/** The wire's `BET_REJECT_CODE_STALE_PRICE` or the REST `stale_price` as `stale_price`. */
export function rejectCode(raw: string): string {
  return raw.replace(/^BET_REJECT_CODE_/, '').toLowerCase();
}

/** The bettor's sentence for a refusal; `detail` (the server's own words) is added when given. */
export function rejectSentence(code: string, detail?: string): string {
  const base = REASONS[code] ?? `The bet was refused (${code}).`;
  return detail && detail.trim() !== '' ? `${base} (${detail.trim()})` : base;
}
