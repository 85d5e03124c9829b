import { describe, expect, it } from 'vitest';
import type { Market } from '../api/markets';
import { applyRestMarkets, applySocketMessage, ENDED_LISTED_MS, visibleMarkets, type MarketBook } from './marketBook';

const empty: MarketBook = new Map();

function update(version: number, state: string, yes: number, no: number) {
  return {
    marketUpdate: {
      marketId: 'mkt-1',
      streamId: 'str_a',
      priceVersion: String(version),
      prices: [
        { selectionId: 'yes', decimalOddsBp: yes },
        { selectionId: 'no', decimalOddsBp: no },
      ],
      state,
      reason: 'MARKET_CHANGE_REASON_REPRICED',
    },
  };
}

const restMarket: Market = {
  id: 'mkt-1',
  streamId: 'str_a',
  templateKind: 'SPEED_THRESHOLD',
  title: 'Runner 3 tops 9.0 m/s in the next 10 s',
  state: 'OPEN',
  subjectTrackId: 3,
  windowStartMediaTimeUs: 0,
  windowEndMediaTimeUs: 10_000_000,
  priceVersion: 1,
  selections: [
    { id: 'yes', name: 'Yes, tops 9.0', decimalOddsBp: 20000, probabilityPpm: 480000 },
    { id: 'no', name: 'No', decimalOddsBp: 18000, probabilityPpm: 520000 },
  ],
  reason: null,
  detail: null,
  settlement: null,
};

describe('the market book', () => {
  it('shows a suspension from the socket at once, with the odds it had', () => {
    let book = applySocketMessage(empty, update(3, 'MARKET_STATE_OPEN', 21000, 17500), 1);
    book = applySocketMessage(book, update(4, 'MARKET_STATE_SUSPENDED', 21000, 17500), 2);
    expect(book.get('mkt-1')?.state).toBe('SUSPENDED');
    expect(book.get('mkt-1')?.selections.map((s) => s.oddsBp)).toEqual([21000, 17500]);
  });

  it('ignores an update older than the one it holds', () => {
    let book = applySocketMessage(empty, update(5, 'MARKET_STATE_SUSPENDED', 21000, 17500), 1);
    book = applySocketMessage(book, update(4, 'MARKET_STATE_OPEN', 30000, 12000), 2);
    expect(book.get('mkt-1')?.state).toBe('SUSPENDED');
  });

  it('remembers which way the odds moved, for the flash', () => {
    let book = applySocketMessage(empty, update(1, 'MARKET_STATE_OPEN', 20000, 18000), 1);
    book = applySocketMessage(book, update(2, 'MARKET_STATE_OPEN', 22000, 16000), 2);
    const [yes, no] = book.get('mkt-1')!.selections;
    expect(yes).toMatchObject({ oddsBp: 22000, movedFrom: 20000 });
    expect(no).toMatchObject({ oddsBp: 16000, movedFrom: 18000 });
  });

  it('takes titles and names from REST without rolling back newer live prices', () => {
    let book = applySocketMessage(empty, update(7, 'MARKET_STATE_OPEN', 25000, 15000), 1);
    book = applyRestMarkets(book, [restMarket], 2);
    const market = book.get('mkt-1')!;
    expect(market.title).toBe(restMarket.title);
    expect(market.priceVersion).toBe(7);
    expect(market.selections.map((s) => [s.name, s.oddsBp])).toEqual([
      ['Yes, tops 9.0', 25000],
      ['No', 15000],
    ]);
  });

  it('keeps the names from REST when later socket updates arrive', () => {
    let book = applyRestMarkets(empty, [restMarket], 1);
    book = applySocketMessage(book, update(2, 'MARKET_STATE_OPEN', 19000, 19000), 2);
    expect(book.get('mkt-1')?.selections[0]?.name).toBe('Yes, tops 9.0');
    expect(book.get('mkt-1')?.title).toBe(restMarket.title);
  });

  it('leaves the book as it was for a message that is not a market update', () => {
    expect(applySocketMessage(empty, { marketUpdate: { marketId: 7 } }, 1)).toBe(empty);
    expect(applySocketMessage(empty, { marketUpdate: 'nonsense' }, 1)).toBe(empty);
    expect(applySocketMessage(empty, { subscribed: {} }, 1)).toBe(empty);
  });

  it('lists open and suspended markets before closed ones, then settled ones for a few seconds', () => {
    let book = applySocketMessage(empty, update(1, 'MARKET_STATE_CLOSED', 20000, 18000), 1);
    book = applySocketMessage(book, { marketUpdate: { ...update(1, 'MARKET_STATE_OPEN', 1, 1).marketUpdate, marketId: 'mkt-2' } }, 1);
    book = applySocketMessage(book, { marketUpdate: { ...update(1, 'MARKET_STATE_SETTLED', 1, 1).marketUpdate, marketId: 'mkt-3' } }, 1000);
    expect(visibleMarkets(book, 1000).map((m) => m.id)).toEqual(['mkt-2', 'mkt-1', 'mkt-3']);
    expect(visibleMarkets(book, 1000 + ENDED_LISTED_MS - 1).map((m) => m.id)).toEqual(['mkt-2', 'mkt-1', 'mkt-3']);
    expect(visibleMarkets(book, 1000 + ENDED_LISTED_MS).map((m) => m.id)).toEqual(['mkt-2', 'mkt-1']);
  });

  it('counts the few seconds from when the market first ended, not from later repeats or a REST read', () => {
    let book = applySocketMessage(empty, update(5, 'MARKET_STATE_VOID', 20000, 18000), 1000);
    book = applySocketMessage(book, update(6, 'MARKET_STATE_VOID', 20000, 18000), 8000);
    book = applyRestMarkets(book, [{ ...restMarket, state: 'VOID', priceVersion: 9 }], 9000);
    expect(book.get('mkt-1')?.endedAt).toBe(1000);
    expect(visibleMarkets(book, 1000 + ENDED_LISTED_MS)).toEqual([]);
  });
});
