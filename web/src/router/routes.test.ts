import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, pageFor } from './routes';

describe('routes', () => {
  it('opens Watch at the site root', () => {
    expect(pageFor('/')).toBe('watch');
  });

  it('opens every navigation entry at its own path, with or without a trailing slash', () => {
    for (const item of NAV_ITEMS) {
      expect(pageFor(item.path)).toBe(item.page);
      expect(pageFor(`${item.path}/`)).toBe(item.page);
    }
  });

  it('shows not found for any other path', () => {
    expect(pageFor('/watch/extra')).toBe('not-found');
    expect(pageFor('/Operator')).toBe('not-found');
  });

  it('offers Watch, Go Live, Operator and Account in that order', () => {
    expect(NAV_ITEMS.map((item) => item.label)).toEqual(['Watch', 'Go Live', 'Operator', 'Account']);
  });
});
