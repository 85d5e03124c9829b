/** Places one bet over the live socket and reads the answer into what the slip shows. */
import { newIdempotencyKey } from '../api/request';
import type { LiveSocket } from '../live/liveSocket';
import { rejectCode, rejectSentence } from './rejectReasons';

export interface BetRequest {
  marketId: string;
  selectionId: string;
  stakeMinor: number;
  oddsBp: number;
  priceVersion: number;
  acceptBetterOdds: boolean;
  /** Media time of the frame on the bettor's screen, if known. */
  mediaTimeUs: number | null;
}

export type BetOutcome =
  | { kind: 'accepted'; betId: string; oddsBp: number; pending: boolean }
  | { kind: 'rejected'; code: string; sentence: string }
  | { kind: 'failed'; sentence: string };

type Json = Record<string, unknown>;

export async function placeBet(socket: LiveSocket, bet: BetRequest): Promise<BetOutcome> {
  const answer = await socket.request({
    placeBet: {
      requestId: newIdempotencyKey(),
      marketId: bet.marketId,
      selectionId: bet.selectionId,
      stakeMinor: String(bet.stakeMinor),
      currency: 'EUR',
      priceVersionSeen: String(bet.priceVersion),
      decimalOddsBpSeen: bet.oddsBp,
      ...(bet.mediaTimeUs !== null ? { mediaTimeUs: String(Math.max(0, Math.round(bet.mediaTimeUs))) } : {}),
      acceptBetterOdds: bet.acceptBetterOdds,
    },
  });
  if (answer.kind === 'no-answer') return { kind: 'failed', sentence: answer.reason };
  return readAnswer(answer.message);
}

/** The slip's reading of the server's answer to a `placeBet`. */
export function readAnswer(message: Json): BetOutcome {
  const error = message['error'] as Json | undefined;
  if (error) {
    const code = String(error['code'] ?? '').replace('REQUEST_ERROR_CODE_', '').toLowerCase();
    const text = typeof error['message'] === 'string' ? error['message'] : '';
    if (code === 'unauthenticated') return { kind: 'failed', sentence: 'Sign in again to bet (your session ended).' };
    if (code === 'forbidden') return { kind: 'failed', sentence: 'This account may not place bets.' };
    if (code === 'rate_limited') return { kind: 'rejected', code: 'rate_limited', sentence: rejectSentence('rate_limited') };
    return { kind: 'failed', sentence: text !== '' ? `The bet was not placed: ${text}.` : 'The bet was not placed.' };
  }
  const result = message['betResult'] as Json | undefined;
  if (!result || typeof result !== 'object') return { kind: 'failed', sentence: 'The server answered something unexpected.' };
  const status = String(result['status'] ?? '');
  const detail = typeof result['rejectDetail'] === 'string' ? result['rejectDetail'] : '';
  switch (status) {
    case 'BET_STATUS_ACCEPTED':
    case 'BET_STATUS_PENDING':
      return {
        kind: 'accepted',
        betId: String(result['betId'] ?? ''),
        oddsBp: Number(result['acceptedOddsBp'] ?? 0),
        pending: status === 'BET_STATUS_PENDING',
      };
    case 'BET_STATUS_LAPSED':
      return { kind: 'rejected', code: 'lapsed', sentence: rejectSentence('lapsed') };
    case 'BET_STATUS_REJECTED': {
      const code = rejectCode(String(result['rejectCode'] ?? 'BET_REJECT_CODE_INVALID_REQUEST'));
      return { kind: 'rejected', code, sentence: rejectSentence(code, detail) };
    }
    default:
      return { kind: 'failed', sentence: 'The server answered something unexpected.' };
  }
}
