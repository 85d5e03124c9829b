import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LiveStatus } from './LiveStatus';

const T0 = Date.parse('2026-11-24T10:00:00Z');
const noRetry = () => {};

describe('the live status line', () => {
  it('marks stale data with the time of the last good update, the reason and a retry button', () => {
    const html = renderToStaticMarkup(
      <LiveStatus
        freshness={{ kind: 'stale', updatedAt: T0, reason: 'The server could not be reached.' }}
        now={T0 + 65_000}
        subject="streams"
        onRetry={noRetry}
      />,
    );
    expect(html).toContain('Stale: showing streams from');
    expect(html).toContain('dateTime="2026-11-24T10:00:00.000Z"');
    expect(html).toContain('1 min ago');
    expect(html).toContain('The server could not be reached.');
    expect(html).toContain('Retry now');
    expect(html).toContain('role="status"');
  });

  it('does not announce a routine refresh to screen readers', () => {
    const html = renderToStaticMarkup(
      <LiveStatus freshness={{ kind: 'fresh', updatedAt: T0 }} now={T0} subject="streams" onRetry={noRetry} />,
    );
    expect(html).toContain('Up to date');
    expect(html).not.toContain('role=');
  });
});
