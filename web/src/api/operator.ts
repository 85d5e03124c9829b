/**
 * The operator's money and risk routes: withdrawals waiting for review, fraud flags with evidence,
 * and each bettor's risk settings.
 */
import { anything, array, boolean, instant, integer, nullable, number, object, string, type Decoder } from './decode';
import { pageOf } from './money';
import { callApi, type ApiResult } from './request';

export interface ReviewWithdrawal {
  id: string;
  state: string;
  walletAccountId: string;
  amountMinor: number;
  currency: string;
  destination: string;
  createdAt: string;
}

const reviewWithdrawal: Decoder<ReviewWithdrawal> = object<ReviewWithdrawal>({
  id: string,
  state: string,
  walletAccountId: string,
  amountMinor: integer,
  currency: string,
  destination: string,
  createdAt: instant,
});

export interface FraudFlag {
  id: string;
  rule: string;
  subject: string;
  evidence: unknown;
  raisedAt: string;
}

const fraudFlag: Decoder<FraudFlag> = object<FraudFlag>({
  id: string,
  rule: string,
  subject: string,
  evidence: anything,
  raisedAt: instant,
});

export const loadWithdrawalsInReview = () =>
  callApi({ path: '/api/operator/withdrawals?state=in_review&limit=50', decoder: pageOf(reviewWithdrawal) });

export function reviewWithdrawalAs(id: string, decision: 'approve' | 'reject'): Promise<ApiResult<unknown>> {
  return callApi({
    method: 'POST',
    path: `/api/operator/withdrawals/${encodeURIComponent(id)}/${decision}`,
    body: decision === 'reject' ? { reason: 'rejected by an operator in the console' } : {},
  });
}

export const loadFraudFlags = () =>
  callApi({
    path: '/api/operator/fraud-flags?limit=20',
    decoder: object({ items: array(fraudFlag), nextCursor: nullable(string) }),
  });

/** What operators set for one bettor, with the late-bet record that may call for it. */
export interface BettorRisk {
  userId: string;
  /** 0–1: scales every market's largest stake for this bettor. */
  confidence: number;
  /** How long their bets wait as pending before they stand; 0 for none. */
  betDelayMs: number;
  blocked: boolean;
  bets: number;
  /** Bets placed just before the suspension that decided their market. */
  lateBets: number;
  /** `lateBets / bets`, 0–1. */
  lateBetScore: number;
}

const bettorRisk: Decoder<BettorRisk> = object<BettorRisk>({
  userId: string,
  confidence: number,
  betDelayMs: integer,
  blocked: boolean,
  bets: integer,
  lateBets: integer,
  lateBetScore: number,
});

/** A change to a bettor's risk; the server wants all three. */
export interface BettorRiskChange {
  confidence: number;
  betDelayMs: number;
  blocked: boolean;
}

const riskPath = (userId: string) => `/api/operator/users/${encodeURIComponent(userId)}/risk`;

export function loadBettorRisk(userId: string): Promise<ApiResult<BettorRisk>> {
  return callApi({ path: riskPath(userId), decoder: bettorRisk });
}

/** Sets a bettor's risk; refused with `invalid_confidence`, `invalid_bet_delay` or `user_not_found`. */
export function setBettorRisk(userId: string, change: BettorRiskChange): Promise<ApiResult<BettorRisk>> {
  return callApi({ method: 'PUT', path: riskPath(userId), body: change, decoder: bettorRisk });
}
