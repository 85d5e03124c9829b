import { describe, expect, it } from 'vitest';
import type { Performance, StreamPerformance } from '../api/console';
import { addSnapshot, EMPTY_HISTORY, HISTORY_MS } from './performanceHistory';

function stream(processed: number, skipped: number, bitrate: number): StreamPerformance {
  return {
    streamId: 'str_a',
    ingestBitrateKbps: bitrate,
    ingestFps: 30,
    framesProcessed: processed,
    framesSkipped: skipped,
    framesSkippedByReason: {},
    stages: [],
  };
}

function snapshot(cpu: number, ...streams: StreamPerformance[]): Performance {
  return { at: '2026-11-24T10:00:00Z', process: { processCpu: cpu }, streams };
}

describe('the performance history behind the live charts', () => {
  it('derives analytics fps and dropped frames per second from two counter snapshots', () => {
    const first = addSnapshot(EMPTY_HISTORY, snapshot(0.2, stream(100, 10, 2500)), 0);
    const second = addSnapshot(first, snapshot(0.3, stream(120, 14, 2600)), 2000);
    const series = second.streams.get('str_a');
    expect(series?.analyticsFps).toEqual([{ at: 2000, value: 10 }]);
    expect(series?.droppedPerSecond).toEqual([{ at: 2000, value: 2 }]);
    expect(series?.bitrateKbps.map((p) => p.value)).toEqual([2500, 2600]);
    expect(second.cpu.map((p) => p.value)).toEqual([20, 30]);
  });

  it('forgets points older than the window and streams that stopped reporting', () => {
    let history = addSnapshot(EMPTY_HISTORY, snapshot(0.1, stream(0, 0, 1000)), 0);
    history = addSnapshot(history, snapshot(0.1, stream(10, 0, 1000)), HISTORY_MS + 1000);
    expect(history.streams.get('str_a')?.bitrateKbps).toHaveLength(1);
    history = addSnapshot(history, snapshot(0.1), HISTORY_MS + 3000);
    expect(history.streams.size).toBe(0);
  });

  it('draws no rate when a counter went backwards (a restarted pipeline)', () => {
    const first = addSnapshot(EMPTY_HISTORY, snapshot(0.1, stream(500, 0, 1000)), 0);
    const second = addSnapshot(first, snapshot(0.1, stream(5, 0, 1000)), 2000);
    expect(second.streams.get('str_a')?.analyticsFps).toEqual([]);
  });
});
