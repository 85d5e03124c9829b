import { describe, expect, it } from 'vitest';
import { firstFlash, nextFlash } from './priceFlash';

describe('the odds flash', () => {
  it('does not flash when the odds first appear', () => {
    expect(firstFlash('2.50', 25_000).direction).toBe('none');
  });

  it('does not flash when the odds move below the precision shown', () => {
    const first = firstFlash('2.50', 25_000);
    expect(nextFlash(first, '2.50', 25_003)).toBe(first);
    expect(nextFlash(first, '2.50', 24_998)).toBe(first);
  });

  it('flashes once, in the direction of the move, when the shown price changes', () => {
    const first = firstFlash('2.50', 25_000);
    const up = nextFlash(first, '2.60', 26_000);
    expect(up).toMatchObject({ direction: 'up', generation: 1 });
    expect(nextFlash(up, '2.60', 26_001)).toBe(up);
    expect(nextFlash(up, '2.40', 24_000)).toMatchObject({ direction: 'down', generation: 2 });
  });
});
