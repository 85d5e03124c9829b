import { describe, expect, it } from 'vitest';
import { formatOdds } from './format';
import { americanOdds, decimalOdds, fractionalOdds, oddsFormatOrDefault } from './oddsFormat';

// The server's PricingModelsTest.oddsReadInEveryFormat, case by case: the app must read a price
// exactly as markets.pricing.Odds writes it.
describe('odds read as the server writes them', () => {
  it('shows 2.50 as "2.50", "3/2" and "+150"', () => {
    expect(decimalOdds(25_000)).toBe('2.50');
    expect(fractionalOdds(25_000)).toBe('3/2');
    expect(americanOdds(25_000)).toBe('+150');
  });

  it('shows the favourite at 1.25 as "1/4" and "-400"', () => {
    expect(fractionalOdds(12_500)).toBe('1/4');
    expect(americanOdds(12_500)).toBe('-400');
  });

  it('shows evens, 2.00, as "+100" in American odds', () => {
    expect(americanOdds(20_000)).toBe('+100');
  });
});

// Further prices, each checked against what Odds.java writes for it.
describe('odds at the edges of each format', () => {
  it('keeps a fraction to a denominator of 100 at most: 3.3333 is "7/3", 1.01 is "1/100"', () => {
    expect(fractionalOdds(33_333)).toBe('7/3');
    expect(fractionalOdds(10_100)).toBe('1/100');
    expect(fractionalOdds(12_350)).toBe('4/17');
    expect(fractionalOdds(10_000_000)).toBe('999/1');
  });

  it('counts a price just short of 2.00 as odds-on in American odds, though it shows as "2.00"', () => {
    expect(decimalOdds(19_999)).toBe('2.00');
    expect(americanOdds(19_999)).toBe('-100');
    expect(fractionalOdds(19_999)).toBe('1/1');
  });

  it('rounds American odds to whole numbers and reaches the ends of the ladder', () => {
    expect(americanOdds(33_333)).toBe('+233');
    expect(americanOdds(12_350)).toBe('-426');
    expect(americanOdds(10_100)).toBe('-10000');
    expect(americanOdds(10_000_000)).toBe('+99900');
  });

  it('rounds decimal odds half up, as Java\'s "%.2f" does: 1.015 is "1.02", 3.005 is "3.01"', () => {
    expect(decimalOdds(10_150)).toBe('1.02');
    expect(decimalOdds(12_350)).toBe('1.24');
    expect(decimalOdds(12_349)).toBe('1.23');
    expect(decimalOdds(30_050)).toBe('3.01');
    expect(decimalOdds(33_333)).toBe('3.33');
    expect(decimalOdds(10_000_000)).toBe('1000.00');
  });
});

describe('formatOdds', () => {
  it('shows a price in the format asked for', () => {
    expect(formatOdds(25_000, 'decimal')).toBe('2.50');
    expect(formatOdds(25_000, 'fractional')).toBe('3/2');
    expect(formatOdds(25_000, 'american')).toBe('+150');
  });

  it('shows no price as a dash in every format', () => {
    for (const format of ['decimal', 'fractional', 'american'] as const) {
      expect(formatOdds(0, format)).toBe('–');
      expect(formatOdds(10_000, format)).toBe('–');
    }
  });
});

describe('a stored odds format', () => {
  it('is read back as itself', () => {
    expect(oddsFormatOrDefault('fractional')).toBe('fractional');
    expect(oddsFormatOrDefault('american')).toBe('american');
  });

  it('falls back to decimal when missing or not a format', () => {
    for (const bad of [null, undefined, '', 'Fractional', 'hong-kong', '{"format":"american"}', 3]) {
      expect(oddsFormatOrDefault(bad)).toBe('decimal');
    }
  });
});
