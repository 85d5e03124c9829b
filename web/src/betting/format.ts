/** How odds and money read on screen. */

import { americanOdds, decimalOdds, fractionalOdds, type OddsFormat } from './oddsFormat';

/**
 * Odds from basis points in the bettor's format: 25000 → "2.50", "3/2" or "+150". No price (0),
 * or one of 1.00 or less that no format can show, reads "–".
 */
export function formatOdds(bp: number, format: OddsFormat): string {
  if (!(bp > 10_000)) return '–';
  switch (format) {
    case 'decimal':
      return decimalOdds(bp);
    case 'fractional':
      return fractionalOdds(bp);
    case 'american':
      return americanOdds(bp);
  }
}

/** Minor units as money: 1234 EUR → "€12.34". */
export function formatMoney(minor: number, currency = 'EUR'): string {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** What a stake returns at `oddsBp` if it wins, in minor units (rounded down, as the server does). */
export function potentialReturn(stakeMinor: number, oddsBp: number): number {
  return Math.floor((stakeMinor * oddsBp) / 10_000);
}

/** Whole euros or cents typed by a person ("12", "12.5", "12,50") as minor units; null if not money. */
export function parseMoney(text: string): number | null {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}
