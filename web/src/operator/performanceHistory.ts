/**
 * The last few minutes of performance snapshots, turned into the series the live charts draw.
 * Counters arrive as totals since start; rates (analytics fps, dropped frames per second) are the
 * difference between two snapshots over the time between them.
 */
import type { Performance } from '../api/console';

export const HISTORY_MS = 5 * 60_000;

export interface Point {
  readonly at: number;
  readonly value: number;
}

export interface StreamSeries {
  readonly bitrateKbps: readonly Point[];
  readonly ingestFps: readonly Point[];
  readonly analyticsFps: readonly Point[];
  readonly droppedPerSecond: readonly Point[];
}

export interface PerformanceHistory {
  readonly last: Performance | null;
  readonly lastAt: number;
  readonly cpu: readonly Point[];
  readonly streams: ReadonlyMap<string, StreamSeries>;
}

export const EMPTY_HISTORY: PerformanceHistory = { last: null, lastAt: 0, cpu: [], streams: new Map() };

const NO_SERIES: StreamSeries = { bitrateKbps: [], ingestFps: [], analyticsFps: [], droppedPerSecond: [] };

function push(series: readonly Point[], at: number, value: number | null | undefined): readonly Point[] {
  const kept = series.filter((p) => p.at > at - HISTORY_MS);
  return value === null || value === undefined || !Number.isFinite(value) ? kept : [...kept, { at, value }];
}

/** The history after `snapshot` arrived at `at` (epoch ms); streams no longer reported are dropped. */
export function addSnapshot(history: PerformanceHistory, snapshot: Performance, at: number): PerformanceHistory {
  const seconds = history.last ? (at - history.lastAt) / 1000 : 0;
  const streams = new Map<string, StreamSeries>();
  for (const stream of snapshot.streams) {
    const before = history.streams.get(stream.streamId) ?? NO_SERIES;
    const previous = history.last?.streams.find((s) => s.streamId === stream.streamId);
    const rate = (now: number, then: number | undefined) =>
      previous && seconds > 0 && then !== undefined && now >= then ? (now - then) / seconds : null;
    streams.set(stream.streamId, {
      bitrateKbps: push(before.bitrateKbps, at, stream.ingestBitrateKbps),
      ingestFps: push(before.ingestFps, at, stream.ingestFps),
      analyticsFps: push(before.analyticsFps, at, rate(stream.framesProcessed, previous?.framesProcessed)),
      droppedPerSecond: push(before.droppedPerSecond, at, rate(stream.framesSkipped, previous?.framesSkipped)),
    });
  }
  const cpu = snapshot.process.processCpu;
  return {
    last: snapshot,
    lastAt: at,
    cpu: push(history.cpu, at, cpu === null || cpu === undefined ? null : cpu * 100),
    streams,
  };
}
