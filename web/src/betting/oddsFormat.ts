/**
 * How a price reads to a bettor: decimal ("2.50"), fractional ("3/2") or American ("+150",
 * "-200"). The rules mirror the server's `markets.pricing.Odds` to the digit, so a price reads the
 * same here as in anything the server writes; oddsFormat.test.ts runs the examples of its test.
 */

/** The ways odds can be shown. */
export type OddsFormat = 'decimal' | 'fractional' | 'american';

/** Each format with its name on screen, in the order the choice lists them. */
export const ODDS_FORMATS: readonly { readonly format: OddsFormat; readonly label: string }[] = [
  { format: 'decimal', label: 'Decimal' },
  { format: 'fractional', label: 'Fractional' },
  { format: 'american', label: 'American' },
];

/** What a bettor who has not chosen sees. */
export const DEFAULT_ODDS_FORMAT: OddsFormat = 'decimal';

/** A stored or submitted value as a format; anything else (missing, stale, tampered) is the default. */
export function oddsFormatOrDefault(value: unknown): OddsFormat {
  return ODDS_FORMATS.find((f) => f.format === value)?.format ?? DEFAULT_ODDS_FORMAT;
}

const ONE = 10_000;
/** Odds.asFractional's largest denominator: "7/3", never "2333/1000". */
const MAX_DENOMINATOR = 100;

/**
 * Decimal odds with two decimals, half up, e.g. "2.50". Java's "%.2f" rounds the shortest decimal
 * of the double, which for a whole number of basis points is that number itself: 1.015 reads
 * "1.02". `toFixed` rounds the binary value instead (1.0149999… → "1.01"), so it is not used.
 */
export function decimalOdds(bp: number): string {
  const hundredths = Math.floor((bp + 50) / 100);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** Profit over stake in lowest terms, denominator at most 100: "3/2" for 2.50, "1/4" for 1.25. */
export function fractionalOdds(bp: number): string {
  const [numerator, denominator] = bestRational(bp - ONE, ONE, MAX_DENOMINATOR);
  return `${numerator}/${denominator}`;
}

/** American odds: "+150" for 2.50 (profit on 100 staked), "-400" for 1.25 (stake to win 100). */
export function americanOdds(bp: number): string {
  // Same double arithmetic as Odds.asAmerican; Math.round and Java's both round halves up.
  const decimal = bp / ONE;
  return bp >= 2 * ONE ? `+${Math.round((decimal - 1) * 100)}` : `-${Math.round(100 / (decimal - 1))}`;
}

/**
 * The last convergent of numerator/denominator's continued fraction whose denominator is at most
 * `maxDenominator`, as Odds.bestRational finds it (integer division truncates, as Java's does).
 */
function bestRational(numerator: number, denominator: number, maxDenominator: number): [number, number] {
  let [p0, q0, p1, q1] = [0, 1, 1, 0];
  let [n, d] = [numerator, denominator];
  while (d !== 0) {
    const a = Math.trunc(n / d);
    const q2 = q0 + a * q1;
    if (q2 > maxDenominator) break;
    [p0, q0, p1, q1] = [p1, q1, p0 + a * p1, q2];
    [n, d] = [d, n - a * d];
  }
  return q1 === 0 ? [Math.trunc(numerator / denominator), 1] : [p1, q1];
}
