import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration } from './format';

describe('durations', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [245, '4 min 05 s'],
    [3725, '1 h 02 min'],
    [2 * 86_400 + 5 * 3600 + 59, '2 d 5 h'],
    [12.9, '12 s'],
  ])('shows %s seconds as "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('ages', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');

  it.each([
    [500, 'just now'],
    [12_000, '12 s ago'],
    [185_000, '3 min ago'],
    [2 * 3_600_000 + 1, '2 h ago'],
  ])('describes an update %s ms old as "%s"', (ageMs, text) => {
    expect(formatAge(now - ageMs, now)).toBe(text);
  });
});
