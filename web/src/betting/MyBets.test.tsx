import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Bet } from '../api/markets';
import { MyBetRow } from './MyBetRow';
import { MyBets } from './MyBets';

const ignore = () => {};

function aBet(id: string, state: Bet['state'], payoutMinor: number | null = null): Bet {
  return {
    id,
    marketId: 'mkt-1',
    marketTitle: 'Next lap under 30 s',
    selectionName: 'Yes',
    selectionId: 'yes',
    stakeMinor: 500,
    currency: 'EUR',
    decimalOddsBp: 21000,
    potentialPayoutMinor: 1050,
    state,
    placedAt: '2026-11-24T10:00:00Z',
    settledAt: null,
    payoutMinor,
    evidenceUrl: null,
  };
}

describe('my bets', () => {
  it('marks a pending bet as waiting for confirmation, with a cancel button that names the bet', () => {
    const html = renderToStaticMarkup(<MyBetRow bet={aBet('b1', 'PENDING')} onChanged={ignore} />);
    expect(html).toContain('class="my-bet my-bet--pending"');
    expect(html).toContain('Pending — waiting for confirmation');
    expect(html).toMatch(/<button[^>]*class="[^"]*my-bet__cancel[^"]*"[^>]*aria-label="Cancel bet on Yes · Next lap under 30 s"/);
    expect(html).not.toContain('Show evidence');
  });

  it('shows a cancelled bet with its stake returned and nothing to cancel or explain', () => {
    const html = renderToStaticMarkup(<MyBetRow bet={aBet('b1', 'CANCELLED', 500)} onChanged={ignore} />);
    expect(html).toContain('data-state="CANCELLED"');
    expect(html).toContain('Cancelled — stake returned');
    expect(html).toContain('Returned €5.00');
    expect(html).not.toContain('my-bet__cancel');
    expect(html).not.toContain('Show evidence');
  });

  it('lists pending and standing bets as open, cancelled ones as settled', () => {
    const bets = [aBet('p', 'PENDING'), aBet('o', 'OPEN'), aBet('c', 'CANCELLED', 500), aBet('w', 'WON', 1050)];
    const html = renderToStaticMarkup(<MyBets bets={bets} source="server" onBetChanged={ignore} />);
    expect(html).toContain('Open (2)');
    expect(html).toContain('Settled (2)');
    expect(html).toContain('data-bet-id="p"');
    expect(html).toContain('data-bet-id="o"');
    expect(html).not.toContain('data-bet-id="c"');
  });
});
