/** The signed-in player's money: wallet, deposits, withdrawals, limits, breaks and data export. */
import { array, instant, integer, nullable, object, optional, string, boolean, type Decoder } from './decode';
import { callApi, newIdempotencyKey, type ApiResult } from './request';

export interface Wallet {
  accountId: string;
  currency: string;
  balanceMinor: number;
  availableMinor: number;
  heldMinor: number;
  version: number;
}

export const wallet: Decoder<Wallet> = object<Wallet>({
  accountId: string,
  currency: string,
  balanceMinor: integer,
  availableMinor: integer,
  heldMinor: integer,
  version: integer,
});

export interface Deposit {
  id: string;
  state: string;
  amountMinor: number;
  currency: string;
  paymentMethod: string;
  failureReason: string | null;
  createdAt: string;
}

export const deposit: Decoder<Deposit> = object<Deposit>({
  id: string,
  state: string,
  amountMinor: integer,
  currency: string,
  paymentMethod: string,
  failureReason: nullable(string),
  createdAt: instant,
});

export interface Withdrawal {
  id: string;
  state: string;
  amountMinor: number;
  currency: string;
  destination: string;
  createdAt: string;
  reviewedBy?: string | null | undefined;
  failureReason?: string | null | undefined;
}

export const withdrawal: Decoder<Withdrawal> = object<Withdrawal>({
  id: string,
  state: string,
  amountMinor: integer,
  currency: string,
  destination: string,
  createdAt: instant,
  reviewedBy: optional(nullable(string)),
  failureReason: optional(nullable(string)),
});

export interface Limit {
  kind: string;
  period: string;
  amountMinor: number | null;
  pendingAmountMinor: number | null;
  pendingRemoval: boolean;
  pendingFrom: string | null;
}

export interface Limits {
  limits: Limit[];
  exclusion: { kind: string; until: string | null } | null;
}

export const limits: Decoder<Limits> = object<Limits>({
  limits: array(
    object<Limit>({
      kind: string,
      period: string,
      amountMinor: nullable(integer),
      pendingAmountMinor: nullable(integer),
      pendingRemoval: boolean,
      pendingFrom: nullable(instant),
    }),
  ),
  exclusion: nullable(object({ kind: string, until: nullable(instant) })),
});

/** The sandbox's test cards: the first two succeed, the others show each failure. */
export const SANDBOX_CARDS = [
  { token: 'tok_visa', label: 'Visa (succeeds)' },
  { token: 'tok_mastercard', label: 'Mastercard (succeeds)' },
  { token: 'tok_declined', label: 'Declined card' },
  { token: 'tok_timeout', label: 'Card that never answers' },
] as const;

export const loadWallet = () => callApi({ path: '/api/wallet', decoder: wallet });

export const loadDeposits = () => callApi({ path: '/api/wallet/deposits', decoder: pageOf(deposit) });

export function startDeposit(amountMinor: number, paymentMethod: string): Promise<ApiResult<Deposit>> {
  return callApi({
    method: 'POST',
    path: '/api/wallet/deposits',
    body: { amountMinor, paymentMethod, currency: 'EUR' },
    idempotencyKey: newIdempotencyKey(),
    decoder: deposit,
  });
}

export function startWithdrawal(amountMinor: number, destination: string): Promise<ApiResult<Withdrawal>> {
  return callApi({
    method: 'POST',
    path: '/api/wallet/withdrawals',
    body: { amountMinor, destination },
    idempotencyKey: newIdempotencyKey(),
    decoder: withdrawal,
  });
}

export const loadWithdrawals = () => callApi({ path: '/api/wallet/withdrawals', decoder: pageOf(withdrawal) });

/** Erases the account (name, email, password); the password confirms it is the owner asking. */
export function eraseMyAccount(password: string): Promise<ApiResult<unknown>> {
  return callApi({ method: 'DELETE', path: '/api/account', body: { password } });
}

export const loadLimits = () => callApi({ path: '/api/account/limits', decoder: limits });

export function setLimit(kind: string, period: string, amountMinor: number | null): Promise<ApiResult<unknown>> {
  return callApi({ method: 'PUT', path: '/api/account/limits', body: { kind, period, amountMinor } });
}

export function takeTimeOut(hours: number): Promise<ApiResult<unknown>> {
  return callApi({ method: 'POST', path: '/api/account/time-out', body: { hours } });
}

export function selfExclude(days: number | 'permanent'): Promise<ApiResult<unknown>> {
  const body = days === 'permanent' ? { permanent: true } : { days };
  return callApi({ method: 'POST', path: '/api/account/self-exclusion', body });
}

export const exportMyData = () => callApi<unknown>({ path: '/api/account/export' });

/** A `{"items": [...]}` page of `item`. */
export function pageOf<T>(item: Decoder<T>): Decoder<{ items: T[] }> {
  return object<{ items: T[] }>({ items: array(item) });
}
