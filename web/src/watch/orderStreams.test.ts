import { describe, expect, it } from 'vitest';
import type { StreamSummary } from '../api/gateway';
import { orderStreams } from './orderStreams';

function stream(id: string, state: StreamSummary['state'], createdAt: string): StreamSummary {
  return { id, title: id, state, createdAt };
}

describe('stream order', () => {
  it('puts live streams first, then not started, then ended, newest first within each', () => {
    const ordered = orderStreams([
      stream('ended-new', 'ended', '2026-11-24T12:00:00Z'),
      stream('idle-old', 'idle', '2026-11-24T08:00:00Z'),
      stream('live-old', 'live', '2026-11-24T09:00:00Z'),
      stream('idle-new', 'idle', '2026-11-24T11:00:00Z'),
      stream('live-new', 'live', '2026-11-24T10:00:00Z'),
    ]);
    expect(ordered.map((s) => s.id)).toEqual(['live-new', 'live-old', 'idle-new', 'idle-old', 'ended-new']);
  });

  it('leaves the server response untouched', () => {
    const original = [stream('b', 'idle', '2026-11-24T08:00:00Z'), stream('a', 'live', '2026-11-24T08:00:00Z')];
    orderStreams(original);
    expect(original.map((s) => s.id)).toEqual(['b', 'a']);
  });
});
