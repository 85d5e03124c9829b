import { describe, expect, it } from 'vitest';
import { untitledMarket } from './useStreamMarkets';

const update = (marketId: unknown) => ({ marketUpdate: { marketId, priceVersion: 3, state: 'MARKET_STATE_OPEN' } });

describe('reading the market list again for a market the socket shows first', () => {
  it('asks once for a market whose title is unknown', () => {
    const asked = new Set<string>();
    expect(untitledMarket(update('str-mk92'), new Set(), asked)).toBe(true);
    expect(untitledMarket(update('str-mk92'), new Set(), asked)).toBe(false);
    expect(asked.has('str-mk92')).toBe(true);
  });

  it('does not ask for a market the list already named', () => {
    expect(untitledMarket(update('str-mk1'), new Set(['str-mk1']), new Set())).toBe(false);
  });

  it('ignores messages that are not market updates or carry no id', () => {
    const asked = new Set<string>();
    expect(untitledMarket({ market: { marketId: 'str-mk2' } }, new Set(), asked)).toBe(false);
    expect(untitledMarket(update(''), new Set(), asked)).toBe(false);
    expect(untitledMarket(update(42), new Set(), asked)).toBe(false);
    expect(asked.size).toBe(0);
  });
});
