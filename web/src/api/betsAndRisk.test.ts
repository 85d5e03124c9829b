import { afterEach, describe, expect, it, vi } from 'vitest';
import { cancelBet } from './markets';
import { setBettorRisk } from './operator';

/** A hand-written fake of `fetch` that records each request and answers with one canned response. */
function answering(status: number, body: unknown) {
  const seen: { url: string; init: RequestInit }[] = [];
  const fake = async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), init: init ?? {} });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  vi.stubGlobal('fetch', fake);
  return seen;
}

const cancelledBet = {
  id: 'main-7',
  marketId: 'mkt-1',
  marketTitle: 'Next lap under 30 s',
  selectionId: 'yes',
  selectionName: 'Yes',
  stakeMinor: 500,
  currency: 'EUR',
  decimalOddsBp: 21000,
  potentialPayoutMinor: 1050,
  state: 'CANCELLED',
  placedAt: '2026-11-24T10:00:00Z',
  settledAt: '2026-11-24T10:00:02Z',
  payoutMinor: 500,
  evidenceUrl: null,
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('cancelling a pending bet', () => {
  it('posts an empty JSON body to the bet cancel route (the API takes only JSON) and reads back the cancelled bet', async () => {
    const seen = answering(200, cancelledBet);
    const result = await cancelBet('main-7');
    expect(result).toMatchObject({ ok: true, value: { id: 'main-7', state: 'CANCELLED', payoutMinor: 500 } });
    expect(seen[0]?.url).toBe('/api/bets/main-7/cancel');
    expect(seen[0]?.init.method).toBe('POST');
    expect(seen[0]?.init.body).toBe('{}');
  });

  it('passes on the code and detail of a bet that is no longer pending', async () => {
    answering(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'not_cancellable', detail: 'bet main-7 already stands' });
    expect(await cancelBet('main-7')).toEqual({ ok: false, status: 409, code: 'not_cancellable', message: 'bet main-7 already stands' });
  });
});

describe('setting a bettor risk', () => {
  it('puts all three settings and reads back what the server holds', async () => {
    const risk = { userId: 'usr_eve', confidence: 0.5, betDelayMs: 3000, blocked: false, bets: 4, lateBets: 1, lateBetScore: 0.25 };
    const seen = answering(200, risk);
    const result = await setBettorRisk('usr_eve', { confidence: 0.5, betDelayMs: 3000, blocked: false });
    expect(result).toEqual({ ok: true, status: 200, value: risk });
    expect(seen[0]?.url).toBe('/api/operator/users/usr_eve/risk');
    expect(seen[0]?.init.method).toBe('PUT');
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({ confidence: 0.5, betDelayMs: 3000, blocked: false });
  });

  it('passes on the server reason for a value out of range', async () => {
    answering(400, { code: 'invalid_confidence', detail: 'confidence must be 0 to 1 (was 1.5)' });
    const result = await setBettorRisk('usr_eve', { confidence: 1.5, betDelayMs: 0, blocked: false });
    expect(result).toEqual({ ok: false, status: 400, code: 'invalid_confidence', message: 'confidence must be 0 to 1 (was 1.5)' });
  });
});
