import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Bet } from '../api/markets';
import { SlipOutcome } from './SlipOutcome';

const ignore = () => {};

const placed: Bet = {
  id: 'b1',
  marketId: 'mkt-1',
  marketTitle: 'Next lap under 30 s',
  selectionId: 'yes',
  selectionName: 'Yes',
  stakeMinor: 500,
  currency: 'EUR',
  decimalOddsBp: 21000,
  potentialPayoutMinor: 1050,
  state: 'PENDING',
  placedAt: '2026-11-24T10:00:00Z',
  settledAt: null,
  payoutMinor: null,
  evidenceUrl: null,
};

const pendingAnswer = { kind: 'accepted', betId: 'b1', oddsBp: 21000, pending: true } as const;

describe('the bet slip answer', () => {
  it('says a pending bet waits for confirmation, not that it was accepted, and offers to cancel it', () => {
    const html = renderToStaticMarkup(<SlipOutcome outcome={pendingAnswer} placed={placed} onBetChanged={ignore} />);
    expect(html).toContain('data-outcome="pending"');
    expect(html).toContain('Pending confirmation at 2.10');
    expect(html).toContain('bet-slip__cancel');
    expect(html).not.toContain('data-outcome="accepted"');
  });

  it('follows the bet once the stream confirms it', () => {
    const html = renderToStaticMarkup(<SlipOutcome outcome={pendingAnswer} placed={{ ...placed, state: 'OPEN' }} onBetChanged={ignore} />);
    expect(html).toContain('data-outcome="accepted"');
    expect(html).toContain('Bet confirmed at 2.10.');
    expect(html).not.toContain('bet-slip__cancel');
  });

  it('says a cancelled bet returned its stake', () => {
    const html = renderToStaticMarkup(<SlipOutcome outcome={pendingAnswer} placed={{ ...placed, state: 'CANCELLED', payoutMinor: 500 }} onBetChanged={ignore} />);
    expect(html).toContain('data-outcome="cancelled"');
    expect(html).toContain('stake returned');
  });

  it('keeps saying "Bet placed" for a bet accepted at once', () => {
    const html = renderToStaticMarkup(
      <SlipOutcome outcome={{ ...pendingAnswer, pending: false }} placed={{ ...placed, state: 'OPEN' }} onBetChanged={ignore} />,
    );
    expect(html).toContain('Bet placed at 2.10.');
  });
});
