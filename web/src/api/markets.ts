/**
 * Markets, bets and evidence over REST, as agreed in the markets API contract: reads for anyone,
 * "my bets" for the signed-in player, and the operator's market actions.
 */
import { array, boolean, integer, integerOrZero, nullable, number, object, oneOf, string, type Decoder } from './decode';
import { callApi, type ApiResult } from './request';

export const MARKET_STATES = ['OPEN', 'SUSPENDED', 'CLOSED', 'SETTLED', 'VOID'] as const;
export type MarketState = (typeof MARKET_STATES)[number];

export interface SelectionQuote {
  id: string;
  name: string;
  decimalOddsBp: number;
  probabilityPpm: number;
}

export interface Settlement {
  winningSelectionId: string | null;
  settledAt: string | null;
  void: boolean;
  reason: string | null;
  evidenceUrl: string | null;
}

export interface Market {
  id: string;
  streamId: string;
  templateKind: string;
  title: string;
  state: MarketState;
  subjectTrackId: number;
  windowStartMediaTimeUs: number;
  windowEndMediaTimeUs: number;
  priceVersion: number;
  selections: SelectionQuote[];
  reason: string | null;
  detail: string | null;
  settlement: Settlement | null;
}

export const market: Decoder<Market> = object<Market>({
  id: string,
  streamId: string,
  templateKind: string,
  title: string,
  state: oneOf(...MARKET_STATES),
  subjectTrackId: integerOrZero,
  windowStartMediaTimeUs: integerOrZero,
  windowEndMediaTimeUs: integerOrZero,
  priceVersion: integer,
  selections: array(
    object<SelectionQuote>({ id: string, name: string, decimalOddsBp: integerOrZero, probabilityPpm: integerOrZero }),
  ),
  reason: nullable(string),
  detail: nullable(string),
  settlement: nullable(
    object<Settlement>({
      winningSelectionId: nullable(string),
      settledAt: nullable(string),
      void: boolean,
      reason: nullable(string),
      evidenceUrl: nullable(string),
    }),
  ),
});

/**
 * A bet's state: `PENDING` waits out the bettor's bet delay (stake held, may be cancelled), `OPEN`
 * stands, the rest are settled (`VOID` and `CANCELLED` return the stake).
 */
export const BET_STATES = ['PENDING', 'OPEN', 'WON', 'LOST', 'VOID', 'CANCELLED'] as const;
export type BetState = (typeof BET_STATES)[number];

export interface Bet {
  id: string;
  marketId: string;
  marketTitle: string;
  selectionId: string;
  selectionName: string;
  stakeMinor: number;
  currency: string;
  decimalOddsBp: number;
  potentialPayoutMinor: number;
  state: BetState;
  placedAt: string;
  settledAt: string | null;
  payoutMinor: number | null;
  evidenceUrl: string | null;
}

export const bet: Decoder<Bet> = object<Bet>({
  id: string,
  marketId: string,
  marketTitle: string,
  selectionId: string,
  selectionName: string,
  stakeMinor: integer,
  currency: string,
  decimalOddsBp: integer,
  potentialPayoutMinor: integer,
  state: oneOf(...BET_STATES),
  placedAt: string,
  settledAt: nullable(string),
  payoutMinor: nullable(integer),
  evidenceUrl: nullable(string),
});

export interface Evidence {
  marketId: string;
  winningSelectionId: string | null;
  decidedAtMediaTimeUs: number;
  /** The evidence's frame range: the market's window from its start to the deciding moment. */
  fromMediaTimeUs: number;
  toMediaTimeUs: number;
  measure: string;
  threshold: number | null;
  reason: string;
  series: { mediaTimeUs: number; value: number }[];
  frames: { index: number; mediaTimeUs: number; url: string }[];
}

export const evidence: Decoder<Evidence> = object<Evidence>({
  marketId: string,
  winningSelectionId: nullable(string),
  decidedAtMediaTimeUs: integerOrZero,
  fromMediaTimeUs: integerOrZero,
  toMediaTimeUs: integerOrZero,
  measure: string,
  threshold: nullable(number),
  reason: string,
  series: array(object({ mediaTimeUs: integer, value: number })),
  frames: array(object({ index: integer, mediaTimeUs: integer, url: string })),
});

/** Operator view of a market: the viewer's fields and the book's figures. */
export interface OperatorMarket extends Market {
  exposureMinor: number;
  betCount: number;
  handleMinor: number;
}

const operatorMarket: Decoder<OperatorMarket> = (value, path) => ({
  ...market(value, path),
  ...object({ exposureMinor: integerOrZero, betCount: integerOrZero, handleMinor: integerOrZero })(value, path),
});

export function loadStreamMarkets(streamId: string): Promise<ApiResult<{ markets: Market[] }>> {
  return callApi({
    path: `/api/streams/${encodeURIComponent(streamId)}/markets`,
    decoder: object({ markets: array(market) }),
  });
}

export function loadMyBets(state: 'open' | 'settled' | 'all' = 'all'): Promise<ApiResult<{ bets: Bet[] }>> {
  return callApi({ path: `/api/bets?state=${state}&limit=50`, decoder: object({ bets: array(bet) }) });
}

/**
 * Cancels a bet still pending its bet delay; the answer is the bet, now `CANCELLED` with its stake
 * returned. A bet that already stands answers 409 `not_cancellable`; an unknown one 404 `bet_not_found`.
 */
export function cancelBet(betId: string): Promise<ApiResult<Bet>> {
  return callApi({ method: 'POST', path: `/api/bets/${encodeURIComponent(betId)}/cancel`, body: {}, decoder: bet });
}

export function loadEvidence(marketId: string): Promise<ApiResult<Evidence>> {
  return callApi({ path: `/api/markets/${encodeURIComponent(marketId)}/evidence`, decoder: evidence });
}

export function loadOperatorMarkets(streamId?: string): Promise<ApiResult<{ markets: OperatorMarket[] }>> {
  const query = streamId ? `?streamId=${encodeURIComponent(streamId)}` : '';
  return callApi({ path: `/api/operator/markets${query}`, decoder: object({ markets: array(operatorMarket) }) });
}

export type OperatorAction = 'suspend' | 'resume' | 'void';

export function actOnMarket(id: string, action: OperatorAction, reason: string): Promise<ApiResult<Market>> {
  return callApi({
    method: 'POST',
    path: `/api/operator/markets/${encodeURIComponent(id)}/${action}`,
    body: action === 'resume' ? {} : { reason },
    decoder: market,
  });
}

